/**
 * A small element tree over the saxes streaming XML parser: enough DOM for
 * reading WordprocessingML parts. Element names keep the conventional
 * prefixes (`w:p`, `r:id`); a part that binds a known namespace to another
 * prefix on its root element is read with the conventional prefix instead.
 */
import { SaxesParser } from 'saxes';

export type XmlNode = XmlElement | string;

export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
};

/** Namespace URIs → the prefix this reader uses for them (transitional and strict OOXML). */
const CANONICAL_PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
};

/** Elements whose whitespace-only text is content (everything else drops it). */
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'w:instrText', 'm:t', 't']);

export class XmlError extends Error {}

/** Parses an XML document into an element tree; throws XmlError on malformed XML. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let rename: ((name: string) => string) | undefined;
  parser.on('opentag', (tag) => {
    if (stack.length === 1) rename = prefixMapper(tag.attributes as Record<string, string>);
    let attributes = tag.attributes as Record<string, string>;
    let name = tag.name;
    if (rename) {
      name = rename(name);
      const renamed: Record<string, string> = {};
      for (const key of Object.keys(attributes)) renamed[rename(key)] = attributes[key]!;
      attributes = renamed;
    }
    const element: XmlElement = { name, attributes, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (value: string): void => {
    const parent = stack[stack.length - 1]!;
    if (TEXT_ELEMENTS.has(parent.name) || value.trim() !== '') parent.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    throw new XmlError(error.message);
  });
  parser.write(text).close();
  const element = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!element) throw new XmlError('no root element');
  return element;
}

/** A renaming function when the root binds known namespaces to unusual prefixes, else undefined. */
function prefixMapper(attributes: Record<string, string>): ((name: string) => string) | undefined {
  const map = new Map<string, string>();
  for (const [key, uri] of Object.entries(attributes)) {
    if (!key.startsWith('xmlns:')) continue;
    const given = key.slice(6);
    const canonical = CANONICAL_PREFIXES[uri];
    if (canonical !== undefined && canonical !== '' && canonical !== given) map.set(given, canonical);
  }
  if (map.size === 0) return undefined;
  return (name) => {
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const canonical = map.get(name.slice(0, colon));
    return canonical === undefined ? name : `${canonical}:${name.slice(colon + 1)}`;
  };
}

/** The first child element with this name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

/** All child elements with this name. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const result: XmlElement[] = [];
  if (!element) return result;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) result.push(node);
  return result;
}

/** Child elements, text skipped. */
export function elements(element: XmlElement): XmlElement[] {
  return element.children.filter((node): node is XmlElement => typeof node !== 'string');
}

/** `w:val` (or another attribute) of a child element. */
export function childValue(element: XmlElement | undefined, name: string, attribute = 'w:val'): string | undefined {
  return child(element, name)?.attributes[attribute];
}

/** Every descendant element with this name, in document order. */
export function descendants(element: XmlElement, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (node.name === name) into.push(node);
    descendants(node, name, into);
  }
  return into;
}

/** The text content (all text nodes below). */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const node of element.children) text += typeof node === 'string' ? node : textContent(node);
  return text;
}

/**
 * A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true when
 * present and not switched off; undefined when absent.
 */
export function onOff(element: XmlElement | undefined, name: string): boolean | undefined {
  const property = child(element, name);
  if (!property) return undefined;
  const value = property.attributes['w:val'];
  return !(value === '0' || value === 'false' || value === 'off');
}
