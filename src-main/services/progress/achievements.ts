/**
 * Achievements: each earned once. Whether one is due is a pure function of a few facts; awarding is one
 * INSERT OR IGNORE against the primary key (inside the caller's transaction when there is one), so repeated
 * and concurrent triggers can only ever store, and report as new, each achievement once.
 */
import { ACHIEVEMENTS, type AchievementId, type AchievementStatus } from '../../../src-shared/progress';
import type { Category } from '../../../src-shared/domain';
import { categoryScores, sessionFacts } from './dashboard';
import { categoryLabel } from './labels';
import type { Db, ProgressRows } from './queries';
import { foldDates } from './streaks';

export const MASTER_AVERAGE = 90;
export const MASTER_MIN_ANSWERS = 10;

export interface ProgressFacts {
  completed: number;
  longestStreak: number;
  /** The best effective overall score of any answer in a completed session; null before any. */
  bestAnswer: number | null;
  categories: { category: Category; average: number; answers: number }[];
}

export function factsFrom(rows: ProgressRows, hostZone: string): ProgressFacts {
  const sessions = sessionFacts(rows, hostZone);
  return {
    completed: rows.completed,
    longestStreak: foldDates(sessions.map((s) => s.localDate)).longest,
    bestAnswer: rows.totals.best,
    categories: categoryScores(rows).map((c) => ({
      category: c.category,
      average: c.average,
      answers: c.answers,
    })),
  };
}

interface Definition {
  title: string;
  description: string;
  earned(f: ProgressFacts): boolean;
  progress(f: ProgressFacts): AchievementStatus['progress'];
  detail(f: ProgressFacts): string;
}

const count = (target: number, noun: string): Pick<Definition, 'earned' | 'progress' | 'detail'> => ({
  earned: (f) => f.completed >= target,
  progress: (f) => ({
    value: Math.min(f.completed, target),
    target,
    label: `${Math.min(f.completed, target)} of ${target} ${noun}`,
  }),
  detail: () => `${target} completed ${target === 1 ? 'interview' : 'interviews'}`,
});

const streak = (target: number): Pick<Definition, 'earned' | 'progress' | 'detail'> => ({
  earned: (f) => f.longestStreak >= target,
  progress: (f) => ({
    value: Math.min(f.longestStreak, target),
    target,
    label: `Longest streak so far: ${f.longestStreak} ${f.longestStreak === 1 ? 'day' : 'days'}`,
  }),
  detail: () => `${target} days in a row`,
});

const masters = (f: ProgressFacts) =>
  f.categories
    .filter((c) => c.answers >= MASTER_MIN_ANSWERS && c.average >= MASTER_AVERAGE)
    .sort((a, b) => b.average - a.average);

export const DEFINITIONS: Record<AchievementId, Definition> = {
  First_Interview: {
    title: 'First interview',
    description: 'Complete your first practice session.',
    ...count(1, 'sessions'),
  },
  Ten_Interviews: {
    title: 'Ten interviews',
    description: 'Complete ten practice sessions.',
    ...count(10, 'sessions'),
  },
  Fifty_Interviews: {
    title: 'Fifty interviews',
    description: 'Complete fifty practice sessions.',
    ...count(50, 'sessions'),
  },
  Perfect_Score: {
    title: 'Perfect score',
    description: 'Get an overall score of 100 on an answer.',
    earned: (f) => (f.bestAnswer ?? 0) >= 100,
    progress: (f) => ({
      value: f.bestAnswer ?? 0,
      target: 100,
      label: f.bestAnswer === null ? 'No scored answers yet' : `Best answer so far: ${f.bestAnswer}`,
    }),
    detail: () => 'An answer scored 100',
  },
  Seven_Day_Streak: {
    title: 'Seven-day streak',
    description: 'Practise on seven days in a row.',
    ...streak(7),
  },
  Thirty_Day_Streak: {
    title: 'Thirty-day streak',
    description: 'Practise on thirty days in a row.',
    ...streak(30),
  },
  Category_Master: {
    title: 'Category master',
    description: `Average ${MASTER_AVERAGE} or more in one category over at least ${MASTER_MIN_ANSWERS} answers.`,
    earned: (f) => masters(f).length > 0,
    progress: (f) => {
      const qualified = f.categories
        .filter((c) => c.answers >= MASTER_MIN_ANSWERS)
        .sort((a, b) => b.average - a.average)[0];
      if (qualified)
        return {
          value: Math.min(qualified.average, MASTER_AVERAGE),
          target: MASTER_AVERAGE,
          label: `Best category: ${categoryLabel(qualified.category)}, ${qualified.average} over ${qualified.answers} answers`,
        };
      const most = [...f.categories].sort((a, b) => b.answers - a.answers)[0];
      return {
        value: 0,
        target: MASTER_AVERAGE,
        label: most
          ? `Answer ${MASTER_MIN_ANSWERS} questions in one category (most so far: ${categoryLabel(most.category)}, ${most.answers})`
          : `Answer ${MASTER_MIN_ANSWERS} questions in one category`,
      };
    },
    detail: (f) => {
      const m = masters(f)[0];
      return m ? `${categoryLabel(m.category)}: ${m.average} over ${m.answers} answers` : '';
    },
  },
};

/** The achievements the facts qualify for, earned before or not. */
export function due(f: ProgressFacts): AchievementId[] {
  return ACHIEVEMENTS.filter((id) => DEFINITIONS[id].earned(f));
}

/** Stores the achievements now due; returns only those this call stored (earned for the first time). */
export async function award(
  db: Db,
  facts: ProgressFacts,
  at: string,
  sessionId: string | null,
): Promise<AchievementId[]> {
  const ids = due(facts);
  if (ids.length === 0) return [];
  const inserted = await db
    .insertInto('achievements')
    .orIgnore()
    .values(
      ids.map((id) => ({
        id,
        earned_at: at,
        session_id: sessionId,
        detail: DEFINITIONS[id].detail(facts),
      })),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id as AchievementId);
}

export async function earnedCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('achievements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type EarnedRow = { id: string; earned_at: string; detail: string };

export function statuses(facts: ProgressFacts, earned: readonly EarnedRow[]): AchievementStatus[] {
  const byId = new Map(earned.map((e) => [e.id, e]));
  return ACHIEVEMENTS.map((id) => {
    const d = DEFINITIONS[id];
    const row = byId.get(id);
    const progress = d.progress(facts);
    return {
      id,
      title: d.title,
      description: d.description,
      earnedAt: row?.earned_at ?? null,
      detail: row?.detail ?? '',
      progress: row ? { ...progress, value: progress.target } : progress,
    };
  });
}

/**
 * Achievements earned but not yet announced, marked announced in the same statement, so two windows asking at
 * once cannot both show the toast.
 */
export async function claimNews(db: Db, at: string): Promise<EarnedRow[]> {
  return db
    .updateTable('achievements')
    .set({ announced_at: at })
    .where('announced_at', 'is', null)
    .returning(['id', 'earned_at', 'detail'])
    .execute();
}
