import { describe, expect, it } from 'vitest';
import { ProviderError } from './errors';
import { CircuitBreaker, withRetries, withTimeout, type Clock } from './resilience';

function fakeClock(start = 1_000_000): Clock & { slept: number[]; advance(ms: number): void } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    advance: (ms) => void (now += ms),
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
const transient = (retryAfterMs?: number) =>
  new ProviderError('busy', { transient: true, retryAfterMs, kind: 'server_error' });
const fatal = () => new ProviderError('no', { transient: false, kind: 'rejected' });

describe('retries', () => {
  it('retries transient failures after 1, 2 and 4 seconds, then gives up', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw transient();
        },
        { clock },
      ),
    ).rejects.toThrow('busy');
    expect(calls).toBe(4);
    expect(clock.slept).toEqual([1000, 2000, 4000]);
  });

  it('succeeds on a later attempt and honours Retry-After', async () => {
    const clock = fakeClock();
    let calls = 0;
    const value = await withRetries(
      async () => {
        if (++calls === 1) throw transient(7000);
        return 'ok';
      },
      { clock },
    );
    expect(value).toBe('ok');
    expect(clock.slept).toEqual([7000]);
  });

  it('does not retry what retrying cannot fix', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(withRetries(async () => (calls++, Promise.reject(fatal())), { clock })).rejects.toThrow(
      'no',
    );
    expect(calls).toBe(1);
    expect(clock.slept).toEqual([]);
  });
});

describe('the circuit breaker', () => {
  const fail = () => Promise.reject(fatal());

  it('opens after 5 failures within 60 s, refuses calls for 60 s, then lets one trial through', async () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker('ollama', clock);
    for (let i = 0; i < 5; i++) {
      await expect(breaker.run(fail)).rejects.toThrow('no');
      clock.advance(5_000);
    }
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(breaker.run(async () => (called = true))).rejects.toThrow(
      'ollama failed several times in a row, so Rehearse is not asking it for a minute.',
    );
    expect(called).toBe(false);

    clock.advance(60_000);
    expect(breaker.state).toBe('half_open');
    // The trial fails: open again for another minute.
    await expect(breaker.run(fail)).rejects.toThrow('no');
    expect(breaker.state).toBe('open');
    clock.advance(60_000);
    expect(await breaker.run(async () => 'back')).toBe('back');
    expect(breaker.state).toBe('closed');
  });

  it('lets only one trial run at a time while half open', async () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker('p', clock, { failures: 1, windowMs: 60_000, openMs: 1000 });
    await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(1000);
    let release: () => void = () => undefined;
    const trial = breaker.run(() => new Promise<string>((r) => (release = () => r('done'))));
    await expect(breaker.run(async () => 'second')).rejects.toThrow('p failed several times in a row');
    release();
    expect(await trial).toBe('done');
  });

  it('stays closed when failures are spread beyond the window, and ignores cancellations', async () => {
    const clock = fakeClock();
    const breaker = new CircuitBreaker('p', clock);
    for (let i = 0; i < 8; i++) {
      await expect(breaker.run(fail)).rejects.toThrow();
      clock.advance(15_001);
    }
    expect(breaker.state).toBe('closed');
    const cancelled = () =>
      Promise.reject(
        new ProviderError('The request was cancelled.', { transient: false, kind: 'cancelled' }),
      );
    for (let i = 0; i < 10; i++) await expect(breaker.run(cancelled)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });
});

describe('timeouts and cancellation', () => {
  it('stops a call at its deadline with the sentence the candidate sees', async () => {
    await expect(
      withTimeout(
        'ollama',
        50,
        undefined,
        (signal) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
      ),
    ).rejects.toThrow('ollama did not answer within 0.1 seconds.');
  });

  it('passes the caller’s cancellation through as a cancellation, not a failure', async () => {
    const controller = new AbortController();
    const call = withTimeout('ollama', 10_000, controller.signal, () => new Promise(() => undefined));
    controller.abort();
    await expect(call).rejects.toMatchObject({
      message: 'The request was cancelled.',
      details: { kind: 'cancelled' },
    });
  });
});
