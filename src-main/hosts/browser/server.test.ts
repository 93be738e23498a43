import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, onExit, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';
import { appPaths } from '../../paths';
import { startBrowserHost, type BrowserHost } from './server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A minimal built renderer, so these tests do not depend on `npm run build`. */
function fakeRenderer(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body>app</body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'rehearse-bridge.js'), '/* bridge */');
  return dir;
}

async function host(): Promise<{ host: BrowserHost; runtime: Awaited<ReturnType<typeof testRuntime>> }> {
  const runtime = await testRuntime({ host: 'browser' });
  const h = await startBrowserHost({ runtime, rendererDir: fakeRenderer() });
  onExit(() => h.close());
  return { host: h, runtime };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (h: BrowserHost, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(h.port, `/api/invoke/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json', ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host: h } = await host();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    // Bound to 0.0.0.0 it would also answer on 127.0.0.2; bound to 127.0.0.1 that connection is refused.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: h.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('refuses requests with a missing or wrong token', async () => {
    const { host: h } = await host();
    const none = await send(h.port, '/api/invoke/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token.' },
    });
    const wrong = await invoke(h, 'app.info', {}, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
    const page = await send(h.port, '/');
    expect(page.status).toBe(401);
    expect(page.body).toContain('Open Rehearse from its link');
    expect(page.body).not.toContain('app');
    const badLink = await send(h.port, '/?token=guess');
    expect(badLink.status).toBe(401);
    expect(badLink.headers['set-cookie']).toBeUndefined();
    const ws = await wsStatus(h.port, {});
    expect(ws).toBe('rejected');
  });

  it('trades the launch link for an HttpOnly, SameSite=Strict cookie that then authorises the page', async () => {
    const { host: h } = await host();
    const launch = await send(h.port, `/?token=${h.token}`);
    expect(launch.status).toBe(302);
    expect(launch.headers.location).toBe('/');
    const cookie = String(launch.headers['set-cookie']);
    expect(cookie).toBe(`rehearse_token_${h.port}=${h.token}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await send(h.port, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/rehearse-bridge.js"></script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const api = await send(h.port, '/api/invoke/app.info', {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0]!, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { name: 'Rehearse', host: 'browser' } });
  });

  it('refuses a foreign Host or Origin even with the right token (DNS rebinding)', async () => {
    const { host: h } = await host();
    const foreign: Record<string, string>[] = [
      { host: `evil.example:${h.port}` },
      { host: `127.0.0.1:${h.port + 1}` },
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${h.port}.evil.example` },
    ];
    for (const headers of foreign) {
      const res = await invoke(h, 'app.info', {}, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.body).error).toEqual({
        code: 'UNAUTHORIZED',
        message: 'Requests must come from Rehearse itself.',
      });
    }
    expect(
      await wsStatus(h.port, { authorization: `Bearer ${h.token}`, origin: 'http://evil.example' }),
    ).toBe('rejected');
    expect(
      (await invoke(h, 'app.info', {}, { origin: `http://localhost:${h.port}`, host: `localhost:${h.port}` }))
        .status,
    ).toBe(200);
  });

  it('answers transport errors with their own status and writes nothing', async () => {
    const { host: h, runtime } = await host();
    const before = snapshot(runtime);
    const bad = await invoke(h, 'profile.save', '{"name": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'The request body is not valid JSON.',
    });
    const big = await invoke(h, 'profile.save', JSON.stringify({ name: 'x'.repeat(17 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    const unknown = await invoke(h, 'nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_CHANNEL');
    const get = await send(h.port, '/api/invoke/app.info', {
      headers: { authorization: `Bearer ${h.token}` },
    });
    expect(get.status).toBe(405);
    const text = await invoke(h, 'app.info', '{}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const invalid = await invoke(h, 'profile.save', {
      name: 'Ada',
      targetRole: 'Sales',
      experienceLevel: 'Wizard',
    });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'experienceLevel' } },
    });
    for (const res of [bad, big, unknown, invalid]) expect(res.body).not.toMatch(/\bat .+:\d+:\d+/);
    expect(snapshot(runtime)).toBe(before);
  });

  it('serves built files but never anything outside the renderer folder', async () => {
    const { host: h } = await host();
    const auth = { authorization: `Bearer ${h.token}` };
    const asset = await send(h.port, '/assets/app-1.js', { headers: auth });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const path of [
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
    ]) {
      const res = await send(h.port, path, { headers: auth });
      expect(res.body, path).not.toContain('"name"');
    }
  });

  it('pushes events to an authorised WebSocket', async () => {
    const { host: h, runtime } = await host();
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api/events`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    const session = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 1,
    });
    expect(await received).toEqual({
      event: 'sessions.changed',
      payload: { sessionId: session.id, status: 'active' },
    });
    ws.close();
  });

  it('closes cleanly with open connections', async () => {
    const runtime = await testRuntime({ host: 'browser' });
    const h = await startBrowserHost({ runtime, rendererDir: fakeRenderer() });
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api/events`, {
      headers: { authorization: `Bearer ${h.token}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await h.close();
    await closed;
    await expect(send(h.port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says plainly when the interface has not been built', async () => {
    const runtime = await testRuntime({ host: 'browser' });
    await expect(startBrowserHost({ runtime, rendererDir: tempDir() })).rejects.toThrow(
      /is not built .*Run `npm run build` first/,
    );
    expect(appPaths().renderer).toMatch(/out[\\/]renderer$/);
  });
});

function wsStatus(port: number, headers: Record<string, string>): Promise<'open' | 'rejected'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('error', () => resolve('rejected'));
    ws.once('unexpected-response', () => resolve('rejected'));
  });
}
