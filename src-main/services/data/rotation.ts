/**
 * Which backups to keep: grandfather-father-son over the daily backups (the newest of each of the last 7 days,
 * 4 ISO weeks and 12 months that have one), the newest few made by hand (never dropped for being the second of
 * a day), and the newest few safety backups (made before a migration, restore or import, so the candidate can
 * undo). Periods are counted from the backups themselves, not the calendar: a candidate back from a month away
 * still has 7 daily backups. Local time, as the candidate sees dates.
 */
import { BACKUP_POLICY, type BackupKind } from '../../../src-shared/data';

export interface Rotatable {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function weekKey(d: Date): string {
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setDate(day.getDate() - weekday + 3); // the Thursday of this week decides the year
  const year = day.getFullYear();
  const firstThursday = new Date(year, 0, 4);
  firstThursday.setDate(firstThursday.getDate() - ((firstThursday.getDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

const SAFETY_KINDS: readonly BackupKind[] = ['pre-migration', 'pre-restore', 'pre-import'];

export interface Policy {
  daily: number;
  weekly: number;
  monthly: number;
  manual: number;
  safety: number;
}

/** The ids to keep; every other backup can go. */
export function keptIds(backups: readonly Rotatable[], policy: Policy = BACKUP_POLICY): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
  const kept = new Set<string>();
  const rotating = newestFirst.filter((b) => b.kind === 'daily');
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [limit, key] of buckets) {
    const seen = new Set<string>();
    for (const backup of rotating) {
      const k = key(new Date(backup.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      kept.add(backup.id);
    }
  }
  for (const b of newestFirst.filter((b) => b.kind === 'manual').slice(0, policy.manual)) kept.add(b.id);
  for (const b of newestFirst.filter((b) => SAFETY_KINDS.includes(b.kind)).slice(0, policy.safety))
    kept.add(b.id);
  return kept;
}
