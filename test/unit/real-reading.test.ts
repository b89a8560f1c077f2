// The failure classes of issue 9, each as a small document written the way real ones are.
import assert from 'node:assert/strict';
import { fixAll, lint, outline, parseReport, renumberEdits } from '../../src/core/index.js';

const types = (text: string): string[] => parseReport(text).root.children.map((node) => node.type);
const errors = (text: string) => lint(text).filter((finding) => finding.severity === 'error');
const headingLevels = (text: string): string[] => {
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof outline>): void => {
    for (const node of nodes) {
      if (node.kind === 'heading') out.push(`${node.selectionRange.start.line + 1}:${node.level}`);
      walk(node.children);
    }
  };
  walk(outline(text));
  return out;
};

describe('reading real documents (issue 9)', () => {
  it('a marker followed by a digit is a heading (一、2025年工作回顾)', () => {
    const text = '政府工作报告\n各位代表：\n一、2025年工作回顾\n过去一年，成绩显著。\n二、“十五五”时期主要目标\n目标明确。\n三、2026年重点工作\n任务繁重。';
    assert.deepEqual(headingLevels(text), ['3:1', '5:1', '7:1']);
    assert.deepEqual(errors(text), []);
    assert.equal(fixAll(text), text);
    // …but a list of numerals is none: 一、二季度.
    assert.deepEqual(headingLevels('报告\n一、二季度经济运行平稳。\n'), []);
  });

  it('numbering run straight through the parents is a convention, not an error', () => {
    const text = [
      '国务院关于某项工作的意见',
      '一、总体要求',
      '（一）指导思想。坚持问题导向。',
      '（二）基本原则。统筹兼顾。',
      '二、重点任务',
      '（三）加强统筹。建立机制。',
      '（四）强化保障。落实资金。',
      '三、组织实施',
      '（五）加强领导。各地要高度重视。',
    ].join('\n');
    assert.deepEqual(errors(text), []);
    assert.equal(fixAll(text), text);
    assert.deepEqual(renumberEdits(text), []);
  });

  it('a departure from the continuous convention is found and renumbered in it', () => {
    const text = ['意见', '一、甲', '（一）子。', '（二）子。', '二、乙', '（三）子。', '（五）子。', '三、丙', '（六）子。'].join('\n');
    const found = errors(text);
    assert.deepEqual(found.map((finding) => finding.range.start.line + 1), [7, 9]);
    assert.equal(fixAll(text).split('\n')[6], '（四）子。');
    assert.equal(fixAll(text).split('\n')[8], '（五）子。');
  });

  it('ambiguous conventions give no finding', () => {
    // One part restarts, one runs on: nothing to go by.
    const text = ['报告', '一、甲', '（一）子。', '（二）子。', '二、乙', '（一）子。', '三、丙', '（二）子。', '（三）子。'].join('\n');
    assert.deepEqual(errors(text), []);
  });

  it('a list going on from the previous one across a chapter or an 附件 heading is not judged when the document also restarts (a tender imported from Word)', () => {
    const chapters = ['招标文件', '第一章 投标邀请', '1.项目情况', '2.获取方式', '第二章 投标须知', '3.投标文件', '第三章 技术要求', '4.项目概况', '5.需求清单',
      '第四章 文件格式', '1.格式要求', '2.正面回答', '第五章 报价', '1.评标价', '2.管理费', '第六章 其他', '1.甲', '2.乙', '第七章 附则', '1.丙', '2.丁', '第八章 声明', '1.戊'].join('\n');
    assert.deepEqual(errors(chapters), []);
    assert.equal(fixAll(chapters), chapters);
    const attachment = ['招标文件', '第一章 须知', '1.甲', '2.乙', '第二章 合同', '3.丙', '附件1', '登记表', '4.项目概况', '5.需求清单'].join('\n');
    assert.deepEqual(errors(attachment), []);
    // Under a numbered parent the same start is the slip of a list that failed to restart.
    const report = ['报告', '一、甲', '（一）子。', '（二）子。', '二、乙', '（一）子。', '（二）子。', '三、丙', '（三）子。', '（四）子。', '四、丁', '（一）子。', '五、戊', '（一）子。'].join('\n');
    assert.deepEqual(errors(report).map((finding) => finding.range.start.line + 1), [9, 10]);
  });

  it('a list whose first item stands after a lead-in on the line above (注：1.… / 2.… / 3.…) starts right', () => {
    const text = ['通知', '一、要求', '注：1.法定代表人不亲自签署的，须提供授权书。', '2.供应商为法人单位时提供证明。', '3.应附身份证明。', '二、其他', '注：①终止后应发布公告。', '②因重大变故终止的，应说明理由。'].join('\n');
    assert.deepEqual(errors(text), []);
    assert.equal(fixAll(text), text);
    // Without the lead-in above, a list starting at 2. is still a slip.
    assert.deepEqual(errors(['通知', '一、要求', '说明如下。', '2.甲。', '3.乙。'].join('\n')).map((finding) => finding.range.start.line + 1), [4, 5]);
  });

  it('a skipped level is no finding by default; a level going backwards is', () => {
    assert.deepEqual(lint('通知\n一、总体要求\n1.明确目标。\n2.压实责任。\n二、保障措施\n1.加强领导。\n2.强化督导。'), []);
    const inverted = lint('报告\n一、甲\n（一）子\n一、细项\n二、细项\n（二）子');
    assert.deepEqual(
      inverted.map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`),
      ['4 numbering-level'],
    );
  });

  it('a title on two lines, with 发文字号 and 主送', () => {
    const text = '国务院办公厅关于开展\n城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为做好工作，现通知如下。';
    assert.deepEqual(types(text), ['reportTitle', 'masthead', 'addressee', 'paragraph']);
    assert.equal(outline(text)[0]!.title, '国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知');
  });

  it('a speech title with its ——subtitle, date line and speaker', () => {
    const text = '凝心聚力谋发展\n实干担当开新局\n——在全县经济工作会议上的讲话\n（2018年1月2日）\n张三\n同志们：\n今天召开会议。';
    assert.deepEqual(types(text), ['reportTitle', 'reportSubtitle', 'reportSubtitle', 'reportSubtitle', 'addressee', 'paragraph']);
  });

  it('the closing stays the closing with a 附注 after it; 附件说明 is its own part', () => {
    const text = [
      '某某县人民政府关于某事的通知',
      '各乡镇人民政府：',
      '现将有关事项通知如下。',
      '一、工作目标',
      '全面完成任务。',
      '二、工作要求',
      '认真落实。',
      '附件：1.某某工作方案',
      '      2.某某任务清单',
      '某某县人民政府',
      '2024年3月1日',
      '（此件公开发布）',
    ].join('\n');
    assert.deepEqual(types(text).slice(7), ['attachmentNote', 'attachmentNote', 'signature', 'dateLine', 'note']);
    assert.deepEqual(headingLevels(text), ['4:1', '6:1']);
    assert.deepEqual(errors(text), []);
    // The attachment numbers are checked as their own list.
    const wrong = text.replace('2.某某任务清单', '3.某某任务清单');
    assert.deepEqual(errors(wrong).map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`), ['9 numbering-sequence']);
  });

  it('web-page chrome is residue: found, removable, and no other rule reads it', () => {
    const text = ['下载', '打印', '全屏', '收藏', '【字号：', '加大', '还原', '减小', '】', '2026年政府工作报告', '来源：某某日报', '时间：2026-02-02', '各位代表：', '现在，我代表省人民政府报告工作。（下转第四版）'].join('\n');
    const findings = lint(text);
    assert.ok(findings.every((finding) => finding.ruleId === 'template-residue'), JSON.stringify(findings.map((finding) => finding.ruleId)));
    assert.equal(findings.length, 12);
    assert.equal(outline(text)[0]!.title, '2026年政府工作报告');
    assert.equal(fixAll(text), '2026年政府工作报告\n各位代表：\n现在，我代表省人民政府报告工作。');
  });

  it('a marker with a stray space is the heading, with a style finding and a fix', () => {
    const text = '通知\n一、总体要求\n二 、支持范围\n三、组织实施';
    assert.deepEqual(headingLevels(text), ['2:1', '3:1', '4:1']);
    const found = lint(text);
    assert.deepEqual(found.map((finding) => finding.ruleId), ['numbering-style']);
    assert.equal(fixAll(text), '通知\n一、总体要求\n二、支持范围\n三、组织实施');
  });

  it('renumbering past 九十九 writes 一百, and never turns circled numbers into plain digits', () => {
    const lines = ['报告'];
    for (let index = 1; index <= 99; index++) lines.push(`${hanOf(index)}、第${index}项`);
    // The 100th heading repeats 九十九、: renumbered, it becomes 一百、 (not 100、).
    lines.push('九十九、第100项');
    const fixed = fixAll(lines.join('\n')).split('\n');
    assert.equal(fixed[100], '一百、第100项');
    const circled = ['报告', ...Array.from({ length: 50 }, (_, index) => String.fromCharCode(index < 20 ? 0x2460 + index : index < 35 ? 0x3251 + index - 20 : 0x32b1 + index - 35) + '项'), '①项'].join('\n');
    assert.equal(fixAll(circled), circled);
  });

  it('date-style quotes the document\'s own usual date', () => {
    const found = lint('报告\n2025年3月1日召开会议，2025年4月2日部署。\n2025.5.6完成。').filter((finding) => finding.ruleId === 'date-style');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /第2行“2025年3月1日”/);
  });
});

function hanOf(value: number): string {
  const digits = '零一二三四五六七八九';
  if (value < 10) return digits[value]!;
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return (tens === 1 ? '' : digits[tens]!) + '十' + (units === 0 ? '' : digits[units]!);
}
