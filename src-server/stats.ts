// The maths behind /percentile, kept pure so the tests can check it against hand-worked numbers.

/** Averages are compared and reported at two decimals, so SQLite and PostgreSQL (which may sum in a different
 * order and differ in the last bit) give the same ranks, ties and percentiles. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface DeviceAverage {
  deviceId: string;
  /** mean overall score of the device's sessions in the role, all time */
  average: number;
}

export interface Practice {
  sessions: number;
  durationSum: number;
  durationCount: number;
}

/** How many devices make up the top 10% of a cohort of n: ceil(n / 10), so at least one when n > 0. */
export const topCount = (n: number): number => Math.ceil(n / 10);

/** The window over which the top 10%'s practice is measured. */
export const PRACTICE_WINDOW_DAYS = 28;

export interface TopPractice {
  devices: number;
  /** the lowest average among them: what it takes to be in the top 10% */
  minimumAverage: number;
  averageScore: number;
  sessionsPerWeek: number;
  /** null when none of their sessions in the window reported durationSec */
  hoursPerWeek: number | null;
  windowDays: number;
}

export interface Cohort {
  size: number;
  /** every device's average, rounded to 2 decimals, ascending */
  sorted: number[];
  /** mean of the devices' averages (each device counts once); null for an empty cohort */
  averageScore: number | null;
  top: TopPractice | null;
}

export function summariseCohort(
  devices: readonly DeviceAverage[],
  practice: ReadonlyMap<string, Practice>,
): Cohort {
  const rounded = devices.map((d) => ({ deviceId: d.deviceId, average: round2(d.average) }));
  const sorted = rounded.map((d) => d.average).sort((a, b) => a - b);
  const size = sorted.length;
  if (size === 0) return { size, sorted, averageScore: null, top: null };
  const averageScore = round2(sorted.reduce((s, v) => s + v, 0) / size);
  // the top 10%: highest averages first; equal averages in device-id order so the choice is stable
  const ranked = [...rounded].sort((a, b) => b.average - a.average || a.deviceId.localeCompare(b.deviceId));
  const top = ranked.slice(0, topCount(size));
  let sessions = 0;
  let durationSum = 0;
  let durationCount = 0;
  for (const d of top) {
    const p = practice.get(d.deviceId);
    if (!p) continue;
    sessions += p.sessions;
    durationSum += p.durationSum;
    durationCount += p.durationCount;
  }
  const weeks = PRACTICE_WINDOW_DAYS / 7;
  const sessionsPerWeek = sessions / weeks / top.length;
  return {
    size,
    sorted,
    averageScore,
    top: {
      devices: top.length,
      minimumAverage: top.at(-1)!.average,
      averageScore: round2(top.reduce((s, d) => s + d.average, 0) / top.length),
      sessionsPerWeek: round2(sessionsPerWeek),
      // sessions without a duration are assumed as long as the ones with one
      hoursPerWeek: durationCount ? round2((sessionsPerWeek * (durationSum / durationCount)) / 3600) : null,
      windowDays: PRACTICE_WINDOW_DAYS,
    },
  };
}

/** First index whose value is >= x (or > x when `strict`), in an ascending list. */
function bound(sorted: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < x || (strict && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The percentile of `score` in a cohort: the share of devices whose average is strictly below it, plus half the
 * share whose average equals it (both at two decimals), times 100. Null for an empty cohort.
 */
export function percentileOf(sortedAsc: readonly number[], score: number): number | null {
  if (sortedAsc.length === 0) return null;
  const s = round2(score);
  const below = bound(sortedAsc, s, false);
  const ties = bound(sortedAsc, s, true) - below;
  return (100 * (below + ties / 2)) / sortedAsc.length;
}

export interface BoardRow {
  alias: string;
  average: number;
  interviews: number;
}

/** Competition ranking: equal averages (at two decimals) share a rank, and the next rank skips (1, 1, 3). */
export function rankBoard(
  rows: readonly BoardRow[],
): { rank: number; alias: string; averageScore: number; interviews: number }[] {
  const out: { rank: number; alias: string; averageScore: number; interviews: number }[] = [];
  rows.forEach((r, i) => {
    const averageScore = round2(r.average);
    const prev = out[i - 1];
    out.push({
      rank: prev && prev.averageScore === averageScore ? prev.rank : i + 1,
      alias: r.alias,
      averageScore,
      interviews: r.interviews,
    });
  });
  return out;
}
