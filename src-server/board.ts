import type { Kysely } from 'kysely';
import type { ServerDb } from './schema';
import {
  type BoardRow,
  type Cohort,
  type DeviceAverage,
  PRACTICE_WINDOW_DAYS,
  type Practice,
  rankBoard,
  round2,
  summariseCohort,
} from './stats';

export type Period = 'weekly' | 'all_time';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "weekly" is the last 7 days of completion times (rolling), not a calendar week. */
export const WEEK_MS = 7 * DAY_MS;
export const BOARD_SIZE = 10;

export interface LeaderboardEntry {
  rank: number;
  alias: string;
  averageScore: number;
  interviews: number;
}

/**
 * The top 10 public devices for a role (or every role when `role` is null) over the period, by average overall
 * score; more interviews first among equal averages, then alias. Opted-out devices never appear.
 */
export async function leaderboard(
  db: Kysely<ServerDb>,
  role: string | null,
  period: Period,
  now: number,
): Promise<LeaderboardEntry[]> {
  const rows = await db
    .selectFrom('scores as s')
    .innerJoin('devices as d', 'd.id', 's.device_id')
    .select((eb) => [
      'd.alias as alias',
      eb.fn.avg<number>('s.overall_score').as('average'),
      eb.fn.countAll<number>().as('interviews'),
    ])
    .where('d.public', '=', 1)
    .$if(role !== null, (q) => q.where('s.role', '=', role!))
    .$if(period === 'weekly', (q) => q.where('s.completed_at', '>=', now - WEEK_MS))
    .groupBy(['s.device_id', 'd.alias'])
    .orderBy('average', 'desc')
    // a margin past 10 so that the re-sort at two decimals below cannot miss a tie at the cut
    .limit(BOARD_SIZE * 5)
    .execute();
  const sorted: BoardRow[] = rows
    .map((r) => ({ alias: r.alias, average: Number(r.average), interviews: Number(r.interviews) }))
    .sort(
      (a, b) =>
        round2(b.average) - round2(a.average) ||
        b.interviews - a.interviews ||
        a.alias.localeCompare(b.alias),
    )
    .slice(0, BOARD_SIZE);
  return rankBoard(sorted);
}

/** Every device that has sent a session in the role (public or not), with its all-time average, and the top 10%'s
 * practice over the last four weeks. */
export async function cohort(db: Kysely<ServerDb>, role: string, now: number): Promise<Cohort> {
  const averages = await db
    .selectFrom('scores')
    .select((eb) => ['device_id', eb.fn.avg<number>('overall_score').as('average')])
    .where('role', '=', role)
    .groupBy('device_id')
    .execute();
  const devices: DeviceAverage[] = averages.map((r) => ({
    deviceId: r.device_id,
    average: Number(r.average),
  }));
  const recent = await db
    .selectFrom('scores')
    .select((eb) => [
      'device_id',
      eb.fn.countAll<number>().as('sessions'),
      eb.fn.sum<number | null>('duration_sec').as('duration_sum'),
      eb.fn.count<number>('duration_sec').as('duration_count'),
    ])
    .where('role', '=', role)
    .where('completed_at', '>=', now - PRACTICE_WINDOW_DAYS * DAY_MS)
    .groupBy('device_id')
    .execute();
  const practice = new Map<string, Practice>(
    recent.map((r) => [
      r.device_id,
      {
        sessions: Number(r.sessions),
        durationSum: Number(r.duration_sum ?? 0),
        durationCount: Number(r.duration_count),
      },
    ]),
  );
  return summariseCohort(devices, practice);
}
