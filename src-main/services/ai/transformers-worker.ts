/**
 * Worker thread entry for transformers.js: model loading and ONNX inference run here so they never block the
 * main process, and a hung or runaway call is stopped by terminating this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';

export interface TransformersWorkerData {
  modelsDir: string;
  modelId: string;
  dtype: 'fp32' | 'q8';
}

export type TransformersRequest =
  { id: number; type: 'load' } | { id: number; type: 'embed'; texts: string[] };

export type TransformersReply =
  | { id: number; type: 'done'; vectors: number[][] }
  /** `stage` tells the parent whether the model could not be loaded or a loaded model failed on the input. */
  | { id: number; type: 'error'; stage: 'load' | 'run'; missingFile: boolean; detail: string };

const { modelsDir, modelId, dtype } = workerData as TransformersWorkerData;

// The model manager owns the files: never reach the hub, and never read or write transformers.js's own cache
// (inside node_modules, read-only in a packaged app, and it could shadow the file we downloaded).
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = modelsDir;
env.useFSCache = false;
env.useBrowserCache = false;

let extractor: Promise<FeatureExtractionPipeline> | undefined;

parentPort?.on('message', (request: TransformersRequest) => {
  const post = (m: TransformersReply) => parentPort!.postMessage(m);
  void (async () => {
    let stage: 'load' | 'run' = 'load';
    try {
      extractor ??= pipeline('feature-extraction', modelId, { dtype });
      const run = await extractor;
      if (request.type === 'load') return post({ id: request.id, type: 'done', vectors: [] });
      stage = 'run';
      const output = await run(request.texts, { pooling: 'mean', normalize: true });
      post({ id: request.id, type: 'done', vectors: output.tolist() as number[][] });
    } catch (err) {
      // A failed load is not retried in this thread: the parent replaces the worker, so a model downloaded or
      // repaired later is read afresh (transformers.js memoizes config lookups per process).
      post({
        id: request.id,
        type: 'error',
        stage,
        missingFile: err instanceof Error && err.name === 'ModelFileNotFoundError',
        detail: err instanceof Error ? err.message : String(err),
      });
    }
  })();
});
