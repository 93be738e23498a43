import { workerEntry } from '../../core/worker-entry';
import { WorkerSession } from '../../core/worker-session';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelledCall, ProviderError, timedOut } from './errors';
import type { TransformersReply, TransformersWorkerData } from './transformers-worker';

export const EMBED_TIMEOUT_MS = 30_000;
const LABEL = 'The embedding model';

export const MODEL_MISSING = 'The embedding model is not downloaded yet.';
export const MODEL_DAMAGED = "The embedding model's files are damaged. Download it again in Settings.";
export const MODEL_CRASHED =
  'The embedding model stopped unexpectedly. Rehearse will restart it on the next try.';
export const EMBED_FAILED = 'The embedding model could not read this text.';

export interface TransformersEmbedderOptions {
  /** The directory models are downloaded into; a model lives in `<modelsDir>/<modelId>/`. */
  modelsDir: string;
  /** e.g. `Xenova/all-MiniLM-L6-v2`. */
  modelId: string;
  /** Which ONNX file to load: `onnx/model.onnx` (fp32) or `onnx/model_quantized.onnx` (q8). Default: whichever is present, fp32 first. */
  dtype?: 'fp32' | 'q8';
}

export type Availability = { ok: true } | { ok: false; reason: string };

export interface EmbedCallOptions {
  signal?: AbortSignal;
  /** Per call, from when the call reaches the worker (calls queue one at a time); default 30 s. */
  timeoutMs?: number;
}

type Job = { type: 'load' } | { type: 'embed'; texts: string[] };

const ONNX_FILE = { fp32: 'model.onnx', q8: 'model_quantized.onnx' } as const;
const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

const missing = () => new ProviderError(MODEL_MISSING, { transient: false, kind: 'model_missing' });

function withCause(error: ProviderError, detail: string): ProviderError {
  // The raw text stays for logs and never becomes the message the candidate reads.
  error.cause = detail;
  return error;
}

/**
 * Sentence embeddings from a local transformers.js model, computed in one long-lived worker thread (the model
 * stays loaded between calls). The worker is replaced whenever a call times out, is cancelled, crashes, or the
 * model fails to load, so a model downloaded or repaired later is picked up. Calls run one at a time.
 */
/**
 * Which ONNX weights a downloaded model has (fp32 first, then the 8-bit quantized export), or undefined when one of
 * its required files is missing: checked before any worker starts. Shared by the in-app embedder and generator.
 */
export function onnxDtype(
  model: { modelsDir: string; modelId: string; dtype?: 'fp32' | 'q8' },
  textFiles: readonly string[],
): 'fp32' | 'q8' | undefined {
  const root = join(model.modelsDir, ...model.modelId.split('/'));
  if (!textFiles.every((f) => existsSync(join(root, f)))) return undefined;
  const candidates = model.dtype ? [model.dtype] : (['fp32', 'q8'] as const);
  return candidates.find((d) => existsSync(join(root, 'onnx', ONNX_FILE[d])));
}

export class TransformersEmbedder {
  private readonly session: WorkerSession<'fp32' | 'q8'>;

  constructor(private readonly options: TransformersEmbedderOptions) {
    this.session = new WorkerSession((dtype) => {
      const { entry, evaluate } = workerEntry(__dirname, 'ai-worker.js', 'transformers-worker.ts');
      const data: TransformersWorkerData = { modelsDir: options.modelsDir, modelId: options.modelId, dtype };
      const worker = new Worker(entry, { eval: evaluate, workerData: data });
      // An idle model must not keep the app (or a test run) alive.
      worker.unref();
      return worker;
    });
  }

  /** Whether the model's files are present and load; loading it here also warms it for the first embed. */
  async available(options: EmbedCallOptions = {}): Promise<Availability> {
    try {
      await this.run({ type: 'load' }, options);
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : MODEL_CRASHED };
    }
  }

  /** One unit-length, mean-pooled vector per text, in order. */
  async embed(texts: string[], options: EmbedCallOptions = {}): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.run({ type: 'embed', texts }, options);
  }

  /** Stops the worker and frees the model; a later call starts a new one. */
  close(): Promise<void> {
    return this.session.close();
  }

  private run(request: Job, options: EmbedCallOptions): Promise<number[][]> {
    return this.session.run<number[][], TransformersReply>(() => {
      const dtype = onnxDtype(this.options, TEXT_FILES);
      if (!dtype) {
        // Files may have been deleted under a running worker; drop it so nothing stale answers.
        void this.session.close();
        throw missing();
      }
      const timeoutMs = options.timeoutMs ?? EMBED_TIMEOUT_MS;
      return {
        message: request,
        workerData: dtype,
        signal: options.signal,
        timeoutMs,
        onReply: (m) => {
          if (m.type === 'done') return { value: m.vectors };
          if (m.stage === 'run') {
            return {
              error: withCause(
                new ProviderError(EMBED_FAILED, { transient: false, kind: 'embed_failed' }),
                m.detail,
              ),
              replace: false,
            };
          }
          // A model that failed to load is dropped with its worker, so a later download or repair is picked up.
          const error = m.missingFile
            ? missing()
            : new ProviderError(MODEL_DAMAGED, { transient: false, kind: 'model_damaged' });
          return { error: withCause(error, m.detail), replace: true };
        },
        timedOut: () => timedOut(LABEL, timeoutMs),
        cancelled: cancelledCall,
        crashed: (err) =>
          withCause(
            new ProviderError(MODEL_CRASHED, { transient: true, kind: 'worker_crashed' }),
            err ? err.message : 'the worker exited',
          ),
      };
    });
  }
}
