/** Gathers what the engine needs from the database: résumé, job and its gaps, company, history. */
import type { Category } from '../../../src-shared/domain';
import type { ParsedInput } from '../../../src-shared/contract';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { Job } from '../../../src-shared/jobs';
import type { ParsedResume } from '../../../src-shared/resume';
import type { ServiceContext } from '../../core/context';
import { getCompany } from '../companies/service';
import { matchResume } from '../jobs/match';
import { getJob } from '../jobs/service';
import { activeResume, getResume } from '../resume/service';
import type { EngineInput } from './engine';
import { listPrivate } from './private';
import { NO_REPEAT_SESSIONS } from './select';
import { recentScores, weakestCategories } from '../progress/queries';
import { WEAKNESS_BELOW } from '../../../src-shared/progress';

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

/** Weak categories are judged on this many of the candidate's latest scored answers. */
export const WEAK_WINDOW = 50;

/**
 * Categories whose average overall score over the candidate's last 50 scored answers is below 60, with at
 * least 3 answers, weakest first. Selection leans towards them.
 */
export async function weakCategories(ctx: ServiceContext): Promise<Category[]> {
  return weakestCategories(await recentScores(ctx.db, WEAK_WINDOW), {
    below: WEAKNESS_BELOW,
    minAnswers: 3,
  });
}

type Plan = Pick<ParsedInput<'questions.plan'>, 'role' | 'difficulty' | 'questionCount' | 'categories'> &
  Partial<Pick<ParsedInput<'questions.plan'>, 'allowRepeats'>>;

/**
 * The engine's input from a résumé, job and company already in hand (the CLI reads them from files), plus
 * what the data dir knows: the private bank, weak categories and recent questions.
 */
export async function engineInputWith(
  ctx: ServiceContext,
  plan: Plan,
  given: {
    resume: ParsedResume | null;
    job: Pick<Job, 'title' | 'company' | 'requiredSkills' | 'niceToHaveSkills' | 'experienceLevel'> | null;
    company: CompanyProfile | null;
  },
): Promise<Omit<EngineInput, 'random'>> {
  const { resume, job, company } = given;
  return {
    role: plan.role,
    difficulty: plan.difficulty,
    count: plan.questionCount,
    categories: plan.categories,
    bank: ctx.bank.all,
    privateQuestions: await listPrivate(ctx, {}),
    resume,
    job: job && {
      title: job.title,
      company: job.company,
      requiredSkills: job.requiredSkills,
      gaps: resume ? matchResume(resume, job, ctx.taxonomy()).missingRequired : [],
    },
    company,
    weakCategories: await weakCategories(ctx),
    exclude: plan.allowRepeats ? new Set<string>() : await recentQuestionIds(ctx),
  };
}

export async function engineInput(
  ctx: ServiceContext,
  input: Omit<ParsedInput<'questions.plan'>, 'allowRepeats'> & { allowRepeats?: boolean },
): Promise<Omit<EngineInput, 'random'>> {
  const resume = input.resumeId
    ? await getResume(ctx, input.resumeId)
    : input.useActiveResume
      ? await activeResume(ctx)
      : null;
  return engineInputWith(ctx, input, {
    resume: resume?.effective ?? null,
    job: input.jobId ? await getJob(ctx, input.jobId) : null,
    company: input.companyId ? await getCompany(ctx, input.companyId) : null,
  });
}
