/**
 * What the in-app model workers (embeddings, generation, transcription) share: their data, their error reply,
 * offline loading, and their message loop (serveModel); nothing else is theirs to call.
 */
import { parentPort, workerData } from 'node:worker_threads';
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
function useDownloadedModelsOnly(modelsDir: string): void {
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
function errorReply(id: number, stage: 'load' | 'run', err: unknown): ModelWorkerError {
  return {
    id,
    type: 'error',
    stage,
    missingFile: err instanceof Error && err.name === 'ModelFileNotFoundError',
    detail: err instanceof Error ? err.message : String(err),
  };
}

/**
 * The message loop of an in-app model worker. It reads the worker's data and keeps transformers.js to the
 * downloaded files; the model loads on the first request and stays loaded; a `load` request only loads it (the
 * parent's availability check) and is answered with `loaded`; any other request is answered by `run`; a failure
 * is told with the stage it happened at.
 */
export function serveModel<Model, Request extends { id: number; type: string }, Done extends object>(
  load: (modelId: string, dtype: ModelWorkerData['dtype']) => Promise<Model>,
  loaded: Done,
  run: (model: Model, request: Exclude<Request, { type: 'load' }>) => Promise<Done>,
): void {
  const { modelsDir, modelId, dtype } = workerData as ModelWorkerData;
  useDownloadedModelsOnly(modelsDir);
  let model: Promise<Model> | undefined;
  parentPort?.on('message', (request: Request) => {
    const post = (m: object) => parentPort!.postMessage(m);
    void (async () => {
      let stage: 'load' | 'run' = 'load';
      try {
        model ??= load(modelId, dtype);
        const ready = await model;
        if (request.type === 'load') return post({ id: request.id, type: 'done', ...loaded });
        stage = 'run';
        const done = await run(ready, request as Exclude<Request, { type: 'load' }>);
        post({ id: request.id, type: 'done', ...done });
      } catch (err) {
        post(errorReply(request.id, stage, err));
      }
    })();
  });
}
