import { afterEach, describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { addDays, localDay, weekStart } from './dates';
import { EMPTY_STREAK, foldStreak, nextStreak, streakOn, type CompletionDay } from './streaks';

/** A completion at an instant, dated in the zone the candidate was in. */
const at = (iso: string, zone: string): CompletionDay => ({
  localDate: localDay(new Date(iso), zone),
  completedAt: iso,
});
const streakOf = (...days: CompletionDay[]) => foldStreak(days);

describe('streak rules', () => {
  it('starts at 1 with the first completed session', () => {
    expect(nextStreak(EMPTY_STREAK, '2024-05-01')).toEqual({ current: 1, longest: 1, last: '2024-05-01' });
  });

  it('a second session on the same day changes nothing', () => {
    const s = nextStreak(EMPTY_STREAK, '2024-05-01');
    expect(nextStreak(s, '2024-05-01')).toBe(s);
  });

  it('the first session of the next day continues it', () => {
    const s = ['2024-05-01', '2024-05-02', '2024-05-03'].reduce(nextStreak, EMPTY_STREAK);
    expect(s).toEqual({ current: 3, longest: 3, last: '2024-05-03' });
  });

  it('restarts at 1 after a missed day, and keeps the longest', () => {
    const s = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-05', '2024-05-06'].reduce(
      nextStreak,
      EMPTY_STREAK,
    );
    expect(s).toEqual({ current: 2, longest: 3, last: '2024-05-06' });
  });

  it('applies completions in the order they happened, whatever order they are read in', () => {
    const days = [
      { localDate: '2024-05-03', completedAt: '2024-05-03T10:00:00Z' },
      { localDate: '2024-05-01', completedAt: '2024-05-01T10:00:00Z' },
      { localDate: '2024-05-02', completedAt: '2024-05-02T10:00:00Z' },
    ];
    expect(foldStreak(days)).toEqual({ current: 3, longest: 3, last: '2024-05-03' });
  });

  it('is alive today and yesterday, and shows 0 once a whole day is missed (longest kept)', () => {
    const s = ['2024-05-01', '2024-05-02'].reduce(nextStreak, EMPTY_STREAK);
    expect(streakOn(s, '2024-05-02')).toMatchObject({ current: 2, practisedToday: true, alive: true });
    expect(streakOn(s, '2024-05-03')).toMatchObject({ current: 2, practisedToday: false, alive: true });
    expect(streakOn(s, '2024-05-04')).toMatchObject({ current: 0, longest: 2, alive: false });
    expect(streakOn(EMPTY_STREAK, '2024-05-04')).toEqual({
      current: 0,
      longest: 0,
      lastDate: null,
      practisedToday: false,
      alive: false,
    });
  });
});

describe('local calendar days', () => {
  it('midnight: 23:59:59 and 00:00:00 a second later are two days; 00:00 and 23:59 are one', () => {
    const berlin = 'Europe/Berlin'; // UTC+2 in May
    expect(streakOf(at('2024-05-01T21:59:59Z', berlin), at('2024-05-01T22:00:00Z', berlin))).toMatchObject({
      current: 2,
    });
    expect(streakOf(at('2024-05-01T22:00:00Z', berlin), at('2024-05-02T21:59:00Z', berlin))).toMatchObject({
      current: 1,
      last: '2024-05-02',
    });
  });

  it('spring forward: a 23-hour day is still one day', () => {
    const ny = 'America/New_York'; // 2024-03-10 02:00 EST -> 03:00 EDT
    const s = streakOf(
      at('2024-03-10T04:30:00Z', ny), // Sat 9 March 23:30 EST
      at('2024-03-11T03:30:00Z', ny), // Sun 10 March 23:30 EDT, 23 hours later
      at('2024-03-12T03:50:00Z', ny), // Mon 11 March 23:50 EDT
    );
    expect(s).toEqual({ current: 3, longest: 3, last: '2024-03-11' });
    // Just after midnight on the 11th, "yesterday" is the 10th, not 24 hours ago (the 9th at 23:30).
    const today = localDay(new Date('2024-03-11T04:30:00Z'), ny);
    expect(today).toBe('2024-03-11');
    expect(streakOn(streakOf(at('2024-03-10T05:30:00Z', ny)), today)).toMatchObject({ alive: true });
  });

  it('fall back: a 25-hour day, and the repeated hour, count once', () => {
    const ny = 'America/New_York'; // 2024-11-03 02:00 EDT -> 01:00 EST
    // 00:10 EDT and 23:50 EST on 3 November: 24 h 40 min apart, the same calendar day.
    expect(streakOf(at('2024-11-03T04:10:00Z', ny), at('2024-11-04T04:50:00Z', ny))).toMatchObject({
      current: 1,
      last: '2024-11-03',
    });
    // 01:30 EDT and 01:30 EST: the same wall-clock time twice.
    expect(streakOf(at('2024-11-03T05:30:00Z', ny), at('2024-11-03T06:30:00Z', ny))).toMatchObject({
      current: 1,
    });
    // Saturday 23:30 EDT then Sunday 23:30 EST (25 hours later) continue the streak.
    expect(streakOf(at('2024-11-03T03:30:00Z', ny), at('2024-11-04T04:30:00Z', ny))).toMatchObject({
      current: 2,
    });
  });

  it('time-zone changes: each session counts on the day the candidate saw', () => {
    // New York, Monday 22:00, then London, Tuesday 20:00: consecutive days.
    expect(
      streakOf(at('2024-06-04T02:00:00Z', 'America/New_York'), at('2024-06-04T19:00:00Z', 'Europe/London')),
    ).toMatchObject({ current: 2 });
    // Los Angeles, Monday 20:00, then Tokyo, Wednesday 09:00: Tuesday passed with no practice.
    expect(
      streakOf(at('2024-06-04T03:00:00Z', 'America/Los_Angeles'), at('2024-06-05T00:00:00Z', 'Asia/Tokyo')),
    ).toMatchObject({ current: 1, longest: 1, last: '2024-06-05' });
    // Tokyo, Tuesday 08:00, then Honolulu, Monday 20:00 (later in time, an earlier date): nothing changes,
    // Honolulu Tuesday is the same day again, Wednesday continues.
    const west = streakOf(
      at('2024-06-03T23:00:00Z', 'Asia/Tokyo'),
      at('2024-06-04T06:00:00Z', 'Pacific/Honolulu'),
      at('2024-06-05T04:00:00Z', 'Pacific/Honolulu'),
      at('2024-06-06T04:00:00Z', 'Pacific/Honolulu'),
    );
    expect(west).toEqual({ current: 2, longest: 2, last: '2024-06-05' });
  });

  it('date arithmetic ignores DST and month ends', () => {
    expect(addDays('2024-03-09', 1)).toBe('2024-03-10');
    expect(addDays('2024-03-10', 1)).toBe('2024-03-11');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekStart('2024-11-03')).toBe('2024-10-28'); // a Sunday belongs to the week from Monday
    expect(weekStart('2024-11-04')).toBe('2024-11-04');
  });
});

describe('streaks from sessions completed through the app', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('stores the local date and zone at completion, and counts from them after the zone changes', async () => {
    let clock = new Date('2024-03-09T15:00:00Z');
    const runtime = await testRuntime({ now: () => clock });
    await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
    const complete = async (iso: string, zone: string) => {
      clock = new Date(iso);
      process.env.TZ = zone;
      const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
      await ok(runtime, 'sessions.submitAnswer', {
        sessionQuestionId: s.questions[0]!.id,
        text: 'I listened to the customer, agreed a plan and followed up the next day.',
        elapsedMs: 30_000,
      });
      return s.id;
    };
    // New York across the spring-forward night, then a flight to Tokyo.
    const first = await complete('2024-03-10T04:30:00Z', 'America/New_York'); // 9 March, 23:30 EST
    await complete('2024-03-11T03:30:00Z', 'America/New_York'); // 10 March, 23:30 EDT
    await complete('2024-03-11T15:00:00Z', 'Asia/Tokyo'); // 12 March, 00:00 JST
    const days = runtime.connection.sqlite
      .prepare('SELECT local_date, time_zone FROM progress_sessions ORDER BY completed_at')
      .all();
    expect(days).toEqual([
      { local_date: '2024-03-09', time_zone: 'America/New_York' },
      { local_date: '2024-03-10', time_zone: 'America/New_York' },
      { local_date: '2024-03-12', time_zone: 'Asia/Tokyo' },
    ]);
    // Back in New York on the evening of 11 March: the Tokyo session was "tomorrow", so it is counted as 12
    // March, a gap after 10 March; the stored dates, not today's zone, decide.
    clock = new Date('2024-03-11T22:00:00Z');
    process.env.TZ = 'America/New_York';
    const dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash.streak).toMatchObject({
      current: 1,
      longest: 2,
      lastDate: '2024-03-12',
      practisedToday: true,
    });

    // Completing again keeps the day it was first recorded on.
    const { onSessionCompleted } = await import('./service');
    await onSessionCompleted(runtime.ctx, runtime.ctx.db, first);
    expect(
      runtime.connection.sqlite
        .prepare('SELECT count(*) AS n FROM progress_sessions WHERE local_date IS NOT NULL')
        .get(),
    ).toEqual({ n: 3 });
  });

  it('records a session ended early with "End session" too', async () => {
    const clock = new Date('2024-07-01T10:00:00Z');
    process.env.TZ = 'Europe/Paris';
    const runtime = await testRuntime({ now: () => clock });
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 3 });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: 'I would call the client first and agree what success means.',
      elapsedMs: 10_000,
    });
    await ok(runtime, 'sessions.end', { sessionId: s.id });
    expect(
      runtime.connection.sqlite.prepare('SELECT local_date, time_zone FROM progress_sessions').all(),
    ).toEqual([{ local_date: '2024-07-01', time_zone: 'Europe/Paris' }]);
  });
});
