import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-shared/contract';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { decideReminder, type ReminderInput } from './reminder';
import { seedSessions } from './seed';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/London';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const base: ReminderInput = {
  enabled: true,
  streak: { current: 4, longest: 4, lastDate: '2024-05-01', practisedToday: false, alive: true },
  lastCompletedAt: '2024-05-01T08:00:00Z',
  lastReminderDate: null,
  now: new Date('2024-05-02T04:00:00Z'),
  today: '2024-05-02',
};

describe('the reminder decision', () => {
  it('is due 20 hours after the last session while the streak is alive and today has no practice', () => {
    expect(decideReminder(base)).toEqual({
      due: true,
      title: 'Keep your streak going',
      message: 'Your 4-day streak ends at midnight. A short practice session today keeps it going.',
    });
    expect(decideReminder({ ...base, now: new Date('2024-05-02T03:59:59Z') })).toMatchObject({ due: false });
  });

  it('is not due when off, already given today, practised today, or with no streak', () => {
    expect(decideReminder({ ...base, enabled: false })).toMatchObject({
      due: false,
      why: 'reminders are off',
    });
    expect(decideReminder({ ...base, lastReminderDate: '2024-05-02' })).toMatchObject({
      due: false,
      why: 'already reminded today',
    });
    expect(decideReminder({ ...base, lastReminderDate: '2024-05-01' })).toMatchObject({ due: true });
    expect(
      decideReminder({ ...base, streak: { ...base.streak, practisedToday: true, lastDate: '2024-05-02' } }),
    ).toMatchObject({ due: false, why: 'already practised today' });
    expect(
      decideReminder({
        ...base,
        streak: { ...base.streak, current: 0, alive: false, lastDate: '2024-04-29' },
      }),
    ).toMatchObject({ due: false, why: 'no streak to keep' });
  });
});

describe('the reminder channel', () => {
  it('reminds at most once a day, emits the notification event, and respects the off switch', async () => {
    let clock = new Date('2024-05-02T17:00:00Z'); // 18:00 in London, 22 hours after the last session
    const runtime = await testRuntime({ now: () => clock });
    const events: { event: EventName; payload: unknown }[] = [];
    runtime.subscribe((event, payload) => events.push({ event, payload }));
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-04-30T19:00:00Z',
        localDate: '2024-04-30',
        timeZone: 'Europe/London',
        answers: [],
      },
      {
        completedAt: '2024-05-01T19:00:00Z',
        localDate: '2024-05-01',
        timeZone: 'Europe/London',
        answers: [],
      },
    ]);
    expect(await ok(runtime, 'progress.settings.get', {})).toEqual({ remindersEnabled: true });
    const [first, second] = await Promise.all([
      ok(runtime, 'progress.reminder', {}),
      ok(runtime, 'progress.reminder', {}),
    ]);
    expect([first.due, second.due].sort()).toEqual([false, true]);
    expect(events).toEqual([
      {
        event: 'progress.reminder',
        payload: {
          title: 'Keep your streak going',
          message: 'Your 2-day streak ends at midnight. A short practice session today keeps it going.',
        },
      },
    ]);
    clock = new Date('2024-05-02T22:30:00Z'); // 23:30 the same local day
    expect(await ok(runtime, 'progress.reminder', {})).toEqual({ due: false, message: null });

    // The next day the streak is broken (no practice on 2 May): nothing to remind about.
    clock = new Date('2024-05-03T17:00:00Z');
    expect((await ok(runtime, 'progress.reminder', {})).due).toBe(false);

    // Practise on 3 May; on 4 May the reminder is due again, unless switched off.
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-05-03T18:00:00Z',
        localDate: '2024-05-03',
        timeZone: 'Europe/London',
        answers: [],
      },
    ]);
    clock = new Date('2024-05-04T15:00:00Z');
    await ok(runtime, 'progress.settings.save', { remindersEnabled: false });
    expect(await ok(runtime, 'progress.reminder', {})).toEqual({ due: false, message: null });
    await ok(runtime, 'progress.settings.save', { remindersEnabled: true });
    expect(await ok(runtime, 'progress.reminder', {})).toMatchObject({ due: true });
  });
});
