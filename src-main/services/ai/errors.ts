import { AppError } from '../../../src-shared/errors';

/**
 * Why a provider call failed, in a form the chain can act on: `transient` failures are retried, everything
 * else moves to the next provider. `message` is what the candidate reads; it never holds keys or raw bodies.
 */
export class ProviderError extends AppError {
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { transient: boolean; retryAfterMs?: number; kind: string }) {
    super('UNAVAILABLE', message, { kind: options.kind });
    this.name = 'ProviderError';
    this.transient = options.transient;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export const timedOut = (provider: string, ms: number) =>
  new ProviderError(
    `${provider} did not answer within ${ms < 1000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} seconds.`,
    {
      transient: true,
      kind: 'timeout',
    },
  );

export const cancelledCall = () =>
  new ProviderError('The request was cancelled.', { transient: false, kind: 'cancelled' });

export const circuitOpen = (provider: string) =>
  new ProviderError(`${provider} failed several times in a row, so Rehearse is not asking it for a minute.`, {
    transient: false,
    kind: 'circuit_open',
  });

export const invalidOutput = (provider: string) =>
  new ProviderError(`${provider} kept answering in a form Rehearse could not use.`, {
    transient: false,
    kind: 'invalid_output',
  });

/** Retry-After in seconds or as an HTTP date, capped so a hostile server cannot park the app. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 60_000) : undefined;
}
