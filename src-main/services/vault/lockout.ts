/**
 * Wrong tries and the pause after too many: five wrong passphrases within 15 minutes pause unlocking for 30
 * minutes from the fifth. Pure, over the times of the wrong tries, so the rule is tested with a fixed clock.
 */
import { LOCKOUT_MS, MAX_TRIES, TRY_WINDOW_MS } from '../../../src-shared/vault';

export interface Lockout {
  /** Unlocking is paused until then; null when it is not. */
  lockedUntil: Date | null;
  /** Wrong tries left before a pause (0 during one). */
  triesLeft: number;
}

export function lockoutAt(failures: readonly Date[], now: Date): Lockout {
  const times = failures.map((f) => f.getTime()).sort((a, b) => a - b);
  // The latest pause: any run of MAX_TRIES wrong tries within the window starts one at its last try.
  let until = 0;
  for (let i = MAX_TRIES - 1; i < times.length; i++)
    if (times[i]! - times[i - MAX_TRIES + 1]! <= TRY_WINDOW_MS)
      until = Math.max(until, times[i]! + LOCKOUT_MS);
  if (until > now.getTime()) return { lockedUntil: new Date(until), triesLeft: 0 };
  // After a pause ends the count starts again: tries from before it do not count against the next ones.
  const since = Math.max(now.getTime() - TRY_WINDOW_MS, until);
  const recent = times.filter((t) => t > since && t <= now.getTime()).length;
  return { lockedUntil: null, triesLeft: Math.max(0, MAX_TRIES - recent) };
}

/** Tries older than this can no longer matter and are pruned. */
export const FORGET_AFTER_MS = TRY_WINDOW_MS + LOCKOUT_MS;
