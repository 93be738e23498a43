import { cancelledCall, circuitOpen, ProviderError, timedOut } from './errors';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledCall());
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(cancelledCall());
      });
    }),
};

/** Runs `fn` with a signal that aborts at the deadline or when the caller's signal does. */
export async function withTimeout<T>(
  provider: string,
  timeoutMs: number,
  outer: AbortSignal | undefined,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) throw cancelledCall();
  const controller = new AbortController();
  let timedOutFlag = false;
  const timer = setTimeout(() => {
    timedOutFlag = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  try {
    return await new Promise<T>((resolve, reject) => {
      controller.signal.addEventListener('abort', () =>
        reject(timedOutFlag ? timedOut(provider, timeoutMs) : cancelledCall()),
      );
      fn(controller.signal).then(resolve, (err: unknown) =>
        reject(
          controller.signal.aborted ? (timedOutFlag ? timedOut(provider, timeoutMs) : cancelledCall()) : err,
        ),
      );
    });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

export const RETRY_DELAYS_MS = [1000, 2000, 4000];

/** Transient failures (network, 5xx, 429, timeouts) are tried again after 1, 2 and 4 s, or when Retry-After says. */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  options: { clock?: Clock; signal?: AbortSignal; delays?: number[] } = {},
): Promise<T> {
  const clock = options.clock ?? realClock;
  const delays = options.delays ?? RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const retryable = err instanceof ProviderError && err.transient && attempt < delays.length;
      if (!retryable) throw err;
      await clock.sleep(err.retryAfterMs ?? delays[attempt]!, options.signal);
    }
  }
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * Per provider: 5 failures within 60 s open the circuit for 60 s; then one trial call is let through, which
 * closes it on success or opens it again on failure.
 */
export class CircuitBreaker {
  private failures: number[] = [];
  private openedAt: number | null = null;
  private trialRunning = false;

  constructor(
    private readonly provider: string,
    private readonly clock: Clock = realClock,
    private readonly limits = { failures: 5, windowMs: 60_000, openMs: 60_000 },
  ) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.clock.now() - this.openedAt >= this.limits.openMs ? 'half_open' : 'open';
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.trialRunning)) throw circuitOpen(this.provider);
    if (state === 'half_open') this.trialRunning = true;
    try {
      const value = await fn();
      this.failures = [];
      this.openedAt = null;
      return value;
    } catch (err) {
      // A cancelled call says nothing about the provider's health.
      if (!(err instanceof ProviderError && err.details?.kind === 'cancelled')) this.recordFailure(state);
      throw err;
    } finally {
      if (state === 'half_open') this.trialRunning = false;
    }
  }

  private recordFailure(state: BreakerState) {
    const now = this.clock.now();
    if (state === 'half_open') {
      this.openedAt = now;
      return;
    }
    this.failures = [...this.failures.filter((t) => now - t < this.limits.windowMs), now];
    if (this.failures.length >= this.limits.failures) {
      this.openedAt = now;
      this.failures = [];
    }
  }
}
