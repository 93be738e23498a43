/**
 * An Ollama-compatible HTTP server on 127.0.0.1 for tests: the real client talks to it over real HTTP. It is
 * honest about the ways a real server misbehaves: it can be slow, fail with 5xx or 429 (with Retry-After),
 * stream JSON split mid-token, answer with malformed JSON, or not have the model.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBehaviour {
  /** Models /api/tags lists; chat for any other model answers 404 like Ollama does. */
  models: string[];
  /** Content of each successive chat answer (the last one repeats). */
  answers: string[];
  delayMs: number;
  /** The next N requests to /api/chat fail with this status. */
  failNext: { count: number; status: number; retryAfter?: string };
  /** Stream answers in chunks of this many characters. */
  chunkSize: number;
  /** Hold a streamed answer open this long between chunks. */
  chunkDelayMs: number;
}

export interface FakeOllama {
  url: string;
  behaviour: FakeBehaviour;
  requests: { path: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startFakeOllama(initial: Partial<FakeBehaviour> = {}): Promise<FakeOllama> {
  const behaviour: FakeBehaviour = {
    models: ['llama3.2:latest', 'nomic-embed-text:latest'],
    answers: ['{"ok":true}'],
    delayMs: 0,
    failNext: { count: 0, status: 503 },
    chunkSize: 7,
    chunkDelayMs: 0,
    ...initial,
  };
  const requests: FakeOllama['requests'] = [];
  let answerIndex = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const known = (model: string) => behaviour.models.some((m) => m === model || m === `${model}:latest`);

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        let body: Record<string, unknown>;
        try {
          body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          return json(res, 400, { error: 'invalid JSON' });
        }
        const path = req.url ?? '/';
        requests.push({ path, body });
        if (behaviour.delayMs) await sleep(behaviour.delayMs);
        if (res.destroyed) return;

        if (path === '/api/tags') {
          return json(res, 200, {
            models: behaviour.models.map((name) => ({
              name,
              model: name,
              size: 1,
              digest: 'x',
              details: {},
            })),
          });
        }
        if (path === '/api/chat' || path === '/api/generate') {
          if (behaviour.failNext.count > 0) {
            behaviour.failNext.count--;
            const headers: Record<string, string> = behaviour.failNext.retryAfter
              ? { 'retry-after': behaviour.failNext.retryAfter }
              : {};
            return json(res, behaviour.failNext.status, { error: 'server busy' }, headers);
          }
          const model = String(body.model);
          if (!known(model))
            return json(res, 404, { error: `model "${model}" not found, try pulling it first` });
          const content = behaviour.answers[Math.min(answerIndex++, behaviour.answers.length - 1)]!;
          const key = path === '/api/chat' ? 'message' : 'response';
          const part = (text: string, done: boolean) =>
            key === 'message'
              ? {
                  model,
                  created_at: new Date().toISOString(),
                  message: { role: 'assistant', content: text },
                  done,
                }
              : { model, response: text, done };
          if (body.stream === false) return json(res, 200, part(content, true));
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          for (let i = 0; i < content.length; i += behaviour.chunkSize) {
            res.write(`${JSON.stringify(part(content.slice(i, i + behaviour.chunkSize), false))}\n`);
            if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
            if (res.destroyed) return;
          }
          res.end(`${JSON.stringify({ ...part('', true), done_reason: 'stop' })}\n`);
          return;
        }
        if (path === '/api/embed') {
          const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
          // A deterministic "embedding": words hashed into FAKE_EMBEDDING_SIZE buckets. Texts that share
          // words are similar and texts that share none are not, as with a real model's on paraphrase-free
          // text (letter counts, used before, made every two English sentences look alike).
          return json(res, 200, { model: body.model, embeddings: input.map(fakeEmbedding) });
        }
        if (path === '/api/pull') {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          for (const [completed, total] of [
            [0, 100],
            [40, 100],
            [100, 100],
          ] as const) {
            res.write(
              `${JSON.stringify({ status: 'pulling manifest', digest: 'sha256:x', completed, total })}\n`,
            );
            if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
          }
          behaviour.models.push(String(body.model ?? body.name));
          res.end(`${JSON.stringify({ status: 'success' })}\n`);
          return;
        }
        json(res, 404, { error: 'not found' });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    behaviour,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const FAKE_EMBEDDING_SIZE = 64;

export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_SIZE).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 0;
    for (const c of word) h = (h * 31 + c.charCodeAt(0)) % FAKE_EMBEDDING_SIZE;
    vector[h]! += 1;
  }
  return vector;
}
