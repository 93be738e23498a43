// The coach's quality targets as regression guards. The figures themselves are reported by `npm run bench`;
// these fail if a change breaks what was reached (see the closing note of the change that set them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSuite } from '../../../tests/fixtures/evaluation/nonanswers';
import { fitContentWeights } from '../../../tests/fixtures/human-graded/fit';
import { agreement } from '../../../tests/fixtures/human-graded/score';
import { evaluateBuiltin } from './evaluate';

describe('the coach on material nobody in the project wrote', () => {
  it('ships the content weights the fit on the train splits gives', () => {
    const shipped = JSON.parse(readFileSync(join(__dirname, 'content-weights.json'), 'utf8')) as unknown;
    expect(fitContentWeights().weights).toEqual(shipped);
  }, 180_000);

  it('calls under 2% of the answers people graded well a non-answer, and beats word overlap overall', () => {
    const all = agreement(evaluateBuiltin).find((a) => a.dataset === 'all')!;
    expect(all.wellGraded).toBeGreaterThan(3000);
    expect(all.falseNonAnswerRate).toBeLessThan(0.02);
    expect(all.pearson).toBeGreaterThan(all.baselinePearson);
  }, 180_000);
});

describe('the non-answer suite', () => {
  it('has the on-topic answer win by 20 points in 95% of pairs, and 95% of non-answers at 35 or less', () => {
    const suite = scoreSuite(evaluateBuiltin);
    expect(suite.questions).toBeGreaterThanOrEqual(60);
    expect(suite.pairsWon / suite.pairs).toBeGreaterThanOrEqual(0.95);
    expect(suite.low / suite.nonAnswers).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
