/**
 * The daily streak reminder: due when reminders are on, the streak is alive but today has no practice yet,
 * the last session was at least 20 hours ago, and no reminder has been given today (local dates).
 */
import { REMINDER_AFTER_HOURS, type Streak } from '../../../src-shared/progress';

export interface ReminderInput {
  enabled: boolean;
  streak: Streak;
  /** When the last session was completed (ISO), or null. */
  lastCompletedAt: string | null;
  /** The local date of the last reminder, or null. */
  lastReminderDate: string | null;
  now: Date;
  /** The candidate's local date now. */
  today: string;
}

export type ReminderDecision = { due: true; title: string; message: string } | { due: false; why: string };

export function decideReminder(input: ReminderInput): ReminderDecision {
  if (!input.enabled) return { due: false, why: 'reminders are off' };
  if (input.lastReminderDate !== null && input.lastReminderDate >= input.today)
    return { due: false, why: 'already reminded today' };
  const { streak } = input;
  if (!streak.alive || streak.current === 0) return { due: false, why: 'no streak to keep' };
  if (streak.practisedToday) return { due: false, why: 'already practised today' };
  if (input.lastCompletedAt === null) return { due: false, why: 'never practised' };
  const hours = (input.now.getTime() - Date.parse(input.lastCompletedAt)) / 3_600_000;
  if (hours < REMINDER_AFTER_HOURS) return { due: false, why: 'practised recently' };
  const days = streak.current === 1 ? '1-day' : `${streak.current}-day`;
  return {
    due: true,
    title: 'Keep your streak going',
    message: `Your ${days} streak ends at midnight. A short practice session today keeps it going.`,
  };
}
