/**
 * Template residue: text copied along from template websites and sample files
 * (`仅供学习 禁止外传`, `会员群：`, `第1页共1页`, document-sharing site links)
 * and fill-in instructions (`【待补】`, `（此处填写…）`).
 *
 * One detector shared by title detection (parse/report.ts) and the
 * template-residue rule, so the outline and the linter agree on what is residue.
 */

/**
 * Patterns specific enough to mark a whole line as residue wherever it stands.
 * Each one is advertising, copy protection or page furniture that a finished report never contains.
 */
const STRONG_RESIDUE: readonly RegExp[] = [
  /仅供(?:个人)?学习/,
  /(?:免费|会员|VIP|vip)\s*(?:QQ|qq|微信)?群\s*[:：]/,
  /(?:QQ|qq)群\s*(?:号)?\s*[:：]|(?:QQ|qq)群\s*\d{5,}/,
  /会员群|会员资料|会员材料|开通会员|充值会员|成为会员|VIP会员|vip会员/,
  /(?:现在|立即|马上|扫码)订阅|订阅立享|订阅即享|立享.{0,12}权益/,
  /^(?:第\s*\d+\s*页\s*[,，/、]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*[,，/、]?\s*第\s*\d+\s*页)$/,
  /如有侵权|侵权必究|翻印必究|请联系(?:我们|作者|本站)?删除/,
  /下载后可(?:任意)?(?:编辑|修改)|可(?:任意)?编辑修改|(?:word|Word|WORD)(?:版|格式|文档)?(?:本)?可(?:任意)?编辑|(?:本|此)文档为(?:word|Word|WORD)格式/,
  /百度文库|道客巴巴|豆丁网|原创力文档|人人文档|蚂蚁文库|文档之家|第一范文网|范文网|范文大全网|文库网/,
  /wenku\.baidu\.com|docin\.com|doc88\.com|book118\.com|renrendoc\.com|mayiwenku\.com|wenkub\.com|360doc\.com|taodocs\.com|jinchutou\.com|wendangku\.net|docx88\.com|fanwen[a-z0-9]*\.(?:com|net|cn)/i,
];

/**
 * Patterns that ordinary report prose can contain too (建立工作交流群：…, 扫码关注…公众号,
 * 部分数据来源于网络): residue only on a line that is not a sentence (no 。 or ；).
 */
const LINE_ONLY_RESIDUE: readonly RegExp[] = [
  /交流\s*(?:QQ|qq|微信)?群\s*[:：]/,
  /(?:扫码|扫描二维码|长按二维码)(?:关注|添加|加入|下载)|关注(?:微信)?公众号\s*[:：“"「]/,
  /(?:本文|本文档|资料|文章|内容)(?:来源于|来自|收集于|整理自)(?:网络|互联网)/,
];

/**
 * Copy-protection notes: residue only as a short line of their own (`禁止外传`, `请勿转载`);
 * inside a sentence they are ordinary 保密 language (涉密文件严禁外传).
 */
const SHORT_RESIDUE = /(?:严禁|禁止|请勿|不得)(?:外传|转载|转发|商用)/;
const MAX_SHORT_RESIDUE = 20;

/**
 * Hints that read as residue in the preamble, where title detection skips
 * groups of lines containing them; too loose for the body (`订阅` and `会员`
 * are ordinary words there: 订阅党报党刊, 工会会员).
 */
const WEAK_RESIDUE = /仅供学习|禁止外传|订阅|会员|QQ群|倒卖|免费下载|关注公众号|版权所有|第\s*\d+\s*页\s*共\s*\d+\s*页/;

/**
 * Web-page chrome copied along with text from government sites: font-size switches, breadcrumbs,
 * source/time/view-count lines, share and print buttons, QR-code prompts, editor credits,
 * photo credits and the metadata table of policy pages. Each pattern is anchored to a whole
 * short line (or to a form no sentence has), so ordinary prose never matches.
 */
const CHROME: readonly RegExp[] = [
  /[【\[]?\s*字号\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小/,
  /^(?:当前位置|您(?:现在)?的?(?:当前)?位置|所在位置|当前所在位置)\s*[:：]/,
  /首页\s*(?:>|＞|》|→|»|\/)\s*\S/,
  /扫一扫\s*(?:在手机)?(?:打开|查看|分享)|(?:用|使用)?手机扫(?:描)?二维码|在手机(?:上)?打开当前页/,
  /^\s*[【\[]?\s*(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回首页|打印|关闭|收藏|纠错|保存|下载|全屏|分享)\s*[】\]]?(?:\s*[|｜/]?\s*[【\[]?\s*(?:打印本页|打印此页|打印文章|关闭窗口|关闭本页|返回顶部|返回首页|打印|关闭|收藏|纠错|保存|下载|全屏|分享|加入收藏|字号)\s*[】\]]?)*\s*$/,
  /^(?:分享(?:到)?|转发到)\s*[:：]|^分享到(?:微信|微博|QQ|朋友圈|空间)/,
  /(?:阅读(?:量|次数|数)|浏览(?:量|次数|数)|访问(?:量|次数)|点击(?:量|数|率|次数))\s*[:：]?\s*\d/,
  /^(?:发布时间|发布日期|发稿时间|更新时间|时间|日期)\s*[:：]\s*\d{4}.{0,40}(?:来源|作者|浏览|阅读|点击|字号|访问)/,
  /^(?:发布时间|发布日期|发稿时间|更新时间|发表时间)\s*[:：]/,
  /^(?:时间|日期)\s*[:：]\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$/,
  /^(?:文章)?来源\s*[:：].{0,40}$/,
  /^(?:责任编辑|编辑|审核|校对|作者|撰稿|通讯员|记者|供稿|信息来源)\s*[:：].{0,20}$/,
  /^(?:索\s*引\s*号|主\s*题\s*分\s*类|发\s*文\s*机\s*关|成\s*文\s*日\s*期|发\s*布\s*机\s*构|发\s*文\s*字\s*号|标\s*题|主\s*题\s*词|文\s*号|体\s*裁\s*分\s*类|组\s*配\s*分\s*类|公\s*文\s*种\s*类|发\s*布\s*日\s*期)\s*[:：]/,
  /^[（(]?(?:本报|新华社)?记者\s*\S{2,8}\s*摄[）)]?$|^\S{0,30}[（(][^（）()]{0,16}摄[）)]$/,
  /^(?:相关(?:链接|阅读|新闻|文件|稿件|报道|文档|专题)|附件下载|上一篇|下一篇)\s*[:：]?/,
  /(?:记者|摄影|通讯员)\s*[\u4e00-\u9fff·]{2,4}\s*摄$|(?:本报|日报|新闻)\S{0,8}记者\s*[\u4e00-\u9fff·]{2,4}$/,
  /点击.{0,10}(?:进入|查看)(?:专题|原文|大图)/,
  /^【法宝引证码】|^原文链接\s*[:：]\s*https?:/,
  /^[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}\s*日?\s+[0-9]{1,2}\s*[:：时]\s*[0-9]{1,2}(?:\s*[:：分]\s*[0-9]{1,2}\s*秒?)?\s*分?$/,
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  // Accessibility and script switches of government sites: 网站无障碍关怀版, 长者模式, 适老化, 繁體版.
  /^(?:网站)?(?:无障碍|关怀版|长者(?:模式|版)|适老化?(?:版|模式)?|读屏|无障碍浏览|无障碍阅读|繁+[體体]版?|简体版?|English|网站|\s)+$/,
  // A site header's date bar: | 2026年11月26日 星期四.
  /^[|｜\s]*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*(?:星期|周|礼拜)[一二三四五六日天][|｜\s]*$/,
  // Links to related pages: 关联稿件：, 图文解读：《…》, 政策解读：.
  /^(?:关联(?:稿件|文件|链接|阅读|新闻|解读)|(?:图文|政策|相关|文字|视频|动漫|媒体)解读)\s*[:：]/,
  // The site footer: 网站地图 网站帮助 隐私声明 关于我们 (link words only), ICP numbers, 主办/承办, 技术支持, 版权所有.
  /^(?:(?:网站地图|网站帮助|使用帮助|隐私声明|隐私政策|网站声明|法律声明|版权声明|免责声明|关于我们|联系我们|网站纠错|意见建议|网站导航)[\s|｜丨/]*){2,}$/,
  /ICP备\s*[0-9]|公网安备\s*[0-9]|网站标识码\s*[:：]?\s*[0-9A-Za-z]|^中文域名\s*[:：]/,
  /^(?:主办(?:单位)?|承办(?:单位)?)\s*[:：].{0,40}(?:承办|协办|主管|运维|维护|技术支持|版权所有)/,
  /^(?:技术支持|版权所有|Copyright)\s*[:：©(（]?|^©/,
  // Links to other government sites in the footer: 中国政府网 江西省人民政府 …, 上级政府网站, 县市区政府网站.
  /^(?:上级|下级|县市区|市县区?|区县|各县市区|部门|乡镇|兄弟|友情|相关)?(?:政府)?(?:网站|门户)(?:链接|导航|群)?$/,
  /^中国政府网(?:[\s|｜]+[\u4e00-\u9fff]{2,16}(?:人民政府|政府网|网站))+$/,
];
const CHROME_QUICK = /无障碍|繁|English|政府网|门户|关怀版|长者|适老|读屏|关联|解读|网站|隐私|关于我们|联系我们|ICP|公网安备|域名|主办|承办|技术支持|版权|Copyright|©|[0-9]{4}|法宝|原文链接|索\s*引|主\s*题|发\s*文|成\s*文|发\s*布|文\s*号|体\s*裁|组\s*配|公\s*文|字号|位置|首页|扫|手机|打印|关闭|收藏|纠错|保存|下载|全屏|分享|转发|阅读|浏览|访问|点击|时间|日期|来源|编辑|审核|校对|作者|撰稿|通讯员|记者|供稿|索引号|分类|发文|成文|机构|标\s*题|主\s*题|文\s*号|摄|相关|上一篇|下一篇|返回/;
/** Longest line read as page chrome. */
const MAX_CHROME_LINE = 120;

/** True when a whole line is web-page chrome around pasted text (breadcrumbs, 字号, 打印本页 …). */
export function isChromeLine(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_CHROME_LINE || /[。；]$/.test(trimmed)) return false;
  if (!CHROME_QUICK.test(trimmed)) return false;
  return CHROME.some((pattern) => pattern.test(trimmed));
}

/** A label of page chrome standing alone, its value on the next line: `时间：` / `2026-02-02 09:20`. */
const CHROME_LABEL = /^(?:时间|发布时间|发表时间|发稿时间|更新时间|日期|发布日期|来源|文章来源|信息来源|作者|编辑|责任编辑|阅读量|阅读|浏览量|浏览次数|点击量|分享|分享到|字号|字体)\s*[:：]$/;
/** Labels whose value stands on the next line. */
const CHROME_VALUE_LABEL = /^(?:时间|发布时间|发表时间|发稿时间|更新时间|日期|发布日期|来源|文章来源|信息来源|作者|编辑|责任编辑|阅读量|浏览量|浏览次数|点击量)\s*[:：]$/;
/**
 * A label of the 政府信息公开 metadata table of a policy page standing alone, its value on the
 * next line (`索 引 号：` / `014742224A/2023-0043406`, `公开方式：` / `主动公开`). Read as chrome
 * only two or more together: one such line alone may be the writer's own.
 */
const METADATA_LABEL = /^(?:索\s*引\s*号|生\s*成\s*日\s*期|公\s*开\s*(?:方\s*式|时\s*限|范\s*围|形\s*式|日\s*期)|责\s*任\s*(?:部\s*门|单\s*位)|发\s*布\s*(?:机\s*构|日\s*期|单\s*位)|主\s*题\s*(?:分\s*类|词)|发\s*文\s*(?:机\s*关|字\s*号|单\s*位|日\s*期)|分\s*类|成\s*文\s*日\s*期|有\s*效\s*性|效\s*力\s*状\s*态|信\s*息\s*(?:分\s*类|来\s*源)|所\s*属\s*(?:机\s*构|单\s*位)|体\s*裁\s*分\s*类|组\s*配\s*分\s*类|实\s*施\s*日\s*期|废\s*止\s*日\s*期|文\s*号)\s*[:：]$/;
/** The start of a font-size switch spread over lines: `【字号：` / `加大` / `还原` / `减小` / `】`. */
const CHROME_BRACKET_OPEN = /^[【\[]\s*(?:字号|字体)\s*[:：]?$/;
/** Lines that are chrome only beside other chrome: buttons, separators, a breadcrumb's home. */
const WEAK_CHROME = /^(?:[【\[]?\s*(?:下载|打印|全屏|收藏|分享|关闭|纠错|加大|还原|减小|默认|大|中|小|首页|返回|登录|注册|无障碍|English|繁体|简体)\s*[】\]]?|[>＞»›|｜×/\\→]+|[】\]])$/;
const BREADCRUMB_SEPARATOR = /^[>＞»›→]+$/;
/** The label of the link to the previous or next article, alone on its line. */
const PREVIOUS_NEXT_LABEL = /^(?:上一篇|下一篇|上一条|下一条)\s*[:：]?$/;
/** A breadcrumb line: 您当前的位置：首页 > … */
const BREADCRUMB = /^(?:当前位置|您(?:现在)?的?(?:当前)?的?(?:所在)?位置|所在位置|当前所在位置)\s*[:：]/;
/** Lines at the head of a text within which a breadcrumb closes the site header above it. */
const HEAD_ENTRIES = 30;
/** Longest line of a site header's navigation (a site's name, its date bar). */
const SITE_NAV_ITEM = 20;
/** Lines that can be a breadcrumb item or a chrome value: short, no sentence punctuation. */
const SHORT_ITEM = /^[^。；，！？]{1,30}$/;

/**
 * Marks page chrome that spreads over several short lines, as text copied from a web page
 * often is: a font-size switch one word per line, breadcrumbs with `>` on lines of their
 * own, `来源：` with its value on the next line, button rows (下载 打印 全屏 收藏).
 * `entries` are consecutive paragraph lines (0-based line numbers); returns one flag each.
 */
export function markChromeRuns(entries: ReadonlyArray<{ line: number; content: string }>): boolean[] {
  const count = entries.length;
  const chrome = entries.map((entry) => isChromeLine(entry.content));
  const weak = entries.map((entry) => WEAK_CHROME.test(entry.content.trim()));
  const near = (left: number, right: number): boolean => left >= 0 && right < count && entries[right]!.line - entries[left]!.line <= 2;
  for (let index = 0; index < count; index++) {
    const content = entries[index]!.content.trim();
    if (CHROME_LABEL.test(content)) {
      chrome[index] = true;
      const value = entries[index + 1]?.content.trim() ?? '';
      if (CHROME_VALUE_LABEL.test(content) && near(index, index + 1) && value.length <= 24 && SHORT_ITEM.test(value) && !CHROME_LABEL.test(value)) chrome[index + 1] = true;
    }
    if (CHROME_BRACKET_OPEN.test(content)) {
      chrome[index] = true;
      for (let next = index + 1; next < Math.min(count, index + 8) && near(next - 1, next); next++) {
        const item = entries[next]!.content.trim();
        if (item.length > 6) break;
        chrome[next] = true;
        if (/[】\]]$/.test(item)) break;
      }
    }
    if (BREADCRUMB_SEPARATOR.test(content)) {
      chrome[index] = true;
      for (const other of [index - 1, index + 1]) {
        if (other < 0 || other >= count || !near(Math.min(index, other), Math.max(index, other))) continue;
        const item = entries[other]!.content.trim();
        if (item.length <= 16 && SHORT_ITEM.test(item)) chrome[other] = true;
      }
    }
  }
  // A site header above the breadcrumb at the head of a pasted page: the site's name, its date bar and
  // its navigation words, one short line each (网站首页 / 新闻中心 / 县政府 / 您当前的位置：…).
  for (let index = 0; index < Math.min(count, HEAD_ENTRIES); index++) {
    if (!BREADCRUMB.test(entries[index]!.content.trim())) continue;
    for (let above = index - 1; above >= 0 && near(above, above + 1); above--) {
      const item = entries[above]!.content.trim();
      if (item.length > SITE_NAV_ITEM || !SHORT_ITEM.test(item)) break;
      chrome[above] = true;
    }
    break;
  }
  // The titles linked under 上一篇： / 下一篇： (a link's title is often given twice, its text and its tooltip).
  for (let index = 0; index < count; index++) {
    if (!PREVIOUS_NEXT_LABEL.test(entries[index]!.content.trim())) continue;
    chrome[index] = true;
    for (let next = index + 1; next <= index + 2 && next < count && near(next - 1, next); next++) {
      const item = entries[next]!.content.trim();
      if (item.length === 0 || item.length > 60 || /[。；！？]/.test(item) || PREVIOUS_NEXT_LABEL.test(item)) break;
      if (next === index + 2 && item !== entries[index + 1]!.content.trim()) break;
      chrome[next] = true;
    }
  }
  // The metadata table of a policy page: labels alone with their values on the next lines.
  const metadata = entries.map((entry) => METADATA_LABEL.test(entry.content.trim()));
  for (let index = 0; index < count; index++) {
    if (!metadata[index]) continue;
    let partner = false;
    for (let other = Math.max(0, index - 4); other <= Math.min(count - 1, index + 4) && !partner; other++) {
      if (other !== index && metadata[other] && Math.abs(entries[other]!.line - entries[index]!.line) <= 8) partner = true;
    }
    if (!partner) continue;
    chrome[index] = true;
    const value = entries[index + 1]?.content.trim() ?? '';
    if (near(index, index + 1) && !metadata[index + 1] && value.length <= 40 && SHORT_ITEM.test(value)) chrome[index + 1] = true;
  }
  // A breadcrumb's last item is often repeated as the page's heading (云南要闻 / 云南要闻).
  for (let index = 1; index < count; index++) {
    if (chrome[index - 1] && !chrome[index] && near(index - 1, index) && entries[index]!.content.trim() === entries[index - 1]!.content.trim()) chrome[index] = true;
  }
  // Weak lines count when they stand beside chrome, or three or more together (下载 打印 全屏 收藏).
  // Runs of weak lines are measured once (linear), then confirmed as a whole.
  let runStart = 0;
  while (runStart < count) {
    if (!weak[runStart] || chrome[runStart]) {
      runStart++;
      continue;
    }
    let runEnd = runStart;
    while (runEnd + 1 < count && weak[runEnd + 1] && near(runEnd, runEnd + 1)) runEnd++;
    const before = runStart > 0 && near(runStart - 1, runStart) && chrome[runStart - 1];
    const after = runEnd + 1 < count && near(runEnd, runEnd + 1) && chrome[runEnd + 1];
    if (before || after || runEnd - runStart + 1 >= 3) for (let index = runStart; index <= runEnd; index++) chrome[index] = true;
    runStart = runEnd + 1;
  }
  return chrome;
}

/** Newspaper page jumps inside a paragraph: （下转第四版） （紧接第一版） （上接第2版）. */
const PAGE_JUMP = /[（(](?:下转|上接|紧接|接|转)第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版[）)]/g;

/** Spans of newspaper page jumps in a block text: [start, end) relative to the text. */
export function findPageJumps(text: string): Array<[number, number]> {
  if (!text.includes('版')) return [];
  const out: Array<[number, number]> = [];
  PAGE_JUMP.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PAGE_JUMP.exec(text))) out.push([match.index, match.index + match[0].length]);
  return out;
}

/** Every strong pattern contains one of these: a cheap pre-filter. */
const STRONG_QUICK = /学习|外传|转载|转发|商用|群|会员|订阅|立享|扫码|二维码|公众号|页|侵权|翻印|删除|编辑|修改|格式|网络|文库|道客|豆丁|原创力|人人文档|文档之家|范文|\.(?:com|net|cn)/i;

/** Longest line that still counts as a residue line (a sentence of real prose is longer). */
const MAX_RESIDUE_LINE = 80;

/** True when a whole line is template residue on its own, anywhere in the document. */
export function isResidueLine(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0) return false;
  if (isChromeLine(trimmed)) return true;
  if (trimmed.length > MAX_RESIDUE_LINE) return false;
  if (trimmed.length <= MAX_SHORT_RESIDUE && !/[。；]$/.test(trimmed) && SHORT_RESIDUE.test(trimmed)) return true;
  if (!STRONG_QUICK.test(trimmed)) return false;
  if (STRONG_RESIDUE.some((pattern) => pattern.test(trimmed))) return true;
  return !/[。；]/.test(trimmed) && LINE_ONLY_RESIDUE.some((pattern) => pattern.test(trimmed));
}

/** True for lines that read like template-site residue in the preamble (strong residue or a weak hint). */
export function isResidueLike(content: string): boolean {
  return isResidueLine(content) || WEAK_RESIDUE.test(content);
}

/** Fill-in instructions left in the text: 【待补】, 【待补充】, 【此处填写…】, （此处填写…）, (请填写…). */
const FILL_IN = /[【〔\[［（(](?:待补充?|待填写?|待完善|此处(?:应)?(?:填写|填入|插入|补充|输入|为|写)[^【】〔〕\[\]［］（）()\n]{0,30}|请(?:在此)?(?:填写|填入|输入|补充)[^【】〔〕\[\]［］（）()\n]{0,30}|填写[^【】〔〕\[\]［］（）()\n]{0,20})[】〕\]］）)]/g;

/** Spans of fill-in instructions in a (masked) block text: [start, end) relative to the text. */
export function findFillInInstructions(text: string): Array<[number, number]> {
  if (!/[【〔\[［（(]/.test(text)) return [];
  const out: Array<[number, number]> = [];
  FILL_IN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = FILL_IN.exec(text))) {
    if (match[0].includes('\u0000')) continue;
    out.push([match.index, match.index + match[0].length]);
  }
  return out;
}
