import { describe, expect, it } from 'vitest';
import { type EvaluationInput, EvaluationResult, overallScore } from '../../../src-shared/evaluation';
import { loadRanking, loadStar, pairAccuracy, starAnswer } from '../../../tests/fixtures/evaluation/score';
import { evaluateAnswer, evaluateBuiltin } from './evaluate';

const inputs: EvaluationInput[] = [
  ...loadRanking().flatMap((item) =>
    Object.values(item.answers).map((answer) => ({ question: item.question, answer })),
  ),
  ...loadStar().map((item) => ({
    question: { text: item.question, category: item.category, expectedPoints: [] },
    answer: starAnswer(item),
  })),
];

function quotes(result: EvaluationResult): string[] {
  return [
    ...Object.values(result.star ?? {}).flatMap((part) => part.quotes),
    ...result.expectedPoints.flatMap((p) => (p.quote ? [p.quote] : [])),
    ...[...result.strengths, ...result.improvements].flatMap((f) => (f.quote ? [f.quote] : [])),
  ];
}

describe('evaluateBuiltin', () => {
  it('orders at least 90% of strong > middling > weak pairs in the labelled ranking set', () => {
    const items = loadRanking();
    expect(items.length).toBeGreaterThanOrEqual(40);
    const score = pairAccuracy(evaluateBuiltin);
    expect(score.accuracy, JSON.stringify(score.misordered)).toBeGreaterThanOrEqual(0.9);
  });

  it('returns a valid result whose every quote is an exact substring of the answer', () => {
    for (const input of inputs) {
      const result = evaluateBuiltin(input);
      expect(() => EvaluationResult.parse(result)).not.toThrow();
      for (const q of quotes(result)) expect(input.answer, q).toContain(q);
      for (const f of [...result.strengths, ...result.improvements])
        expect(f.quote !== null || f.point !== null).toBe(true);
    }
  });

  it('computes overall as the weighted criteria, and gives each criterion a reason', () => {
    const result = evaluateBuiltin(inputs[0]!);
    expect(result.overall).toBe(overallScore(result.criteria));
    const c = result.criteria;
    expect(result.overall).toBe(
      Math.round(
        c.content_quality.score * 0.4 +
          c.clarity.score * 0.2 +
          c.confidence.score * 0.2 +
          c.technical_accuracy.score * 0.2,
      ),
    );
    for (const { score, reason } of Object.values(c)) {
      expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
      expect(reason).toMatch(/^[A-Z0-9].+\.$/);
    }
  });

  it('is deterministic', () => {
    for (const input of inputs.slice(0, 20)) expect(evaluateBuiltin(input)).toEqual(evaluateBuiltin(input));
  });

  it('reads words that name Object.prototype members (constructor, __proto__, toString) as plain words', () => {
    // "constructor" is in the shipped Software Engineer bank; it used to throw on submit, or to print
    // "function Object() { [native code] }" into the example answer.
    const result = evaluateBuiltin({
      question: {
        text: 'How do you make a class easy to test?',
        category: 'Technical',
        expectedPoints: [
          'Mentions constructor injection versus containers or frameworks',
          'Constructor arguments they would pass in tests',
          'Knows why __proto__ and toString are not good names for fields',
        ],
      },
      answer:
        'I pass every dependency through the constructor, so tests hand in fakes; I never touch __proto__ or override toString, and valueOf stays as it is.',
    });
    expect(EvaluationResult.safeParse(result).success).toBe(true);
    // the word itself is matched like any other: the point is at least partly covered
    expect(result.expectedPoints[1]!.status).not.toBe('missing');
    expect(JSON.stringify(result)).not.toContain('native code');
  });

  it('copes with an empty or one-word answer', () => {
    for (const answer of ['', '   ', 'Redis.']) {
      const result = evaluateBuiltin({
        question: { text: 'Why?', category: 'Behavioral', expectedPoints: ['Explains why'] },
        answer,
      });
      expect(() => EvaluationResult.parse(result)).not.toThrow();
      expect(result.overall).toBeLessThan(40);
    }
  });
});

describe('evaluateAnswer', () => {
  const input: EvaluationInput = {
    question: {
      text: 'How would you keep a dashboard fast?',
      category: 'Technical',
      expectedPoints: ['Serves repeated reads from memory', 'Explains how it stays within a latency budget'],
    },
    answer:
      'I would keep the hot results close to the web server so that nothing waits on the warehouse. We also watch p95 closely.',
  };

  it('matches the builtin result when no embedder is given', async () => {
    expect(await evaluateAnswer(input)).toEqual(evaluateBuiltin(input));
  });

  it('upgrades points with embeddings and says so', async () => {
    const embed = async (texts: string[]) =>
      texts.map((t) => (/memory|hot results/.test(t) ? [1, 0] : [0, 1]));
    const result = await evaluateAnswer(input, { embed });
    expect(result.coverageMethod).toBe('words+embeddings');
    expect(result.expectedPoints[0]).toMatchObject({ status: 'covered', method: 'embedding' });
    expect(result.overall).toBeGreaterThan(evaluateBuiltin(input).overall);
  });

  it('falls back to word matching when the embedder fails', async () => {
    const result = await evaluateAnswer(input, { embed: () => Promise.reject(new Error('offline')) });
    expect(result).toEqual(evaluateBuiltin(input));
  });
});
