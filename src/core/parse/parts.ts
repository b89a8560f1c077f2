/**
 * Line-level recognisers for the parts of a 公文-style report: title lines,
 * 发文字号 and other 版头 lines, 主送, subtitle lines, 附件说明, 附件 headings,
 * 成文日期, 附注 and 版记 lines. Shared by the parser (which turns them into
 * report nodes) and everything built on the tree: outline, rules, export.
 * All functions take the line's text without indentation.
 */

/** Characters after which a line reads as a finished sentence or clause, not a title. */
const TRAILING_PUNCTUATION = /[。！？；，、：:;,.!?…—]$/;

/**
 * A date line: 2019年1月9日 / 二〇一九年一月九日 / 2019年1月 (full-width digits too), and the
 * template's unfilled date (2025年x月x日, 20XX年X月X日, ××××年×月×日), which is still the
 * 成文日期 of the closing (the placeholder rule reports what is left to fill in).
 */
export const DATE_LINE =
  /^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}|[0-9０-９]{2}[XxＸｘ×*＊]{2}|[XxＸｘ×*＊○〇]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[XxＸｘ×*＊○〇]{1,2})\s*月(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[XxＸｘ×*＊○〇]{1,2})\s*日)?$/;

/** 发文字号: 国办发〔2019〕3号, 粤府〔2024〕12号, 京政发[2020]第5号. */
const DOC_NUMBER = /^[（(]?[\u4e00-\u9fffA-Za-z×○]{1,16}\s*[〔\[［【(（]\s*[0-9０-９]{4}\s*[〕\]］】)）]\s*第?\s*[0-9０-９]{1,4}\s*号[）)]?$/;

/** 版头 lines other than the 发文字号: 份号, 密级, 紧急程度, 签发人. */
const MASTHEAD = /^(?:[0-9]{6}|(?:绝密|机密|秘密)(?:\s*★\s*[0-9一二三四五六七八九十]+\s*年)?|特急|加急|特提|平急|签\s*发\s*人\s*[:：].{1,30})$/;

/** 发文机关标志: ××市人民政府文件. */
const ISSUER_MARK = /^[\u4e00-\u9fff×X、]{2,40}(?:人民政府|委员会|政府|办公厅|办公室|党委|党组|局|厅|部|院|委)文件$/;

/**
 * The kinds of document a title names at its end (通知, 意见, 讲话 …), optionally
 * followed by a bracketed qualifier such as （试行） or （2021—2025年）.
 */
const DOCUMENT_KIND =
  /(?:通知|通报|意见|决定|决议|命令|公报|公告|通告|报告|请示|批复|议案|函|纪要|方案|办法|规定|规则|细则|条例|规划|纲要|计划|要点|总结|讲话|致辞|发言|汇报|制度|标准|指南|指引|守则|章程|清单|目录|说明|讲稿|贺信|倡议书|公开信|安排|预案|措施|若干措施|实施意见|建议|提案|答复|复函|规程|导则|白皮书)(?:[（(][^（）()]{1,16}[）)])?$/;

/** True for a short line without sentence-final punctuation: a title or section title. */
export function isTitleLike(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (TRAILING_PUNCTUATION.test(trimmed) || trimmed.includes('。')) return false;
  // A title has words: a lone bracket or mark (a heading broken across lines) is none.
  if (!/[\u4e00-\u9fffA-Za-z0-9０-９].*[\u4e00-\u9fffA-Za-z0-9０-９]/.test(trimmed)) return false;
  if (DATE_LINE.test(trimmed) || DOC_NUMBER.test(trimmed) || MASTHEAD.test(trimmed)) return false;
  // A parenthetical note (（责任人：x）) or a closing formula (特此报告) is not a title.
  if (isParentheticalLine(trimmed)) return false;
  if (/^(?:特此|专此|以上|此致)/.test(trimmed)) return false;
  return true;
}

/**
 * A line that can stand as a section title in the body: title-like, and none of the short unpunctuated
 * lines that are not titles — `label：value` lines (日工资：月工资收入÷月计薪天数, 召 集 人：孙春兰),
 * formulas, articles without their 。 (第十九条 本办法自发布之日起施行), figure and table captions
 * (图1　汽车号牌编码规则), numbers alone (2.5), a line broken off before its noun (…发展的) or garbled text.
 */
export function isSectionTitleLike(content: string): boolean {
  const trimmed = content.trim();
  if (!isTitleLike(trimmed)) return false;
  // 第一部分：总体要求 and 专栏1：… are titles with a colon; other `label：value` lines are not.
  if (/[:：]\s*\S/.test(trimmed) && !/^(?:第\s*[一二三四五六七八九十百0-9０-９]+\s*(?:部分|篇|编|章|节)|专栏\s*[0-9０-９一二三四五六七八九十]*|附\s*件\s*[0-9０-９一二三四五六七八九十]*)\s*[:：]/.test(trimmed)) return false;
  if (/[=＝÷]/.test(trimmed)) return false;
  if (/^第\s*[一二三四五六七八九十百千零〇0-9０-９]+\s*条(?:[\s\u3000]|$)/.test(trimmed)) return false;
  if (/^(?:图|表)\s*[0-9０-９]+(?:\s*[-－—.．]\s*[0-9０-９]+)?(?:[\s\u3000]|$)/.test(trimmed)) return false;
  if (trimmed.includes('\uFFFD')) return false;
  if ((trimmed.match(/[\u4e00-\u9fff]/g)?.length ?? 0) < 2 && !/[A-Za-z]{2}/.test(trimmed)) return false;
  if (/[的和与及或并]$/.test(trimmed)) return false;
  return true;
}

/** A label line that heads the notes of a statistical bulletin: 注释：, 资料来源：. */
export function isNotesLabel(content: string): boolean {
  return /^(?:注\s*释|资料来源|数据来源|名词解释)\s*[:：]$/.test(content.trim());
}

/**
 * A row of a list set out line by line — a member list (召 集 人：孙春兰　　国务院副总理, 何昌顺 省投资集团控股有限公司董事长)
 * or a table of contents (第一章　总　　则): a short line with a `label：` or a gap of spaces between its words.
 */
export function isListRowLike(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0 || trimmed.length > 40 || TRAILING_PUNCTUATION.test(trimmed) || /[。；]/.test(trimmed)) return false;
  if (/^目\s*录$/.test(trimmed)) return false;
  return /^[^:：]{1,8}[:：]\s*\S/.test(trimmed) || /\S[ \t\u3000\u00a0]+\S/.test(trimmed);
}

/** A long one-line title (关于印发…若干政策和…行动计划（2021—2023年）的通知): no sentence inside, ends with its kind. */
export function isLongTitle(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length > 40 && trimmed.length <= 100 && !/[。；！？]/.test(trimmed) && !TRAILING_PUNCTUATION.test(trimmed) && /^关于|关于.{2,}的(?:通知|意见|决定|报告|请示|批复|通报|函)/.test(trimmed) && endsWithDocumentKind(trimmed);
}

/** True when a title ends with the kind of document it is (…的通知, …工作总结, …（试行）). */
export function endsWithDocumentKind(title: string): boolean {
  return DOCUMENT_KIND.test(title.trim());
}

/** A date line (成文日期). */
export function isDateLine(content: string): boolean {
  return DATE_LINE.test(content.trim());
}

/** 发文字号. */
export function isDocNumber(content: string): boolean {
  return DOC_NUMBER.test(content.trim());
}

/** An upward document's 发文字号 and 签发人 written on one line: `×政发〔2026〕3号　　签发人：张三`. */
const DOC_NUMBER_WITH_SIGNER = /^([\u4e00-\u9fffA-Za-z×○]{1,16}\s*[〔\[［【(（]\s*[0-9０-９]{4}\s*[〕\]］】)）]\s*第?\s*[0-9０-９]{1,4}\s*号)[\s\u3000]+签\s*发\s*人\s*[:：]\s*\S.{0,30}$/;

/** The 发文字号 part of a line that also names the 签发人, or undefined. */
export function docNumberBeforeSigner(content: string): string | undefined {
  return DOC_NUMBER_WITH_SIGNER.exec(content.trim())?.[1];
}

export type MastheadRole = 'docNumber' | 'copyNumber' | 'secrecy' | 'urgency' | 'signer' | 'issuer';

/** The role of a 版头 line, or undefined. */
export function mastheadRole(content: string): MastheadRole | undefined {
  const trimmed = content.trim();
  if (DOC_NUMBER.test(trimmed) || DOC_NUMBER_WITH_SIGNER.test(trimmed)) return 'docNumber';
  if (!MASTHEAD.test(trimmed)) return ISSUER_MARK.test(trimmed) ? 'issuer' : undefined;
  if (/^[0-9]{6}$/.test(trimmed)) return 'copyNumber';
  if (/^(?:绝密|机密|秘密)/.test(trimmed)) return 'secrecy';
  if (/^签/.test(trimmed)) return 'signer';
  return 'urgency';
}

/** A short line wholly in brackets: the date line under a speech title, （征求意见稿）, （此件公开发布）. */
export function isParentheticalLine(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length <= 60 && /^[（(〔][^（(]*[）)〕]$/.test(trimmed);
}

/** A ——副标题 line. */
export function isDashSubtitle(content: string): boolean {
  return /^[—－]{1,2}|^-{2}/.test(content.trim());
}

/** Words of a lead-in sentence, never of a 主送 line. */
const BODY_LEAD = /根据|为了|为进一步|现将|现就|现对|按照|经研究|的规定|如下|通知如下|意见如下|报告如下/;

/** 主送 line: ending with a colon, no sentence inside (long lists of bodies are allowed in the preamble). */
export function isAddresseeLike(content: string, long = false): boolean {
  const trimmed = content.trim();
  if (trimmed.length <= 1 || !/[：:]$/.test(trimmed) || trimmed.includes('。')) return false;
  if (trimmed.length <= 40) return !BODY_LEAD.test(trimmed);
  // A long 主送 is a list of bodies (各省、自治区、直辖市人民政府，国务院各部委、各直属机构：), not a lead-in sentence.
  return (
    long &&
    trimmed.length <= 120 &&
    /[、，,]/.test(trimmed) &&
    !/[；;？?！!]/.test(trimmed) &&
    !BODY_LEAD.test(trimmed) &&
    trimmed.slice(0, -1).split(/[、，,]/).every((segment) => segment.length <= 25)
  );
}

/** An author line under a speech title and its subtitle: `省长　许勤`, `XX县人民政府县长 XXX`. */
export function isAuthorLine(content: string): boolean {
  const trimmed = content.trim();
  // Not a photo caption (省长赵刚作政府工作报告) or a table of contents.
  return (
    trimmed.length >= 2 &&
    trimmed.length <= 24 &&
    isTitleLike(trimmed) &&
    !/[、，作在]/.test(trimmed) &&
    !/^(?:目\s*录|第)/.test(trimmed) &&
    !endsWithDocumentKind(trimmed)
  );
}

/** A head-note under a law or regulation's title: `2018年1月25日 最高人民法院审判委员会第1732次会议通过`. */
export function isDatedHeadNote(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length <= 120 && /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*\S/.test(trimmed) && !/[。；]/.test(trimmed);
}

/**
 * The bracketed history under a law's title, however long: `（1992年7月1日第七届全国人民代表大会常务委员会
 * 第二十六次会议通过　根据2009年8月27日…修正）`.
 */
export function isLawHeadNote(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length <= 400 && /^[（(][^（(）)]*(?:[（(][^（()）]*[）)][^（(）)]*)*[）)]$/.test(trimmed) && /[0-9０-９〇一二三四五六七八九]\s*年/.test(trimmed) && /(?:通过|修正|修订|公布|发布|施行)/.test(trimmed);
}

/** A title and its subtitle on one line: `政府工作报告——2024年3月5日在…上`. */
export function titleBeforeDash(content: string): string | undefined {
  const trimmed = content.trim();
  const dash = trimmed.indexOf('——');
  if (dash < 2) return undefined;
  const head = trimmed.slice(0, dash);
  return isTitleLike(head) && endsWithDocumentKind(head) ? head : undefined;
}

/** The start of a 附件说明: `附件：1.名称` or `附件：名称` or `附件：` alone. */
export function isAttachmentNoteStart(content: string): boolean {
  // 附：名称 is the older form of 附件：名称 (国家教委 1996): a name must follow.
  return /^附\s*件\s*[:：]|^附\s*[:：]\s*\S/.test(content.trim());
}

/** A 附件 page heading: `附件`, `附件1`, `附件 2`, `附件二` alone on its line. */
export function isAttachmentHeading(content: string): boolean {
  return /^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$/.test(content.trim()) && !/[:：]$/.test(content.trim());
}

/** The number of an attachment name line (`2.名称`, `２．名称`, `3、名称`), with its span inside the line. */
export function attachmentNumber(content: string): { ordinal: number; numeral: string; index: number } | undefined {
  const match = /^(附\s*件\s*[:：]\s*)?([0-9０-９]{1,2})\s*[.．、]/.exec(content);
  if (!match) return undefined;
  const numeral = match[2]!;
  let ordinal = 0;
  for (const char of numeral) ordinal = ordinal * 10 + ((char.charCodeAt(0) >= 0xff10 ? char.charCodeAt(0) - 0xff10 : char.charCodeAt(0) - 0x30));
  return { ordinal, numeral, index: (match[1] ?? '').length };
}

/** A 附注 line after the date: （此件公开发布）, （联系人：张三，电话：…）, （本文有删减）. */
export function isNoteLine(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length <= 120 && /^[（(][^（(]*(?:[（(][^（()）]*[）)][^（(]*)*[）)]$/.test(trimmed);
}

/** 版记 lines: 抄送：…, 抄报：…, ××办公室　2026年8月1日印发. */
export function isImprintLine(content: string): boolean {
  return imprintRole(content) !== undefined;
}

/**
 * The role of a 版记 line: `copyTo` (抄送：…), `printed` (印发机关和印发日期 on one line);
 * from front matter also `printOffice` (印发机关) and `printDate` (印发日期) alone.
 */
export type ImprintRole = 'copyTo' | 'printed' | 'printOffice' | 'printDate';

/** The role of a written 版记 line, or undefined. */
export function imprintRole(content: string): 'copyTo' | 'printed' | undefined {
  const trimmed = content.trim();
  if (/^(?:抄\s*送|抄\s*报)\s*[:：]/.test(trimmed)) return 'copyTo';
  if (trimmed.length <= 60 && /[0-9０-９〇○零一二三四五六七八九十]\s*日\s*印\s*发$/.test(trimmed)) return 'printed';
  return undefined;
}

/** The date of a 印发 line (`××办公室　　2026年8月1日印发` → `2026年8月1日`) with its index, or undefined. */
export function printedDate(content: string): { date: string; index: number } | undefined {
  const match = /((?:[0-9０-９]{2,4}|[〇○零一二三四五六七八九]{2,4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日)\s*印\s*发$/.exec(content);
  return match ? { date: match[1]!, index: match.index } : undefined;
}

/**
 * Front matter fields of the 版头 and 版记 (the same names as the printed elements),
 * with the node each becomes. Unknown keys are ignored.
 */
export const FRONT_MATTER_FIELDS: Readonly<Record<string, { type: 'masthead'; role: MastheadRole } | { type: 'imprint'; role: ImprintRole }>> = {
  份号: { type: 'masthead', role: 'copyNumber' },
  密级: { type: 'masthead', role: 'secrecy' },
  密级和保密期限: { type: 'masthead', role: 'secrecy' },
  紧急程度: { type: 'masthead', role: 'urgency' },
  发文机关标志: { type: 'masthead', role: 'issuer' },
  发文字号: { type: 'masthead', role: 'docNumber' },
  签发人: { type: 'masthead', role: 'signer' },
  抄送: { type: 'imprint', role: 'copyTo' },
  抄送机关: { type: 'imprint', role: 'copyTo' },
  印发机关: { type: 'imprint', role: 'printOffice' },
  印发日期: { type: 'imprint', role: 'printDate' },
};
