import type { z } from 'zod';
import { cancelledCall, invalidOutput, ProviderError } from './errors';
import { CircuitBreaker, realClock, withRetries, withTimeout, type Clock } from './resilience';
import type { AiTask, CallOptions, TextProvider } from './types';

export interface ChainRequest<T> {
  task: AiTask;
  system: string;
  user: string;
  schema: z.ZodType<T>;
  jsonSchema: Record<string, unknown>;
}

export interface ChainResult<T> {
  value: T;
  provider: string;
  model: string | null;
  /** Why better providers were passed over, in sentences the candidate can act on. */
  notes: string[];
}

export interface ProviderStats {
  id: string;
  health: boolean | null;
  healthReason?: string;
  breaker: string;
  latencies: number[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
const LATENCY_WINDOW = 50;
const REGENERATIONS = 2;

const median = (xs: number[]) => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Strips the code fences and prose models like to wrap JSON in, then parses it. */
export function parseJsonLoose(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  const start = body.search(/[[{]/);
  const end = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  if (start < 0 || end < start) throw new SyntaxError('no JSON in the answer');
  return JSON.parse(body.slice(start, end + 1));
}

/**
 * The provider chain: the configured providers that can do a task, best first, each behind a timeout, retries
 * and a circuit breaker; LLM output is validated, repaired once, regenerated twice, and when every provider
 * fails the builtin answer is used, so the candidate always gets one.
 */
export class AiChain {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly latencies = new Map<string, number[]>();
  private readonly health = new Map<string, { ok: boolean; reason?: string }>();

  constructor(
    private readonly providers: () => TextProvider[],
    private readonly options: {
      clock?: Clock;
      timeoutMs?: number;
      retryDelays?: number[];
      /** Remaining share of a provider's quota, 0–1 (cloud providers); 1 when it has none. */
      quota?: (provider: string) => number;
      /** Told of every answered call with the characters sent and received, for usage and quotas. */
      onUsage?: (provider: string, characters: number) => void;
    } = {},
  ) {}

  private get clock() {
    return this.options.clock ?? realClock;
  }

  breaker(id: string): CircuitBreaker {
    let b = this.breakers.get(id);
    if (!b) this.breakers.set(id, (b = new CircuitBreaker(id, this.clock)));
    return b;
  }

  recordHealth(id: string, ok: boolean, reason?: string): void {
    this.health.set(id, { ok, reason });
  }

  /** The last known health of a provider: true, false, or null when never checked. */
  healthOf(id: string): boolean | null {
    return this.health.get(id)?.ok ?? null;
  }

  /** Health 0.4, remaining quota 0.3, speed 0.3; speed is the fastest provider's median latency over this one's. */
  rank(task: AiTask): TextProvider[] {
    const candidates = this.providers().filter(
      (p) => p.tasks.has(task) && this.breaker(p.id).state !== 'open',
    );
    const medians = new Map(candidates.map((p) => [p.id, median(this.latencies.get(p.id) ?? [])]));
    const known = [...medians.values()].filter((m): m is number => m !== undefined);
    const fastest = known.length > 0 ? Math.max(1, Math.min(...known)) : undefined;
    const score = (p: TextProvider) => {
      const h = this.health.get(p.id);
      const health = h === undefined ? 0.5 : h.ok ? 1 : 0;
      const quota = Math.max(0, Math.min(1, this.options.quota?.(p.id) ?? 1));
      const m = medians.get(p.id);
      const speed = m === undefined || fastest === undefined ? 0.5 : fastest / Math.max(1, m);
      return 0.4 * health + 0.3 * quota + 0.3 * speed;
    };
    return candidates
      .map((p, i) => ({ p, i, s: score(p) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.p);
  }

  /** What the chain knows of a provider, whether or not it is currently in the chain. */
  statsOf(id: string): ProviderStats {
    return {
      id,
      health: this.health.get(id)?.ok ?? null,
      healthReason: this.health.get(id)?.reason,
      breaker: this.breaker(id).state,
      latencies: [...(this.latencies.get(id) ?? [])],
    };
  }

  stats(): ProviderStats[] {
    return this.providers().map((p) => this.statsOf(p.id));
  }

  private async call(
    provider: TextProvider,
    request: ChainRequest<unknown>,
    user: string,
    options: CallOptions,
  ): Promise<string> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.breaker(provider.id).run(() =>
      withRetries(
        async () => {
          const started = this.clock.now();
          const text = await withTimeout(provider.id, timeoutMs, options.signal, (signal) =>
            provider.complete(
              { task: request.task, system: request.system, user, jsonSchema: request.jsonSchema },
              { signal, onToken: options.onToken },
            ),
          );
          const list = [...(this.latencies.get(provider.id) ?? []), this.clock.now() - started].slice(
            -LATENCY_WINDOW,
          );
          this.latencies.set(provider.id, list);
          this.health.set(provider.id, { ok: true });
          this.options.onUsage?.(provider.id, request.system.length + user.length + text.length);
          return text;
        },
        { clock: this.clock, signal: options.signal, delays: this.options.retryDelays },
      ),
    );
  }

  /** Asks providers in rank order until one returns valid output; falls back to `builtin`. */
  async run<T>(
    request: ChainRequest<T>,
    builtin: () => T | Promise<T>,
    options: CallOptions = {},
  ): Promise<ChainResult<T>> {
    const notes: string[] = [];
    for (const provider of this.rank(request.task)) {
      try {
        const value = await this.validOutput(provider, request, options);
        return { value, provider: provider.id, model: provider.model(request.task), notes };
      } catch (err) {
        if (options.signal?.aborted) throw cancelledCall();
        if (err instanceof ProviderError) {
          if (err.details?.kind !== 'invalid_output')
            this.health.set(provider.id, { ok: false, reason: err.message });
          notes.push(err.message);
        } else throw err;
      }
    }
    return { value: await builtin(), provider: 'builtin', model: null, notes };
  }

  private async validOutput<T>(
    provider: TextProvider,
    request: ChainRequest<T>,
    options: CallOptions,
  ): Promise<T> {
    for (let generation = 0; generation <= REGENERATIONS; generation++) {
      const text = await this.call(provider, request, request.user, options);
      const first = this.check(request.schema, text);
      if (first.ok) return first.value;
      // One repair pass: the model sees its own answer and what was wrong with it.
      const repairPrompt = `${request.user}\n\nYour previous answer could not be used (${first.error}). Here it is:\n${text.slice(0, 4000)}\n\nReply again with only the corrected JSON.`;
      const repaired = this.check(request.schema, await this.call(provider, request, repairPrompt, options));
      if (repaired.ok) return repaired.value;
    }
    throw invalidOutput(provider.id);
  }

  private check<T>(
    schema: z.ZodType<T>,
    text: string,
  ): { ok: true; value: T } | { ok: false; error: string } {
    let data: unknown;
    try {
      data = parseJsonLoose(text);
    } catch {
      return { ok: false, error: 'it was not valid JSON' };
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'the answer'}: ${issue?.message ?? 'invalid'}` };
  }
}
