// Leaderboard server benches: signed score submissions and leaderboard reads per second (SQLite), against a bare
// Fastify route measured in the same run. The server runs as its own process (the built out/server/index.js,
// rate limits off, logs at warn) and autocannon drives it from this one, so on a 2-core machine each has a core.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signedHeaders } from '../src-server/signing';
import { report } from './stats';

const ROOT = join(__dirname, '..');
const ROUNDS = Number(process.env.REHEARSE_BENCH_SERVER_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.REHEARSE_BENCH_SERVER_SECONDS ?? 4);
const CONNECTIONS = 32;
const DEVICES = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not come up`);
}

async function start(args: string[], health: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${health}`, child);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// The same Fastify, one process, no plugins, no database: the ceiling for this machine and this client.
const BARE = `
const app = require('fastify')({ logger: false });
app.get('/bare', async () => ({ ok: true }));
app.post('/bare', async (req) => ({ accepted: Array.isArray(req.body.sessions) ? req.body.sessions.length : 0, duplicates: 0 }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

interface Figures {
  rps: number[];
  p99: number[];
  non2xx: number;
  errors: number;
}

async function cannon(options: autocannon.Options): Promise<Figures> {
  const out: Figures = { rps: [], p99: [], non2xx: 0, errors: 0 };
  // a short warm-up (JIT, SQLite page cache), then measured rounds
  await autocannon({ ...options, duration: 1 });
  for (let i = 0; i < ROUNDS; i++) {
    const r = await autocannon({ ...options, duration: ROUND_SECONDS });
    out.rps.push(r.requests.average);
    out.p99.push(r.latency.p99);
    out.non2xx += r.non2xx;
    out.errors += r.errors;
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (n: number) => Math.round(n * 100) / 100;

function sessionBody(i: number, now: number): string {
  // a distinct UTC day per device for every submission, so the 50-a-day limit never trips
  const day = Math.floor(i / DEVICES) + 1;
  return JSON.stringify({
    sessions: [
      {
        clientSessionId: randomUUID(),
        role: 'Backend Engineer',
        difficulty: 'Medium',
        overallScore: 40 + (i % 60),
        criteria: { content_quality: 70, clarity: 65, confidence: 80, technical_accuracy: 55 },
        questionCount: 5,
        durationSec: 900,
        completedAt: new Date(now - day * DAY_MS).toISOString(),
      },
    ],
  });
}

export async function benchServer(): Promise<void> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the server failed');
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-bench-server-'));
  const bare = await start(['-e', BARE], '/bare');
  const server = await start(
    [
      join(ROOT, 'out', 'server', 'index.js'),
      '--db',
      `file:${join(dir, 'bench.sqlite')}`,
      '--rate-limit',
      'off',
      '--log-level',
      'warn',
    ],
    '/api/v1/health',
  );
  try {
    const devices: { id: string; secret: string }[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const r = await fetch(`${server.url}/api/v1/devices`, { method: 'POST' });
      devices.push((await r.json()) as { id: string; secret: string });
    }

    // Submissions: every request distinct and signed when sent (fresh clientSessionId, timestamp and signature).
    let n = 0;
    const now = Date.now();
    const submit = await cannon({
      url: server.url,
      connections: CONNECTIONS,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/scores',
          setupRequest: (req) => {
            const i = n++;
            const body = sessionBody(i, now);
            const headers = {
              'content-type': 'application/json',
              ...signedHeaders(devices[i % DEVICES]!, body),
            };
            return { ...req, body, headers };
          },
        },
      ],
    });
    const bareBody = sessionBody(0, now);
    const barePost = await cannon({
      url: `${bare.url}/bare`,
      connections: CONNECTIONS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bareBody,
    });
    report('server_score_submissions', 'req/s', submit.rps, {
      sessions_per_request: 1,
      sessions_stored: n,
      p99_latency_ms: median(submit.p99),
      non_2xx: submit.non2xx,
      errors: submit.errors,
      bare_fastify_post_rps: round(median(barePost.rps)),
      ratio_to_bare: round(median(submit.rps) / median(barePost.rps)),
      target_rps: 3000,
      db: 'sqlite',
      // other work on the machine shows in these figures: the 1-minute load average when they were taken
      load_avg_1m: round(loadavg()[0]!),
    });

    const read = await cannon({
      url: `${server.url}/api/v1/leaderboard?role=Backend%20Engineer&period=weekly`,
      connections: CONNECTIONS,
    });
    const bareGet = await cannon({ url: `${bare.url}/bare`, connections: CONNECTIONS });
    report('server_leaderboard_reads', 'req/s', read.rps, {
      p99_latency_ms: median(read.p99),
      non_2xx: read.non2xx,
      errors: read.errors,
      bare_fastify_get_rps: round(median(bareGet.rps)),
      ratio_to_bare: round(median(read.rps) / median(bareGet.rps)),
      target_rps: 10000,
      target_p99_ms: 25,
      db: 'sqlite',
      load_avg_1m: round(loadavg()[0]!),
    });
  } finally {
    await server.stop();
    await bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
