import { createServer } from 'node:net';

/** A port nothing listens on: bind a free one, note it, close it (fetch refuses some well-known ports outright). */
export async function closedPort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}
