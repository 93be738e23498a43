/**
 * Worker thread entry for transformers.js: model loading and ONNX inference run here so they never block the
 * main process, and a hung or runaway call is stopped by terminating this thread.
 */
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { type ModelWorkerData, type ModelWorkerError, serveModel } from './model-worker';

export type TransformersWorkerData = ModelWorkerData;

export type TransformersRequest =
  { id: number; type: 'load' } | { id: number; type: 'embed'; texts: string[] };

export type TransformersReply = { id: number; type: 'done'; vectors: number[][] } | ModelWorkerError;

serveModel<FeatureExtractionPipeline, TransformersRequest, { vectors: number[][] }>(
  (modelId, dtype) => pipeline('feature-extraction', modelId, { dtype }),
  { vectors: [] },
  async (run, request) => {
    const output = await run(request.texts, { pooling: 'mean', normalize: true });
    return { vectors: output.tolist() as number[][] };
  },
);
