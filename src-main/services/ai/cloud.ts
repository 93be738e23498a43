import { CLOUD_PRESETS, type AiSettings } from '../../../src-shared/ai';
import { CLOUD_TRANSCRIBE_MODELS } from '../../../src-shared/voice';
import { transcriptFromVerboseJson, type Transcript } from './transcribe';
import { parseRetryAfter, ProviderError } from './errors';
import type { SecretStore } from './keychain';
import type { AiTask, CallOptions, CompletionRequest, HealthReport, TextProvider } from './types';

export const cloudAccount = (preset: string) => `cloud:${preset}`;

/** The address and model the candidate chose, the preset's where they left them empty. */
export function cloudTarget(settings: AiSettings['cloud']): {
  label: string;
  baseUrl: string;
  model: string;
} {
  const preset = CLOUD_PRESETS[settings.preset];
  return {
    label: preset.label,
    baseUrl: (settings.baseUrl || preset.baseUrl).replace(/\/+$/, ''),
    model: settings.model || preset.model,
  };
}

/**
 * An OpenAI-compatible chat-completions endpoint (OpenAI, Groq, Gemini's compatible endpoint, OpenRouter or a
 * custom address). The key is read from the OS keychain for each call and appears in no message, log or error.
 */
export class CloudProvider implements TextProvider {
  readonly id = 'cloud';
  readonly tasks: ReadonlySet<AiTask> = new Set([
    'generateQuestions',
    'evaluateAnswer',
    'followUp',
    'studyPlan',
  ]);

  constructor(
    private readonly settings: () => AiSettings['cloud'],
    private readonly secrets: SecretStore,
  ) {}

  model(): string {
    return cloudTarget(this.settings()).model;
  }

  private async key(): Promise<string> {
    const key = await this.secrets.get(cloudAccount(this.settings().preset));
    if (!key) {
      throw new ProviderError(
        `No ${cloudTarget(this.settings()).label} key is saved. Add one in Settings to use it.`,
        {
          transient: false,
          kind: 'no_key',
        },
      );
    }
    return key;
  }

  private post(path: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
    return this.send(path, JSON.stringify(body), signal, this.model());
  }

  /** A request with the key; failures become ProviderErrors that say what to do, never the response body. */
  private async send(
    path: string,
    body: string | FormData,
    signal: AbortSignal | undefined,
    model: string,
  ): Promise<Response> {
    const { label, baseUrl } = cloudTarget(this.settings());
    const key = await this.key();
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        // FormData sets its own multipart content type, with the boundary
        headers: {
          ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
          authorization: `Bearer ${key}`,
        },
        body,
        signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ProviderError(`${label} could not be reached. Check your internet connection.`, {
        transient: true,
        kind: 'network',
      });
    }
    if (res.ok) return res;
    // The body of an error response is never shown: providers echo request details into it.
    const text = await res.text().catch(() => '');
    if (res.status === 401 || res.status === 403) {
      throw new ProviderError(`${label} rejected the saved key. Check it in Settings, or save a new one.`, {
        transient: false,
        kind: 'key_rejected',
      });
    }
    if (res.status === 429 && /insufficient_quota|billing|credit/i.test(text)) {
      throw new ProviderError(
        `Your ${label} account has no credit left, so Rehearse is using other providers.`,
        { transient: false, kind: 'no_credit' },
      );
    }
    if (res.status === 429 || res.status >= 500) {
      throw new ProviderError(`${label} is busy right now (HTTP ${res.status}).`, {
        transient: true,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
        kind: res.status === 429 ? 'rate_limited' : 'server_error',
      });
    }
    if (res.status === 404) {
      throw new ProviderError(
        `${label} does not offer the model ${model} for this key. Choose another model in Settings.`,
        {
          transient: false,
          kind: 'model_missing',
        },
      );
    }
    throw new ProviderError(`${label} refused the request (HTTP ${res.status}).`, {
      transient: false,
      kind: 'rejected',
    });
  }

  async complete(request: CompletionRequest, options: CallOptions): Promise<string> {
    const stream = Boolean(options.onToken);
    const res = await this.post(
      '/chat/completions',
      {
        model: this.model(),
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: request.jsonSchema } },
        temperature: 0.2,
        stream,
      },
      options.signal,
    );
    if (!stream) {
      const data = (await res.json()) as { choices?: { message?: { content?: string } }[] };
      return data.choices?.[0]?.message?.content ?? '';
    }
    // Server-sent events: "data: {json}" lines, ending with "data: [DONE]".
    let text = '';
    let buffer = '';
    const decoder = new TextDecoder();
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(part, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('data:')) continue;
        const payload = line.slice(5).trim();
        if (payload === '[DONE]') return text;
        try {
          const chunk =
            (JSON.parse(payload) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta
              ?.content ?? '';
          if (chunk) {
            text += chunk;
            options.onToken?.(chunk);
          }
        } catch {
          // a malformed event line is skipped; the assembled answer is validated by the chain anyway
        }
      }
    }
    return text;
  }

  /** The model that transcribes speech at this provider, or null where it offers none. */
  transcriptionModel(): string | null {
    return CLOUD_TRANSCRIBE_MODELS[this.settings().preset] ?? null;
  }

  /**
   * A recording (WAV) to the provider's OpenAI-compatible /audio/transcriptions endpoint, asking for word
   * timings; the answer is checked before it is used.
   */
  async transcribe(wav: Buffer, options: CallOptions): Promise<Transcript> {
    const { label } = cloudTarget(this.settings());
    const model = this.transcriptionModel();
    if (!model)
      throw new ProviderError(`${label} does not transcribe speech.`, {
        transient: false,
        kind: 'no_speech',
      });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'answer.wav');
    form.append('model', model);
    form.append('response_format', 'verbose_json');
    form.append('timestamp_granularities[]', 'word');
    const res = await this.send('/audio/transcriptions', form, options.signal, model);
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      body = null;
    }
    const transcript = transcriptFromVerboseJson(body);
    if (!transcript)
      throw new ProviderError(`${label} answered with something that is not a transcript.`, {
        transient: false,
        kind: 'invalid_output',
      });
    return transcript;
  }

  async health(options: CallOptions): Promise<HealthReport> {
    try {
      await this.key();
      const { baseUrl, label } = cloudTarget(this.settings());
      const res = await fetch(`${baseUrl}/models`, {
        headers: { authorization: `Bearer ${await this.key()}` },
        signal: options.signal,
      }).catch(() => null);
      if (!res)
        return { ok: false, reason: `${label} could not be reached. Check your internet connection.` };
      if (res.status === 401 || res.status === 403)
        return {
          ok: false,
          reason: `${label} rejected the saved key. Check it in Settings, or save a new one.`,
        };
      return {
        ok: res.ok,
        reason: res.ok ? undefined : `${label} answered HTTP ${res.status}.`,
        models: [this.model()],
      };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  }
}
