/**
 * Signed HTTP to the leaderboard server (src-server): the request signature is the server's own `sign` (HMAC of
 * `${timestamp}.${body}`, keyed with the secret's decoded bytes), timestamps strictly increasing so two requests
 * never share a signature (the server refuses a replay). Every call has a timeout; failures are typed so the
 * loop can tell "cannot reach it" (back off) from "it refused this" (act on it).
 */
import { sign } from '../../../src-server/signing';
import type { SyncRecord } from '../../../src-shared/sync';

export type FetchLike = typeof fetch;

export interface Device {
  id: string;
  secret: string;
}

/** The server could not be reached, timed out, or answered 5xx / 429: try again later. */
export class SyncUnreachableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncUnreachableError';
  }
}

/** The server answered with an error it will give again: the request itself must change. */
export class SyncRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'SyncRefusedError';
  }
}

let lastTimestamp = 0;
/** Strictly increasing across every client in this process. */
function timestamp(): number {
  lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
  return lastTimestamp;
}

export const REQUEST_TIMEOUT_MS = 10_000;

export class SyncClient {
  private readonly base: string;

  constructor(
    serverUrl: string,
    private readonly fetchFn: FetchLike = fetch,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.base = `${serverUrl.replace(/\/+$/, '')}/api/v1`;
  }

  private async request<T>(
    method: string,
    path: string,
    options: { body?: unknown; device?: Device } = {},
  ): Promise<T> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.device) {
      const ts = timestamp();
      headers['x-device-id'] = options.device.id;
      headers['x-timestamp'] = String(ts);
      headers['x-signature'] = sign(options.device.secret, ts, body ?? '');
    }
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        body,
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const why =
        err instanceof Error && err.name === 'TimeoutError' ? 'did not answer in time' : 'is unreachable';
      throw new SyncUnreachableError(`The leaderboard server ${why}.`);
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: treated as no body
    }
    if (res.ok) return parsed as T;
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (res.status === 429 || res.status >= 500) {
      const retry = Number(res.headers.get('retry-after'));
      throw new SyncUnreachableError(
        res.status === 429
          ? 'The leaderboard server asked Rehearse to slow down.'
          : `The leaderboard server had a problem (${res.status}).`,
        Number.isFinite(retry) && retry > 0 ? retry * 1000 : null,
      );
    }
    throw new SyncRefusedError(
      res.status,
      error?.code ?? `HTTP_${res.status}`,
      error?.message ?? `The leaderboard server refused the request (${res.status}).`,
      error?.details,
    );
  }

  register(isPublic: boolean) {
    return this.request<{ id: string; secret: string; alias: string; public: boolean }>('POST', '/devices', {
      body: { public: isPublic },
    });
  }

  me(device: Device) {
    return this.request<{ id: string; alias: string; public: boolean; sessions: number }>(
      'GET',
      '/devices/me',
      { device },
    );
  }

  setPublic(device: Device, isPublic: boolean) {
    return this.request<{ id: string; alias: string; public: boolean }>('PATCH', '/devices/me', {
      device,
      body: { public: isPublic },
    });
  }

  erase(device: Device) {
    return this.request<void>('DELETE', '/devices/me', { device });
  }

  submit(device: Device, sessions: SyncRecord[]) {
    return this.request<{ accepted: number; duplicates: number }>('POST', '/scores', {
      device,
      body: { sessions },
    });
  }

  leaderboard(role: string | null, period: string) {
    const q = new URLSearchParams({ period });
    if (role) q.set('role', role);
    return this.request<{
      generatedAt: string;
      entries: { rank: number; alias: string; averageScore: number; interviews: number }[];
    }>('GET', `/leaderboard?${q}`);
  }

  percentile(role: string, score: number) {
    const q = new URLSearchParams({ role, score: String(score) });
    return this.request<{
      score: number;
      percentile: number | null;
      cohort: { size: number; averageScore: number | null };
      topTenPercent: {
        minimumAverage: number;
        averageScore: number;
        sessionsPerWeek: number;
        hoursPerWeek: number | null;
      } | null;
    }>('GET', `/percentile?${q}`);
  }
}
