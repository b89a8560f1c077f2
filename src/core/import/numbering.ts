/**
 * Word's automatic numbering, computed as Word displays it: numbering.xml
 * (abstract lists, instances, level overrides), the paragraph's numPr or its
 * style chain, counters per abstract list, restarts (lvlRestart,
 * startOverride) and the lvlText pattern with each level in its own format.
 */
import { bulletText, formatNumber } from './number-format.js';
import { child, childValue, children, onOff, type XmlElement } from './xml.js';

export type LevelDefinition = {
  start: number;
  format: string;
  text: string;
  /** undefined: restart after any shallower level; 0: never; n: after levels 1..n. */
  restart: number | undefined;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** A paragraph style linked to this level (w:lvl/w:pStyle). */
  style: string | undefined;
};

type AbstractList = { id: string; levels: Array<LevelDefinition | undefined>; numStyleLink: string | undefined; styleLink: string | undefined };
type Instance = { abstractId: string; overrides: Map<number, { start: number | undefined; level: LevelDefinition | undefined }> };

export type StyleInfo = {
  id: string;
  name: string;
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  outlineLevel: number | undefined;
  bold: boolean | undefined;
  italic: boolean | undefined;
};

/** Paragraph styles of styles.xml, by id. */
export class Styles {
  readonly byId = new Map<string, StyleInfo>();
  readonly characterById = new Map<string, StyleInfo>();
  defaultParagraph: string | undefined;

  constructor(root: XmlElement | undefined) {
    for (const style of children(root, 'w:style')) {
      const id = style.attributes['w:styleId'];
      if (id === undefined) continue;
      const type = style.attributes['w:type'] ?? 'paragraph';
      if (type !== 'paragraph' && type !== 'character') continue;
      const pPr = child(style, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const ilvl = childValue(numPr, 'w:ilvl');
      const outline = childValue(pPr, 'w:outlineLvl');
      const rPr = child(style, 'w:rPr');
      (type === 'paragraph' ? this.byId : this.characterById).set(id, {
        id,
        name: childValue(style, 'w:name') ?? id,
        basedOn: childValue(style, 'w:basedOn'),
        numId: childValue(numPr, 'w:numId'),
        ilvl: ilvl === undefined || !Number.isInteger(Number(ilvl)) ? undefined : Number(ilvl),
        outlineLevel: outline === undefined ? undefined : Number(outline),
        bold: onOff(rPr, 'w:b'),
        italic: onOff(rPr, 'w:i'),
      });
      const isDefault = style.attributes['w:default'];
      if (type === 'paragraph' && (isDefault === '1' || isDefault === 'true')) this.defaultParagraph = id;
    }
  }

  /** The style and those it is based on, nearest first (cycles cut). */
  chain(id: string | undefined, type: 'paragraph' | 'character' = 'paragraph'): StyleInfo[] {
    const result: StyleInfo[] = [];
    const seen = new Set<string>();
    const table = type === 'paragraph' ? this.byId : this.characterById;
    let current = id ?? (type === 'paragraph' ? this.defaultParagraph : undefined);
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      const style = table.get(current);
      if (!style) break;
      result.push(style);
      current = style.basedOn;
    }
    return result;
  }

  /** Numbering a style gives its paragraphs: numId/ilvl from the nearest style that has them, and which style carried numId. */
  numbering(id: string | undefined): { numId: string | undefined; ilvl: number | undefined; carrier: string | undefined } {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let carrier: string | undefined;
    for (const style of this.chain(id)) {
      if (numId === undefined && style.numId !== undefined) {
        numId = style.numId;
        carrier = style.id;
      }
      if (ilvl === undefined && style.ilvl !== undefined) ilvl = style.ilvl;
    }
    return { numId, ilvl, carrier };
  }

  outlineLevel(id: string | undefined): number | undefined {
    for (const style of this.chain(id)) if (style.outlineLevel !== undefined) return style.outlineLevel;
    return undefined;
  }
}

function parseLevel(element: XmlElement): LevelDefinition {
  const start = childValue(element, 'w:start');
  const restart = childValue(element, 'w:lvlRestart');
  const suffix = childValue(element, 'w:suff');
  return {
    // A missing w:start means 0.
    start: start === undefined ? 0 : Number(start) || 0,
    format: childValue(element, 'w:numFmt') ?? 'decimal',
    text: childValue(element, 'w:lvlText') ?? '',
    restart: restart === undefined || !Number.isInteger(Number(restart)) ? undefined : Number(restart),
    legal: onOff(element, 'w:isLgl') === true,
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    style: childValue(element, 'w:pStyle'),
  };
}

/** A computed label: the text Word shows before the paragraph, and what follows it. */
export type NumberLabel = { text: string; suffix: 'tab' | 'space' | 'nothing'; bullet: boolean; level: number };

/** Numbering definitions and the running counters of one document. */
export class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly instances = new Map<string, Instance>();
  /** Counter values per abstract list (undefined: not started since its last restart). */
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly usedInstances = new Set<string>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    for (const abstract of children(root, 'w:abstractNum')) {
      const id = abstract.attributes['w:abstractNumId'];
      if (id === undefined) continue;
      const levels: Array<LevelDefinition | undefined> = [];
      for (const level of children(abstract, 'w:lvl')) {
        const index = Number(level.attributes['w:ilvl'] ?? '0');
        if (Number.isInteger(index) && index >= 0 && index <= 8) levels[index] = parseLevel(level);
      }
      this.abstracts.set(id, { id, levels, numStyleLink: childValue(abstract, 'w:numStyleLink'), styleLink: childValue(abstract, 'w:styleLink') });
    }
    for (const num of children(root, 'w:num')) {
      const id = num.attributes['w:numId'];
      const abstractId = childValue(num, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start: number | undefined; level: LevelDefinition | undefined }>();
      for (const override of children(num, 'w:lvlOverride')) {
        const index = Number(override.attributes['w:ilvl'] ?? '0');
        const start = childValue(override, 'w:startOverride');
        const level = child(override, 'w:lvl');
        if (!Number.isInteger(index) || index < 0 || index > 8) continue;
        overrides.set(index, { start: start === undefined || !Number.isInteger(Number(start)) ? undefined : Number(start), level: level ? parseLevel(level) : undefined });
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  /** The abstract list of an instance, following w:numStyleLink to the list that defines the style. */
  private abstractFor(instance: Instance): AbstractList | undefined {
    let abstract = this.abstracts.get(instance.abstractId);
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 4; hops++) {
      const link = abstract.numStyleLink;
      let target: AbstractList | undefined;
      for (const candidate of this.abstracts.values()) if (candidate.styleLink === link) target = candidate;
      if (!target) {
        const styleNum = this.styles.numbering(link).numId;
        const linked = styleNum === undefined ? undefined : this.instances.get(styleNum);
        target = linked ? this.abstracts.get(linked.abstractId) : undefined;
      }
      if (!target || target === abstract) break;
      abstract = target;
    }
    return abstract;
  }

  /**
   * Where a paragraph's number comes from: its own numPr, else its style chain;
   * the level from w:ilvl, else the level whose w:pStyle names the style.
   * undefined when the paragraph is not numbered (no numPr, numId 0, an unknown list).
   */
  resolve(paragraphNumId: string | undefined, paragraphIlvl: number | undefined, styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    const fromStyle = this.styles.numbering(styleId);
    const numId = paragraphNumId ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return undefined;
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    let ilvl = paragraphIlvl ?? (paragraphNumId === undefined ? fromStyle.ilvl : undefined);
    if (ilvl === undefined) {
      const abstract = this.abstractFor(instance);
      const styleNames = this.styles.chain(styleId).map((style) => style.id);
      const index = abstract?.levels.findIndex((level) => level?.style !== undefined && styleNames.includes(level.style)) ?? -1;
      ilvl = index >= 0 ? index : (fromStyle.ilvl ?? 0);
    }
    return { numId, ilvl: Math.min(Math.max(ilvl, 0), 8) };
  }

  private level(instance: Instance, abstract: AbstractList, index: number): LevelDefinition | undefined {
    return instance.overrides.get(index)?.level ?? abstract.levels[index];
  }

  /** Advances the list at (numId, ilvl) and returns the label Word shows; undefined for an unknown list. */
  next(numId: string, ilvl: number): NumberLabel | undefined {
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const abstract = this.abstractFor(instance);
    if (!abstract) return undefined;
    const definition = this.level(instance, abstract, ilvl);
    if (!definition) return undefined;
    let counters = this.counters.get(abstract.id);
    if (!counters) {
      counters = [];
      this.counters.set(abstract.id, counters);
    }
    const startOf = (index: number): number => this.level(instance, abstract, index)?.start ?? 0;
    // An instance with startOverride restarts those levels the first time it is used.
    if (!this.usedInstances.has(numId)) {
      this.usedInstances.add(numId);
      for (const [index, override] of instance.overrides) {
        if (override.start === undefined) continue;
        counters[index] = undefined;
        this.pendingStart.set(`${abstract.id}:${index}`, override.start);
      }
    }
    const restartValue = (index: number): number => {
      const key = `${abstract.id}:${index}`;
      const pending = this.pendingStart.get(key);
      if (pending !== undefined) {
        this.pendingStart.delete(key);
        return pending;
      }
      return startOf(index);
    };
    // Shallower levels not used yet take their start value here.
    for (let index = 0; index < ilvl; index++) if (counters[index] === undefined) counters[index] = restartValue(index);
    counters[ilvl] = counters[ilvl] === undefined ? restartValue(ilvl) : counters[ilvl]! + 1;
    // Deeper levels restart unless their lvlRestart says otherwise.
    for (let index = ilvl + 1; index <= 8; index++) {
      const restart = this.level(instance, abstract, index)?.restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) counters[index] = undefined;
    }
    if (definition.format === 'bullet') return { text: bulletText(definition.text), suffix: definition.suffix, bullet: true, level: ilvl };
    let text = '';
    const pattern = definition.text;
    for (let position = 0; position < pattern.length; position++) {
      const character = pattern[position]!;
      const digit = pattern.charCodeAt(position + 1) - 0x30;
      if (character === '%' && digit >= 1 && digit <= 9) {
        const index = digit - 1;
        const value = counters[index] ?? startOf(index);
        const format = definition.legal ? 'decimal' : (this.level(instance, abstract, index)?.format ?? 'decimal');
        text += formatNumber(value, format);
        position++;
      } else text += character;
    }
    return { text, suffix: definition.suffix, bullet: false, level: ilvl };
  }

  private readonly pendingStart = new Map<string, number>();
}
