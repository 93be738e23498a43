// Starts the real server on 127.0.0.1 (an ephemeral port) over a fresh SQLite file or a fresh PostgreSQL
// database, and a small client that signs requests the way the app will.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../app';
import { migrateToLatest, openDatabase, type ServerDatabase } from '../db';
import { signedHeaders } from '../signing';
import { SKIP_PG, startPostgres, type TempPostgres } from './postgres';

export type DbKind = 'sqlite' | 'postgres';

/** The dialects the suites run against: both, unless REHEARSE_SKIP_PG=1. */
export const DB_KINDS: DbKind[] = SKIP_PG ? ['sqlite'] : ['sqlite', 'postgres'];

let cluster: Promise<TempPostgres> | undefined;
/** One cluster per test file (each file runs in its own process), started on first use. */
export function sharedPostgres(): Promise<TempPostgres> {
  cluster ??= startPostgres();
  return cluster;
}
/** Stops this file's cluster, if it started one (also done at process exit, should a file end abruptly). */
export async function stopSharedPostgres(): Promise<void> {
  const c = cluster;
  cluster = undefined;
  await c?.then((pg) => pg.stop()).catch(() => {});
}

/** A fresh, migrated database of the given kind. */
export async function freshDatabase(
  kind: DbKind,
): Promise<{ database: ServerDatabase; cleanup: () => void }> {
  if (kind === 'postgres') {
    const url = await (await sharedPostgres()).newDatabase();
    const database = openDatabase({ dialect: 'postgres', url });
    await migrateToLatest(database.db);
    return { database, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-server-test-'));
  const database = openDatabase({ dialect: 'sqlite', file: join(dir, 'server.sqlite') });
  await migrateToLatest(database.db);
  return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Device {
  id: string;
  secret: string;
  alias: string;
  public: boolean;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: ServerDatabase;
  client: Client;
  close(): Promise<void>;
}

export async function startTestServer(
  kind: DbKind,
  options: Partial<Omit<ServerOptions, 'database'>> = {},
): Promise<TestServer> {
  const { database, cleanup } = await freshDatabase(kind);
  const app = await buildServer({ database, logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    database,
    client: new Client(url, options.now),
    async close() {
      await app.close();
      cleanup();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export type Json = Record<string, unknown>;

/** Real HTTP through fetch. */
export class Client {
  private last = 0;

  constructor(
    readonly base: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Strictly increasing: two identical requests signed in the same millisecond would be one signature, a replay. */
  private timestamp(): number {
    this.last = Math.max(this.clock(), this.last + 1);
    return this.last;
  }

  async request<T = Json>(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      body: init.body,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: body as T };
  }

  get<T = Json>(path: string): Promise<Reply<T>> {
    return this.request<T>('GET', path);
  }

  async register(body?: Json): Promise<Device> {
    const r = await this.request<Device>('POST', '/devices', { body: JSON.stringify(body ?? {}) });
    if (r.status !== 201) throw new Error(`registration failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A signed request; `timestamp` and `sign` let tests forge, age and replay. */
  signed<T = Json>(
    method: string,
    path: string,
    device: { id: string; secret: string },
    body?: unknown,
    opts: { timestamp?: number; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const raw = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return this.request<T>(method, path, {
      body: raw,
      headers: { ...signedHeaders(device, raw ?? '', opts.timestamp ?? this.timestamp()), ...opts.headers },
    });
  }

  submit(device: Device, sessions: unknown[], opts: { timestamp?: number } = {}) {
    return this.signed<{ accepted: number; duplicates: number }>(
      'POST',
      '/scores',
      device,
      { sessions },
      opts,
    );
  }
}

export interface SessionInput {
  clientSessionId?: string;
  role?: string;
  difficulty?: string;
  overallScore?: number;
  criteria?: Record<string, number>;
  questionCount?: number;
  durationSec?: number;
  completedAt?: string;
}

/** A plausible session result, overridable field by field. */
export function session(over: SessionInput & Record<string, unknown> = {}): Json {
  const score = over.overallScore ?? 70;
  return {
    clientSessionId: randomUUID(),
    role: 'Backend Engineer',
    difficulty: 'Medium',
    overallScore: score,
    criteria: { content_quality: score, clarity: score, confidence: score, technical_accuracy: score },
    questionCount: 5,
    completedAt: new Date(Date.now() - 60_000).toISOString(),
    ...over,
  };
}

export const daysAgo = (days: number, from = Date.now()): string =>
  new Date(from - days * 24 * 60 * 60 * 1000).toISOString();
