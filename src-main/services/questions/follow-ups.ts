/**
 * The builtin follow-up: after an answer, ask about its most useful gap, the way an interviewer would. A
 * missing or unmeasured result comes first in a story, then a missing STAR part, then an expected point the
 * answer left out, then a claim with no number. No gap, no follow-up.
 */
import type { EvaluationResult, StarPartName } from '../../../src-shared/evaluation';
import type { FollowUp } from '../../../src-shared/questions';

/** At most this many follow-ups hang off one question. */
export const MAX_FOLLOW_UPS = 2;

export interface FollowUpQuestion extends FollowUp {
  expectedPoints: string[];
}

const STAR_ASK: Record<StarPartName, { text: string; points: string[] }> = {
  result: {
    text: 'What was the result, and how did you know? Put a number on it if you can.',
    points: ['The concrete outcome', 'A number or measure that shows it', 'What you learnt or would repeat'],
  },
  action: {
    text: 'What exactly did you do yourself, step by step?',
    points: ['Your own actions, in order', 'Why you chose them', 'Who you worked with and how'],
  },
  task: {
    text: 'What were you responsible for in that situation, and what did success look like?',
    points: ['Your responsibility', 'The goal or deadline', 'What was at stake'],
  },
  situation: {
    text: 'Can you set the scene: where was this, and what was going on?',
    points: ['The team or company', 'What was happening', 'Why it mattered'],
  },
};

const ORDER: StarPartName[] = ['result', 'action', 'task', 'situation'];

export function pickFollowUp(
  evaluation: EvaluationResult,
  answer: string,
  asked: readonly string[],
): FollowUpQuestion | null {
  const fresh = (text: string) => !asked.includes(text);
  if (evaluation.star) {
    for (const part of ORDER) {
      const p = evaluation.star[part];
      const weakResult = part === 'result' && p.present && !/\d/.test(p.quotes.join(' '));
      if ((!p.present || weakResult) && fresh(STAR_ASK[part].text))
        return {
          text: STAR_ASK[part].text,
          gap: `star_${part}`,
          reason: p.present
            ? 'Your result had no number, so the interviewer asks for one.'
            : `Your answer had no clear ${part}, so the interviewer asks for it.`,
          source: 'builtin',
          expectedPoints: STAR_ASK[part].points,
        };
    }
  }
  const missing = evaluation.expectedPoints.find((p) => p.status === 'missing' && !p.contradicted);
  if (missing) {
    const text = `You didn't mention this: ${missing.point.replace(/\.$/, '')}. How would you handle it?`;
    if (fresh(text))
      return {
        text,
        gap: 'expected_point',
        reason: `An expected point was missing: “${missing.point}”.`,
        source: 'builtin',
        expectedPoints: [missing.point, 'A concrete example or detail', 'Why it matters here'],
      };
  }
  if (!/\d/.test(answer)) {
    const text = 'Can you put a number on that: how much, how many, how fast, or how long?';
    if (fresh(text))
      return {
        text,
        gap: 'vague_claim',
        reason: 'Your answer made claims without a single number.',
        source: 'builtin',
        expectedPoints: ['A specific figure', 'What it was measured against', 'How you measured it'],
      };
  }
  return null;
}
