/**
 * The first hour's guidance: which first steps are done (profile, résumé, a job posting, a session, its
 * report) and, once there is a finished session, the next best thing to practise, worked out from the
 * candidate's own data with what the setup screen needs to start it.
 */
import type { Handlers } from '../../../src-shared/contract';
import type { Category } from '../../../src-shared/domain';
import { GUIDE_STEPS, type Guide, type GuideStep, type NextStep } from '../../../src-shared/guide';
import { WEAKNESS_BELOW } from '../../../src-shared/progress';
import type { ServiceContext } from '../../core/context';
import { matchResume } from '../jobs/match';
import { getJob } from '../jobs/service';
import { categoryAverages, recentScores } from '../progress/queries';
import { activeResume } from '../resume/service';

/** A weakest category is named from this many of the latest scored answers, and needs this many of its own. */
const WINDOW = 50;
const MIN_ANSWERS = 2;

const label = (c: Category) => c.replace('_', ' ').toLowerCase();

async function latestCompleted(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('sessions as s')
    .leftJoin('progress_sessions as p', 'p.session_id', 's.id')
    .select(['s.id', 's.role', 's.difficulty', 'p.scored', 'p.overall_sum'])
    .where('s.status', '=', 'completed')
    .orderBy('s.completed_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
}

/**
 * In order: a retake when the last session went badly (the same questions again show what changed), then a
 * skill the newest job asks for that the résumé does not show, then the weakest category of recent answers.
 */
async function nextStep(
  ctx: ServiceContext,
  latest: NonNullable<Awaited<ReturnType<typeof latestCompleted>>>,
): Promise<NextStep | null> {
  const scored = latest.scored ?? 0;
  const average = scored > 0 ? Math.round((latest.overall_sum ?? 0) / scored) : null;
  if (average !== null && average < WEAKNESS_BELOW)
    return {
      kind: 'retake',
      title: 'Retake your last session',
      reason: `Your last ${latest.role} session averaged ${average}/100. The same questions again show what your changes did.`,
      action: 'Retake it now',
      sessionId: latest.id,
      setup: null,
    };
  const newestJob = await ctx.db
    .selectFrom('jobs')
    .select('id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const resume = newestJob ? await activeResume(ctx) : null;
  if (newestJob && resume) {
    const job = await getJob(ctx, newestJob.id);
    const [gap] = matchResume(resume.effective, job, ctx.taxonomy()).missingRequired;
    if (gap)
      return {
        kind: 'job_gap',
        title: `Prepare to talk about ${gap}`,
        reason: `${job.title}${job.company ? ` at ${job.company}` : ''} asks for ${gap}, and your résumé does not mention it.`,
        action: `Practise for ${job.title}`,
        sessionId: null,
        setup: { jobId: job.id, questionCount: 5 },
      };
  }
  const [weakest] = [...categoryAverages(await recentScores(ctx.db, WINDOW))]
    .filter(([, s]) => s.answers >= MIN_ANSWERS)
    .sort((a, b) => a[1].average - b[1].average || a[0].localeCompare(b[0]));
  if (!weakest) return null;
  const [category, { average: catAverage }] = weakest;
  return {
    kind: 'weak_category',
    title: `Practise ${label(category)} questions`,
    reason: `Your ${label(category)} answers average ${Math.round(catAverage)}/100, your lowest kind of question lately.`,
    action: `Set up ${label(category)} practice`,
    sessionId: null,
    setup: { categories: [category], questionCount: 5 },
  };
}

export async function guideOf(ctx: ServiceContext): Promise<Guide> {
  const [profile, resume, job, state, latest] = await Promise.all([
    ctx.db.selectFrom('profile').select('id').executeTakeFirst(),
    ctx.db.selectFrom('resumes').select('id').executeTakeFirst(),
    ctx.db.selectFrom('jobs').select('id').executeTakeFirst(),
    ctx.db.selectFrom('guide').selectAll().where('id', '=', 1).executeTakeFirst(),
    latestCompleted(ctx),
  ]);
  const done: Record<GuideStep, boolean> = {
    profile: Boolean(profile),
    resume: Boolean(resume),
    job: Boolean(job),
    session: Boolean(latest),
    report: Boolean(state?.report_seen_at),
  };
  return {
    steps: GUIDE_STEPS.map((id) => ({ id, done: done[id] })),
    dismissed: Boolean(state?.dismissed_at),
    latestCompletedId: latest?.id ?? null,
    next: latest ? await nextStep(ctx, latest) : null,
  };
}

async function mark(ctx: ServiceContext, column: 'dismissed_at' | 'report_seen_at'): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('guide')
    .values({ id: 1, [column]: now })
    // The first time is the one that counts.
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({ [column]: eb.fn.coalesce(column, eb.val(now)) })),
    )
    .execute();
}

export const guideHandlers = (
  ctx: ServiceContext,
): Pick<Handlers, 'guide.get' | 'guide.dismiss' | 'guide.reportSeen'> => ({
  'guide.get': () => guideOf(ctx),
  'guide.dismiss': async () => {
    await mark(ctx, 'dismissed_at');
    return guideOf(ctx);
  },
  'guide.reportSeen': async ({ sessionId }) => {
    const session = await ctx.db
      .selectFrom('sessions')
      .select('status')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    // Only a finished session has a report to review; opening one in progress is not the step.
    if (session?.status === 'completed') await mark(ctx, 'report_seen_at');
    return guideOf(ctx);
  },
});
