import { workerEntry } from '../../core/worker-entry';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelledCall, ProviderError, timedOut } from './errors';
import type { TransformersReply, TransformersRequest, TransformersWorkerData } from './transformers-worker';

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
export class TransformersEmbedder {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TransformersEmbedderOptions) {}

  /** The dtype to load, or undefined when a required file is absent. Checked before spawning anything. */
  private resolveDtype(): 'fp32' | 'q8' | undefined {
    const root = join(this.options.modelsDir, ...this.options.modelId.split('/'));
    if (!TEXT_FILES.every((f) => existsSync(join(root, f)))) return undefined;
    const candidates = this.options.dtype ? [this.options.dtype] : (['fp32', 'q8'] as const);
    return candidates.find((d) => existsSync(join(root, 'onnx', ONNX_FILE[d])));
  }

  /** Whether the model's files are present and load; loading it here also warms it for the first embed. */
  async available(options: EmbedCallOptions = {}): Promise<Availability> {
    try {
      await this.enqueue({ type: 'load' }, options);
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: err instanceof Error ? err.message : MODEL_CRASHED };
    }
  }

  /** One unit-length, mean-pooled vector per text, in order. */
  async embed(texts: string[], options: EmbedCallOptions = {}): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.enqueue({ type: 'embed', texts }, options);
  }

  /** Stops the worker and frees the model; a later call starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private enqueue(request: Job, options: EmbedCallOptions): Promise<number[][]> {
    const run = this.queue.then(() => this.run(request, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private spawn(dtype: 'fp32' | 'q8'): Worker {
    const { entry, evaluate } = workerEntry(__dirname, 'ai-worker.js', 'transformers-worker.ts');
    const data: TransformersWorkerData = {
      modelsDir: this.options.modelsDir,
      modelId: this.options.modelId,
      dtype,
    };
    const worker = new Worker(entry, { eval: evaluate, workerData: data });
    // An idle model must not keep the app (or a test run) alive.
    worker.unref();
    return worker;
  }

  private run(request: Job, options: EmbedCallOptions): Promise<number[][]> {
    if (options.signal?.aborted) return Promise.reject(cancelledCall());
    const dtype = this.resolveDtype();
    if (!dtype) {
      // Files may have been deleted under a running worker; drop it so nothing stale answers.
      void this.close();
      return Promise.reject(missing());
    }
    const worker = (this.worker ??= this.spawn(dtype));
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? EMBED_TIMEOUT_MS;
    return new Promise<number[][]>((resolve, reject) => {
      const finish = (settle: () => void, kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        if (kill) {
          if (this.worker === worker) this.worker = undefined;
          void worker.terminate();
        }
        settle();
      };
      const onMessage = (m: TransformersReply) => {
        if (m.id !== id) return;
        if (m.type === 'done') return finish(() => resolve(m.vectors), false);
        if (m.stage === 'run') {
          return finish(
            () =>
              reject(
                withCause(
                  new ProviderError(EMBED_FAILED, { transient: false, kind: 'embed_failed' }),
                  m.detail,
                ),
              ),
            false,
          );
        }
        const error = m.missingFile
          ? missing()
          : new ProviderError(MODEL_DAMAGED, { transient: false, kind: 'model_damaged' });
        finish(() => reject(withCause(error, m.detail)), true);
      };
      const crashed = (detail: string) =>
        withCause(new ProviderError(MODEL_CRASHED, { transient: true, kind: 'worker_crashed' }), detail);
      const onError = (err: Error) => finish(() => reject(crashed(err.message)), true);
      const onExit = (code: number) => finish(() => reject(crashed(`worker exited with code ${code}`)), true);
      const onAbort = () => finish(() => reject(cancelledCall()), true);
      const timer = setTimeout(() => finish(() => reject(timedOut(LABEL, timeoutMs)), true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort);
      const message: TransformersRequest = { id, ...request };
      worker.postMessage(message);
    });
  }
}
