import { z } from 'zod';
import type { Handlers } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';
import { statusCsv } from './service';

/** A tiny structured task that shows the candidate their model works, streaming as it writes. */
const TryAnswer = z.object({ question: z.string().min(10) });

type AiChannels =
  | 'ai.settings.get'
  | 'ai.settings.save'
  | 'ai.status'
  | 'ai.check'
  | 'ai.ollama.pull'
  | 'ai.try'
  | 'ai.diagnostics.csv'
  | 'ai.cloud.keyStatus'
  | 'ai.cloud.saveKey'
  | 'ai.cloud.deleteKey';

export const aiHandlers = (ctx: ServiceContext): Pick<Handlers, AiChannels> => ({
  'ai.settings.get': () => ctx.ai.getSettings(),
  'ai.settings.save': (settings) => ctx.ai.saveSettings(settings),
  'ai.status': () => ctx.ai.status(),
  'ai.check': async () => {
    await ctx.ai.checkHealth();
    return ctx.ai.status();
  },
  'ai.ollama.pull': async ({ requestId, model }) => {
    await ctx.ai
      .ollamaProvider()
      .pull(model, (status, fraction) => ctx.emit('ai.progress', { requestId, status, fraction }));
    await ctx.ai.checkHealth();
    return { pulled: model };
  },
  'ai.try': async ({ requestId }) => {
    const started = performance.now();
    const result = await ctx.ai.chain.run(
      {
        task: 'generateQuestions',
        system: 'You write one interview question. Answer with JSON only: {"question": "..."}',
        user: 'Write one behavioural interview question about teamwork.',
        schema: TryAnswer,
        jsonSchema: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
      },
      () => ({ question: 'Tell me about a time you helped a teammate who was stuck.' }),
      // High-resolution wall time, comparable across processes on one machine (the streaming bench uses it).
      {
        onToken: (chunk) =>
          ctx.emit('ai.token', { requestId, chunk, at: performance.timeOrigin + performance.now() }),
      },
    );
    return {
      provider: result.provider,
      model: result.model,
      text: result.value.question,
      notes: result.notes,
      ms: Math.round(performance.now() - started),
    };
  },
  'ai.diagnostics.csv': async () => ({ csv: statusCsv(await ctx.ai.status()) }),
  'ai.cloud.keyStatus': () => ctx.ai.refreshKeyStatus(),
  // The key goes straight to the keychain; no channel ever sends it back.
  'ai.cloud.saveKey': async ({ key }) => {
    await ctx.ai.saveCloudKey(key);
    return ctx.ai.refreshKeyStatus();
  },
  'ai.cloud.deleteKey': async () => {
    await ctx.ai.deleteCloudKey();
    return ctx.ai.refreshKeyStatus();
  },
});
