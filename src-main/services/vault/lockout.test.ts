import { describe, expect, it } from 'vitest';
import { lockoutAt } from './lockout';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const tries = (...minutes: number[]) => minutes.map(at);

describe('the pause after wrong passphrases', () => {
  it('counts down the tries within the last 15 minutes', () => {
    expect(lockoutAt([], at(0))).toEqual({ lockedUntil: null, triesLeft: 5 });
    expect(lockoutAt(tries(0, 1, 2, 3), at(4))).toEqual({ lockedUntil: null, triesLeft: 1 });
    // the first try leaves the window 15 minutes after it was made
    expect(lockoutAt(tries(0, 1, 2, 3), at(15.01))).toEqual({ lockedUntil: null, triesLeft: 2 });
  });

  it('pauses for 30 minutes from the fifth wrong try within 15 minutes, to the millisecond', () => {
    const five = tries(0, 5, 10, 14, 15);
    expect(lockoutAt(five, at(15))).toEqual({ lockedUntil: at(45), triesLeft: 0 });
    expect(lockoutAt(five, new Date(at(45).getTime() - 1))).toEqual({ lockedUntil: at(45), triesLeft: 0 });
    expect(lockoutAt(five, at(45))).toEqual({ lockedUntil: null, triesLeft: 5 });
  });

  it('does not pause for five wrong tries spread over more than 15 minutes', () => {
    expect(lockoutAt(tries(0, 5, 10, 14, 15.01), at(15.01))).toEqual({ lockedUntil: null, triesLeft: 1 });
  });

  it('starts counting again after a pause, whatever order the tries were stored in', () => {
    const pausedThenOne = tries(50, 0, 1, 2, 3, 4);
    expect(lockoutAt(pausedThenOne, at(50))).toEqual({ lockedUntil: null, triesLeft: 4 });
  });
});
