/**
 * Font profiles (`export.fonts`) and the font table.
 *
 * A 公文 uses five faces: 仿宋 (body), 楷体, 黑体, 宋体 (page numbers) and
 * 小标宋 (title). Offices name them differently: Windows' own families
 * (`FangSong`, `KaiTi`, `SimHei`, `SimSun`), or the `_GB2312` fonts and
 * 方正小标宋简体 that many units mandate. A profile picks the set; explicit
 * names override single faces.
 *
 * Every font the document names is declared in `word/fontTable.xml` with its
 * other name (`w:altName`), the GB2312 character set (86) and its family, so
 * Word and WPS map a name they lack to a font they have (仿宋_GB2312 →
 * 仿宋 / FangSong) instead of a Latin default.
 */

/** The five faces of a 公文. */
export type FontFaces = {
  /** 仿宋: body text, levels 3-5, 主送, 落款, tables. */
  fangsong: string;
  /** 楷体: level 2, emphasis, quotes, the line under the title. */
  kaiti: string;
  /** 黑体: level 1, section titles, 附件 headings. */
  heiti: string;
  /** 宋体: page numbers. */
  songti: string;
  /** 小标宋: the title. */
  xiaobiaosong: string;
};

export type FontProfileName = 'windows' | 'gb2312';

/** `export.fonts`: a profile name, or explicit names (missing faces from `profile`, default windows). */
export type FontSetting = FontProfileName | (Partial<FontFaces> & { profile?: FontProfileName });

export const FONT_PROFILES: Record<FontProfileName, FontFaces> = {
  // Windows family names (Chinese Windows resolves them; the default).
  windows: { fangsong: 'FangSong', kaiti: 'KaiTi', heiti: 'SimHei', songti: 'SimSun', xiaobiaosong: 'FZXiaoBiaoSong-B05S' },
  // The set many units mandate: 仿宋_GB2312 / 楷体_GB2312 / 黑体 / 宋体 / 方正小标宋简体.
  gb2312: { fangsong: '仿宋_GB2312', kaiti: '楷体_GB2312', heiti: '黑体', songti: '宋体', xiaobiaosong: '方正小标宋简体' },
};

/** The faces of a setting; throws a RangeError naming the bad value. */
export function resolveFontFaces(setting: FontSetting | undefined): FontFaces {
  if (setting === undefined) return FONT_PROFILES.windows;
  if (typeof setting === 'string') {
    const profile = FONT_PROFILES[setting];
    if (!profile) throw new RangeError(`export fonts: unknown profile ${JSON.stringify(setting)} (windows, gb2312)`);
    return profile;
  }
  if (typeof setting !== 'object' || setting === null) throw new RangeError(`export fonts: expected a profile name or an object, got ${JSON.stringify(setting)}`);
  const base = resolveFontFaces(setting.profile ?? 'windows');
  const faces = { ...base };
  for (const key of Object.keys(setting) as Array<keyof FontFaces | 'profile'>) {
    if (key === 'profile') continue;
    if (!(key in base)) throw new RangeError(`export fonts: unknown face "${key}" (fangsong, kaiti, heiti, songti, xiaobiaosong)`);
    const value = setting[key];
    if (typeof value !== 'string' || value.trim() === '' || value.length >= 32) {
      throw new RangeError(`export fonts: "${key}" must be a font name of 1-31 characters, got ${JSON.stringify(value)}`);
    }
    faces[key] = value.trim();
  }
  return faces;
}

/** One w:font entry of the font table. */
export type FontDeclaration = {
  name: string;
  altName?: string;
  /** w:charset, hex: 86 = GB2312, 00 = ANSI. */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
};

/**
 * Fonts we know, by either of their names: [Chinese name, other name, family, pitch].
 * The `_GB2312` fonts are absent from current Windows: their other name is the
 * 仿宋 / 楷体 that replaced them (as WPS writes it), so a machine without them
 * maps to that face instead of a Latin default.
 */
const KNOWN: Array<[string, string, FontDeclaration['family'], FontDeclaration['pitch']]> = [
  ['仿宋', 'FangSong', 'modern', 'fixed'],
  ['楷体', 'KaiTi', 'modern', 'fixed'],
  ['黑体', 'SimHei', 'modern', 'fixed'],
  ['宋体', 'SimSun', 'auto', 'variable'],
  ['仿宋_GB2312', '仿宋', 'modern', 'fixed'],
  ['FangSong_GB2312', '仿宋', 'modern', 'fixed'],
  ['楷体_GB2312', '楷体', 'modern', 'fixed'],
  ['KaiTi_GB2312', '楷体', 'modern', 'fixed'],
  ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'script', 'variable'],
  ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05', 'script', 'variable'],
  ['微软雅黑', 'Microsoft YaHei', 'swiss', 'variable'],
  ['华文仿宋', 'STFangsong', 'auto', 'variable'],
  ['华文楷体', 'STKaiti', 'auto', 'variable'],
];

const LATIN: Record<string, Pick<FontDeclaration, 'family' | 'pitch'>> = {
  'Courier New': { family: 'modern', pitch: 'fixed' },
  'Times New Roman': { family: 'roman', pitch: 'variable' },
  Arial: { family: 'swiss', pitch: 'variable' },
};

/** The declaration of a font name: its other name, charset and family when known; GB2312 and auto otherwise. */
export function declareFont(name: string): FontDeclaration {
  const latin = LATIN[name];
  if (latin) return { name, charset: '00', ...latin };
  for (const [chinese, english, family, pitch] of KNOWN) {
    if (name === chinese) return { name, altName: english, charset: '86', family, pitch };
    if (name === english) return { name, altName: chinese, charset: '86', family, pitch };
  }
  return { name, charset: '86', family: 'auto', pitch: 'variable' };
}

function escapeAttribute(value: string): string {
  return value.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** fontTable.xml with the declarations inside the root element docx wrote (its namespaces kept). */
export function fontTableXml(original: string, fonts: readonly FontDeclaration[]): string {
  const open = /<w:fonts\b[^>]*?\/?>/.exec(original);
  if (!open) return original;
  const head = open[0].endsWith('/>') ? `${open[0].slice(0, -2)}>` : open[0];
  const body = fonts
    .map(
      (font) =>
        `<w:font w:name="${escapeAttribute(font.name)}">` +
        (font.altName ? `<w:altName w:val="${escapeAttribute(font.altName)}"/>` : '') +
        `<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
    )
    .join('');
  return `${original.slice(0, open.index)}${head}${body}</w:fonts>`;
}
