/** An OpenAI-compatible chat-completions server on 127.0.0.1, for the cloud provider's tests. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAi {
  url: string;
  /** What the next requests answer: 200 with `answer`, or an error status with an optional body and Retry-After. */
  behaviour: {
    answer: string;
    status: number;
    errorBody: string;
    retryAfter?: string;
    key: string;
    chunkSize: number;
  };
  requests: { path: string; authorization: string | undefined; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startFakeOpenAi(key: string): Promise<FakeOpenAi> {
  const behaviour: FakeOpenAi['behaviour'] = {
    answer: '{"ok":true}',
    status: 200,
    errorBody: '{"error":{"message":"nope"}}',
    key,
    chunkSize: 6,
  };
  const requests: FakeOpenAi['requests'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      if (req.headers.authorization !== `Bearer ${behaviour.key}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        // Real providers echo part of the presented key back; the app must never show this body.
        return res.end(
          JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }),
        );
      }
      if (behaviour.status !== 200) {
        res.writeHead(behaviour.status, {
          'content-type': 'application/json',
          ...(behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {}),
        });
        return res.end(behaviour.errorBody);
      }
      if (req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ data: [{ id: 'gpt-test' }] }));
      }
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({ choices: [{ message: { role: 'assistant', content: behaviour.answer } }] }),
        );
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < behaviour.answer.length; i += behaviour.chunkSize) {
        res.write(
          `data: ${JSON.stringify({ choices: [{ delta: { content: behaviour.answer.slice(i, i + behaviour.chunkSize) } }] })}\n\n`,
        );
      }
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    behaviour,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
