import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyEmbeddingModel, TINY_HIDDEN_SIZE } from '../../../tests/support/tiny-model';
import { ProviderError } from './errors';
import { MODEL_DAMAGED, MODEL_MISSING, TransformersEmbedder } from './transformers';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

let dir: string;
let modelId: string;
const embedders: TransformersEmbedder[] = [];
const embedder = (id = modelId, modelsDir = dir) => {
  const e = new TransformersEmbedder({ modelsDir, modelId: id });
  embedders.push(e);
  return e;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-transformers-'));
  ({ modelId } = await buildTinyEmbeddingModel(dir));
});

afterAll(async () => {
  await Promise.all(embedders.map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('TransformersEmbedder with a real (tiny) model loaded offline', () => {
  it('loads the model and returns one unit-length vector per text', async () => {
    const e = embedder();
    expect(await e.available()).toEqual({ ok: true });
    const vectors = await e.embed(['Tell me about a project you led.', 'What is your greatest strength?']);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it('finds texts that share words more similar than unrelated ones', async () => {
    const [project, sameProject, weather] = await embedder().embed([
      'Tell me about a project you led.',
      'Describe a project you led last year.',
      'The weather is cold and rainy today.',
    ]);
    expect(cosine(project!, sameProject!)).toBeGreaterThan(cosine(project!, weather!) + 0.3);
    expect(cosine(project!, sameProject!)).toBeGreaterThan(cosine(sameProject!, weather!) + 0.3);
  });

  it('gives the same vector for the same text, across calls and inside a padded batch', async () => {
    const e = embedder();
    const text = 'How did you handle a difficult client?';
    const [first] = await e.embed([text]);
    const [second] = await e.embed([text]);
    const [, inBatch] = await e.embed([
      'A much longer sentence so the other one is padded in this batch.',
      text,
    ]);
    expect(second).toEqual(first);
    for (let i = 0; i < TINY_HIDDEN_SIZE; i++) expect(inBatch![i]).toBeCloseTo(first![i]!, 6);
  });

  it('returns nothing for no texts without starting the model', async () => {
    expect(await embedder('nobody/nothing').embed([])).toEqual([]);
  });

  it('says the model is not downloaded when its files are missing', async () => {
    const e = embedder('rehearse-tests/absent');
    expect(await e.available()).toEqual({
      ok: false,
      reason:
        'The embedding model is not downloaded yet. Download it in Settings → AI coach → Models inside Rehearse.',
    });
    await expect(e.embed(['hello'])).rejects.toMatchObject({
      message:
        'The embedding model is not downloaded yet. Download it in Settings → AI coach → Models inside Rehearse.',
      transient: false,
      details: { kind: 'model_missing' },
    });
  });

  it('says the model is not downloaded when only part of it is there', async () => {
    const { modelId: partial, root } = await buildTinyEmbeddingModel(dir, 'rehearse-tests/partial');
    rmSync(join(root, 'tokenizer.json'));
    const e = embedder(partial);
    expect(await e.available()).toEqual({ ok: false, reason: MODEL_MISSING });
  });

  it('reports a damaged model.onnx with a clear sentence, and the test process survives', async () => {
    const { modelId: damaged, root } = await buildTinyEmbeddingModel(dir, 'rehearse-tests/damaged');
    writeFileSync(join(root, 'onnx', 'model.onnx'), randomBytes(4096));
    const e = embedder(damaged);
    expect(await e.available()).toEqual({
      ok: false,
      reason:
        "The embedding model's files are damaged. Download it again in Settings → AI coach → Models inside Rehearse.",
    });
    const error = await e.embed(['hello']).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ message: MODEL_DAMAGED, details: { kind: 'model_damaged' } });
    // The raw ONNX Runtime text is kept for logs only.
    expect(String((error as Error).cause)).toMatch(/protobuf|onnx|load/i);
  });

  it('picks up a model repaired after a failed load', async () => {
    const { modelId: repaired, root } = await buildTinyEmbeddingModel(dir, 'rehearse-tests/repaired');
    const good = statSync(join(root, 'onnx', 'model.onnx')).size;
    writeFileSync(join(root, 'onnx', 'model.onnx'), 'not a model');
    const e = embedder(repaired);
    expect(await e.available()).toEqual({ ok: false, reason: MODEL_DAMAGED });
    await buildTinyEmbeddingModel(dir, 'rehearse-tests/repaired');
    expect(statSync(join(root, 'onnx', 'model.onnx')).size).toBe(good);
    expect(await e.available()).toEqual({ ok: true });
  });

  it('stops a call at its timeout with the exact sentence, then works again', async () => {
    const e = embedder();
    // A fresh worker needs far longer than 100 ms to start and load transformers.js, so the deadline wins.
    await expect(e.embed(['hello'], { timeoutMs: 100 })).rejects.toMatchObject({
      message: 'The embedding model did not answer within 0.1 seconds.',
      transient: true,
      details: { kind: 'timeout' },
    });
    const [v] = await e.embed(['hello'], { timeoutMs: 15_000 });
    expect(v).toHaveLength(TINY_HIDDEN_SIZE);
  });

  it('stops a call when its signal aborts, and refuses one already aborted', async () => {
    const e = embedder();
    const controller = new AbortController();
    const call = e.embed(['hello'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({
      message: 'The request was cancelled.',
      details: { kind: 'cancelled' },
    });
    await expect(e.embed(['hello'], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      message: 'The request was cancelled.',
    });
    expect(await e.embed(['hello'])).toHaveLength(1);
  });
});
