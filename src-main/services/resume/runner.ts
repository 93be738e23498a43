import { workerEntry } from '../../core/worker-entry';
import { WorkerSession } from '../../core/worker-session';
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
 * The résumé parser's worker (pdf.js stays loaded between parses), through the shared WorkerSession: parses run
 * one at a time, and a parse that times out, is cancelled or crashes the worker gets a fresh one next time.
 */
export class ResumeParser {
  private readonly session: WorkerSession<string>;

  constructor(private readonly taxonomyFile: string) {
    this.session = new WorkerSession((file: string) => {
      const { entry, evaluate } = workerEntry(__dirname, 'resume-worker.js', 'worker.ts');
      const worker = new Worker(entry, {
        eval: evaluate,
        workerData: { taxonomyFile: file },
        // A zip bomb or a pathological PDF runs out of this heap instead of the app's.
        resourceLimits: { maxOldGenerationSizeMb: 768 },
      });
      worker.unref();
      return worker;
    });
  }

  parse(job: ParseJob): Promise<ParsedResume> {
    return this.session.run<ParsedResume, WorkerMessage>(() => ({
      message: { bytes: job.bytes, reference: job.reference } satisfies Omit<ParseRequest, 'id'>,
      workerData: this.taxonomyFile,
      signal: job.signal,
      timeoutMs: job.timeoutMs ?? PARSE_TIMEOUT_MS,
      onReply: (m) => {
        if (m.type === 'progress') {
          job.onProgress?.(m.stage, m.fraction);
          return undefined;
        }
        if (m.type === 'done') return { value: m.result as ParsedResume };
        const error = m.error
          ? new AppError(m.error.code as ErrorCode, m.error.message, m.error.details)
          : fileError('damaged');
        return { error, replace: false };
      },
      timedOut: () => fileError('timeout'),
      cancelled,
      // Running out of memory or stack on a file means it is more than we can read safely; any other crash is ours.
      crashed: (err) =>
        !err ||
        (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ||
        err instanceof RangeError
          ? fileError('tooComplex')
          : err,
    }));
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

export const cancelled = () =>
  new AppError('CONFLICT', 'Reading the file was cancelled.', { reason: 'cancelled' });
