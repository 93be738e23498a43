import { KEEP_NAMES_SHIM } from '../tests/support/browser';
// AI chain benches: what the chain adds over a direct HTTP call, and how fast a streamed chunk reaches the page.
import { randomUUID } from 'node:crypto';
import { DEFAULT_AI_SETTINGS } from '../src-shared/ai';
import type { RehearseApi } from '../src-shared/contract';
import { AiChain } from '../src-main/services/ai/chain';
import { OllamaProvider } from '../src-main/services/ai/ollama';
import { z } from 'zod';
import type { Browser } from 'playwright-core';
import { startFakeOllama } from '../tests/support/fake-ollama';
import { startHost } from '../tests/support/host-process';
import { report } from './stats';

const ANSWER = '{"question":"Tell me about a time you changed course after new evidence."}';

export async function benchChainOverhead(): Promise<void> {
  const server = await startFakeOllama({ answers: [ANSWER] });
  const provider = new OllamaProvider(() => ({ host: server.url, models: {}, defaultModel: 'llama3.2' }));
  const chain = new AiChain(() => [provider]);
  const request = {
    task: 'generateQuestions' as const,
    system: 'Write one question as JSON.',
    user: 'One about teamwork.',
    schema: z.object({ question: z.string() }),
    jsonSchema: { type: 'object' },
  };
  const direct = async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'llama3.2',
        stream: false,
        format: request.jsonSchema,
        messages: [{ role: 'user', content: request.user }],
      }),
    });
    JSON.parse(((await res.json()) as { message: { content: string } }).message.content);
  };
  const viaChain = () => chain.run(request, () => ({ question: 'builtin' }));
  for (let i = 0; i < 50; i++) {
    await direct();
    await viaChain();
  }
  const overhead: number[] = [];
  const directTimes: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await direct();
    const t1 = performance.now();
    const r = await viaChain();
    const t2 = performance.now();
    if (r.provider !== 'ollama') throw new Error('chain fell back during the bench');
    directTimes.push(t1 - t0);
    overhead.push(t2 - t1 - (t1 - t0));
  }
  await server.close();
  report('ai_direct_http_call', 'ms', directTimes);
  report('ai_chain_overhead_over_direct_http', 'ms', overhead, { target_p95_ms: 2 });
}

export async function benchStreamToRenderer(browser: Browser, dataDir: string): Promise<void> {
  const server = await startFakeOllama({ answers: [ANSWER], chunkSize: 2, chunkDelayMs: 2 });
  const host = await startHost(['--data-dir', dataDir]);
  const context = await browser.newContext();
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
  const samples = await page.evaluate(
    async ({ settings, ids }) => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      await api.invoke('ai.settings.save', settings);
      const lags: number[] = [];
      const off = api.on('ai.token', (t) => lags.push(performance.timeOrigin + performance.now() - t.at));
      for (const requestId of ids) await api.invoke('ai.try', { requestId });
      off();
      return lags;
    },
    {
      settings: {
        ...DEFAULT_AI_SETTINGS,
        ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on' as const, host: server.url },
      },
      ids: Array.from({ length: 30 }, () => randomUUID()),
    },
  );
  await context.close();
  await host.stop();
  await server.close();
  report('ai_stream_chunk_to_renderer', 'ms', samples.slice(20), { target_p95_ms: 10 });
}
