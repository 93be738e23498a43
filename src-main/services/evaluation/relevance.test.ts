import { describe, expect, it } from 'vitest';
import type { EvaluationInput, EvaluationResult } from '../../../src-shared/evaluation';
import { evaluateBuiltin } from './evaluate';

const CONFLICT: EvaluationInput['question'] = {
  text: 'Tell me about a time you resolved a conflict within your team.',
  category: 'Behavioral',
  expectedPoints: [
    'Describes the disagreement and what was at stake',
    'Explains the steps they personally took to resolve it',
    'Shows they listened to both sides',
    'States the outcome and what they learned',
  ],
};
const DROPDOWN: EvaluationInput['question'] = {
  text: 'How would you make a custom dropdown usable by keyboard and screen-reader users?',
  category: 'Technical',
  expectedPoints: [
    'Uses the ARIA combobox or listbox pattern with correct roles and states',
    'Supports arrow keys, Enter, Escape and type-ahead',
    'Manages focus and aria-activedescendant',
    'Tests with a real screen reader',
  ],
};

const STORY =
  'Last year two engineers on my team disagreed about whether to rewrite our billing service or patch it, and the argument was delaying a release by two weeks. ' +
  'As the tech lead, my task was to get a decision within a week without losing either of them. ' +
  'I met each of them separately to understand their concerns, then I wrote a one-page comparison of both options with cost and risk. ' +
  'I ran a 45-minute meeting where each presented their case, and we agreed to patch now and schedule the rewrite for Q3. ' +
  'As a result we shipped the release 9 days later, and both engineers co-led the rewrite, which cut billing errors by 38%.';
const PIZZA =
  'My favourite food is pizza, especially with mushrooms. On weekends I like to go hiking in the mountains with my dog. ' +
  'Dolphins are fascinating animals because they sleep with one half of their brain at a time. I also enjoy reading science fiction novels.';

const evaluate = (question: EvaluationInput['question'], answer: string) =>
  evaluateBuiltin({ question, answer });

/** Everything a non-answer must not have: a score over the cap, strengths, quotes, covered points, an example. */
function expectNothingRewarded(r: EvaluationResult) {
  expect(r.overall).toBeLessThanOrEqual(25);
  for (const c of Object.values(r.criteria)) expect(c.score).toBeLessThanOrEqual(25);
  expect(r.strengths).toEqual([]);
  if (r.star)
    for (const part of Object.values(r.star)) expect(part).toMatchObject({ present: false, quotes: [] });
  expect(r.expectedPoints.every((p) => p.status === 'missing' && p.quote === null)).toBe(true);
  expect(r.exampleAnswer).toBe('');
  expect(r.improvements[0]!.text).toBe(r.relevance!.needs);
}

describe('relevance: what is not an answer is told so and capped', () => {
  it('answers a real, specific story to the question', () => {
    const r = evaluate(CONFLICT, STORY);
    expect(r.relevance).toMatchObject({ verdict: 'answers', kind: null, cap: 100, offTopic: [] });
    expect(r.overall).toBeGreaterThan(75);
  });

  it('calls a paragraph about something else off-topic, and names what it is about', () => {
    const r = evaluate(CONFLICT, PIZZA);
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'off_topic', cap: 25 });
    expect(r.relevance!.message).toBe(
      "This doesn't answer the question: it is about food, pizza and mushrooms.",
    );
    expectNothingRewarded(r);
    expect(r.criteria.confidence.reason).toMatch(
      /^Capped at 25 \(not an answer to the question\)\. No hedges/,
    );
  });

  it('calls a good story to a different question off-topic', () => {
    const r = evaluate(DROPDOWN, STORY);
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'off_topic' });
    expectNothingRewarded(r);
  });

  it('calls the question said back a restatement, not an answer', () => {
    const r = evaluate(
      CONFLICT,
      'Tell me about a time you resolved a conflict within your team. A time I resolved a conflict within my team. I resolved a conflict within my team.',
    );
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'restates_question' });
    expect(r.relevance!.message).toBe("This doesn't answer the question: it only repeats the question back.");
    expectNothingRewarded(r);
  });

  it('calls a list of STAR and topic words a word list', () => {
    const r = evaluate(
      CONFLICT,
      'Situation task action result conflict team resolution communication stakeholders outcome listening compromise metrics',
    );
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'word_list' });
    expectNothingRewarded(r);
  });

  it('calls keyboard mashing gibberish and another language not English', () => {
    const mash = evaluate(CONFLICT, 'asdkj qwpeoi zmxnc lkjasd poiqwe mnbzxc qwe asd zxc lkj poi mnb');
    expect(mash.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'gibberish' });
    expectNothingRewarded(mash);
    const spanish = evaluate(
      CONFLICT,
      'Cuando tuve un conflicto con mi equipo, hablé con cada persona y buscamos una solución juntos. Al final todos quedaron contentos con el resultado.',
    );
    expect(spanish.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'other_language' });
    expectNothingRewarded(spanish);
  });

  it('calls a generic answer with nothing that happened a platitude when the question asks for a time', () => {
    const r = evaluate(
      CONFLICT,
      'I think conflict is normal in teams and it can even be healthy. I try to listen to both sides and understand where everyone is coming from. ' +
        'Communication is key, so I always make sure people feel heard. In the end I believe that respect and openness solve most problems.',
    );
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'platitude' });
    expectNothingRewarded(r);
    expect(r.overall).toBeLessThan(evaluate(CONFLICT, STORY).overall - 40);
  });

  it('calls a one-word reply that names nothing too short to judge', () => {
    const r = evaluate(CONFLICT, 'Fine.');
    expect(r.relevance).toMatchObject({ verdict: 'not_an_answer', kind: 'too_short' });
    expectNothingRewarded(r);
  });

  it('caps a partly off-topic answer in proportion, and says which part is about something else', () => {
    const r = evaluate(CONFLICT, `${STORY} ${PIZZA}`);
    expect(r.relevance!.verdict).toBe('partial');
    expect(r.relevance!.cap).toBeLessThan(100);
    expect(r.overall).toBeLessThanOrEqual(r.relevance!.cap);
    expect(r.overall).toBeLessThan(evaluate(CONFLICT, STORY).overall);
    expect(r.relevance!.offTopic).toContain('My favourite food is pizza, especially with mushrooms.');
    expect(r.improvements[0]!.text).toMatch(
      /^Only part of this answers the question: \d+% of it is about something else/,
    );
  });

  it('never calls a short, plain answer a non-answer for being short or plain', () => {
    const q = {
      text: 'What is it about the human skeleton that allows it to bend?',
      category: 'Technical' as const,
      expectedPoints: ['The joints allow the skeleton to bend.'],
    };
    for (const answer of [
      'Joints.',
      'The joints.',
      'Joints allow the human skeleton to bend.',
      'It bends at the joints between bones.',
    ]) {
      expect(evaluate(q, answer).relevance!.verdict, answer).not.toBe('not_an_answer');
    }
  });

  it('lets delivery lift the overall at most 15 points above the content', () => {
    const r = evaluate(CONFLICT, STORY);
    const content = (r.criteria.content_quality.score + r.criteria.technical_accuracy.score) / 2;
    expect(r.overall).toBeLessThanOrEqual(Math.round(content + 15));
  });
});

describe('grounding: evidence only from sentences about the question', () => {
  it('never quotes an aside as a STAR part, a covered point or a strength', () => {
    const aside = 'On weekends I like to go hiking with my dog.';
    const r = evaluate(CONFLICT, STORY.replace('As the tech lead,', `${aside} As the tech lead,`));
    const quotes = [
      ...Object.values(r.star!).flatMap((p) => p.quotes),
      ...r.expectedPoints.map((p) => p.quote),
      ...r.strengths.map((s) => s.quote),
    ];
    expect(quotes).not.toContain(aside);
    expect(r.relevance!.offTopic).toEqual([aside]);
    // Without grounding, the aside was read as the story's situation.
    expect(r.star!.situation.quotes).not.toContain(aside);
  });

  it('takes no result without an action told: an outcome is the outcome of what was done', () => {
    const r = evaluate(
      CONFLICT,
      'Two engineers on my team disagreed about the billing rewrite for a month and the release slipped. ' +
        'In the end the conflict was resolved and the release shipped with 20% fewer billing errors.',
    );
    expect(r.star!.action.present).toBe(false);
    expect(r.star!.result.present).toBe(false);
  });

  it('never quotes the question back as evidence or in the example answer', () => {
    const echoed = `${CONFLICT.text} ${STORY}`;
    const r = evaluate(CONFLICT, echoed);
    expect(r.relevance!.verdict).toBe('answers');
    expect(r.exampleAnswer).not.toContain('Tell me about a time');
    expect(r.exampleAnswer).not.toContain('resolved a conflict within your team');
    for (const part of Object.values(r.star!)) expect(part.quotes).not.toContain(CONFLICT.text);
  });

  it('keeps the relevant sentences in STAR order and leaves an off-topic one out of the example', () => {
    const r = evaluate(CONFLICT, `${PIZZA.split('. ')[0]}. ${STORY}`);
    expect(r.exampleAnswer).not.toContain('pizza');
    expect(r.exampleAnswer.indexOf('disagreed')).toBeLessThan(r.exampleAnswer.indexOf('I met each of them'));
    expect(r.exampleAnswer.indexOf('I met each of them')).toBeLessThan(
      r.exampleAnswer.indexOf('shipped the release'),
    );
  });
});
