import { workerEntry } from '../../core/worker-entry';
import { WorkerSession, type Outcome } from '../../core/worker-session';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cancelledCall, ProviderError, timedOut } from './errors';
import type { ModelWorkerData, ModelWorkerError } from './model-worker';
import type { TransformersReply } from './transformers-worker';

export const EMBED_TIMEOUT_MS = 30_000;
/** Where the candidate fetches an in-app model, named in every message about a missing or damaged one. */
const MODELS_PLACE = 'Settings → AI coach → Models inside Rehearse';

/** One wording for every in-app model's trouble, so the embedder, the generator and Whisper read alike. */
export function inAppModelMessages(label: string, failed: string, failedKind: string): ModelMessages {
  return {
    label,
    missing: `${label} is not downloaded yet. Download it in ${MODELS_PLACE}.`,
    damaged: `${label}'s files are damaged. Download it again in ${MODELS_PLACE}.`,
    crashed: `${label} stopped unexpectedly. Rehearse will restart it on the next try.`,
    failed,
    failedKind,
  };
}

/** Whether an in-app model loads: its own message when it does not, never a raw error. */
export async function loadsAvailable(
  load: () => Promise<unknown>,
  messages: ModelMessages,
): Promise<Availability> {
  try {
    await load();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : messages.crashed };
  }
}

const EMBED_MESSAGES = inAppModelMessages(
  'The embedding model',
  'The embedding model could not read this text.',
  'embed_failed',
);
export const MODEL_MISSING = EMBED_MESSAGES.missing;
export const MODEL_DAMAGED = EMBED_MESSAGES.damaged;
export const MODEL_CRASHED = EMBED_MESSAGES.crashed;
export const EMBED_FAILED = EMBED_MESSAGES.failed;

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

const ONNX_SUFFIX = { fp32: '.onnx', q8: '_quantized.onnx' } as const;
const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

function withCause(error: ProviderError, detail: string): ProviderError {
  // The raw text stays for logs and never becomes the message the candidate reads.
  error.cause = detail;
  return error;
}

/**
 * Which ONNX weights a downloaded model has (fp32 first, then the 8-bit quantized export), or undefined when one of
 * its required files is missing: checked before any worker starts. Shared by the in-app embedder, generator and
 * transcriber; `onnx` names the graphs a model needs (`model`, or Whisper's `encoder_model` and
 * `decoder_model_merged`), every one in the same precision.
 */
export function onnxDtype(
  model: InAppModel,
  textFiles: readonly string[],
  onnx: readonly string[] = ['model'],
): 'fp32' | 'q8' | undefined {
  const root = join(model.modelsDir, ...model.modelId.split('/'));
  if (!textFiles.every((f) => existsSync(join(root, f)))) return undefined;
  const candidates = model.dtype ? [model.dtype] : (['fp32', 'q8'] as const);
  return candidates.find((d) =>
    onnx.every((name) => existsSync(join(root, 'onnx', `${name}${ONNX_SUFFIX[d]}`))),
  );
}

export interface InAppModel {
  modelsDir: string;
  modelId: string;
  dtype?: 'fp32' | 'q8';
  /** How long the loaded model stays in memory without a call (default MODEL_IDLE_MS). */
  idleMs?: number;
}

// Long enough to stay warm from one answer to the next in a session, short enough to give the memory back
// soon after practice stops.
export const MODEL_IDLE_MS = 10 * 60_000;

/**
 * The worker thread an in-app model runs in (`built` next to the bundle, `source` beside this file when running
 * from source), started on the first call with the precision found on disk.
 */
export function modelWorkerSession(
  model: InAppModel,
  built: string,
  source: string,
): WorkerSession<'fp32' | 'q8'> {
  return new WorkerSession((dtype) => {
    const { entry, evaluate } = workerEntry(__dirname, built, source);
    const data: ModelWorkerData = { modelsDir: model.modelsDir, modelId: model.modelId, dtype };
    const worker = new Worker(entry, { eval: evaluate, workerData: data });
    // An idle model must not keep the app (or a test run) alive.
    worker.unref();
    return worker;
  }, model.idleMs ?? MODEL_IDLE_MS);
}

/** What the candidate reads when an in-app model cannot answer, by what went wrong. */
export interface ModelMessages {
  /** "The embedding model", for timeouts. */
  label: string;
  missing: string;
  damaged: string;
  crashed: string;
  /** A loaded model failed on this input; `failedKind` is its ProviderError kind. */
  failed: string;
  failedKind: string;
}

/**
 * One call to an in-app model's worker: refused before the worker starts when the model's files are gone, and
 * every error the worker reports turned into the candidate's sentence (the raw text kept as the cause for logs).
 * A model that failed to load is dropped with its worker, so a later download or repair is picked up.
 * `onReply` reads the worker's own replies (results, progress, tokens); errors are handled here.
 */
export function modelWorkerCall<T, R extends { id: number; type: string }>(
  session: WorkerSession<'fp32' | 'q8'>,
  model: InAppModel,
  files: { text: readonly string[]; onnx?: readonly string[] },
  messages: ModelMessages,
  call: {
    message: Record<string, unknown>;
    signal?: AbortSignal;
    timeoutMs: number;
    onReply(reply: Exclude<R, ModelWorkerError>): Outcome<T> | undefined;
  },
): Promise<T> {
  const missingModel = () => new ProviderError(messages.missing, { transient: false, kind: 'model_missing' });
  return session.run<T, R | ModelWorkerError>(() => {
    const dtype = onnxDtype(model, files.text, files.onnx);
    if (!dtype) {
      // Files may have been deleted under a running worker; drop it so nothing stale answers.
      void session.close();
      throw missingModel();
    }
    return {
      message: call.message,
      workerData: dtype,
      signal: call.signal,
      timeoutMs: call.timeoutMs,
      onReply: (m) => {
        if (m.type !== 'error') return call.onReply(m as Exclude<R, ModelWorkerError>);
        const e = m as ModelWorkerError;
        if (e.stage === 'run') {
          const error = new ProviderError(messages.failed, { transient: false, kind: messages.failedKind });
          return { error: withCause(error, e.detail), replace: false };
        }
        const error = e.missingFile
          ? missingModel()
          : new ProviderError(messages.damaged, { transient: false, kind: 'model_damaged' });
        return { error: withCause(error, e.detail), replace: true };
      },
      timedOut: () => timedOut(messages.label, call.timeoutMs),
      cancelled: cancelledCall,
      crashed: (err) =>
        withCause(
          new ProviderError(messages.crashed, { transient: true, kind: 'worker_crashed' }),
          err ? err.message : 'the worker exited',
        ),
    };
  });
}

/**
 * Sentence embeddings from a local transformers.js model, computed in one long-lived worker thread (the model
 * stays loaded between calls). The worker is replaced whenever a call times out, is cancelled, crashes, or the
 * model fails to load, so a model downloaded or repaired later is picked up. Calls run one at a time.
 */
export class TransformersEmbedder {
  private readonly session: WorkerSession<'fp32' | 'q8'>;

  constructor(private readonly options: TransformersEmbedderOptions) {
    this.session = modelWorkerSession(options, 'ai-worker.js', 'transformers-worker.ts');
  }

  /** Whether the model's files are present and load; loading it here also warms it for the first embed. */
  available(options: EmbedCallOptions = {}): Promise<Availability> {
    return loadsAvailable(() => this.run({ type: 'load' }, options), EMBED_MESSAGES);
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
    return modelWorkerCall<number[][], TransformersReply>(
      this.session,
      this.options,
      { text: TEXT_FILES },
      EMBED_MESSAGES,
      {
        message: request,
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? EMBED_TIMEOUT_MS,
        onReply: (m) => ({ value: m.vectors }),
      },
    );
  }
}
