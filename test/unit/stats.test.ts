import assert from 'node:assert/strict';
import { characterCount, documentStats } from '../../src/core/index.js';

describe('字数 and placeholder counts', () => {
  it('counts CJK characters and punctuation one each, Latin words and numbers as one', () => {
    assert.equal(characterCount('今年GDP增长6.5%，PM2.5下降。'), 11);
    assert.equal(characterCount('一、总体情况\n\u3000\u3000正文。'), 9);
    assert.equal(characterCount(''), 0);
  });

  it('counts placeholders as the placeholder rule finds them', () => {
    const stats = documentStats('XX镇x月x日召开会议，X光机一台。');
    // One per phrase: XX镇 and x月x日 (not x, x).
    assert.equal(stats.placeholders, 2);
    assert.deepEqual(stats.placeholderRanges[0], { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.deepEqual(stats.placeholderRanges[1], { start: { line: 0, character: 3 }, end: { line: 0, character: 7 } });
  });
});
