// The command line: option parsing, and the built server (bin/rehearse-server) started as a process, over SQLite
// and over PostgreSQL, including two replicas sharing one PostgreSQL database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, parseCli, UsageError } from './cli';
import { signedHeaders } from './signing';
import { DB_KINDS, session, sharedPostgres, stopSharedPostgres } from './test-support/harness';
import {
  buildServerOnce,
  SERVER_BIN as BIN,
  type ServerProcess as Proc,
  startServerProcess as startBin,
} from './test-support/process';

describe('parseCli', () => {
  it('defaults to SQLite in the data folder on 127.0.0.1:8787, rate limits on', () => {
    expect(parseCli([], { REHEARSE_DATA_DIR: '/data' })).toEqual({
      port: 8787,
      host: '127.0.0.1',
      target: { dialect: 'sqlite', file: join('/data', DB_FILE_NAME) },
      rateLimits: {},
      trustProxy: false,
      logLevel: 'info',
    });
  });

  it('takes --db over DATABASE_URL, and flags over the environment', () => {
    const env = { DATABASE_URL: 'postgres://a@db/x', PORT: '9000', REHEARSE_SERVER_RATE_LIMIT: 'off' };
    expect(parseCli([], env)).toMatchObject({
      port: 9000,
      target: { dialect: 'postgres' },
      rateLimits: false,
    });
    expect(parseCli(['--db', 'file:/tmp/x.sqlite', '--port', '0', '--rate-limit', 'on'], env)).toMatchObject({
      port: 0,
      target: { dialect: 'sqlite', file: '/tmp/x.sqlite' },
      rateLimits: {},
    });
    expect(
      parseCli(['--data-dir', '/d', '--host', '0.0.0.0', '--trust-proxy', '--log-level', 'warn'], {}),
    ).toMatchObject({
      host: '0.0.0.0',
      trustProxy: true,
      logLevel: 'warn',
      target: { file: join('/d', DB_FILE_NAME) },
    });
    expect(parseCli(['--help'], {})).toBe('help');
  });

  it.each([
    [['--port', 'http'], /--port/],
    [['--port', '70000'], /--port/],
    [['--db', 'mysql://x/y'], /Unsupported database URL/],
    [['--rate-limit', 'maybe'], /--rate-limit/],
    [['--log-level', 'loud'], /--log-level/],
    [['--frobnicate'], /frobnicate/],
    [['extra'], /extra/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(UsageError);
    expect(() => parseCli(argv, {})).toThrow(message);
  });
});

describe('bin/rehearse-server', () => {
  const procs: Proc[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    buildServerOnce();
    // started here, outside any one test's time limit; a failure to start shows in the PostgreSQL tests
    if (DB_KINDS.includes('postgres')) await sharedPostgres().catch(() => {});
  }, 120_000);
  afterEach(async () => {
    while (procs.length) await procs.pop()!.stop();
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  afterAll(() => stopSharedPostgres());

  it('prints help and exits 0; exits 2 on bad usage; 1 when it cannot start', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--db URL');
    const bad = spawnSync(process.execPath, [BIN, '--port', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^rehearse-server: --port must be a number/);
    const unreachable = spawnSync(
      process.execPath,
      [BIN, '--port', '0', '--db', 'postgres://nobody@127.0.0.1:1/x', '--log-level', 'silent'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toMatch(/could not start/);
  });

  it.each(DB_KINDS)('serves over %s until SIGTERM, then exits 0', async (kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'rehearse-server-cli-'));
    dirs.push(dir);
    const db =
      kind === 'postgres' ? await (await sharedPostgres()).newDatabase() : `file:${join(dir, 's.sqlite')}`;
    // PostgreSQL through DATABASE_URL, SQLite through --db
    const p = await startBin(
      kind === 'postgres' ? [] : ['--db', db],
      kind === 'postgres' ? { DATABASE_URL: db } : {},
    );
    procs.push(p);
    expect(await (await fetch(`${p.url}/api/v1/health`)).json()).toEqual({ status: 'ok', database: kind });
    const device = (await (await fetch(`${p.url}/api/v1/devices`, { method: 'POST' })).json()) as {
      id: string;
      secret: string;
    };
    const body = JSON.stringify({ sessions: [session()] });
    const sent = await fetch(`${p.url}/api/v1/scores`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signedHeaders(device, body) },
    });
    expect(sent.status).toBe(200);
    expect(await p.stop()).toBe(0);
    // structured logs: one JSON object a line, each request with its id
    const lines = p
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; reqId?: string });
    expect(lines.some((l) => l.msg === 'rehearse-server ready')).toBe(true);
    expect(lines.filter((l) => l.msg === 'request completed').every((l) => typeof l.reqId === 'string')).toBe(
      true,
    );
    expect(p.output()).not.toContain(device.secret);
  });

  it.skipIf(!DB_KINDS.includes('postgres'))(
    'runs as stateless replicas over one PostgreSQL database',
    async () => {
      const url = await (await sharedPostgres()).newDatabase();
      // started together: the migration lock lets exactly one of them migrate
      const [a, b] = await Promise.all([
        startBin(['--db', url, '--log-level', 'warn']),
        startBin(['--db', url, '--log-level', 'warn']),
      ]);
      procs.push(a, b);
      const device = (await (await fetch(`${a.url}/api/v1/devices`, { method: 'POST' })).json()) as {
        id: string;
        secret: string;
        alias: string;
      };
      const body = JSON.stringify({ sessions: [session({ overallScore: 88 })] });
      const headers = { 'content-type': 'application/json', ...signedHeaders(device, body) };
      // registered on A, sent to B; the same signed request replayed to A is refused
      expect((await fetch(`${b.url}/api/v1/scores`, { method: 'POST', body, headers })).status).toBe(200);
      expect((await fetch(`${a.url}/api/v1/scores`, { method: 'POST', body, headers })).status).toBe(409);
      const board = (await (await fetch(`${a.url}/api/v1/leaderboard?role=Backend%20Engineer`)).json()) as {
        entries: { alias: string }[];
      };
      expect(board.entries.map((e) => e.alias)).toEqual([device.alias]);
      // erased through B: A no longer accepts it (its secret cache notwithstanding)
      const del = await fetch(`${b.url}/api/v1/devices/me`, {
        method: 'DELETE',
        headers: signedHeaders(device),
      });
      expect(del.status).toBe(204);
      const late = JSON.stringify({ sessions: [session()] });
      const refused = await fetch(`${a.url}/api/v1/scores`, {
        method: 'POST',
        body: late,
        headers: { 'content-type': 'application/json', ...signedHeaders(device, late) },
      });
      expect(refused.status).toBe(401);
    },
    60_000,
  );
});
