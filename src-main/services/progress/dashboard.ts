/**
 * The dashboard, computed from the rows in queries.ts. Averages are over scored answers (a session of ten
 * answers counts ten times as much as one of one); a session's score is the average of its answers; the
 * improvement rate compares session scores.
 */
import { CRITERIA } from '../../../src-shared/evaluation';
import {
  IMPROVEMENT_WINDOW,
  STRENGTH_ABOVE,
  WEAKNESS_BELOW,
  type CategoryScore,
  type Dashboard,
} from '../../../src-shared/progress';
import { localDay, weekStart } from './dates';
import { categoryLabel } from './labels';
import type { ProgressRows } from './queries';
import { foldDates, streakOn } from './streaks';

/** A category needs this many scored answers before it is called a strength or a weakness. */
export const MIN_ANSWERS_FOR_VERDICT = 3;
const MAX_LISTED = 5;
/** The dashboard's recent window. */
export const RECENT_DAYS = 30;
const DAY_MS = 86_400_000;

/** The start of the recent window at `now`. */
export const recentSince = (now: Date) => new Date(now.getTime() - RECENT_DAYS * DAY_MS);

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Percentage change from the mean of the first five session scores to the mean of the last five. */
export function improvementRate(sessionScores: readonly number[]): number | null {
  if (sessionScores.length < IMPROVEMENT_WINDOW * 2) return null;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(sessionScores.slice(0, IMPROVEMENT_WINDOW));
  const last = mean(sessionScores.slice(-IMPROVEMENT_WINDOW));
  if (first === 0) return null;
  return round1(((last - first) / first) * 100);
}

export interface SessionFacts {
  localDate: string;
  scored: number;
  overall: number;
}

/**
 * Per session, in completion order, with its local date. Sessions from before migration 0008 have only their
 * completion instant, dated in the host's zone now.
 */
export function sessionFacts(rows: ProgressRows, hostZone: string): SessionFacts[] {
  return rows.sessions.map((s) => ({
    localDate: s.day.length === 10 ? s.day : localDay(new Date(s.day), hostZone),
    scored: s.scored,
    overall: s.overall_sum,
  }));
}

/** Averages per category, over every scored answer in completed sessions. */
export function categoryScores(rows: ProgressRows): CategoryScore[] {
  return rows.categories
    .filter((c) => c.scored > 0)
    .map((c) => ({ category: c.category, answers: c.scored, average: round1(c.overall_sum / c.scored) }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

export function strengthsAndWeaknesses(categories: readonly CategoryScore[]): {
  strengths: CategoryScore[];
  weaknesses: CategoryScore[];
} {
  const judged = categories.filter((c) => c.answers >= MIN_ANSWERS_FOR_VERDICT);
  return {
    strengths: judged
      .filter((c) => c.average > STRENGTH_ABOVE)
      .sort((a, b) => b.average - a.average)
      .slice(0, MAX_LISTED),
    weaknesses: judged
      .filter((c) => c.average < WEAKNESS_BELOW)
      .sort((a, b) => a.average - b.average)
      .slice(0, MAX_LISTED),
  };
}

function recommendations(
  categories: readonly CategoryScore[],
  weaknesses: readonly CategoryScore[],
  completed: number,
): Dashboard['recommendations'] {
  if (completed === 0)
    return [
      {
        text: 'Complete your first practice session: five questions take about twenty minutes.',
        practice: { categories: [], jobId: null, questionCount: 5 },
      },
    ];
  if (weaknesses.length > 0)
    return weaknesses.map((w) => ({
      text: `${categoryLabel(w.category)} answers average ${w.average} over ${w.answers}. Practise five ${categoryLabel(w.category)} questions and read the feedback on each.`,
      practice: { categories: [w.category], jobId: null, questionCount: 5 },
    }));
  const next = categories
    .filter((c) => c.answers >= MIN_ANSWERS_FOR_VERDICT && c.average <= STRENGTH_ABOVE)
    .sort((a, b) => a.average - b.average)
    .slice(0, 2);
  if (next.length > 0)
    return next.map((c) => ({
      text: `No weak spots right now. ${categoryLabel(c.category)} (${c.average}) is the next to push above ${STRENGTH_ABOVE}.`,
      practice: { categories: [c.category], jobId: null, questionCount: 5 },
    }));
  return [
    {
      text: 'Keep the streak going with a mixed session.',
      practice: { categories: [], jobId: null, questionCount: 5 },
    },
  ];
}

/** The whole dashboard from the query rows, as the candidate sees it at `now` in `timeZone`. */
/** `rows` must have been loaded with `recentSince(now)`. */
export function summarise(rows: ProgressRows, now: Date, timeZone: string): Dashboard {
  const sessions = sessionFacts(rows, timeZone);
  const categories = categoryScores(rows);
  const { totals } = rows;
  const sessionScores: number[] = [];
  const weeks = new Map<string, { sum: number; answers: number; sessions: number }>();
  const weekOf = new Map<string, string>();
  for (const s of sessions) {
    if (s.scored === 0) continue;
    sessionScores.push(s.overall / s.scored);
    let key = weekOf.get(s.localDate);
    if (key === undefined) weekOf.set(s.localDate, (key = weekStart(s.localDate)));
    const w = weeks.get(key) ?? { sum: 0, answers: 0, sessions: 0 };
    w.sum += s.overall;
    w.answers += s.scored;
    w.sessions++;
    weeks.set(key, w);
  }

  const { strengths, weaknesses } = strengthsAndWeaknesses(categories);
  return {
    completed: rows.completed,
    scoredAnswers: totals.scored,
    averageAllTime: totals.scored > 0 ? round1(totals.overall_sum / totals.scored) : null,
    average30Days: totals.recent_scored > 0 ? round1(totals.recent_sum / totals.recent_scored) : null,
    improvementRate: improvementRate(sessionScores),
    scoredSessions: sessionScores.length,
    practiceMs: totals.time_ms,
    weekly: [...weeks]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([weekStart, w]) => ({
        weekStart,
        average: round1(w.sum / w.answers),
        answers: w.answers,
        sessions: w.sessions,
      })),
    categories,
    criteria: Object.fromEntries(
      CRITERIA.map((c) => [c, totals.scored > 0 ? round1(totals[c] / totals.scored) : null]),
    ) as Dashboard['criteria'],
    strengths,
    weaknesses,
    roles: rows.roles.map((r) => ({
      role: r.role ?? 'Unknown role',
      sessions: r.sessions,
      average: r.scored > 0 ? round1(r.overall_sum / r.scored) : null,
    })),
    recommendations: recommendations(categories, weaknesses, rows.completed),
    streak: streakOn(foldDates(sessions.map((s) => s.localDate)), localDay(now, timeZone)),
  };
}
