/** A Hugging Face–like file server on 127.0.0.1: /{repo}/resolve/{revision}/{path}, with Range and X-Linked-ETag. */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHub {
  url: string;
  files: Map<string, Buffer>;
  /** Cut the connection after `after` bytes of the next download of `file` (once). */
  drop: { file: string; after: number } | null;
  /** Send this file's bytes with one flipped, while advertising the true checksum. */
  corrupt: string | null;
  ignoreRange: boolean;
  requests: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeHub(): Promise<FakeHub> {
  const hub: Omit<FakeHub, 'url' | 'close'> = {
    files: new Map(),
    drop: null,
    corrupt: null,
    ignoreRange: false,
    requests: [],
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(req.url ?? '');
    if (req.method === 'GET') hub.requests.push({ path, range: req.headers.range });
    const m = /^\/(.+?\/.+?)\/resolve\/[^/]+\/(.+)$/.exec(path);
    const body = m ? hub.files.get(`${m[1]}/${m[2]}`) : undefined;
    if (!body) {
      res.writeHead(404);
      return res.end('Entry not found');
    }
    const sha = createHash('sha256').update(body).digest('hex');
    let bytes = body;
    if (hub.corrupt === m![2]) {
      bytes = Buffer.from(body);
      bytes[0] = bytes[0]! ^ 0xff;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range && !hub.ignoreRange ? Number(range[1]) : 0;
    const slice = bytes.subarray(start);
    res.writeHead(start > 0 ? 206 : 200, { 'content-length': slice.length, 'x-linked-etag': `"${sha}"` });
    if (req.method === 'HEAD') return res.end();
    if (hub.drop && hub.drop.file === m![2]) {
      const cut = hub.drop.after;
      hub.drop = null;
      res.write(slice.subarray(0, cut));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(hub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  }) as FakeHub;
}
