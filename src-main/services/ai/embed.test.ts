import { randomUUID } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../../src-shared/ai';
import { startFakeOllama } from '../../../tests/support/fake-ollama';
import { ok, onExit, tempDir, testRuntime } from '../../../tests/support/runtime';
import { buildTinyCausalModel, TINY_ANSWER } from '../../../tests/support/tiny-causal-model';
import { buildTinyEmbeddingModel } from '../../../tests/support/tiny-model';
import { KNOWN_MODELS } from './models';

const spec = KNOWN_MODELS.find((m) => m.task === 'embed')!;

/** Puts the tests' tiny model where a finished download of the offered embedding model would be. */
async function installTinyModelAs(dataDir: string) {
  const models = join(dataDir, 'models');
  const { root } = await buildTinyEmbeddingModel(models, spec.id);
  copyFileSync(join(root, 'onnx', 'model.onnx'), join(root, 'onnx', 'model_quantized.onnx'));
  writeFileSync(
    join(root, '.rehearse-manifest.json'),
    JSON.stringify({ id: spec.id, revision: spec.revision, files: {}, complete: true }),
  );
}

describe('sentence embeddings for scoring', () => {
  it('uses the in-app model once it is downloaded, and lists it in diagnostics', async () => {
    const dataDir = tempDir();
    await installTinyModelAs(dataDir);
    const runtime = await testRuntime({ dataDir });
    const result = await runtime.ctx.ai.embed([
      'I led the migration',
      'I led the rollout',
      'quarterly tax filing',
    ]);
    expect(result?.provider).toBe('transformers');
    expect(result!.vectors).toHaveLength(3);
    const [a, b, c] = result!.vectors as [number[], number[], number[]];
    const cos = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(cos(a, b)).toBeGreaterThan(cos(a, c));
    expect((await ok(runtime, 'ai.status', {})).providers.map((p) => p.id)).toContain('transformers-embed');
  }, 30_000);

  it('falls back to Ollama’s embeddings, then to none', async () => {
    const runtime = await testRuntime();
    expect(await runtime.ctx.ai.embed(['x'])).toBeNull();
    const fake = await startFakeOllama();
    onExit(() => fake.close());
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: fake.url },
    });
    const viaOllama = await runtime.ctx.ai.embed(['abc']);
    expect(viaOllama).toMatchObject({ provider: 'ollama' });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/embed', body: { model: 'nomic-embed-text' } });
  });
});

describe('the in-app language model', () => {
  it('answers through the chain once downloaded, when Ollama is off', async () => {
    const dataDir = tempDir();
    const generate = KNOWN_MODELS.find((m) => m.task === 'generate')!;
    const models = join(dataDir, 'models');
    const { root } = await buildTinyCausalModel(models, generate.id);
    copyFileSync(join(root, 'onnx', 'model.onnx'), join(root, 'onnx', 'model_quantized.onnx'));
    writeFileSync(
      join(root, '.rehearse-manifest.json'),
      JSON.stringify({ id: generate.id, revision: generate.revision, files: {}, complete: true }),
    );
    const runtime = await testRuntime({ dataDir });
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    });
    const result = await ok(runtime, 'ai.try', { requestId: randomUUID() });
    expect(result).toMatchObject({
      provider: 'transformers',
      model: generate.id,
      text: JSON.parse(TINY_ANSWER).question,
    });
    const status = await ok(runtime, 'ai.status', {});
    expect(status.providers.find((p) => p.id === 'transformers')).toMatchObject({
      label: `In-app language model (${generate.id})`,
      calls: 1,
    });
  }, 60_000);
});
