// Progress bench: the dashboard over five years of daily practice (2,000 sessions, 20,000 answers), through the
// same handler the hosts call, with the query plan it ran on.
import { loadavg } from 'node:os';
import { CATEGORIES } from '../src-shared/catalog';
import { startRuntime } from '../src-main/core/runtime';
import { seedSessions, type SeedSession } from '../src-main/services/progress/seed';
import {
  queryPlan,
  rolesQuery,
  sessionScoresQuery,
  totalsQuery,
} from '../src-main/services/progress/queries';
import { memorySecrets } from '../tests/support/memory-secrets';
import { report } from './stats';
import { ok } from '../tests/support/invoke';

const SESSIONS = 2000;
const ANSWERS_PER_SESSION = 10;
const ROLES = ['Backend Engineer', 'Data Analyst', 'Product Manager'];

/** Deterministic: a small linear congruential generator, so every run measures the same data. */
function history(): SeedSession[] {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const start = Date.UTC(2020, 0, 1, 18, 30);
  return Array.from({ length: SESSIONS }, (_, i) => {
    const completed = new Date(start + i * 86_400_000 * (1826 / SESSIONS));
    return {
      completedAt: completed.toISOString(),
      localDate: completed.toISOString().slice(0, 10),
      timeZone: 'Europe/London',
      role: ROLES[i % ROLES.length],
      answers: Array.from({ length: ANSWERS_PER_SESSION }, (_, k) => ({
        category: CATEGORIES[(i + k) % CATEGORIES.length]!,
        overall: random() < 0.03 ? null : Math.round(40 + random() * 50 + (i / SESSIONS) * 10),
        model: random() < 0.05 ? Math.round(50 + random() * 50) : undefined,
        timeMs: Math.round(60_000 + random() * 180_000),
      })),
    };
  });
}

export async function benchProgress(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    seedSessions(runtime.connection.sqlite, history());
    for (let i = 0; i < 10; i++) await ok(runtime, 'progress.dashboard', {});
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await ok(runtime, 'progress.dashboard', {});
      samples.push(performance.now() - t);
    }
    const plan = [
      ...(await queryPlan(runtime.ctx.db, sessionScoresQuery())),
      ...(await queryPlan(runtime.ctx.db, totalsQuery(new Date().toISOString()))),
      ...(await queryPlan(runtime.ctx.db, rolesQuery(5))),
    ];
    report('progress_dashboard_5y', 'ms', samples, {
      target_p95: 50,
      sessions: SESSIONS,
      answers: SESSIONS * ANSWERS_PER_SESSION,
      // Steps that read a whole table, or touch answers or evaluations at all: none.
      full_scans: plan.filter((l) => /^SCAN\b|answers|evaluations/.test(l)),
      load_average: Math.round(loadavg()[0]! * 100) / 100,
      query_plan: plan,
    });
    const achievements: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await ok(runtime, 'progress.achievements', {});
      achievements.push(performance.now() - t);
    }
    report('progress_achievements_5y', 'ms', achievements);
  } finally {
    await runtime.close();
  }
}
