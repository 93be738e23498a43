// The server over real HTTP on 127.0.0.1, run once over SQLite and once over a real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliasOf } from './aliases';
import { sign } from './signing';
import {
  DB_KINDS,
  type Device,
  type Json,
  type TestServer,
  daysAgo,
  session,
  sharedPostgres,
  startTestServer,
  stopSharedPostgres,
} from './test-support/harness';

afterAll(() => stopSharedPostgres());

type ErrorReply = { error: { code: string; message: string; details?: unknown } };

describe.each(DB_KINDS)('the leaderboard server over %s', (kind) => {
  // the throwaway PostgreSQL cluster starts once per file, outside any one test's time limit
  beforeAll(async () => {
    if (kind === 'postgres') await sharedPostgres();
  }, 120_000);
  const servers: TestServer[] = [];
  afterEach(async () => {
    while (servers.length) await servers.pop()!.close();
  });
  const start = async (options: Parameters<typeof startTestServer>[1] = {}) => {
    const s = await startTestServer(kind, { rateLimits: false, ...options });
    servers.push(s);
    return s;
  };

  describe('registration', () => {
    it('gives each device an id, a 32-byte secret and a unique User_NNNN alias', async () => {
      const { client } = await start();
      const a = await client.register();
      const b = await client.register({ public: false });
      expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Buffer.from(a.secret, 'base64url')).toHaveLength(32);
      expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(a.alias).toMatch(/^User_\d{4}$/);
      expect(a.public).toBe(true);
      expect(b.public).toBe(false);
      expect(b.id).not.toBe(a.id);
      expect(b.alias).not.toBe(a.alias);
      const me = await client.signed('GET', '/devices/me', a);
      expect(me.status).toBe(200);
      expect(me.body).toEqual({ id: a.id, alias: a.alias, public: true, sessions: 0 });
    });

    it('accepts an empty body and refuses a wrong one', async () => {
      const { client } = await start();
      expect((await client.request('POST', '/devices')).status).toBe(201);
      const wrong = await client.request<ErrorReply>('POST', '/devices', { body: '{"public":"yes"}' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
      const extra = await client.request<ErrorReply>('POST', '/devices', { body: '{"name":"Ada"}' });
      expect(extra.status).toBe(400);
    });

    it('hands out the last free four-digit alias, then moves to five digits when all 10,000 are taken', async () => {
      const { client, database } = await start();
      const fill = async (from: number, to: number) => {
        const rows = [];
        for (let n = from; n < to; n++) {
          rows.push({
            id: randomUUID(),
            secret: 'x',
            alias: aliasOf(n, 4),
            public: 1,
            created_at: 0,
          });
        }
        for (let i = 0; i < rows.length; i += 500) {
          await database.db
            .insertInto('devices')
            .values(rows.slice(i, i + 500))
            .execute();
        }
      };
      await fill(0, 4321);
      await fill(4322, 10_000);
      expect((await client.register()).alias).toBe('User_4321');
      const next = await client.register();
      expect(next.alias).toMatch(/^User_\d{5}$/);
      const again = await client.register();
      expect(again.alias).toMatch(/^User_\d{5}$/);
      expect(again.alias).not.toBe(next.alias);
    });
  });

  describe('score batches', () => {
    it('stores a batch once: re-sending it (signed afresh) only counts duplicates', async () => {
      const { client } = await start();
      const device = await client.register();
      const batch = [session(), session(), session()];
      const first = await client.submit(device, batch);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ accepted: 3, duplicates: 0 });
      const again = await client.submit(device, batch);
      expect(again.body).toEqual({ accepted: 0, duplicates: 3 });
      const overlap = await client.submit(device, [batch[0], session(), batch[2]]);
      expect(overlap.body).toEqual({ accepted: 1, duplicates: 2 });
      const twiceInOne = session();
      expect((await client.submit(device, [twiceInOne, twiceInOne])).body).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      const me = await client.signed<Json>('GET', '/devices/me', device);
      expect(me.body.sessions).toBe(5);
    });

    it('keys idempotency per device: another device may reuse a clientSessionId', async () => {
      const { client } = await start();
      const a = await client.register();
      const b = await client.register();
      const s = session();
      expect((await client.submit(a, [s])).body).toEqual({ accepted: 1, duplicates: 0 });
      expect((await client.submit(b, [s])).body).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('accepts durations and a batch of 100; refuses 101 and an empty batch', async () => {
      const { client } = await start();
      const device = await client.register();
      const hundred = Array.from({ length: 100 }, (_, i) =>
        session({ completedAt: daysAgo(i % 3), durationSec: 600 + i }),
      );
      expect((await client.submit(device, hundred)).body).toEqual({ accepted: 100, duplicates: 0 });
      const tooMany = Array.from({ length: 101 }, () => session({ completedAt: daysAgo(5) }));
      const r = await client.submit(device, tooMany);
      expect(r.status).toBe(400);
      expect((await client.submit(device, [])).status).toBe(400);
    });
  });

  describe('signatures', () => {
    it('refuses unsigned, forged, tampered, stale and future-dated requests with 401, storing nothing', async () => {
      const { client } = await start();
      const device = await client.register();
      const body = JSON.stringify({ sessions: [session()] });
      const code = async (headers: Record<string, string>, raw = body) => {
        const r = await client.request<ErrorReply>('POST', '/scores', { body: raw, headers });
        return [r.status, r.body.error?.code];
      };
      const now = Date.now();
      const headers = (secret: string, ts: number, signed = body) => ({
        'x-device-id': device.id,
        'x-timestamp': String(ts),
        'x-signature': sign(secret, ts, signed),
      });
      expect(await code({})).toEqual([401, 'UNAUTHENTICATED']);
      expect(await code({ 'x-device-id': device.id, 'x-timestamp': String(now) })).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      const otherSecret = Buffer.alloc(32, 7).toString('base64url');
      expect(await code(headers(otherSecret, now))).toEqual([401, 'BAD_SIGNATURE']);
      expect(await code(headers(device.secret, now, body.replace('70', '99')))).toEqual([
        401,
        'BAD_SIGNATURE',
      ]);
      expect(await code({ ...headers(device.secret, now), 'x-signature': 'zz'.repeat(32) })).toEqual([
        401,
        'BAD_SIGNATURE',
      ]);
      expect(await code({ ...headers(device.secret, now), 'x-timestamp': String(now + 1) })).toEqual([
        401,
        'BAD_SIGNATURE',
      ]);
      expect(await code(headers(device.secret, now - 6 * 60_000))).toEqual([401, 'STALE_TIMESTAMP']);
      expect(await code(headers(device.secret, now + 6 * 60_000))).toEqual([401, 'STALE_TIMESTAMP']);
      expect(await code({ ...headers(device.secret, now), 'x-timestamp': 'yesterday' })).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      expect(await code({ ...headers(device.secret, now), 'x-device-id': randomUUID() })).toEqual([
        401,
        'UNKNOWN_DEVICE',
      ]);
      expect(await code({ ...headers(device.secret, now), 'x-device-id': "' OR 1=1 --" })).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      const me = await client.signed<Json>('GET', '/devices/me', device);
      expect(me.body.sessions).toBe(0);
      // within the window either way is fine
      expect((await client.submit(device, [session()], { timestamp: now - 4 * 60_000 })).status).toBe(200);
      expect((await client.submit(device, [session()], { timestamp: now + 4 * 60_000 })).status).toBe(200);
    });

    it('accepts a signed request once: the same signature again is 409', async () => {
      const { client } = await start();
      const device = await client.register();
      const body = JSON.stringify({ sessions: [session()] });
      const ts = Date.now();
      const headers = {
        'x-device-id': device.id,
        'x-timestamp': String(ts),
        'x-signature': sign(device.secret, ts, body),
      };
      expect((await client.request('POST', '/scores', { body, headers })).status).toBe(200);
      const replay = await client.request<ErrorReply>('POST', '/scores', { body, headers });
      expect(replay.status).toBe(409);
      expect(replay.body.error.code).toBe('REPLAYED');
      const upper = { ...headers, 'x-signature': headers['x-signature'].toUpperCase() };
      expect((await client.request('POST', '/scores', { body, headers: upper })).status).toBe(409);
    });

    it('uses up the signature of a refused request too', async () => {
      const { client } = await start();
      const device = await client.register();
      for (const [over, status] of [
        [{ overallScore: 'high' }, 400],
        [{ overallScore: 120 }, 422],
      ] as const) {
        const body = JSON.stringify({ sessions: [session(over as Json)] });
        const ts = Date.now();
        const headers = {
          'x-device-id': device.id,
          'x-timestamp': String(ts),
          'x-signature': sign(device.secret, ts, body),
        };
        expect((await client.request('POST', '/scores', { body, headers })).status).toBe(status);
        expect((await client.request('POST', '/scores', { body, headers })).status).toBe(409);
      }
    });

    it('shares seen signatures through the database: a replay to another replica is refused too', async () => {
      const a = await start();
      const b = await startTestServer(kind, { rateLimits: false });
      servers.push(b);
      await b.app.close(); // only its database handle is wanted: point a second server at a's database
      const replica = await (
        await import('./app')
      ).buildServer({
        database: a.database,
        logger: false,
        ownsDatabase: false,
        rateLimits: false,
      });
      await replica.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `http://127.0.0.1:${(replica.server.address() as { port: number }).port}/api/v1/scores`;
        const device = await a.client.register();
        const body = JSON.stringify({ sessions: [session()] });
        const ts = Date.now();
        const headers = {
          'content-type': 'application/json',
          'x-device-id': device.id,
          'x-timestamp': String(ts),
          'x-signature': sign(device.secret, ts, body),
        };
        expect((await a.client.request('POST', '/scores', { body, headers })).status).toBe(200);
        expect((await fetch(url, { method: 'POST', body, headers })).status).toBe(409);
      } finally {
        await replica.close();
      }
    });
  });

  describe('plausibility (422 with a reason, nothing stored)', () => {
    it.each([
      ['an overall score over 100', { overallScore: 101 }, 'overallScore 101 is outside 0–100'],
      [
        'a negative criterion',
        { criteria: { content_quality: 50, clarity: -1, confidence: 50, technical_accuracy: 50 } },
        'criteria.clarity -1',
      ],
      ['no questions', { questionCount: 0 }, 'questionCount 0'],
      ['a duration over 4 hours', { durationSec: 5 * 3600 }, 'durationSec'],
      [
        'a completion 10 minutes ahead',
        { completedAt: new Date(Date.now() + 10 * 60_000).toISOString() },
        'in the future',
      ],
      ['a completion in 2019', { completedAt: '2019-12-31T23:00:00Z' }, 'before 2020'],
    ])('refuses %s', async (_what, over, reason) => {
      const { client } = await start();
      const device = await client.register();
      const r = await client.submit(device, [session(), session(over as Json)]);
      expect(r.status).toBe(422);
      const body = r.body as unknown as ErrorReply;
      expect(body.error.code).toBe('IMPLAUSIBLE');
      expect(body.error.message).toContain(reason);
      expect(body.error.details).toEqual([
        expect.objectContaining({ index: 1, reason: expect.stringContaining(reason) }),
      ]);
      expect((await client.signed<Json>('GET', '/devices/me', device)).body.sessions).toBe(0);
    });

    it('accepts a completion 4 minutes ahead (clock skew)', async () => {
      const { client } = await start();
      const device = await client.register();
      const r = await client.submit(device, [
        session({ completedAt: new Date(Date.now() + 4 * 60_000).toISOString() }),
      ]);
      expect(r.status).toBe(200);
    });

    it('allows 50 sessions a day per device, counting those already stored', async () => {
      const { client } = await start();
      const device = await client.register();
      const day = '2025-03-10T';
      const at = (i: number) =>
        `${day}${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
      const fiftyOne = Array.from({ length: 51 }, (_, i) => session({ completedAt: at(i) }));
      const refused = await client.submit(device, fiftyOne);
      expect(refused.status).toBe(422);
      expect((refused.body as unknown as ErrorReply).error.message).toContain(
        'more than 50 sessions on 2025-03-10',
      );
      expect((await client.submit(device, fiftyOne.slice(0, 40))).body).toEqual({
        accepted: 40,
        duplicates: 0,
      });
      // duplicates do not count again; the next day is a new day
      expect((await client.submit(device, fiftyOne.slice(0, 50))).body).toEqual({
        accepted: 10,
        duplicates: 40,
      });
      const over = await client.submit(device, [session({ completedAt: `${day}23:59:59.999Z` })]);
      expect(over.status).toBe(422);
      expect((await client.submit(device, [session({ completedAt: '2025-03-11T00:00:00Z' })])).status).toBe(
        200,
      );
      // another device has its own 50
      const other = await client.register();
      expect((await client.submit(other, [session({ completedAt: at(3) })])).status).toBe(200);
    });
  });

  describe('bad input is a 4xx, never a 5xx', () => {
    it('answers malformed JSON, wrong types, oversized bodies and odd content types', async () => {
      const { client } = await start();
      const device = await client.register();
      const send = async (raw: string, headers: Record<string, string> = {}) => {
        const r = await client.signed<ErrorReply>('POST', '/scores', device, raw, { headers });
        return [r.status, r.body?.error?.code];
      };
      expect(await send('{"sessions": [')).toEqual([400, 'MALFORMED_JSON']);
      expect(await send('nul')).toEqual([400, 'MALFORMED_JSON']);
      expect(await send('{"__proto__": {"admin": true}, "sessions": []}')).toEqual([400, 'MALFORMED_JSON']);
      expect(await send('[]')).toEqual([400, 'VALIDATION_FAILED']);
      expect(await send('"sessions"')).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        await send(JSON.stringify({ sessions: [session({ overallScore: '85' as unknown as number })] })),
      ).toEqual([400, 'VALIDATION_FAILED']);
      expect(await send(JSON.stringify({ sessions: [session({ questionCount: 2.5 })] }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(await send(JSON.stringify({ sessions: [session({ clientSessionId: 'abc' })] }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(await send(JSON.stringify({ sessions: [session({ completedAt: 'last Tuesday' })] }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(await send(JSON.stringify({ sessions: [{ ...session(), criteria: undefined }] }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(
        await send(
          JSON.stringify({ sessions: [session({ overallScore: 7 })] }).replace(
            '"overallScore":7',
            '"overallScore":1e400',
          ),
        ),
      ).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        await send(
          JSON.stringify({ sessions: [session({ role: "Backend Engineer'; DROP TABLE scores; --" })] }),
        ),
      ).toEqual([400, 'VALIDATION_FAILED']);
      expect(await send(JSON.stringify({ sessions: [session()] }), { 'content-type': 'text/plain' })).toEqual(
        [415, 'UNSUPPORTED_MEDIA_TYPE'],
      );
      const big = JSON.stringify({ sessions: [session({ padding: 'x'.repeat(70 * 1024) })] });
      expect(await send(big)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const validation = await client.signed<ErrorReply>('POST', '/scores', device, {
        sessions: [session({ difficulty: 'Insane' })],
      });
      expect(validation.body.error.message).toMatch(/^body\.sessions\.0\.difficulty: /);
      expect(validation.body.error.details).toEqual([
        expect.objectContaining({ path: 'body.sessions.0.difficulty' }),
      ]);
    });

    it('refuses SQL-ish and unknown query values with 400 and keeps the tables', async () => {
      const { client } = await start();
      const device = await client.register();
      await client.submit(device, [session()]);
      for (const q of [
        "role=Backend%20Engineer'%20OR%201=1--",
        'role=Backend%20Engineer;DROP%20TABLE%20scores',
        'role=Backend%20Engineer&period=monthly',
        'role=Backend%20Engineer&role=Sales',
        'period=weekly&limit=1000',
      ]) {
        const r = await client.get<ErrorReply>(`/leaderboard?${q}`);
        expect(r.status, q).toBe(400);
        expect(r.body.error.code).toBe('VALIDATION_FAILED');
      }
      for (const q of [
        'role=Sales',
        'role=Sales&score=abc',
        'role=Sales&score=101',
        'role=Sales&score=-1',
        'role=Sales&score=',
        "role=x'--&score=5",
        'score=50',
      ]) {
        expect((await client.get(`/percentile?${q}`)).status, q).toBe(400);
      }
      const board = await client.get<Json>('/leaderboard?role=Backend%20Engineer&period=all_time');
      expect((board.body.entries as unknown[]).length).toBe(1);
    });

    it('answers unknown routes and methods with a JSON 404 and never a stack trace', async () => {
      const { client, url } = await start();
      const r = await client.get<ErrorReply>('/nope');
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
      expect((await fetch(`${url}/api/v1/leaderboard`, { method: 'DELETE' })).status).toBe(404);
      expect((await client.request('PUT', '/scores', { body: '{}' })).status).toBe(404);
    });

    it('answers 500 without internals when the database is gone, and health says 503', async () => {
      const s = await start({ ownsDatabase: false });
      const device = await s.client.register();
      await s.database.close();
      const r = await s.client.signed<ErrorReply>('GET', '/devices/me', device);
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
      expect((await s.client.get('/health')).status).toBe(503);
    });
  });

  describe('leaderboard and percentile, against hand-worked numbers', () => {
    // Backend Engineer, all time (averages at two decimals):
    //   A 90, 80 → 85 (2)   B 70 (1)   C 85 (1)   D 95, 95 → 95 (2, hidden)   E 60, 62, 64 → 62 (3)
    //   F 100 (40 days ago), 50 (today) → 75 all time, 50 this week
    // Board, all time (D hidden): A 85 ×2 #1, C 85 ×1 #1, F 75 #3, B 70 #4, E 62 #5
    // Board, weekly: A, C 85 (#1, #1), B 70, E 62, F 50
    // Cohort (D included): 62, 70, 75, 85, 85, 95 → size 6, mean 472/6 = 78.67
    //   percentile(85) = (3 below + 2/2 ties) / 6 = 66.7; (70) = (1 + 0.5) / 6 = 25; (100) = 100; (0) = 0
    //   top 10% = ceil(6/10) = 1 device: D, 2 sessions in 28 days = 0.5/week; durations 1800 s and none
    //   → mean 1800 s → 0.5 × 1800 / 3600 = 0.25 h/week
    const setUp = async (s: TestServer) => {
      const { client } = s;
      const dev: Record<string, Device> = {};
      for (const name of ['A', 'B', 'C', 'D', 'E', 'F'])
        dev[name] = await client.register({ public: name !== 'D' });
      const at = (d: number) => ({ completedAt: daysAgo(d) });
      const ok = async (d: Device, sessions: Json[]) =>
        expect((await client.submit(d, sessions)).status).toBe(200);
      await ok(dev.A!, [session({ overallScore: 90, ...at(1) }), session({ overallScore: 80, ...at(2) })]);
      await ok(dev.B!, [session({ overallScore: 70, ...at(1) })]);
      await ok(dev.C!, [session({ overallScore: 85, ...at(3) })]);
      await ok(dev.D!, [
        session({ overallScore: 95, durationSec: 1800, ...at(1) }),
        session({ overallScore: 95, ...at(10) }),
      ]);
      await ok(
        dev.E!,
        [60, 62, 64].map((overallScore, i) => session({ overallScore, ...at(i) })),
      );
      await ok(dev.F!, [session({ overallScore: 100, ...at(40) }), session({ overallScore: 50, ...at(0) })]);
      // noise in another role must not leak in
      await ok(dev.B!, [session({ role: 'Sales', overallScore: 99, ...at(1) })]);
      return dev;
    };
    const board = async (client: TestServer['client'], q: string) =>
      (await client.get<{ entries: Json[] }>(`/leaderboard?${q}`)).body.entries.map(
        (e) => `${e.rank} ${e.alias} ${e.averageScore} ${e.interviews}`,
      );

    it('ranks the public devices, ties sharing a rank, over all time and the last 7 days', async () => {
      const s = await start({ cacheTtlMs: 0 });
      const d = await setUp(s);
      const n = (x: string) => d[x]!.alias;
      expect(await board(s.client, 'role=Backend%20Engineer&period=all_time')).toEqual([
        `1 ${n('A')} 85 2`,
        `1 ${n('C')} 85 1`,
        `3 ${n('F')} 75 2`,
        `4 ${n('B')} 70 1`,
        `5 ${n('E')} 62 3`,
      ]);
      expect(await board(s.client, 'role=Backend%20Engineer&period=weekly')).toEqual([
        `1 ${n('A')} 85 2`,
        `1 ${n('C')} 85 1`,
        `3 ${n('B')} 70 1`,
        `4 ${n('E')} 62 3`,
        `5 ${n('F')} 50 1`,
      ]);
      expect(await board(s.client, 'role=Backend%20Engineer')).toEqual(
        await board(s.client, 'role=Backend%20Engineer&period=weekly'),
      );
      expect(await board(s.client, 'role=Sales&period=all_time')).toEqual([`1 ${n('B')} 99 1`]);
      // every role together: B is (70 + 99) / 2 = 84.5 over 2, after A and C
      expect((await board(s.client, 'period=all_time'))[2]).toBe(`3 ${n('B')} 84.5 2`);
      expect(await board(s.client, 'role=Data%20Analyst&period=all_time')).toEqual([]);
    });

    it('keeps ten entries at most', async () => {
      const s = await start({ cacheTtlMs: 0 });
      for (let i = 0; i < 12; i++) {
        const d = await s.client.register();
        await s.client.submit(d, [session({ overallScore: 50 + i })]);
      }
      const entries = await board(s.client, 'role=Backend%20Engineer');
      expect(entries).toHaveLength(10);
      expect(entries[0]).toMatch(/^1 User_\d{4} 61 1$/);
      expect(entries[9]).toMatch(/^10 User_\d{4} 52 1$/);
    });

    it('places a score in the cohort, hidden devices included', async () => {
      const s = await start({ cacheTtlMs: 0 });
      await setUp(s);
      const p = async (score: string) =>
        (await s.client.get<Json>(`/percentile?role=Backend%20Engineer&score=${score}`)).body;
      const at85 = await p('85');
      expect(at85).toMatchObject({
        role: 'Backend Engineer',
        score: 85,
        percentile: 66.7,
        cohort: { size: 6, averageScore: 78.67 },
        topTenPercent: {
          devices: 1,
          minimumAverage: 95,
          averageScore: 95,
          sessionsPerWeek: 0.5,
          hoursPerWeek: 0.25,
          windowDays: 28,
        },
      });
      expect((await p('70')).percentile).toBe(25);
      expect((await p('100')).percentile).toBe(100);
      expect((await p('0')).percentile).toBe(0);
      expect((await p('62.5')).percentile).toBe(16.7);
      const sales = await s.client.get<Json>('/percentile?role=Sales&score=50');
      expect(sales.body).toMatchObject({ percentile: 0, cohort: { size: 1, averageScore: 99 } });
      const none = await s.client.get<Json>('/percentile?role=Data%20Analyst&score=50');
      expect(none.body).toMatchObject({
        percentile: null,
        cohort: { size: 0, averageScore: null },
        topTenPercent: null,
      });
    });

    it('hides a device that opts out later, and shows it again when it opts back in', async () => {
      const s = await start({ cacheTtlMs: 0 });
      const d = await setUp(s);
      const off = await s.client.signed<Json>('PATCH', '/devices/me', d.A!, { public: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ public: false, sessions: 2 });
      const entries = await board(s.client, 'role=Backend%20Engineer&period=all_time');
      expect(entries.some((e) => e.includes(d.A!.alias))).toBe(false);
      expect((await s.client.get<Json>('/percentile?role=Backend%20Engineer&score=85')).body.cohort).toEqual({
        size: 6,
        averageScore: 78.67,
      });
      expect((await s.client.signed('PATCH', '/devices/me', d.A!, { public: 'no' })).status).toBe(400);
      await s.client.signed('PATCH', '/devices/me', d.A!, { public: true });
      expect((await board(s.client, 'role=Backend%20Engineer&period=all_time'))[0]).toContain(d.A!.alias);
    });

    it('serves the board from a cache refreshed at most every 60 s', async () => {
      let clock = Date.now();
      const s = await start({ now: () => clock });
      const device = await s.client.register();
      await s.client.submit(device, [session({ overallScore: 40 })]);
      const first = await s.client.get<Json>('/leaderboard?role=Backend%20Engineer');
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      expect((first.body.entries as Json[])[0]).toMatchObject({ averageScore: 40 });
      await s.client.submit(device, [session({ overallScore: 80 })]);
      clock += 59_000;
      const cached = await s.client.get<Json>('/leaderboard?role=Backend%20Engineer');
      expect(cached.body).toEqual(first.body);
      clock += 2_000;
      const fresh = await s.client.get<Json>('/leaderboard?role=Backend%20Engineer');
      expect((fresh.body.entries as Json[])[0]).toMatchObject({ averageScore: 60, interviews: 2 });
      expect(fresh.body.generatedAt).toBe(new Date(clock).toISOString());
    });
  });

  describe('erasure', () => {
    it('deletes the device and everything it sent', async () => {
      const s = await start({ cacheTtlMs: 0 });
      const keep = await s.client.register();
      const gone = await s.client.register();
      await s.client.submit(keep, [session({ overallScore: 60 })]);
      await s.client.submit(gone, [session({ overallScore: 90 }), session({ overallScore: 80 })]);
      expect((await board(s)).map((e) => e.alias)).toEqual([gone.alias, keep.alias]);
      const unsigned = await s.client.request('DELETE', '/devices/me');
      expect(unsigned.status).toBe(401);
      const del = await s.client.signed('DELETE', '/devices/me', gone);
      expect(del.status).toBe(204);
      expect((await board(s)).map((e) => e.alias)).toEqual([keep.alias]);
      const rows = await s.database.db.selectFrom('scores').select('device_id').execute();
      expect(rows.map((r) => r.device_id)).toEqual([keep.id]);
      expect(
        await s.database.db.selectFrom('devices').select('id').where('id', '=', gone.id).execute(),
      ).toEqual([]);
      const after = await s.client.signed<ErrorReply>('GET', '/devices/me', gone);
      expect([after.status, after.body.error.code]).toEqual([401, 'UNKNOWN_DEVICE']);
      expect((await s.client.submit(gone, [session()])).status).toBe(401);
      expect((await s.client.get<Json>('/percentile?role=Backend%20Engineer&score=60')).body.cohort).toEqual({
        size: 1,
        averageScore: 60,
      });
    });
    const board = async (s: TestServer) =>
      (await s.client.get<{ entries: Json[] }>('/leaderboard?role=Backend%20Engineer')).body.entries;
  });

  describe('rate limits', () => {
    it('limits each address, with 429 and Retry-After', async () => {
      const s = await start({ rateLimits: { perIp: { max: 5, windowMs: 30_000 } } });
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 7; i++) {
        last = await fetch(`${s.url}/api/v1/leaderboard`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect(((await last!.json()) as ErrorReply).error.code).toBe('RATE_LIMITED');
    });

    it('limits each device once its signature verifies, and registrations per address', async () => {
      const s = await start({
        rateLimits: {
          perIp: { max: 1000, windowMs: 60_000 },
          perDevice: { max: 3, windowMs: 60_000 },
          registrations: { max: 3, windowMs: 60_000 },
        },
      });
      const a = await s.client.register();
      const b = await s.client.register();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await s.client.signed('GET', '/devices/me', a)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await s.client.signed('GET', '/devices/me', a);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      // forged requests naming device b do not spend b's budget
      for (let i = 0; i < 5; i++) {
        await s.client.signed('GET', '/devices/me', { id: b.id, secret: a.secret });
      }
      expect((await s.client.signed('GET', '/devices/me', b)).status).toBe(200);
      await s.client.register();
      const fourth = await s.client.request('POST', '/devices', { body: '{}' });
      expect(fourth.status).toBe(429);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('the HTTP surface', () => {
    it('sends security headers and a request id, keeping a sane incoming one', async () => {
      const { url } = await start();
      const r = await fetch(`${url}/api/v1/health`);
      expect(await r.json()).toEqual({ status: 'ok', database: kind });
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      // the first request, later ones, and errors alike
      for (const res of [r, await fetch(`${url}/api/v1/leaderboard`), await fetch(`${url}/api/v1/nope`)]) {
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=/);
        expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      }
      const given = await fetch(`${url}/api/v1/health`, { headers: { 'x-request-id': 'trace-123' } });
      expect(given.headers.get('x-request-id')).toBe('trace-123');
      const odd = await fetch(`${url}/api/v1/health`, { headers: { 'x-request-id': 'a b"<script>' } });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('publishes OpenAPI at /docs/json and the docs page at /docs', async () => {
      const { url } = await start();
      const spec = (await (await fetch(`${url}/docs/json`)).json()) as {
        openapi: string;
        paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown }>>;
      };
      expect(spec.openapi).toBe('3.1.0');
      expect(Object.keys(spec.paths).sort()).toEqual([
        '/api/v1/devices',
        '/api/v1/devices/me',
        '/api/v1/health',
        '/api/v1/leaderboard',
        '/api/v1/percentile',
        '/api/v1/scores',
      ]);
      expect(spec.paths['/api/v1/scores']!.post!.security).toEqual([
        { deviceId: [], timestamp: [], signature: [] },
      ]);
      expect(JSON.stringify(spec.paths['/api/v1/scores']!.post!.requestBody)).toContain('durationSec');
      const page = await fetch(`${url}/docs`, { redirect: 'follow' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('swagger');
    });
  });
});
