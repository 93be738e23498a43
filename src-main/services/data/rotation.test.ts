import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/contract';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { realIo } from './backup';
import { dayKey, keptIds, weekKey, type Rotatable } from './rotation';
import { dataServiceOf } from './service';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);
const daily = (date: Date, kind: Rotatable['kind'] = 'daily'): Rotatable => ({
  id: `${dayKey(date)}-${date.getHours()}-${kind}`,
  kind,
  createdAt: date.toISOString(),
});

describe('backup rotation', () => {
  it('numbers ISO weeks as the calendar does, across year ends', () => {
    expect(weekKey(at(2025, 12, 29))).toBe('2026-W01'); // Monday of 2026's first week
    expect(weekKey(at(2025, 12, 28))).toBe('2025-W52'); // Sunday
    expect(weekKey(at(2027, 1, 1))).toBe('2026-W53');
    expect(weekKey(at(2024, 12, 30))).toBe('2025-W01');
  });

  it('counts periods that have backups, so a month away does not empty the daily ones', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => daily(at(2026, 1, d)));
    expect([...keptIds(days)].sort()).toEqual(
      days
        .slice(1)
        .map((b) => b.id)
        .sort(),
    );
  });

  it('keeps the newest manual and safety backups apart from the daily rotation', () => {
    const manual = Array.from({ length: 12 }, (_, i) => daily(at(2026, 1, 1, i + 1), 'manual'));
    const safety = Array.from({ length: 7 }, (_, i) =>
      daily(at(2026, 1, 2, i + 1), i % 2 ? 'pre-restore' : 'pre-migration'),
    );
    const kept = keptIds([...manual, ...safety]);
    expect(manual.filter((b) => kept.has(b.id))).toEqual(manual.slice(2));
    expect(safety.filter((b) => kept.has(b.id))).toEqual(safety.slice(2));
  });

  it(
    'over a simulated year of daily starts keeps 7 daily, 4 weekly and 12 monthly backups; failed ones never count',
    { timeout: 120_000 },
    async () => {
      let clock = at(2025, 1, 1);
      const runtime = await testRuntime({ now: () => clock });
      await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
      const data = dataServiceOf(runtime.ctx);
      const notices: EventPayload<'app.notice'>[] = [];
      runtime.subscribe((event, payload) => {
        if (event === 'app.notice') notices.push(payload as EventPayload<'app.notice'>);
      });
      const failing = { ...realIo, copyDatabase: () => Promise.reject(new Error('simulated failure')) };
      for (
        let day = new Date(clock);
        day.getFullYear() === 2025;
        day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
      ) {
        clock = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12);
        // The backup fails on 31 December's first start and succeeds on its second; 30 November has none.
        data.backups.io = dayKey(clock) === '2025-12-31' ? failing : realIo;
        if (dayKey(clock) === '2025-11-30') continue;
        await data.ensureDaily();
        clock = new Date(clock.getTime() + 3 * 3600_000);
        data.backups.io = realIo;
        await data.ensureDaily(); // a second start the same day: no second backup (unless the first failed)
      }
      expect(notices).toEqual([
        { level: 'error', message: expect.stringMatching(/^Today’s automatic backup could not be made/) },
      ]);
      const kept = data
        .list()
        .map((b) => `${dayKey(new Date(b.createdAt))} ${new Date(b.createdAt).getHours()}h`)
        .sort();
      expect(kept).toEqual([
        // monthly: the newest of each month (November's is the 29th, as the 30th had no start)
        '2025-01-31 12h',
        '2025-02-28 12h',
        '2025-03-31 12h',
        '2025-04-30 12h',
        '2025-05-31 12h',
        '2025-06-30 12h',
        '2025-07-31 12h',
        '2025-08-31 12h',
        '2025-09-30 12h',
        '2025-10-31 12h',
        '2025-11-29 12h',
        // weekly: Sundays of the three weeks before this one
        '2025-12-14 12h',
        '2025-12-21 12h',
        // daily: the last 7 days (the 28th is also its week's newest); the 31st's is from its second start
        '2025-12-25 12h',
        '2025-12-26 12h',
        '2025-12-27 12h',
        '2025-12-28 12h',
        '2025-12-29 12h',
        '2025-12-30 12h',
        '2025-12-31 15h',
      ]);
      // On disk: exactly the backups in the manifest, nothing half-written.
      expect(
        readdirSync(data.backups.dir)
          .filter((f) => f !== 'manifest.json' && f !== 'files')
          .sort(),
      ).toEqual(
        data
          .list()
          .map((b) => `${b.id}.sqlite`)
          .sort(),
      );
    },
  );
});
