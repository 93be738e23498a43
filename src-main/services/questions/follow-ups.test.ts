import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../../src-shared/evaluation';
import { evaluateBuiltin } from '../evaluation/evaluate';
import { pickFollowUp } from './follow-ups';

const STORY_Q = {
  text: 'Tell me about a time you turned around a failing project.',
  category: 'Behavioral' as const,
  expectedPoints: ['What was failing and why', 'What you changed', 'The measurable outcome'],
};

const follow = (answer: string, q: EvaluationInput['question'] = STORY_Q, asked: string[] = []) =>
  pickFollowUp(evaluateBuiltin({ question: q, answer }), answer, asked);

describe('builtin follow-ups', () => {
  it('asks for the result when a story has none, and the evaluation agrees it is missing', () => {
    const answer =
      'Last spring our data migration project at a logistics firm was three weeks behind. I was the lead analyst and had to get it back on track. I reorganised the work into daily goals and paired the two juniors on the hardest tables.';
    const ev = evaluateBuiltin({ question: STORY_Q, answer });
    expect(ev.star?.result.present).toBe(false);
    const f = pickFollowUp(ev, answer, []);
    expect(f).toMatchObject({ gap: 'star_result', source: 'builtin' });
    expect(f?.text).toMatch(/result/i);
    expect(f?.reason).toBe('Your answer had no clear result, so the interviewer asks for it.');
  });

  it('asks for a number when the result has none', () => {
    const answer =
      'Last spring our migration project was behind schedule. I was the lead and had to recover it. I split the work into daily goals and paired people on the hardest tables. As a result we delivered on time and the client was happy with the outcome.';
    const ev = evaluateBuiltin({ question: STORY_Q, answer });
    expect(ev.star?.result.present).toBe(true);
    expect(pickFollowUp(ev, answer, [])).toMatchObject({
      gap: 'star_result',
      reason: 'Your result had no number, so the interviewer asks for one.',
    });
  });

  it('names a missing expected point on a technical question', () => {
    const q = {
      text: 'How would you cache the product catalogue of a busy shop?',
      category: 'Technical' as const,
      expectedPoints: [
        'Cache invalidation when prices change',
        'A time-to-live for entries',
        'Where the cache lives',
      ],
    };
    const answer =
      'I would put Redis in front of the catalogue service and give every entry a time-to-live of 5 minutes.';
    const ev = evaluateBuiltin({ question: q, answer });
    const missing = ev.expectedPoints.find((p) => p.status === 'missing')!;
    const f = pickFollowUp(ev, answer, []);
    expect(f?.gap).toBe('expected_point');
    expect(f?.text).toContain(missing.point.replace(/\.$/, ''));
    expect(f?.expectedPoints[0]).toBe(missing.point);
  });

  it('does not ask the same follow-up twice, and asks nothing of a complete answer', () => {
    const answer =
      'Last spring our migration at a logistics firm was three weeks behind. I was the lead analyst and had to recover it. I reorganised the work into daily goals and paired the juniors on the hardest tables. As a result we finished 4 days early and cut failed loads by 60%.';
    const first = follow(answer);
    if (first) expect(follow(answer, STORY_Q, [first.text])?.text).not.toBe(first.text);
    const q = {
      text: 'What is a primary key?',
      category: 'Technical' as const,
      expectedPoints: ['Uniquely identifies a row', 'Cannot be null', 'Used by foreign keys'],
    };
    const full =
      'A primary key uniquely identifies a row, it cannot be null, and foreign keys in 2 other tables reference it.';
    expect(follow(full, q)).toBeNull();
  });
});
