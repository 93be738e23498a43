/**
 * The progress reads: a handful of set-based queries (never one per session or answer). Scores come from
 * progress_sessions, one row per session whose totals triggers keep up to date from the answers and their
 * effective evaluations (a model's if there is one, the newest, else the builtin one: the same choice the
 * session review makes), so the dashboard never reads the answers or evaluations tables themselves.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { CATEGORIES, type Category } from '../../../src-shared/catalog';
import type { Database } from '../../db/schema';

export type Db = Kysely<Database> | Transaction<Database>;

/** progress_sessions' column prefix for each category's count and sum. */
export const categoryColumn = (c: Category) => c.toLowerCase() as Lowercase<Category>;

/**
 * A completed session, as little as the dashboard needs of each (it reads thousands): the day it was completed
 * on (its local date; the ISO instant for a session from before migration 0008) and its score totals.
 */
export interface SessionScoreRow {
  day: string;
  scored: number;
  overall_sum: number;
}

/** Per category over every completed session. */
export interface CategoryScoreRow {
  category: Category;
  scored: number;
  overall_sum: number;
}

export interface Totals {
  completed: number;
  scored: number;
  overall_sum: number;
  best: number | null;
  time_ms: number;
  /** Over the sessions completed since the instant the query was given. */
  recent_scored: number;
  recent_sum: number;
  content_quality: number;
  clarity: number;
  confidence: number;
  technical_accuracy: number;
}

export interface RoleRow {
  role: string | null;
  sessions: number;
  scored: number;
  overall_sum: number;
}

/** Completed sessions in the order they were completed. */
export const sessionScoresQuery = (): RawBuilder<SessionScoreRow> => sql<SessionScoreRow>`
  SELECT coalesce(local_date, completed_at) AS day, scored, overall_sum
  FROM progress_sessions
  WHERE completed_at IS NOT NULL
  ORDER BY completed_at, session_id`;

/** One row: every completed session's totals added up, overall, per criterion and per category. */
export const totalsQuery = (sinceIso: string): RawBuilder<Totals & Record<string, number>> =>
  sql<Totals & Record<string, number>>`
  SELECT count(*) AS completed, coalesce(sum(scored), 0) AS scored, coalesce(sum(overall_sum), 0) AS overall_sum,
    max(best) AS best, coalesce(sum(time_ms), 0) AS time_ms,
    coalesce(sum(CASE WHEN completed_at >= ${sinceIso} THEN scored END), 0) AS recent_scored,
    coalesce(sum(CASE WHEN completed_at >= ${sinceIso} THEN overall_sum END), 0) AS recent_sum,
    coalesce(sum(content_quality_sum), 0) AS content_quality, coalesce(sum(clarity_sum), 0) AS clarity,
    coalesce(sum(confidence_sum), 0) AS confidence,
    coalesce(sum(technical_accuracy_sum), 0) AS technical_accuracy,
    ${sql.join(
      CATEGORIES.map(categoryColumn).map(
        (c) => sql`coalesce(sum(${sql.ref(`${c}_n`)}), 0) AS ${sql.ref(`${c}_n`)},
    coalesce(sum(${sql.ref(`${c}_sum`)}), 0) AS ${sql.ref(`${c}_sum`)}`,
      ),
    )}
  FROM progress_sessions
  WHERE completed_at IS NOT NULL`;

/** The roles practised most, with their score totals. */
export const rolesQuery = (limit: number): RawBuilder<RoleRow> => sql<RoleRow>`
  SELECT role, count(*) AS sessions, sum(scored) AS scored, sum(overall_sum) AS overall_sum
  FROM progress_sessions
  WHERE completed_at IS NOT NULL
  GROUP BY role
  ORDER BY sessions DESC, role
  LIMIT ${limit}`;

/** When each completed session was completed, and on which local date (null before migration 0008). */
export const completionDaysQuery = () => sql<{ completed_at: string; local_date: string | null }>`
  SELECT completed_at, local_date FROM progress_sessions WHERE completed_at IS NOT NULL`;

export interface RecentScoreRow {
  category: Category;
  overall: number;
}

/** The effective scores of the last `limit` scored answers, newest first, from any session. */
export const recentScoresQuery = (limit: number): RawBuilder<RecentScoreRow> => sql<RecentScoreRow>`
  SELECT q.category, e.overall
  FROM answers a
  JOIN progress_effective_evaluations e ON e.answer_id = a.id
  JOIN session_questions q ON q.id = a.session_question_id
  ORDER BY a.submitted_at DESC
  LIMIT ${limit}`;

export interface ProgressRows {
  completed: number;
  sessions: SessionScoreRow[];
  totals: Totals;
  categories: CategoryScoreRow[];
  roles: RoleRow[];
}

/** The roles the dashboard lists. */
export const MAX_ROLES = 5;

/**
 * Everything the dashboard and the achievements are computed from, in three queries; `since` starts the
 * recent window (the dashboard's last 30 days).
 */
export async function loadProgressRows(db: Db, since: Date): Promise<ProgressRows> {
  const [sessions, totals, roles] = await Promise.all([
    sessionScoresQuery().execute(db),
    totalsQuery(since.toISOString()).execute(db),
    rolesQuery(MAX_ROLES).execute(db),
  ]);
  const t = totals.rows[0]!;
  return {
    completed: t.completed,
    sessions: sessions.rows,
    totals: t,
    categories: CATEGORIES.map((category) => ({
      category,
      scored: t[`${categoryColumn(category)}_n`] ?? 0,
      overall_sum: t[`${categoryColumn(category)}_sum`] ?? 0,
    })).filter((c) => c.scored > 0),
    roles: roles.rows,
  };
}

/** Completed sessions from a day on, with the categories they scored answers in (study plan ticking). */
export async function sessionsSince(
  db: Db,
  sinceIso: string,
): Promise<{ completedAt: string; localDate: string | null; categories: Category[] }[]> {
  const rows = await db
    .selectFrom('progress_sessions')
    .select(['completed_at', 'local_date', ...CATEGORIES.map((c) => `${categoryColumn(c)}_n` as const)])
    .where('completed_at', '>=', sinceIso)
    .orderBy('completed_at')
    .execute();
  return rows.map((r) => ({
    completedAt: r.completed_at!,
    localDate: r.local_date,
    categories: CATEGORIES.filter((c) => r[`${categoryColumn(c)}_n`] > 0),
  }));
}

export async function recentScores(db: Db, limit: number): Promise<RecentScoreRow[]> {
  return (await recentScoresQuery(limit).execute(db)).rows;
}

/** Per category over the given scores: average and count. */
export function categoryAverages(
  rows: readonly RecentScoreRow[],
): Map<Category, { average: number; answers: number }> {
  const sums = new Map<Category, { sum: number; n: number }>();
  for (const r of rows) {
    const s = sums.get(r.category) ?? { sum: 0, n: 0 };
    s.sum += r.overall;
    s.n++;
    sums.set(r.category, s);
  }
  return new Map([...sums].map(([c, s]) => [c, { average: s.sum / s.n, answers: s.n }]));
}

/** Categories averaging below `below` with at least `minAnswers` answers, weakest first. */
export function weakestCategories(
  rows: readonly RecentScoreRow[],
  options: { below: number; minAnswers: number },
): Category[] {
  return [...categoryAverages(rows)]
    .filter(([, s]) => s.answers >= options.minAnswers && s.average < options.below)
    .sort((a, b) => a[1].average - b[1].average || a[0].localeCompare(b[0]))
    .map(([c]) => c);
}

/** SQLite's plan for a query, one detail line per step (for the no-full-scan test and the bench). */
export async function queryPlan(db: Db, query: RawBuilder<unknown>): Promise<string[]> {
  const result = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${query}`.execute(db);
  return result.rows.map((r) => r.detail);
}
