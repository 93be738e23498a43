import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError, type ErrorPayload } from '../../../src-shared/errors';
import type { Runtime } from '../../core/runtime';
import { cookieName, newToken, originAllowed, presentedToken, sameToken, securityHeaders } from './security';
import { createStaticFiles } from './static';

export const LOOPBACK = '127.0.0.1';
// A 10 MB résumé arrives as about 13.4 MB of base64 JSON.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const INVOKE_PREFIX = '/api/invoke/';
const EVENTS_PATH = '/api/events';

export interface BrowserHost {
  port: number;
  token: string;
  /** The launch link: opening it once sets the session cookie. */
  url: string;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  /**
   * The runtime, or its start: given a start, the host listens at once and each call waits for it, so the
   * browser fetches and parses the page while the data opens instead of after.
   */
  runtime: Runtime | Promise<Runtime>;
  rendererDir: string;
  port?: number;
  token?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const failure = (code: ErrorPayload['code'], message: string) => ({ ok: false, error: { code, message } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering but let the reply go out; the connection is closed after it.
        req.off('data', onData);
        req.resume();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the built renderer and the contract's channels to a browser on this machine only: it binds to
 * 127.0.0.1, checks Host and Origin on every request, and wants the per-launch token on every request but the
 * launch link itself.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const ready = Promise.resolve(options.runtime);
  // A runtime that fails to start is the caller's to report; here it only makes calls fail.
  ready.catch(() => undefined);
  const token = options.token ?? newToken();
  const files = createStaticFiles(options.rendererDir);
  const sockets = new Set<Socket>();
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      void ready.then((runtime) => runtime.ctx.logger.error({ err }, 'browser host request failed'));
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL_ERROR', 'Something went wrong.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const headers = securityHeaders(port);
    if (!originAllowed(req, port)) {
      sendJson(res, 403, failure('UNAUTHORIZED', 'Requests must come from Rehearse itself.'), headers);
      return;
    }
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(token, url.searchParams.get('token'))) {
        sendJson(
          res,
          401,
          failure('UNAUTHORIZED', 'That link is out of date. Use the one Rehearse printed when it started.'),
          headers,
        );
        return;
      }
      res.writeHead(302, {
        ...headers,
        location: '/',
        'cache-control': 'no-store',
        'set-cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }

    if (!sameToken(token, presentedToken(req, port))) {
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        const page =
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rehearse</title></head><body><main><h1>Open Rehearse from its link</h1><p>This page needs the link Rehearse printed in the terminal when it started (it ends in <code>?token=…</code>).</p></main></body></html>';
        res.writeHead(401, {
          ...headers,
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(page);
      } else {
        sendJson(res, 401, failure('UNAUTHORIZED', 'Missing or wrong access token.'), headers);
      }
      return;
    }

    if (url.pathname.startsWith(INVOKE_PREFIX)) {
      if (req.method !== 'POST') {
        sendJson(res, 405, failure('VALIDATION_ERROR', 'Use POST to call a channel.'), {
          ...headers,
          allow: 'POST',
        });
        return;
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, failure('VALIDATION_ERROR', 'Requests must be JSON.'), headers);
        return;
      }
      const tooLarge = () =>
        sendJson(res, 413, failure('VALIDATION_ERROR', 'The request is too large.'), {
          ...headers,
          connection: 'close',
        });
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        tooLarge();
        return;
      }
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        tooLarge();
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        sendJson(res, 400, failure('VALIDATION_ERROR', 'The request body is not valid JSON.'), headers);
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice(INVOKE_PREFIX.length));
      let runtime: Runtime;
      try {
        runtime = await ready;
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'Rehearse could not open its data.';
        sendJson(res, 503, failure('UNAVAILABLE', message), headers);
        return;
      }
      const result = await runtime.invoke(channel, input);
      sendJson(res, result.ok || result.error.code !== 'UNKNOWN_CHANNEL' ? 200 : 404, result, headers);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('VALIDATION_ERROR', 'Method not allowed.'), headers);
      return;
    }
    const file = url.pathname === '/' ? files.index() : (files.get(url.pathname) ?? files.index());
    res.writeHead(200, {
      ...headers,
      'content-type': file.type,
      'content-length': file.body.length,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (
      url.pathname !== EVENTS_PATH ||
      !originAllowed(req, port) ||
      !sameToken(token, presentedToken(req, port))
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('error', () => clients.delete(ws));
    });
  });
  let closed = false;
  let unsubscribe = () => undefined as void;
  void ready.then(
    (runtime) => {
      if (closed) return;
      unsubscribe = runtime.subscribe((event, payload) => {
        const message = JSON.stringify({ event, payload });
        for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
      });
    },
    () => undefined,
  );

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    async close() {
      closed = true;
      unsubscribe();
      for (const ws of clients) ws.close(1001, 'Rehearse is shutting down');
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 2000).unref();
      });
    },
  };
}
