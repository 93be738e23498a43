// Leaderboard server benches: signed score submissions and leaderboard reads per second (SQLite), against a bare
// Fastify route measured in the same run. The server runs as its own process (the built out/server/index.js,
// rate limits off, logs at warn) and autocannon drives it from this one, so on a 2-core machine each has a core.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signedHeaders } from '../src-server/signing';
import { report } from './stats';
import { freePort } from '../tests/support/net';

const ROOT = join(__dirname, '..');
const ROUNDS = Number(process.env.REHEARSE_BENCH_SERVER_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.REHEARSE_BENCH_SERVER_SECONDS ?? 4);
// On 2 cores throughput is the same from 8 to 32 connections (about 5,100 submissions/s here); more connections
// only queue, which shows up as p99 (3 ms at 8, 52 ms at 32). BENCH_CONNECTIONS measures another point.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DEVICES = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** CPU time (user + system) a process has used, in ms, where /proc has it (Linux, 100 ticks a second). */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Started {
  url: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}

async function start(args: string[], health: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}${health}`, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    pid: child.pid,
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
  /** the server's CPU time per request: its capacity on one core is 1e6 / this, whatever else runs */
  cpuUsPerRequest: number[];
}

/**
 * Rounds of `subject` and of the bare `baseline`, alternating, so both see the same machine (other work on it comes
 * and goes); the ratio is taken round by round.
 */
async function paired(
  subject: autocannon.Options & { pid: number | undefined },
  baseline: autocannon.Options & { pid: number | undefined },
): Promise<{ subject: Figures; baseline: Figures; ratios: number[] }> {
  const figures = (): Figures => ({ rps: [], p99: [], non2xx: 0, errors: 0, cpuUsPerRequest: [] });
  const out = { subject: figures(), baseline: figures(), ratios: [] as number[] };
  // a short warm-up (JIT, SQLite page cache), then measured rounds
  await autocannon({ ...subject, duration: 1 });
  await autocannon({ ...baseline, duration: 1 });
  for (let i = 0; i < ROUNDS; i++) {
    for (const [options, into] of [
      [subject, out.subject],
      [baseline, out.baseline],
    ] as const) {
      const cpu0 = cpuMs(options.pid);
      const r = await autocannon({ ...options, duration: ROUND_SECONDS });
      const cpu1 = cpuMs(options.pid);
      if (cpu0 !== undefined && cpu1 !== undefined)
        into.cpuUsPerRequest.push(((cpu1 - cpu0) * 1000) / r.requests.total);
      into.rps.push(r.requests.average);
      into.p99.push(r.latency.p99);
      into.non2xx += r.non2xx;
      into.errors += r.errors;
    }
    out.ratios.push(out.subject.rps.at(-1)! / out.baseline.rps.at(-1)!);
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
  const started: Started[] = [];
  try {
    const bare = await start(['-e', BARE], '/bare');
    started.push(bare);
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
    started.push(server);
    const devices: { id: string; secret: string }[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const r = await fetch(`${server.url}/api/v1/devices`, { method: 'POST' });
      devices.push((await r.json()) as { id: string; secret: string });
    }

    // Submissions: every request distinct and signed when sent (fresh clientSessionId, timestamp and signature).
    let n = 0;
    const now = Date.now();
    const submissions = await paired(
      {
        url: server.url,
        pid: server.pid,
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
      },
      {
        url: `${bare.url}/bare`,
        pid: bare.pid,
        connections: CONNECTIONS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sessionBody(0, now),
      },
    );
    report('server_score_submissions', 'req/s', submissions.subject.rps, {
      sessions_per_request: 1,
      sessions_stored: n,
      p99_latency_ms: median(submissions.subject.p99),
      non_2xx: submissions.subject.non2xx,
      errors: submissions.subject.errors,
      bare_fastify_post_rps: round(median(submissions.baseline.rps)),
      ratio_to_bare: round(median(submissions.ratios)),
      server_cpu_us_per_request: round(median(submissions.subject.cpuUsPerRequest)),
      bare_cpu_us_per_request: round(median(submissions.baseline.cpuUsPerRequest)),
      target_rps: 3000,
      db: 'sqlite',
      // other work on the machine shows in these figures: the 1-minute load average when they were taken
      load_avg_1m: round(loadavg()[0]!),
    });

    const reads = await paired(
      {
        url: `${server.url}/api/v1/leaderboard?role=Backend%20Engineer&period=weekly`,
        pid: server.pid,
        connections: CONNECTIONS,
      },
      { url: `${bare.url}/bare`, pid: bare.pid, connections: CONNECTIONS },
    );
    report('server_leaderboard_reads', 'req/s', reads.subject.rps, {
      p99_latency_ms: median(reads.subject.p99),
      non_2xx: reads.subject.non2xx,
      errors: reads.subject.errors,
      bare_fastify_get_rps: round(median(reads.baseline.rps)),
      ratio_to_bare: round(median(reads.ratios)),
      server_cpu_us_per_request: round(median(reads.subject.cpuUsPerRequest)),
      bare_cpu_us_per_request: round(median(reads.baseline.cpuUsPerRequest)),
      target_rps: 10000,
      target_p99_ms: 25,
      db: 'sqlite',
      load_avg_1m: round(loadavg()[0]!),
    });
  } finally {
    for (const p of started) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
