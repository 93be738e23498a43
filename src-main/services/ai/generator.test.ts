import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTinyCausalModel, TINY_ANSWER } from '../../../tests/support/tiny-causal-model';
import { AiChain } from './chain';
import { ProviderError } from './errors';
import { GENERATOR_DAMAGED, GENERATOR_MISSING, TransformersGenerator } from './generator';
import type { CompletionRequest } from './types';

const request: CompletionRequest = {
  task: 'generateQuestions',
  system:
    'You write one behavioural interview question as JSON. Ünïcode and emoji 😀 reach the tokenizer too.',
  user: 'Ask me about a time you learned',
  jsonSchema: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
};

let dir: string;
let modelId: string;
const generators: TransformersGenerator[] = [];
const generator = (id = modelId, maxNewTokens = 40) => {
  const g = new TransformersGenerator({ modelsDir: dir, modelId: id, maxNewTokens });
  generators.push(g);
  return g;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-generator-'));
  ({ modelId } = await buildTinyCausalModel(dir));
});

afterAll(async () => {
  await Promise.all(generators.map((g) => g.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('TransformersGenerator with a real (tiny) causal model loaded offline', () => {
  it('loads the model and generates exactly its answer, without the prompt', async () => {
    const g = generator();
    expect(g.id).toBe('transformers');
    expect(g.model()).toBe('rehearse-tests/tiny-instruct');
    expect([...g.tasks]).toEqual(['generateQuestions', 'evaluateAnswer', 'followUp', 'studyPlan']);
    expect(await g.health({})).toEqual({ ok: true, models: ['rehearse-tests/tiny-instruct'] });
    expect(await g.complete(request, {})).toBe(TINY_ANSWER);
    // The worker keeps the model loaded: a second call gives the same greedy answer.
    expect(await g.complete({ ...request, user: 'Something else entirely.' }, {})).toBe(TINY_ANSWER);
  });

  it('continues a plain prompt when the tokenizer has no chat template', async () => {
    const { modelId: plain, root } = await buildTinyCausalModel(dir, 'rehearse-tests/plain');
    const configPath = join(root, 'tokenizer_config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    delete config.chat_template;
    writeFileSync(configPath, JSON.stringify(config));
    expect(await generator(plain).complete(request, {})).toBe(TINY_ANSWER);
  });

  it('answers through the AI chain, which parses and validates the JSON', async () => {
    const g = generator();
    const chain = new AiChain(() => [g]);
    const result = await chain.run({ ...request, schema: z.object({ question: z.string().min(1) }) }, () => ({
      question: 'builtin',
    }));
    expect(result).toEqual({
      value: { question: 'Tell me about a time you learned a new tool quickly.' },
      provider: 'transformers',
      model: 'rehearse-tests/tiny-instruct',
      notes: [],
    });
  });

  it('streams tokens that join to the full answer', async () => {
    const chunks: string[] = [];
    const text = await generator().complete(request, { onToken: (chunk) => chunks.push(chunk) });
    expect(text).toBe(TINY_ANSWER);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(TINY_ANSWER);
  });

  it('says the model is not downloaded when its files are missing, and the chain falls back', async () => {
    const g = generator('rehearse-tests/absent');
    expect(await g.health({})).toEqual({
      ok: false,
      reason:
        'The in-app language model is not downloaded yet. Download it in Settings → AI coach → Models inside Rehearse.',
    });
    await expect(g.complete(request, {})).rejects.toMatchObject({
      message:
        'The in-app language model is not downloaded yet. Download it in Settings → AI coach → Models inside Rehearse.',
      transient: false,
      details: { kind: 'model_missing' },
    });
    const chain = new AiChain(() => [g]);
    const result = await chain.run({ ...request, schema: z.object({ question: z.string() }) }, () => ({
      question: 'builtin',
    }));
    expect(result).toEqual({
      value: { question: 'builtin' },
      provider: 'builtin',
      model: null,
      notes: [
        'The in-app language model is not downloaded yet. Download it in Settings → AI coach → Models inside Rehearse.',
      ],
    });
  });

  it('says the model is not downloaded when its ONNX file is missing', async () => {
    const { modelId: partial, root } = await buildTinyCausalModel(dir, 'rehearse-tests/partial');
    rmSync(join(root, 'onnx', 'model.onnx'));
    expect(await generator(partial).health({})).toEqual({ ok: false, reason: GENERATOR_MISSING });
  });

  it('reports a damaged model.onnx with a clear sentence, and the test process survives', async () => {
    const { modelId: damaged, root } = await buildTinyCausalModel(dir, 'rehearse-tests/damaged');
    writeFileSync(join(root, 'onnx', 'model.onnx'), randomBytes(4096));
    const g = generator(damaged);
    expect(await g.health({})).toEqual({
      ok: false,
      reason:
        "The in-app language model's files are damaged. Download it again in Settings → AI coach → Models inside Rehearse.",
    });
    const error = await g.complete(request, {}).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: GENERATOR_DAMAGED, details: { kind: 'model_damaged' } });
  });

  it('stops a generation when its signal aborts mid-stream, then works again', async () => {
    const g = generator();
    await g.health({});
    const controller = new AbortController();
    const chunks: string[] = [];
    const call = g.complete(request, {
      signal: controller.signal,
      onToken: (chunk) => {
        chunks.push(chunk);
        controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({
      message: 'The request was cancelled.',
      details: { kind: 'cancelled' },
    });
    // The cancelled call lets go of its listener and its worker, so nothing more of that answer arrives.
    await new Promise((r) => setTimeout(r, 200));
    expect(chunks).toHaveLength(1);
    await expect(g.complete(request, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      message: 'The request was cancelled.',
    });
    expect(await g.complete(request, {})).toBe(TINY_ANSWER);
  });

  it('stops a call at its timeout with the exact sentence, then works again', async () => {
    const g = generator();
    // A fresh worker needs far longer than 100 ms to start and load transformers.js, so the deadline wins.
    await expect(g.complete(request, { timeoutMs: 100 })).rejects.toMatchObject({
      message: 'The in-app language model did not answer within 0.1 seconds.',
      transient: true,
      details: { kind: 'timeout' },
    });
    expect(await g.complete(request, { timeoutMs: 15_000 })).toBe(TINY_ANSWER);
  });
});
