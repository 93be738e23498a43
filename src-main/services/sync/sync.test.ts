// Sync against the real leaderboard server (src-server) on 127.0.0.1, started in this process over SQLite.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../../src-server/app';
import { migrateToLatest, openDatabase } from '../../../src-server/db';
import { Client, startTestServer } from '../../../src-server/test-support/harness';
import { SYNC_RECORD_KEYS } from '../../../src-shared/sync';
import { startRuntime, type Runtime } from '../../core/runtime';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, onExit, tempDir } from '../../../tests/support/runtime';
import type { SecretStore } from '../ai/keychain';
import { backoffMs, SECRET_ACCOUNT, type SyncOptions } from './service';

const ANSWER = 'I profiled the slow endpoint, added an index on the orders table and cut p95 latency by 80%.';
const NAME = 'Zenobia Quartermaine';

async function runtimeFor(
  options: { dataDir?: string; secrets?: SecretStore; host?: 'cli' | 'browser'; sync?: SyncOptions } = {},
): Promise<Runtime> {
  const runtime = await startRuntime({
    dataDir: options.dataDir ?? tempDir(),
    host: options.host ?? 'cli',
    checkOutputs: true,
    secrets: options.secrets ?? memorySecrets(),
    sync: options.sync,
  });
  onExit(() => runtime.close());
  return runtime;
}

async function completeSession(runtime: Runtime, role = 'Backend Engineer'): Promise<string> {
  const s = await ok(runtime, 'sessions.create', { role, difficulty: 'Medium', questionCount: 1 });
  await ok(runtime, 'sessions.submitAnswer', {
    sessionQuestionId: s.questions[0]!.id,
    text: ANSWER,
    elapsedMs: 42_000,
  });
  return s.id;
}

/** The real server over a SQLite file that outlives it, so it can be stopped and started on the same port. */
async function restartableServer() {
  const file = join(tempDir('rehearse-sync-server-'), 'server.sqlite');
  let port = 0;
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  const start = async () => {
    const database = openDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(database.db);
    app = await buildServer({ database, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    await app?.close();
    app = null;
  };
  await start();
  onExit(stop);
  return {
    url: () => `http://127.0.0.1:${port}`,
    start,
    stop,
    client: () => new Client(`http://127.0.0.1:${port}`),
  };
}

interface Recorded {
  method: string;
  url: string;
  body: string;
}

/** A recording HTTP proxy on 127.0.0.1 between the app and the server. */
async function recordingProxy(target: string): Promise<{ url: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method!, url: req.url!, body: body.toString('utf8') });
      const out = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onExit(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const outboxRows = (runtime: Runtime) =>
  (runtime.connection.sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

describe('leaderboard sync against the real server', () => {
  it('is off by default, registers with the secret in the keychain, and pushes each session once', async () => {
    const server = await startTestServer('sqlite');
    onExit(() => server.close());
    const secrets = memorySecrets();
    const runtime = await runtimeFor({ secrets });
    expect(await ok(runtime, 'sync.status', {})).toMatchObject({ enabled: false, device: null });
    const first = await completeSession(runtime);
    expect(outboxRows(runtime)).toBe(0); // off: nothing queued

    const preview = await ok(runtime, 'sync.preview', {});
    expect(Object.keys(preview.example!).sort()).toEqual([...SYNC_RECORD_KEYS].sort());
    expect(preview.example).toMatchObject({
      clientSessionId: first,
      role: 'Backend Engineer',
      questionCount: 1,
    });

    const status = await ok(runtime, 'sync.enable', { serverUrl: server.url, public: true });
    expect(status).toMatchObject({ enabled: true, lastError: null, outbox: { queued: 0 } });
    expect(status.device!.alias).toMatch(/^User_\d{4,}$/);
    const secret = secrets.entries.get(SECRET_ACCOUNT)!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // Only the id and alias are in the database; the secret is not anywhere in it.
    const dump = JSON.stringify(runtime.connection.sqlite.prepare('SELECT * FROM sync_settings').all());
    expect(dump).not.toContain(secret);

    const device = { id: status.device!.id, secret };
    const me = await server.client.signed<{ sessions: number }>('GET', '/devices/me', device);
    expect(me.body.sessions).toBe(1);

    await completeSession(runtime);
    await completeSession(runtime, 'Astronaut'); // a custom role: never queued
    expect(outboxRows(runtime)).toBe(1);
    await ok(runtime, 'sync.now', {});
    await ok(runtime, 'sync.now', {});
    // Re-queue everything: the server is idempotent on the session id, so nothing is duplicated.
    runtime.connection.sqlite.prepare("INSERT OR IGNORE INTO sync_outbox SELECT id, 'x' FROM sessions").run();
    await ok(runtime, 'sync.now', {});
    expect(outboxRows(runtime)).toBe(0);
    const after = await server.client.signed<{ sessions: number }>('GET', '/devices/me', device);
    expect(after.body.sessions).toBe(2);
  });

  it('sends only the allowed fields, and nothing the candidate wrote (asserted on the wire)', async () => {
    const server = await startTestServer('sqlite');
    onExit(() => server.close());
    const proxy = await recordingProxy(server.url);
    const runtime = await runtimeFor();
    await ok(runtime, 'profile.save', { name: NAME, targetRole: 'Backend Engineer', experienceLevel: 'Mid' });
    await completeSession(runtime);
    await ok(runtime, 'sync.enable', { serverUrl: proxy.url, public: false });
    await completeSession(runtime);
    await ok(runtime, 'sync.now', {});
    await ok(runtime, 'sync.setPublic', { public: true });
    const board = await ok(runtime, 'sync.leaderboard', { period: 'all_time' });
    expect(board.offline).toBe(false);
    await ok(runtime, 'sync.disable', {});

    const bodies = proxy.requests.filter((r) => r.body.length > 0);
    expect(proxy.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/devices',
        'POST /api/v1/scores',
        'PATCH /api/v1/devices/me',
        'GET /api/v1/leaderboard',
        'GET /api/v1/percentile',
        'DELETE /api/v1/devices/me',
      ]),
    );
    let sessions = 0;
    for (const r of bodies) {
      const json = JSON.parse(r.body) as Record<string, unknown>;
      expect(r.body).not.toContain(NAME);
      expect(r.body).not.toContain('Zenobia');
      expect(r.body).not.toContain(ANSWER.slice(0, 30));
      expect(r.body).not.toContain('index on the orders');
      if (r.url === '/api/v1/scores') {
        expect(Object.keys(json)).toEqual(['sessions']);
        for (const s of json.sessions as Record<string, unknown>[]) {
          sessions++;
          expect(Object.keys(s).sort()).toEqual([...SYNC_RECORD_KEYS].sort());
          expect(Object.keys(s.criteria as object).sort()).toEqual([
            'clarity',
            'confidence',
            'content_quality',
            'technical_accuracy',
          ]);
        }
      } else {
        expect(Object.keys(json)).toEqual(['public']);
      }
    }
    expect(sessions).toBe(2);
    // GET and DELETE carry no body, and nothing of the candidate's in the query either.
    for (const r of proxy.requests) expect(r.url).not.toMatch(/Zenobia|orders/);
  });

  it('keeps the outbox through a restart and an offline period, then catches up without duplicates', async () => {
    const server = await restartableServer();
    const secrets = memorySecrets();
    const dataDir = tempDir();
    let runtime = await runtimeFor({ dataDir, secrets });
    const enabled = await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: true });
    const device = { id: enabled.device!.id, secret: secrets.entries.get(SECRET_ACCOUNT)! };

    await server.stop();
    await completeSession(runtime);
    await completeSession(runtime);
    const offline = await ok(runtime, 'sync.now', {});
    expect(offline.outbox.queued).toBe(2);
    expect(offline.lastError).toMatch(/unreachable/);
    await runtime.close();

    runtime = await runtimeFor({ dataDir, secrets });
    expect(outboxRows(runtime)).toBe(2);
    await server.start(); // same port, same database
    const back = await ok(runtime, 'sync.now', {});
    expect(back).toMatchObject({ lastError: null, outbox: { queued: 0, nextAttemptAt: null } });
    const me = await server.client().signed<{ sessions: number }>('GET', '/devices/me', device);
    expect(me.body.sessions).toBe(2);
  });

  it('backs off exponentially with a persisted next attempt, and a running loop catches up', async () => {
    const server = await restartableServer();
    let t = Date.now();
    const requests: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const runtime = await runtimeFor({
      host: 'browser',
      sync: { now: () => new Date(t), fetch: recordingFetch, intervalMs: 50 },
    });
    await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: true });
    await server.stop();
    await completeSession(runtime);
    await ok(runtime, 'sync.now', {}); // attempt 1 fails
    const s1 = await ok(runtime, 'sync.status', {});
    expect(Date.parse(s1.outbox.nextAttemptAt!) - t).toBe(backoffMs(1));
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(20)).toBe(60 * 60_000);

    // The loop ticks every 50 ms, but nothing is tried before the next attempt is due.
    const before = requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(requests.length).toBe(before);
    t += 30_000; // due: the loop tries, fails again, and waits twice as long
    await expect
      .poll(async () => (await ok(runtime, 'sync.status', {})).outbox.nextAttemptAt)
      .toBe(new Date(t + 60_000).toISOString());
    await server.start();
    t += 60_000;
    await expect.poll(async () => (await ok(runtime, 'sync.status', {})).outbox.queued).toBe(0);
    expect((await ok(runtime, 'sync.status', {})).lastError).toBeNull();
    // Completing a session while the loop runs pushes it straight away.
    await completeSession(runtime);
    await expect.poll(async () => (await ok(runtime, 'sync.status', {})).outbox.queued).toBe(0);
    expect(requests.filter((r) => r.includes('/scores')).length).toBeGreaterThanOrEqual(2);
  });

  it('shows a percentile when hidden from the public board, and the last data when offline', async () => {
    const server = await restartableServer();
    const runtime = await runtimeFor();
    await ok(runtime, 'profile.save', { name: NAME, targetRole: 'Backend Engineer', experienceLevel: 'Mid' });
    await completeSession(runtime);
    const status = await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: false });
    const board = await ok(runtime, 'sync.leaderboard', { period: 'weekly' });
    expect(board).toMatchObject({ enabled: true, role: 'Backend Engineer', offline: false, public: false });
    expect(board.entries.map((e) => e.alias)).not.toContain(status.device!.alias);
    expect(board.percentile).toMatchObject({ cohortSize: 1, percentile: 50 });
    expect(board.fetchedAt).not.toBeNull();

    await ok(runtime, 'sync.setPublic', { public: true });
    const shown = await ok(runtime, 'sync.leaderboard', { period: 'all_time' });
    expect(shown.entries.map((e) => e.alias)).toContain(status.device!.alias);

    await server.stop();
    const cached = await ok(runtime, 'sync.leaderboard', { period: 'all_time' });
    expect(cached).toMatchObject({ offline: true, fetchedAt: shown.fetchedAt });
    expect(cached.entries).toEqual(shown.entries);
    expect(cached.percentile).toEqual(shown.percentile);
    expect(cached.message).toMatch(/last data/);
  });

  it('a choice to leave the public board made while the server is down reaches it on the next pass', async () => {
    const server = await restartableServer();
    const runtime = await runtimeFor();
    await ok(runtime, 'profile.save', { name: NAME, targetRole: 'Backend Engineer', experienceLevel: 'Mid' });
    await completeSession(runtime);
    const on = await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: true });
    const alias = on.device!.alias;
    expect(
      (await ok(runtime, 'sync.leaderboard', { period: 'all_time' })).entries.map((e) => e.alias),
    ).toContain(alias);

    await server.stop();
    const hidden = await runtime.invoke('sync.setPublic', { public: false });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(hidden.ok ? '' : hidden.error.message).toMatch(
      /^Your choice is saved; the leaderboard server could not be reached \(.+\), so it will be told as soon as it can be\.$/,
    );
    expect(await ok(runtime, 'sync.status', {})).toMatchObject({ public: false });

    await server.start();
    // the server still shows the old choice until the app reaches it
    const before = await server
      .client()
      .request<{ entries: { alias: string }[] }>(
        'GET',
        '/leaderboard?role=Backend%20Engineer&period=all_time',
      );
    expect(before.body.entries.map((e) => e.alias)).toContain(alias);
    await ok(runtime, 'sync.now', {});
    const board = await ok(runtime, 'sync.leaderboard', { period: 'all_time' });
    expect(board).toMatchObject({ offline: false, public: false });
    expect(board.entries.map((e) => e.alias)).not.toContain(alias);
    expect(
      runtime.connection.sqlite.prepare('SELECT public, public_pending FROM sync_settings').get(),
    ).toEqual({ public: 0, public_pending: 0 });
  });

  it('turning off erases the device on the server and clears the outbox and the secret', async () => {
    const server = await restartableServer();
    const secrets = memorySecrets();
    const runtime = await runtimeFor({ secrets });
    const on = await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: true });
    const device = { id: on.device!.id, secret: secrets.entries.get(SECRET_ACCOUNT)! };
    await completeSession(runtime);
    expect(outboxRows(runtime)).toBe(1);
    const off = await ok(runtime, 'sync.disable', {});
    expect(off).toMatchObject({ erased: true, pending: false, status: { enabled: false, device: null } });
    expect(outboxRows(runtime)).toBe(0);
    expect(secrets.entries.has(SECRET_ACCOUNT)).toBe(false);
    expect((await server.client().signed('GET', '/devices/me', device)).status).toBe(401);
  });

  it('when the server is down, turning off reports pending and a later pass erases', async () => {
    const server = await restartableServer();
    const secrets = memorySecrets();
    const runtime = await runtimeFor({ secrets });
    const on = await ok(runtime, 'sync.enable', { serverUrl: server.url(), public: true });
    const device = { id: on.device!.id, secret: secrets.entries.get(SECRET_ACCOUNT)! };
    await completeSession(runtime);
    await server.stop();
    const off = await ok(runtime, 'sync.disable', {});
    expect(off).toMatchObject({
      erased: false,
      pending: true,
      status: { enabled: false, pendingErase: true },
    });
    expect(off.status.lastError).toMatch(/unreachable/);
    expect(outboxRows(runtime)).toBe(0);
    expect(secrets.entries.has(SECRET_ACCOUNT)).toBe(true); // still needed to sign the erasure
    expect((await ok(runtime, 'data.status', {})).sync).toEqual({ on: true });

    await server.start();
    expect((await server.client().signed('GET', '/devices/me', device)).status).toBe(200);
    const later = await ok(runtime, 'sync.now', {});
    expect(later).toMatchObject({ pendingErase: false, enabled: false, lastError: null });
    expect(secrets.entries.has(SECRET_ACCOUNT)).toBe(false);
    expect((await server.client().signed('GET', '/devices/me', device)).status).toBe(401);
    expect((await ok(runtime, 'data.status', {})).sync).toEqual({ on: false });
  });

  it('"Delete everything" erases the server copy first', async () => {
    const server = await startTestServer('sqlite');
    onExit(() => server.close());
    const secrets = memorySecrets();
    const runtime = await runtimeFor({ secrets });
    const on = await ok(runtime, 'sync.enable', { serverUrl: server.url, public: true });
    const device = { id: on.device!.id, secret: secrets.entries.get(SECRET_ACCOUNT)! };
    await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: true });
    expect((await server.client.signed('GET', '/devices/me', device)).status).toBe(401);
  });
});
