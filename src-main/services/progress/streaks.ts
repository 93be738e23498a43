/**
 * Streaks over the candidate's local calendar days. Each completed session carries the local date it was
 * completed on (in the zone the machine was in then); the rules run over those dates in completion order:
 *
 * - the first session of a day continues the streak when the last practice day was the day before;
 * - another session on the same day changes nothing;
 * - after a longer gap the streak restarts at 1;
 * - a date earlier than the last practice day (flying west after practising) changes nothing either;
 * - the longest streak is kept.
 */
import type { Streak } from '../../../src-shared/progress';
import { addDays, dayNumber } from './dates';

export interface CompletionDay {
  /** YYYY-MM-DD in the zone the session was completed in. */
  localDate: string;
  /** ISO instant, for ordering. */
  completedAt: string;
}

export interface StreakState {
  current: number;
  longest: number;
  last: string | null;
}

export const EMPTY_STREAK: StreakState = { current: 0, longest: 0, last: null };

/** One completed session applied to the streak. */
export function nextStreak(state: StreakState, localDate: string): StreakState {
  const { last } = state;
  let current: number;
  if (last === null) current = 1;
  else if (localDate <= last) return state;
  else if (dayNumber(localDate) - dayNumber(last) === 1) current = state.current + 1;
  else current = 1;
  return { current, longest: Math.max(state.longest, current), last: localDate };
}

/** The streak after every completion, in the order they happened. */
export function foldStreak(days: readonly CompletionDay[]): StreakState {
  const ordered = [...days].sort((a, b) =>
    a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0,
  );
  return foldDates(ordered.map((d) => d.localDate));
}

/** The streak after completions on these local dates, already in completion order. */
export function foldDates(dates: readonly string[]): StreakState {
  let state = EMPTY_STREAK;
  for (const d of dates) state = nextStreak(state, d);
  return state;
}

/** The streak as the candidate sees it on `today` (their local date now): broken once a whole day is missed. */
export function streakOn(state: StreakState, today: string): Streak {
  const practisedToday = state.last !== null && state.last >= today;
  const alive = state.last !== null && state.last >= addDays(today, -1);
  return {
    current: alive ? state.current : 0,
    longest: state.longest,
    lastDate: state.last,
    practisedToday,
    alive,
  };
}
