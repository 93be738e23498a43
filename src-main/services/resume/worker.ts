/** Worker thread entry: parses one file per message, so a hostile file can hang or crash only this thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../src-shared/errors';
import type { YearMonth } from './dates';
import { parseResumeFile } from './parse';
import { loadTaxonomy, type Taxonomy } from './skills';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  reference?: YearMonth;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; stage: string; fraction: number }
  | { id: number; type: 'done'; result: unknown }
  | {
      id: number;
      type: 'error';
      error: { code: string; message: string; details?: Record<string, unknown> } | null;
    };

let taxonomy: Taxonomy | undefined;

parentPort?.on('message', (request: ParseRequest) => {
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  void (async () => {
    try {
      post({ id: request.id, type: 'progress', stage: 'Reading the file', fraction: 0.1 });
      taxonomy ??= loadTaxonomy((workerData as { taxonomyFile: string }).taxonomyFile);
      const result = await parseResumeFile(request.bytes, {
        taxonomy,
        reference: request.reference,
        onProgress: (stage, fraction) => post({ id: request.id, type: 'progress', stage, fraction }),
      });
      post({ id: request.id, type: 'progress', stage: 'Done', fraction: 1 });
      post({ id: request.id, type: 'done', result });
    } catch (err) {
      post({ id: request.id, type: 'error', error: err instanceof AppError ? err.toPayload() : null });
    }
  })();
});
