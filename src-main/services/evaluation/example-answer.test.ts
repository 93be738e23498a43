import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src-shared/domain';
import type { EvaluationInput } from '../../../src-shared/evaluation';
import { loadRanking, loadStar, starAnswer } from '../../../tests/fixtures/evaluation/score';
import { evaluateBuiltin } from './evaluate';
import { analyse } from './nlp';
import { digitRuns } from './rewrite';
import { signalsOf } from './signals';

/** The facts an example answer must keep: figures written with digits, and named tools and terms. */
function facts(answer: string): string[] {
  const doc = analyse(answer);
  const signals = signalsOf(doc);
  return [
    ...signals.numbers.filter((n) => n.digits).map((n) => n.text),
    ...signals.namedTerms.map((n) => n.text),
  ];
}

const fixtureInputs: EvaluationInput[] = [
  ...loadRanking().flatMap((item) =>
    Object.values(item.answers).map((answer) => ({ question: item.question, answer })),
  ),
  ...loadStar().map((item) => ({
    question: { text: item.question, category: item.category, expectedPoints: [] },
    answer: starAnswer(item),
  })),
];

describe('the example answer', () => {
  it('keeps every figure and named tool of each fixture answer, and adds no number', () => {
    for (const input of fixtureInputs) {
      const result = evaluateBuiltin(input);
      const example = result.exampleAnswer;
      // A text that does not answer the question gets no rewritten example at all.
      if (result.relevance!.verdict === 'not_an_answer') {
        expect(example, input.answer).toBe('');
        continue;
      }
      // Every fact of the sentences about the question is kept; none of the others is.
      const onTopic = analyse(input.answer)
        .sentences.map((s) => s.text)
        .filter((s) => !result.relevance!.offTopic.includes(s));
      for (const fact of facts(onTopic.join(' '))) expect(example, input.answer).toContain(fact);
      for (const aside of result.relevance!.offTopic) expect(example).not.toContain(aside);
      const allowed = digitRuns(input.answer);
      for (const run of digitRuns(example)) expect(allowed.has(run), `${run} in ${example}`).toBe(true);
    }
  });

  it('cuts hedges and fillers from the candidate sentences it keeps', () => {
    const example = evaluateBuiltin({
      question: { text: 'How do you speed up a slow query?', category: 'Technical', expectedPoints: [] },
      answer:
        'Um, I think I would basically check the query plan first. Then maybe add an index on the filter column.',
    }).exampleAnswer;
    expect(example).toContain('I would check the query plan first.');
    expect(example).toContain('Then add an index on the filter column.');
    expect(example).not.toMatch(/\b(Um|I think|basically|maybe)\b/);
  });

  it('prompts for missing expected points in brackets without copying their figures', () => {
    const example = evaluateBuiltin({
      question: {
        text: 'When would your API return 401 and 429?',
        category: 'Technical',
        expectedPoints: ['401: the caller is not authenticated', 'Returns 429 with a Retry-After header'],
      },
      answer: 'When the caller is not authenticated we return an error and log it.',
    }).exampleAnswer;
    expect(example).toContain('[Explain how it returns … with a Retry-After header.]');
    expect(example).not.toMatch(/401|429/);
  });

  it('restructures a story into situation, task, actions and result, with signposts', () => {
    const example = evaluateBuiltin({
      question: {
        text: 'Tell me about a deadline you nearly missed.',
        category: 'Behavioral',
        expectedPoints: [],
      },
      answer:
        'Two weeks before launch, the customer changed the file format. In the end, the core export shipped on time. ' +
        "I had split the work into two releases. I told the customer's contact the same afternoon.",
    }).exampleAnswer;
    expect(example.split('\n\n')).toEqual([
      'Two weeks before launch, the customer changed the file format. [Say what you were responsible for or trying to achieve.]',
      "First, I had split the work into two releases. Then, I told the customer's contact the same afternoon.",
      'In the end, the core export shipped on time. [Quantify the result: by how much did [metric] change, from [number] to [number]?]',
    ]);
  });

  const TOOLS = ['Redis', 'Kafka', 'PostgreSQL', 'Terraform', 'GitHub Actions', 'Datadog'];
  const figure = fc.oneof(
    fc.integer({ min: 0, max: 99_999 }).map(String),
    fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}`),
    fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`),
    fc.integer({ min: 1, max: 900 }).map((n) => `$${n}k`),
  );
  // Each generated sentence carries the figures and tools it states, so the test knows the facts without
  // asking the evaluator's own detectors.
  const sentence = fc
    .tuple(fc.integer({ min: 0, max: 7 }), figure, figure, fc.constantFrom(...TOOLS))
    .map(([template, a, b, tool]) => {
      const templates: [string, string[]][] = [
        [`I moved ${a} services to ${tool} over ${b} weeks.`, [a, tool, b]],
        [`Um, I think latency dropped from ${a} ms to ${b} ms.`, [a, b]],
        [`We basically saved ${a} a year using ${tool}.`, [a, tool]],
        [`It was kind of hard because the team was small.`, []],
        [`Then I set up ${tool} alerts, and errors fell by ${a}.`, [tool, a]],
        [`Maybe we could use caching for the ${b} hottest keys.`, [b]],
        [`Last year our ${tool} cluster handled ${a} requests a second.`, [tool, a]],
        [`As a result, costs went from ${a} to ${b}.`, [a, b]],
      ];
      const [text, facts] = templates[template]!;
      return { text, facts };
    });
  const input = fc.record({
    question: fc.record({
      text: fc.constant('Tell me about a system you improved.'),
      category: fc.constantFrom(...CATEGORIES),
      expectedPoints: fc.subarray(
        [
          'Keeps p99 under 200 ms',
          'Returns 429 with Retry-After',
          'Uses a cache for the 10 hottest keys',
          'States the outcome',
        ],
        { minLength: 0 },
      ),
    }),
    sentences: fc.array(sentence, { minLength: 1, maxLength: 8 }),
  });

  it('never contains a digit sequence the candidate did not write, and keeps their figures and tools', () => {
    fc.assert(
      fc.property(input, ({ question, sentences }) => {
        const answer = sentences.map((s) => s.text).join(' ');
        const result = evaluateBuiltin({ question, answer });
        const example = result.exampleAnswer;
        const allowed = digitRuns(answer);
        for (const run of digitRuns(example)) expect(allowed.has(run), run).toBe(true);
        if (result.relevance!.verdict === 'not_an_answer') expect(example).toBe('');
        const kept = sentences.filter((s) => !result.relevance!.offTopic.includes(s.text));
        if (result.relevance!.verdict !== 'not_an_answer') {
          for (const fact of kept.flatMap((s) => s.facts)) expect(example).toContain(fact);
        }
      }),
      { numRuns: 200, seed: 20_240_601 },
    );
  });
});
