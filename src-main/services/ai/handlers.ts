import { join } from 'node:path';
import { z } from 'zod';
import type { Handlers } from '../../../src-shared/contract';
import { cancel } from '../../core/requests';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../../src-shared/errors';
import { deleteModel, downloadModel, KNOWN_MODELS, modelState } from './models';
import { screenQuestion } from './content-filter';
import { statusCsv } from './service';

/** A tiny structured task that shows the candidate their model works, streaming as it writes. */
const TryAnswer = z.object({ question: z.string().min(10) });
const BUILTIN_TRY = 'Tell me about a time you helped a teammate who was stuck.';

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
  | 'ai.cloud.deleteKey'
  | 'ai.models.list'
  | 'ai.models.download'
  | 'ai.models.delete'
  | 'ai.cancel';

const modelsDir = (ctx: ServiceContext) => join(ctx.dataDir, 'models');
const known = (id: string) => {
  const spec = KNOWN_MODELS.find((m) => m.id === id);
  if (!spec) throw new AppError('NOT_FOUND', `Rehearse does not offer a model called ${id}.`);
  return spec;
};

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
  'ai.cancel': ({ requestId }) => ({ cancelled: cancel(requestId) }),
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
      () => ({ question: BUILTIN_TRY }),
      // High-resolution wall time, comparable across processes on one machine (the streaming bench uses it).
      {
        onToken: (chunk) =>
          ctx.emit('ai.token', { requestId, chunk, at: performance.timeOrigin + performance.now() }),
      },
    );
    const ms = Math.round(performance.now() - started);
    // A generated question is screened before anyone reads it; one that fails gives way to the builtin one.
    const screening = screenQuestion(result.value.question);
    if (!screening.ok) {
      ctx.logger.warn(
        { provider: result.provider, reason: screening.reason },
        'generated question set aside',
      );
      return {
        provider: 'builtin',
        model: null,
        text: BUILTIN_TRY,
        notes: [
          ...ctx.ai.exclusionNotes(),
          ...result.notes,
          `The question ${result.provider} wrote was set aside (it ${screening.reason}).`,
        ],
        ms,
      };
    }
    return {
      provider: result.provider,
      model: result.model,
      text: result.value.question,
      notes: [...ctx.ai.exclusionNotes(), ...result.notes],
      ms,
    };
  },
  'ai.diagnostics.csv': async () => ({ csv: statusCsv(await ctx.ai.status()) }),
  'ai.models.list': () =>
    KNOWN_MODELS.map((m) => ({
      id: m.id,
      label: m.label,
      task: m.task,
      state: modelState(modelsDir(ctx), m),
    })),
  'ai.models.download': async ({ requestId, id }) => {
    const spec = known(id);
    await downloadModel(spec, {
      dir: modelsDir(ctx),
      // Tests and mirrors point this elsewhere; users get Hugging Face.
      hub: process.env.REHEARSE_HF_HUB,
      onProgress: (p) =>
        ctx.emit('ai.progress', { requestId, status: `Downloading ${p.file}`, fraction: p.overall }),
    });
    return { id, state: modelState(modelsDir(ctx), spec) };
  },
  'ai.models.delete': ({ id }) => {
    const spec = known(id);
    deleteModel(modelsDir(ctx), spec);
    return { id, state: modelState(modelsDir(ctx), spec) };
  },
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
