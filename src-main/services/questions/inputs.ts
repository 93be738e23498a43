/** Gathers what the engine needs from the database: résumé, job and its gaps, company, history. */
import type { Category } from '../../../src-shared/domain';
import type { ParsedInput } from '../../../src-shared/contract';
import type { ServiceContext } from '../../core/context';
import { getCompany } from '../companies/service';
import { matchResume } from '../jobs/match';
import { getJob } from '../jobs/service';
import { activeResume, getResume } from '../resume/service';
import type { EngineInput } from './engine';
import { listPrivate } from './private';

/** Questions from this many recent sessions are not asked again, so practice stays fresh. */
export const NO_REPEAT_SESSIONS = 5;

export async function recentQuestionIds(ctx: ServiceContext): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('session_questions')
    .select('question_id')
    .where(
      'session_id',
      'in',
      ctx.db.selectFrom('sessions').select('id').orderBy('created_at', 'desc').limit(NO_REPEAT_SESSIONS),
    )
    .execute();
  return new Set(rows.map((r) => r.question_id));
}

/**
 * Categories where the candidate's answers score lowest. Until answers carry scores (the feedback service
 * writes them), there is nothing to be weak in, and selection is unweighted.
 */
export async function weakCategories(_ctx: ServiceContext): Promise<Category[]> {
  return [];
}

export async function engineInput(
  ctx: ServiceContext,
  input: ParsedInput<'questions.plan'>,
): Promise<Omit<EngineInput, 'random'>> {
  const resume = input.resumeId
    ? await getResume(ctx, input.resumeId)
    : input.useActiveResume
      ? await activeResume(ctx)
      : null;
  const job = input.jobId ? await getJob(ctx, input.jobId) : null;
  const company = input.companyId ? await getCompany(ctx, input.companyId) : null;
  return {
    role: input.role,
    difficulty: input.difficulty,
    count: input.questionCount,
    categories: input.categories,
    bank: ctx.bank.all,
    privateQuestions: await listPrivate(ctx, {}),
    resume: resume?.effective ?? null,
    job: job && {
      title: job.title,
      company: job.company,
      requiredSkills: job.requiredSkills,
      gaps: resume ? matchResume(resume.effective, job).missingRequired : [],
    },
    company,
    weakCategories: await weakCategories(ctx),
    exclude: await recentQuestionIds(ctx),
  };
}
