import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { PrivateQuestionInput } from '../../../src-shared/questions';
import type { ServiceContext } from '../../core/context';
import { track } from '../../core/requests';
import { planWithNotice } from './engine';
import { generateMore, writerOf } from './generate';
import { exportQuestions, parseImport } from './exchange';
import { engineInput } from './inputs';
import { importRows, listPrivate, privateOf, savePrivate, textKey } from './private';

type QuestionChannels =
  | 'questions.plan'
  | 'questions.generate'
  | 'questions.private.list'
  | 'questions.private.save'
  | 'questions.private.delete'
  | 'questions.private.saveFromSession'
  | 'questions.private.import'
  | 'questions.private.export';

export const questionHandlers = (ctx: ServiceContext): Pick<Handlers, QuestionChannels> => ({
  'questions.plan': async (input) => ({
    ...planWithNotice(await engineInput(ctx, input)),
    writer: writerOf(ctx),
  }),
  'questions.generate': async ({ requestId, ...plan }) => {
    const request = track(requestId);
    try {
      const input = await engineInput(ctx, plan);
      const { notice } = planWithNotice(input);
      return await generateMore(ctx, input, notice?.missing ?? 0, {
        signal: request.signal,
        onProgress: (status) => ctx.emit('ai.progress', { requestId, status, fraction: null }),
      });
    } finally {
      request.done();
    }
  },
  'questions.private.list': (filter) => listPrivate(ctx, filter),
  'questions.private.save': ({ id, question }) => savePrivate(ctx, { id, question }),
  'questions.private.delete': async ({ id }) => {
    const result = await ctx.db.deleteFrom('private_questions').where('id', '=', id).executeTakeFirst();
    return { deleted: result.numDeletedRows > 0n };
  },
  'questions.private.saveFromSession': async ({ sessionQuestionId, tags }) => {
    const row = await ctx.db
      .selectFrom('session_questions as q')
      .innerJoin('sessions as s', 's.id', 'q.session_id')
      .select([
        'q.text',
        'q.category',
        'q.difficulty',
        'q.expected_points',
        'q.time_limit_sec',
        'q.skills',
        's.role',
      ])
      .where('q.id', '=', sessionQuestionId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That question is not part of any practice session.');
    // Saving twice is harmless: the question is already in the bank, so that copy is returned.
    const existing = await ctx.db
      .selectFrom('private_questions')
      .selectAll()
      .where('text_key', '=', textKey(row.text))
      .executeTakeFirst();
    if (existing) return privateOf(existing);
    const question = PrivateQuestionInput.parse({
      text: row.text,
      category: row.category,
      difficulty: row.difficulty,
      expectedPoints: JSON.parse(row.expected_points),
      timeLimitSec: row.time_limit_sec,
      skills: (JSON.parse(row.skills) as string[]).slice(0, 5),
      tags: tags ?? [],
      role: row.role,
    });
    return savePrivate(ctx, { question, origin: 'saved' });
  },
  'questions.private.import': async ({ format, content }) => {
    const parsed = parseImport(format, content);
    if (parsed.errors.length > 0) return { imported: 0, skipped: 0, errors: parsed.errors };
    return { ...(await importRows(ctx, parsed.rows)), errors: [] };
  },
  'questions.private.export': async ({ format }) => {
    const questions = await listPrivate(ctx, {});
    const day = ctx.now().toISOString().slice(0, 10);
    return {
      fileName: `rehearse-questions-${day}.${format}`,
      content: exportQuestions(format, questions),
      count: questions.length,
    };
  },
});
