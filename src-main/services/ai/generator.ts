import type { WorkerSession } from '../../core/worker-session';
import { inAppModelMessages, loadsAvailable, modelWorkerCall, modelWorkerSession } from './transformers';
import type { GeneratorReply } from './generator-worker';
import type { AiTask, CallOptions, CompletionRequest, HealthReport, TextProvider } from './types';

export const GENERATE_TIMEOUT_MS = 30_000;
/** Enough for a question set or a study plan; a small model on a laptop CPU writes roughly 10–30 tokens a second. */
export const DEFAULT_MAX_NEW_TOKENS = 512;
const GENERATOR_MESSAGES = inAppModelMessages(
  'The in-app language model',
  'The in-app language model could not answer this request.',
  'generate_failed',
);
export const GENERATOR_MISSING = GENERATOR_MESSAGES.missing;
export const GENERATOR_DAMAGED = GENERATOR_MESSAGES.damaged;

export interface TransformersGeneratorOptions {
  /** The directory models are downloaded into; a model lives in `<modelsDir>/<modelId>/`. */
  modelsDir: string;
  /** A small instruct model exported for transformers.js, e.g. `onnx-community/Qwen2.5-0.5B-Instruct`. */
  modelId: string;
  /** Which ONNX file to load: `onnx/model.onnx` (fp32) or `onnx/model_quantized.onnx` (q8). Default: whichever is present, fp32 first. */
  dtype?: 'fp32' | 'q8';
  maxNewTokens?: number;
}

type Job =
  | { type: 'load' }
  | { type: 'generate'; system: string; user: string; maxNewTokens: number; stream: boolean };

const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * A small model has no constrained decoding here, so the schema goes into the prompt; the chain validates the
 * answer and repairs or regenerates it.
 */
function systemWithSchema(request: CompletionRequest): string {
  return `${request.system}\n\nAnswer with only a JSON value that matches this JSON Schema, and nothing else:\n${JSON.stringify(request.jsonSchema)}`;
}

/**
 * The in-process language model, used when Ollama is absent: a small instruct model run by transformers.js in
 * one long-lived worker thread (the model stays loaded between calls). The worker is replaced whenever a call
 * times out, is cancelled, crashes, or the model fails to load, so a model downloaded or repaired later is picked
 * up and a cancelled generation really stops using the CPU. Calls run one at a time.
 */
export class TransformersGenerator implements TextProvider {
  readonly id = 'transformers';
  readonly tasks: ReadonlySet<AiTask> = new Set<AiTask>([
    'generateQuestions',
    'evaluateAnswer',
    'followUp',
    'studyPlan',
  ]);
  private readonly session: WorkerSession<'fp32' | 'q8'>;

  constructor(private readonly options: TransformersGeneratorOptions) {
    this.session = modelWorkerSession(options, 'ai-generator-worker.js', 'generator-worker.ts');
  }

  model(): string {
    return this.options.modelId;
  }

  /** Ok when the model's files are present and load; loading it here also warms it for the first call. */
  async health(options: CallOptions = {}): Promise<HealthReport> {
    const loaded = await loadsAvailable(() => this.run({ type: 'load' }, options), GENERATOR_MESSAGES);
    return loaded.ok ? { ok: true, models: [this.options.modelId] } : loaded;
  }

  /** The model's answer to `request.system` + `request.user`, without the prompt; streamed to `onToken` when given. */
  complete(request: CompletionRequest, options: CallOptions = {}): Promise<string> {
    return this.run(
      {
        type: 'generate',
        system: systemWithSchema(request),
        user: request.user,
        maxNewTokens: this.options.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS,
        stream: options.onToken !== undefined,
      },
      options,
    );
  }

  /** Stops the worker and frees the model; a later call starts a new one. */
  close(): Promise<void> {
    return this.session.close();
  }

  private run(job: Job, options: CallOptions): Promise<string> {
    return modelWorkerCall<string, GeneratorReply>(
      this.session,
      this.options,
      { text: TEXT_FILES },
      GENERATOR_MESSAGES,
      {
        message: job,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? GENERATE_TIMEOUT_MS,
        onReply: (m) => {
          if (m.type === 'done') return { value: m.text };
          try {
            options.onToken?.(m.text);
          } catch {
            // A failing listener (a closed window) must not turn a good answer into a crash of this handler.
          }
          return undefined;
        },
      },
    );
  }
}
