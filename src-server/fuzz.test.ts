// 10,000 random and mutated requests over real HTTP on 127.0.0.1 (and 5,000 more against PostgreSQL, there to
// catch what differs between the dialects): none may get a 5xx, an API error is always the JSON error shape
// without a stack trace, and the server still answers afterwards. The server is the built one, in its own
// process: should it die, the test says how and shows its last output. Seeded, so a failure can be
// replayed: REHEARSE_FUZZ_SEED=<seed printed in the failure> npx vitest run --project unit src-server/fuzz.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src-shared/domain';
import { sign } from './signing';
import {
  Client,
  DB_KINDS,
  type Device,
  type Json,
  daysAgo,
  session,
  sharedPostgres,
  stopSharedPostgres,
} from './test-support/harness';
import { buildServerOnce, startServerProcess } from './test-support/process';

afterAll(() => stopSharedPostgres());

const SEED = Number(process.env.REHEARSE_FUZZ_SEED ?? 20_241_122);
const REQUESTS = Number(process.env.REHEARSE_FUZZ_REQUESTS ?? 10_000);
const REQUESTS_PG = Number(process.env.REHEARSE_FUZZ_REQUESTS ?? 5_000);
const CONCURRENCY = 16;

/** mulberry32: small, fast, good enough to drive a fuzzer, and reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "Backend Engineer'; DROP TABLE scores; --",
  '"; DELETE FROM devices; --',
  'Robert"); DROP TABLE devices;--',
  '%27%20OR%201%3D1',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '💥'.repeat(50),
  'ﷺ'.repeat(30),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  'x'.repeat(5000),
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  'true',
  '2025-13-45T25:61:61Z',
  '2025-03-10T10:00:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  ...ROLES,
];
const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  99.999,
  100,
  100.0001,
  101,
  -100,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  1e-300,
  20,
  21,
  50,
];

function randomValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 3 ? 4 : 7)) {
    case 0:
      return rng.pick(NASTY_STRINGS);
    case 1:
      return rng.pick(NASTY_NUMBERS);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return rng.int(1000) - 500;
    case 4:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    case 5: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--)
        o[rng.pick(['a', 'sessions', 'role', '__proto__', 'public', 'x'])] = randomValue(rng, depth + 1);
      return o;
    }
    default:
      return rng.pick([{}, [], '', 0]);
  }
}

/** Applies one random change somewhere inside a JSON value. */
function mutate(rng: Rng, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || rng.chance(0.15)) return randomValue(rng);
  if (Array.isArray(value)) {
    const copy = [...value];
    const op = rng.int(4);
    if (op === 0 && copy.length) copy.splice(rng.int(copy.length), 1);
    else if (op === 1 && copy.length) copy.push(copy[rng.int(copy.length)]);
    else if (op === 2) copy.push(randomValue(rng));
    else if (copy.length) {
      const i = rng.int(copy.length);
      copy[i] = mutate(rng, copy[i]);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const op = rng.int(4);
  if (op === 0 && keys.length) delete copy[rng.pick(keys)];
  else if (op === 1)
    copy[rng.pick(['extra', '__proto__', 'constructor', 'durationSec', 'public', 'role'])] = randomValue(rng);
  else if (keys.length) {
    const k = rng.pick(keys);
    copy[k] = mutate(rng, copy[k]);
  }
  return copy;
}

function validBatch(rng: Rng): Json {
  return {
    sessions: Array.from({ length: 1 + rng.int(4) }, () =>
      session({
        role: rng.pick(ROLES),
        overallScore: rng.int(101),
        completedAt: daysAgo(rng.int(365)),
        ...(rng.chance(0.5) ? { durationSec: rng.int(7200) } : {}),
      }),
    ),
  };
}

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'Application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json, text/plain',
];

/** encodeURIComponent, except that a lone surrogate becomes the (invalid UTF-8) bytes it would be */
const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};

function randomQuery(rng: Rng): string {
  const params: string[] = [];
  for (let i = rng.int(4); i > 0; i--) {
    const key = rng.pick(['role', 'period', 'score', 'limit', '__proto__', 'role[]', 'x']);
    const value = rng.pick([
      ...NASTY_STRINGS.slice(0, 30),
      'weekly',
      'all_time',
      String(rng.int(120) - 10),
      rng.pick(ROLES),
    ]);
    params.push(`${enc(key)}=${rng.chance(0.9) ? enc(value) : value.replace(/[#\s]/g, '')}`);
  }
  if (rng.chance(0.05)) params.push('%ZZ=%E0%A4%A');
  return params.join('&');
}

function generate(rng: Rng, devices: Device[]): Req {
  const device = rng.pick(devices);
  const signed = (method: string, path: string, body: string | undefined, tweak = rng.chance(0.2)): Req => {
    let ts = Date.now() + rng.int(1000);
    const headers: Record<string, string> = body !== undefined ? { 'content-type': 'application/json' } : {};
    let signature = sign(device.secret, ts, body ?? '');
    if (tweak) {
      switch (rng.int(6)) {
        case 0:
          signature = signature.slice(0, rng.int(64));
          break;
        case 1:
          ts = rng.pick([0, -1, 1e15, Date.now() - 10 * 60_000]);
          break;
        case 2:
          headers['x-device-id'] = rng.pick(NASTY_STRINGS.slice(0, 20)).replace(/[^\x20-\x7e]/g, '') || 'x';
          break;
        case 3:
          headers['content-type'] = rng.pick(CONTENT_TYPES);
          break;
        case 4:
          signature = sign(rng.pick(devices).secret, ts, body ?? '');
          break;
        default:
          return { method, path, headers, body };
      }
    }
    return {
      method,
      path,
      body,
      headers: { 'x-device-id': device.id, 'x-timestamp': String(ts), 'x-signature': signature, ...headers },
    };
  };
  switch (rng.int(12)) {
    case 0:
    case 1:
    case 2: {
      let batch: unknown = validBatch(rng);
      for (let i = 1 + rng.int(3); i > 0; i--) batch = mutate(rng, batch);
      return signed('POST', '/api/v1/scores', JSON.stringify(batch) ?? 'null');
    }
    case 3: {
      const text = JSON.stringify(validBatch(rng));
      const cut = rng.chance(0.5)
        ? text.slice(0, rng.int(text.length))
        : text.replace(/[{}[\]":,]/, () => rng.pick(['', '}', '"', ',,', '\\']));
      return signed('POST', '/api/v1/scores', cut);
    }
    case 4: {
      const bytes = Array.from({ length: rng.int(300) }, () => String.fromCharCode(rng.int(256))).join('');
      return signed(
        rng.pick(['POST', 'PATCH']),
        rng.pick(['/api/v1/scores', '/api/v1/devices/me', '/api/v1/devices']),
        bytes,
      );
    }
    case 5:
      return {
        method: 'GET',
        path: `/api/v1/${rng.pick(['leaderboard', 'percentile'])}?${randomQuery(rng)}`,
        headers: {},
      };
    case 6:
      return signed('PATCH', '/api/v1/devices/me', JSON.stringify(mutate(rng, { public: rng.chance(0.5) })));
    case 7:
      return signed(
        rng.pick(['GET', 'DELETE', 'PUT', 'OPTIONS']),
        rng.pick(['/api/v1/devices/me', '/api/v1/scores', '/api/v1/devices']),
        undefined,
      );
    case 8: {
      const body = rng.chance(0.7) ? JSON.stringify(mutate(rng, { public: true })) : rng.pick(NASTY_STRINGS);
      return {
        method: 'POST',
        path: '/api/v1/devices',
        headers: { 'content-type': rng.pick(CONTENT_TYPES) },
        body,
      };
    }
    case 9: {
      const segments = Array.from({ length: 1 + rng.int(4) }, () =>
        rng.pick([
          'api',
          'v1',
          'v2',
          '..',
          '%2e%2e',
          '%00',
          'scores',
          'devices',
          'me',
          'docs',
          'json',
          '%ZZ',
          'x'.repeat(rng.int(3000)),
          '😀',
        ]),
      );
      return {
        method: rng.pick(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS']),
        path: `/${segments.join('/')}`,
        headers: {},
      };
    }
    case 10: {
      // bodies around the 64 KB limit, and deep nesting (a few hundred: they are slow to make and send)
      if (rng.chance(0.7)) return signed('POST', '/api/v1/scores', JSON.stringify(validBatch(rng)), false);
      const size = rng.pick([60_000, 65_000, 65_536, 66_000, 200_000]);
      const body = rng.chance(0.5)
        ? JSON.stringify({ sessions: [session({ pad: 'x'.repeat(size) })] })
        : '['.repeat(size / 10) + ']'.repeat(size / 10);
      return signed('POST', '/api/v1/scores', body);
    }
    default:
      return signed('POST', '/api/v1/scores', JSON.stringify(validBatch(rng)), false);
  }
}

/**
 * One request over node:http with keep-alive (several times cheaper per request than fetch, which matters when
 * the client and the server share a process).
 */
function send(agent: Agent, port: number, req: Req): Promise<{ status: number; text: string }> {
  // percent-encoded the way fetch would (and with dot segments resolved the same way)
  const url = new URL(req.path, 'http://127.0.0.1');
  return new Promise((resolve, reject) => {
    const r = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body);
  });
}

/** A raw request on a socket, for what fetch will not send: broken request lines, headers and framing. */
function raw(port: number, text: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = () => {
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      resolve(m ? Number(m[1]) : undefined);
    };
    socket.setTimeout(500, done);
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(text, 'latin1');
  });
}

function rawRequest(rng: Rng): string {
  const valid = '{"public":true}';
  return rng.pick([
    `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    `GARBAGE\r\n\r\n`,
    `GET / HTTP/9.9\r\nHost: x\r\n\r\n`,
    `POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n${valid}`,
    `POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99\r\nConnection: close\r\n\r\n${valid}`,
    `POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n`,
    `POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n${valid}\r\n0\r\n\r\n`,
    `POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 15\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${valid}`,
    `GET /api/v1/leaderboard HTTP/1.1\r\nHost: x\r\nX-Bad\u0001Header: 1\r\nConnection: close\r\n\r\n`,
    `GET /api/v1/leaderboard HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000 + rng.int(60_000))}\r\nConnection: close\r\n\r\n`,
    `GET /api/v1/leaderboard?role=${'%'.repeat(rng.int(50))} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    `POST /api/v1/scores HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Device-Id: \u00ff\u00fe\r\nX-Timestamp: 1\r\nX-Signature: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
  ]);
}

describe.each(DB_KINDS)('fuzzing the server over %s', (kind) => {
  beforeAll(async () => {
    buildServerOnce();
    if (kind === 'postgres') await sharedPostgres();
  }, 120_000);
  const requests = kind === 'postgres' ? REQUESTS_PG : REQUESTS;
  it(
    `answers ${requests} random and mutated requests without a 5xx, and stays up`,
    { timeout: 180_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rehearse-fuzz-'));
      const db =
        kind === 'postgres'
          ? await (await sharedPostgres()).newDatabase()
          : `file:${join(dir, 'fuzz.sqlite')}`;
      // warn: every 5xx the server logs is in its output, shown should the test fail
      const server = await startServerProcess(['--db', db, '--rate-limit', 'off', '--log-level', 'warn']);
      const s = { url: server.url, client: new Client(server.url) };
      const alive = () =>
        `the server ended (${server.ended()}); its last output:\n${server.output().slice(-4000)}`;
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      try {
        const rng = prng(SEED);
        const devices: Device[] = [];
        for (let i = 0; i < 6; i++) devices.push(await s.client.register({ public: i % 2 === 0 }));
        const { port } = new URL(s.url);
        const failures: string[] = [];
        const statuses = new Map<number, number>();
        let sent = 0;
        const one = async () => {
          if (rng.chance(0.03)) {
            const text = rawRequest(rng);
            const status = await raw(Number(port), text);
            if (status !== undefined && status >= 500)
              failures.push(`${status} for raw ${JSON.stringify(text.slice(0, 200))}`);
            return;
          }
          const req = generate(rng, devices);
          let res: { status: number; text: string };
          try {
            res = await send(agent, Number(port), req);
          } catch (err) {
            if (
              ['ERR_INVALID_CHAR', 'ERR_UNESCAPED_CHARACTERS'].includes((err as { code?: string }).code ?? '')
            ) {
              return; // node refused to send it (a header it will not encode): not the server's doing
            }
            failures.push(`${String(err)} for ${req.method} ${req.path.slice(0, 200)}`);
            return;
          }
          const { text } = res;
          if (res.status === 204 && req.method === 'DELETE') {
            // an erased device is replaced, or every later request for it would be a 401
            const i = devices.findIndex((d) => d.id === req.headers['x-device-id']);
            if (i >= 0) devices[i] = await s.client.register();
          }
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const describe = () =>
            `${res.status} for ${req.method} ${req.path.slice(0, 120)} ${(req.body ?? '').slice(0, 300)} → ${text.slice(0, 300)}`;
          if (res.status >= 500) failures.push(describe());
          else if (res.status >= 400 && req.method !== 'HEAD' && req.path.startsWith('/api/')) {
            let body: { error?: { code?: unknown; message?: unknown } } | undefined;
            try {
              body = JSON.parse(text) as typeof body;
            } catch {
              body = undefined;
            }
            if (
              typeof body?.error?.code !== 'string' ||
              typeof body.error.message !== 'string' ||
              /\n\s+at /.test(text)
            ) {
              failures.push(`bad error body: ${describe()}`);
            }
          }
        };
        const worker = async () => {
          while (sent < requests) {
            sent++;
            await one();
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));

        expect(server.ended(), alive()).toBeUndefined();
        expect(failures.slice(0, 10), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
        const spread = JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])));
        if (process.env.REHEARSE_FUZZ_VERBOSE) console.log(kind, spread);
        // it saw a spread of outcomes, not 10,000 copies of one refusal
        expect(statuses.get(200), spread).toBeGreaterThan(requests / 20);
        expect(statuses.get(400), spread).toBeGreaterThan(requests / 20);
        expect(statuses.get(401), spread).toBeGreaterThan(requests / 100);
        const health = await fetch(`${s.url}/api/v1/health`);
        expect(health.status).toBe(200);
        const fresh = await s.client.register();
        expect((await s.client.submit(fresh, [session()])).body).toEqual({ accepted: 1, duplicates: 0 });
        agent.destroy();
        // and it shuts down cleanly after all that
        expect(await server.stop(), alive()).toBe(0);
      } finally {
        agent.destroy();
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
