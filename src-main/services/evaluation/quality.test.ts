// The coach's non-answer targets as a regression guard; the figures themselves are reported by `npm run bench`
// beside the measure on people's grades (which needs the shared data set: tests/fixtures/human-graded).
import { describe, expect, it } from 'vitest';
import { scoreSuite } from '../../../tests/fixtures/evaluation/nonanswers';
import { evaluateBuiltin } from './evaluate';

describe('the non-answer suite', () => {
  it('has the on-topic answer win by 20 points in 95% of pairs, and 95% of non-answers at 35 or less', () => {
    const suite = scoreSuite(evaluateBuiltin);
    expect(suite.questions).toBeGreaterThanOrEqual(60);
    expect(suite.pairsWon / suite.pairs).toBeGreaterThanOrEqual(0.95);
    expect(suite.low / suite.nonAnswers).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
