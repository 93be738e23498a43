import { Ollama } from 'ollama';
import { parseRetryAfter, ProviderError } from './errors';
import type { AiTask, CallOptions, CompletionRequest, HealthReport, TextProvider } from './types';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

export interface OllamaSettings {
  host: string;
  /** The model per task; tasks without one use `defaultModel`. */
  models: Partial<Record<AiTask, string>>;
  defaultModel: string;
}

type Failure = { status?: number; retryAfter?: string | null; network?: string };

/**
 * A local Ollama server through the `ollama` client. Each call gets its own client whose fetch carries the call's
 * abort signal (cancellation and timeouts) and remembers the failing response's Retry-After.
 */
export class OllamaProvider implements TextProvider {
  readonly tasks: ReadonlySet<AiTask> = new Set([
    'generateQuestions',
    'evaluateAnswer',
    'followUp',
    'studyPlan',
    'embed',
  ]);

  constructor(
    private readonly settings: () => OllamaSettings,
    readonly id = 'ollama',
  ) {}

  model(task: AiTask): string {
    const s = this.settings();
    return s.models[task] ?? s.defaultModel;
  }

  private client(signal: AbortSignal | undefined, failure: Failure): Ollama {
    const host = this.settings().host;
    return new Ollama({
      host,
      fetch: async (input, init) => {
        let res: Response;
        try {
          res = await fetch(input, { ...init, signal });
        } catch (err) {
          failure.network =
            ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name) || 'network';
          throw err;
        }
        if (!res.ok) {
          failure.status = res.status;
          failure.retryAfter = res.headers.get('retry-after');
        }
        return res;
      },
    });
  }

  /** Turns whatever went wrong into a sentence that says what to do, and whether trying again may help. */
  private translate(err: unknown, failure: Failure, model: string | null): ProviderError {
    const host = this.settings().host;
    if (err instanceof ProviderError) return err;
    if (failure.network === 'ECONNREFUSED' || failure.network === 'ENOTFOUND') {
      return new ProviderError(
        `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
        {
          transient: false,
          kind: 'not_running',
        },
      );
    }
    const message = err instanceof Error ? err.message : '';
    if (failure.status === 404 && model && /not found|pull/i.test(message)) {
      return new ProviderError(`The Ollama model ${model} is not installed. Run: ollama pull ${model}`, {
        transient: false,
        kind: 'model_missing',
      });
    }
    if (
      failure.status === 429 ||
      (failure.status !== undefined && failure.status >= 500) ||
      failure.network
    ) {
      return new ProviderError(
        `Ollama at ${host} had a temporary problem${failure.status ? ` (HTTP ${failure.status})` : ''}.`,
        {
          transient: true,
          retryAfterMs: parseRetryAfter(failure.retryAfter),
          kind: failure.status === 429 ? 'rate_limited' : 'server_error',
        },
      );
    }
    if (err instanceof SyntaxError) {
      return new ProviderError(`Ollama at ${host} sent a reply Rehearse could not read.`, {
        transient: true,
        kind: 'malformed',
      });
    }
    return new ProviderError(
      `Ollama at ${host} refused the request${failure.status ? ` (HTTP ${failure.status})` : ''}.`,
      {
        transient: false,
        kind: 'rejected',
      },
    );
  }

  async complete(request: CompletionRequest, options: CallOptions): Promise<string> {
    const model = this.model(request.task);
    const failure: Failure = {};
    const client = this.client(options.signal, failure);
    const messages = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    try {
      if (!options.onToken) {
        const res = await client.chat({
          model,
          messages,
          format: request.jsonSchema,
          stream: false,
          options: { temperature: 0.2 },
        });
        return res.message.content;
      }
      let text = '';
      const stream = await client.chat({
        model,
        messages,
        format: request.jsonSchema,
        stream: true,
        options: { temperature: 0.2 },
      });
      for await (const part of stream) {
        const chunk = part.message?.content ?? '';
        if (chunk) {
          text += chunk;
          options.onToken(chunk);
        }
      }
      return text;
    } catch (err) {
      throw this.translate(err, failure, model);
    }
  }

  async embed(texts: string[], options: CallOptions): Promise<number[][]> {
    const model = this.model('embed');
    const failure: Failure = {};
    try {
      const res = await this.client(options.signal, failure).embed({ model, input: texts });
      return res.embeddings;
    } catch (err) {
      throw this.translate(err, failure, model);
    }
  }

  async listModels(options: CallOptions = {}): Promise<string[]> {
    const failure: Failure = {};
    try {
      return (await this.client(options.signal, failure).list()).models.map((m) => m.name);
    } catch (err) {
      throw this.translate(err, failure, null);
    }
  }

  /** Downloads a model, reporting progress (0–1) as Ollama streams it. */
  async pull(
    model: string,
    onProgress: (status: string, fraction: number | null) => void,
    options: CallOptions = {},
  ): Promise<void> {
    const failure: Failure = {};
    try {
      const stream = await this.client(options.signal, failure).pull({ model, stream: true });
      for await (const part of stream) {
        onProgress(part.status, part.total ? (part.completed ?? 0) / part.total : null);
      }
    } catch (err) {
      throw this.translate(err, failure, model);
    }
  }

  /** Reachable, and the models the candidate chose are installed. */
  async health(options: CallOptions): Promise<HealthReport> {
    let models: string[];
    try {
      models = await this.listModels(options);
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
    const installed = new Set(models.flatMap((m) => [m, m.replace(/:latest$/, '')]));
    const s = this.settings();
    const wanted = [...new Set([s.defaultModel, ...Object.values(s.models)])];
    const missing = wanted.find((m) => !installed.has(m) && !installed.has(`${m}:latest`));
    if (missing)
      return {
        ok: false,
        reason: `The Ollama model ${missing} is not installed. Run: ollama pull ${missing}`,
        models,
      };
    return { ok: true, models };
  }
}
