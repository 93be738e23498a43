import { createServer } from 'node:net';

/**
 * A port free a moment ago on 127.0.0.1: bind one, note it, close it. For a server a test starts on it, or, as
 * `closedPort`, for a port nothing listens on (fetch refuses some well-known ports outright, so not port 1).
 */
export async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

export const closedPort = freePort;
