/**
 * Worker thread entry for the in-app language model: transformers.js loads the model and generates here so a
 * long generation never blocks the main process, and a hung, cancelled or runaway one is stopped by terminating
 * this thread (transformers.js has no way to interrupt generate() from outside).
 */
import { parentPort } from 'node:worker_threads';
import { pipeline, TextStreamer, type TextGenerationPipeline } from '@huggingface/transformers';
import { type ModelWorkerData, type ModelWorkerError, serveModel } from './model-worker';

export type GeneratorWorkerData = ModelWorkerData;

export type GeneratorRequest =
  | { id: number; type: 'load' }
  | { id: number; type: 'generate'; system: string; user: string; maxNewTokens: number; stream: boolean };

export type GeneratorReply =
  { id: number; type: 'token'; text: string } | { id: number; type: 'done'; text: string } | ModelWorkerError;

/** Only the model's answer: chat output ends with the assistant turn, plain output is already prompt-free. */
function answerOf(output: unknown): string {
  const first = (Array.isArray(output) ? output[0] : output) as { generated_text?: unknown } | undefined;
  const generated = first?.generated_text;
  if (typeof generated === 'string') return generated;
  if (Array.isArray(generated)) {
    const last = generated.at(-1) as { content?: unknown } | undefined;
    if (typeof last?.content === 'string') return last.content;
  }
  throw new Error('the pipeline returned no generated text');
}

async function generate(
  run: TextGenerationPipeline,
  request: Extract<GeneratorRequest, { type: 'generate' }>,
) {
  const post = (m: GeneratorReply) => parentPort!.postMessage(m);
  const streamer = request.stream
    ? new TextStreamer(run.tokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (text: string) => {
          if (text) post({ id: request.id, type: 'token', text });
        },
      })
    : undefined;
  // Greedy: the chain validates and regenerates, and the same prompt should give the same answer to cache.
  const options = { max_new_tokens: request.maxNewTokens, do_sample: false, streamer };
  if (run.tokenizer.chat_template) {
    const messages = [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ];
    return answerOf(await run(messages, options));
  }
  // A base model without a chat template still continues a plain prompt.
  const prompt = `${request.system}\n\n${request.user}\n\n`;
  return answerOf(await run(prompt, { ...options, return_full_text: false }));
}

serveModel<TextGenerationPipeline, GeneratorRequest, { text: string }>(
  (modelId, dtype) => pipeline('text-generation', modelId, { dtype }),
  { text: '' },
  async (run, request) => ({ text: await generate(run, request) }),
);
