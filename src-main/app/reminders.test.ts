import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, testRuntime } from '../../tests/support/runtime';
import { seedSessions } from '../services/progress/seed';
import { showReminders } from './reminders';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('native streak reminders', () => {
  it('shows a due reminder once, ignores other events, and stops when unsubscribed', async () => {
    const runtime = await testRuntime({ now: () => new Date('2024-05-02T18:00:00Z') });
    seedSessions(runtime.connection.sqlite, [
      { completedAt: '2024-05-01T19:00:00Z', localDate: '2024-05-01', timeZone: 'UTC', answers: [] },
    ]);
    const show = vi.fn();
    const stop = showReminders(runtime.subscribe, show);
    runtime.ctx.emit('app.notice', { level: 'info', message: 'not a reminder' });
    expect(await ok(runtime, 'progress.reminder', {})).toMatchObject({ due: true });
    expect(await ok(runtime, 'progress.reminder', {})).toMatchObject({ due: false });
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith(
      'Keep your streak going',
      'Your 1-day streak ends at midnight. A short practice session today keeps it going.',
    );
    stop();
    runtime.ctx.emit('progress.reminder', { title: 't', message: 'm' });
    expect(show).toHaveBeenCalledTimes(1);
  });
});
