import { workerEntry } from '../../core/worker-entry';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../src-shared/errors';
import type { ParsedResume } from '../../../src-shared/resume';
import type { YearMonth } from './dates';
import { fileError } from './errors';
import type { ParseRequest, WorkerMessage } from './worker';

export const PARSE_TIMEOUT_MS = 10_000;

export interface ParseJob {
  bytes: Uint8Array;
  reference?: YearMonth;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (stage: string, fraction: number) => void;
}

/**
 * One long-lived worker (pdf.js stays loaded between parses), replaced whenever a parse times out, is
 * cancelled or crashes. Parses run one at a time.
 */
export class ResumeParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly taxonomyFile: string) {}

  parse(job: ParseJob): Promise<ParsedResume> {
    const run = this.queue.then(() => this.run(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private spawn(): Worker {
    const { entry, evaluate } = workerEntry(__dirname, 'resume-worker.js', 'worker.ts');
    const worker = new Worker(entry, {
      eval: evaluate,
      workerData: { taxonomyFile: this.taxonomyFile },
      // A zip bomb or a pathological PDF runs out of this heap instead of the app's.
      resourceLimits: { maxOldGenerationSizeMb: 768 },
    });
    worker.unref();
    return worker;
  }

  private run(job: ParseJob): Promise<ParsedResume> {
    if (job.signal?.aborted) return Promise.reject(cancelled());
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise<ParsedResume>((resolve, reject) => {
      const finish = (fn: () => void, kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        job.signal?.removeEventListener('abort', onAbort);
        if (kill) {
          this.worker = undefined;
          void worker.terminate();
        }
        fn();
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.id !== id) return;
        if (m.type === 'progress') job.onProgress?.(m.stage, m.fraction);
        else if (m.type === 'done') finish(() => resolve(m.result as ParsedResume), false);
        else
          finish(
            () =>
              reject(
                m.error
                  ? new AppError(m.error.code as ErrorCode, m.error.message, m.error.details)
                  : fileError('damaged'),
              ),
            false,
          );
      };
      // Running out of memory or stack on a file means it is more than we can read safely; any other crash is ours.
      const onError = (err: Error & { code?: string }) =>
        finish(
          () =>
            reject(
              err.code === 'ERR_WORKER_OUT_OF_MEMORY' || err instanceof RangeError
                ? fileError('tooComplex')
                : err,
            ),
          true,
        );
      const onExit = () => finish(() => reject(fileError('tooComplex')), true);
      const onAbort = () => finish(() => reject(cancelled()), true);
      const timer = setTimeout(
        () => finish(() => reject(fileError('timeout')), true),
        job.timeoutMs ?? PARSE_TIMEOUT_MS,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      job.signal?.addEventListener('abort', onAbort);
      const request: ParseRequest = { id, bytes: job.bytes, reference: job.reference };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

export const cancelled = () =>
  new AppError('CONFLICT', 'Reading the file was cancelled.', { reason: 'cancelled' });
