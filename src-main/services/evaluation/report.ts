/**
 * The session report, from the stored answers and evaluations: averages per criterion, change against the
 * previous comparable session and across retakes, the strongest and weakest points, per category, per question.
 */
import type { Category, SessionDetail } from '../../../src-shared/domain';
import type { FeedbackItem } from '../../../src-shared/evaluation';
import { SCORE_KEYS, type Scores, type SessionReport } from '../../../src-shared/report';
import type { ServiceContext } from '../../core/context';
import { loadDetail, type Db } from '../sessions/read';

type Scored = SessionDetail['questions'][number] & {
  feedback: NonNullable<SessionDetail['questions'][number]['feedback']>;
};

const round = (n: number) => Math.round(n * 10) / 10;

function scoresOf(q: Scored): Scores {
  const r = q.feedback.result;
  return {
    overall: r.overall,
    content_quality: r.criteria.content_quality.score,
    clarity: r.criteria.clarity.score,
    confidence: r.criteria.confidence.score,
    technical_accuracy: r.criteria.technical_accuracy.score,
  };
}

export function averagesOf(session: SessionDetail): Scores | null {
  const scored = session.questions.filter((q): q is Scored => q.feedback !== null && !q.answer?.skipped);
  if (scored.length === 0) return null;
  const out = {} as Scores;
  for (const k of SCORE_KEYS) out[k] = round(scored.reduce((s, q) => s + scoresOf(q)[k], 0) / scored.length);
  return out;
}

function compare(now: Scores | null, then: SessionDetail, label: string): SessionReport['previous'] {
  const before = averagesOf(then);
  const change = {} as Record<(typeof SCORE_KEYS)[number], number | null>;
  for (const k of SCORE_KEYS)
    change[k] = now && before && before[k] > 0 ? round(((now[k] - before[k]) / before[k]) * 100) : null;
  return { sessionId: then.id, label, change };
}

/** The most useful feedback across a session: strengths from its best answers, improvements from its weakest. */
function pick(scored: Scored[], kind: 'strengths' | 'improvements') {
  const ordered = [...scored].sort((a, b) =>
    kind === 'strengths'
      ? b.feedback.result.overall - a.feedback.result.overall
      : a.feedback.result.overall - b.feedback.result.overall,
  );
  const out: { text: string; question: string }[] = [];
  const seen = new Set<string>();
  for (const q of ordered)
    for (const item of q.feedback.result[kind] as FeedbackItem[]) {
      const key = item.text.slice(0, 48).toLowerCase();
      if (out.length < 3 && !seen.has(key)) {
        seen.add(key);
        out.push({ text: item.text, question: q.text });
      }
    }
  return out;
}

async function previousComparable(db: Db, s: SessionDetail): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('role', '=', s.role)
    .where('difficulty', '=', s.difficulty)
    .where('status', '=', 'completed')
    .where('created_at', '<', s.createdAt)
    .where('id', '!=', s.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function sessionReport(ctx: ServiceContext, sessionId: string): Promise<SessionReport> {
  const session = await loadDetail(ctx.db, sessionId, ctx.vault);
  const scored = session.questions.filter((q): q is Scored => q.feedback !== null && !q.answer?.skipped);
  const averages = averagesOf(session);
  const previousId = await previousComparable(ctx.db, session);
  const byCategory = new Map<Category, number[]>();
  for (const q of scored)
    byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q.feedback.result.overall]);
  const attemptOf = async (id: string | null, label: string) =>
    id && id !== session.id ? compare(averages, await loadDetail(ctx.db, id, ctx.vault), label) : null;
  return {
    sessionId: session.id,
    title: `${session.role} · ${session.difficulty}${session.attempt > 1 ? ` · Attempt #${session.attempt}` : ''}`,
    role: session.role,
    difficulty: session.difficulty,
    attempt: session.attempt,
    createdAt: session.createdAt,
    completedAt: session.completedAt,
    answered: scored.length,
    skipped: session.questions.filter((q) => q.answer?.skipped).length,
    averages,
    previous: previousId
      ? compare(
          averages,
          await loadDetail(ctx.db, previousId, ctx.vault),
          'your previous session at this role and level',
        )
      : null,
    previousAttempt:
      session.attempt > 1 ? await attemptOf(session.retakeOf, `attempt #${session.attempt - 1}`) : null,
    firstAttempt: session.attempt > 2 ? await attemptOf(session.firstAttemptId, 'attempt #1') : null,
    strengths: pick(scored, 'strengths'),
    improvements: pick(scored, 'improvements'),
    categories: [...byCategory].map(([category, xs]) => ({
      category,
      overall: round(xs.reduce((a, b) => a + b, 0) / xs.length),
      answers: xs.length,
    })),
    questions: session.questions.map((q) => ({
      position: q.position,
      text: q.text,
      category: q.category,
      followUp: q.parentId !== null,
      skipped: q.answer?.skipped ?? false,
      scores: q.feedback && !q.answer?.skipped ? scoresOf(q as Scored) : null,
      timeTakenMs: q.answer ? q.answer.timeTakenMs : null,
      timeLimitSec: q.timeLimitSec,
      overtime: q.answer?.overtime ?? false,
    })),
  };
}
