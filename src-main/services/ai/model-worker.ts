/** What the in-app model workers (embeddings, generation, transcription) share: their data, their error reply, offline loading. */
import { env } from '@huggingface/transformers';

export interface ModelWorkerData {
  modelsDir: string;
  modelId: string;
  dtype: 'fp32' | 'q8';
}

/** `stage` tells the parent whether the model could not be loaded or a loaded model failed on the input. */
export interface ModelWorkerError {
  id: number;
  type: 'error';
  stage: 'load' | 'run';
  missingFile: boolean;
  detail: string;
}

/**
 * The model manager owns the files: never reach the hub, and never read or write transformers.js's own cache
 * (inside node_modules, read-only in a packaged app, and it could shadow the file we downloaded).
 */
export function useDownloadedModelsOnly(modelsDir: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  env.useFSCache = false;
  env.useBrowserCache = false;
}

/**
 * A failed load is not retried in the worker: the parent replaces it, so a model downloaded or repaired later is
 * read afresh (transformers.js memoizes config lookups per process).
 */
export function errorReply(id: number, stage: 'load' | 'run', err: unknown): ModelWorkerError {
  return {
    id,
    type: 'error',
    stage,
    missingFile: err instanceof Error && err.name === 'ModelFileNotFoundError',
    detail: err instanceof Error ? err.message : String(err),
  };
}
