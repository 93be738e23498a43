/**
 * Worker thread entry for transformers.js: model loading and ONNX inference run here so they never block the
 * main process, and a hung or runaway call is stopped by terminating this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import {
  errorReply,
  useDownloadedModelsOnly,
  type ModelWorkerData,
  type ModelWorkerError,
} from './model-worker';

export type TransformersWorkerData = ModelWorkerData;

export type TransformersRequest =
  { id: number; type: 'load' } | { id: number; type: 'embed'; texts: string[] };

export type TransformersReply = { id: number; type: 'done'; vectors: number[][] } | ModelWorkerError;

const { modelsDir, modelId, dtype } = workerData as TransformersWorkerData;

useDownloadedModelsOnly(modelsDir);

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
      post(errorReply(request.id, stage, err));
    }
  })();
});
