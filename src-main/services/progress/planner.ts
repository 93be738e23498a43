/**
 * Study plans in the database: made by the builtin planner, refined by a model when one is set up (its
 * milestones and resources only: the tasks, dates and practice links stay the builtin ones, so every task
 * still opens a real practice set), adapted weekly as scores change, ticked off by hand or by practising.
 */
import { z } from 'zod';
import type { ParsedInput } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { StudyPlan } from '../../../src-shared/progress';
import type { ServiceContext } from '../../core/context';
import { matchResume } from '../jobs/match';
import { getJob } from '../jobs/service';
import { activeResume } from '../resume/service';
import { hostTimeZone, localDay } from './dates';
import { categoryLabel } from './labels';
import { adaptPlan, allTasks, buildPlan, focusFrom, markDoneBySessions } from './plan';
import { categoryAverages, recentScores, sessionsSince, type Db } from './queries';

/** The window of recent answers the plan's focus is judged on (the same as question selection's). */
export const RECENT_ANSWERS = 50;
const MAX_GAPS = 5;

const today = (ctx: ServiceContext) => localDay(ctx.now(), hostTimeZone());

async function recentStats(db: Db) {
  return categoryAverages(await recentScores(db, RECENT_ANSWERS));
}

const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|org|net|io|dev|edu)\b)/i;

function refinementSchema(weeks: number) {
  const text = (min: number, max: number) =>
    z
      .string()
      .trim()
      .min(min)
      .max(max)
      .refine((s) => !LINK.test(s), 'must not contain links or web addresses');
  return z.object({
    milestones: z.array(text(10, 240)).length(weeks),
    resources: z
      .array(z.object({ title: text(3, 80), detail: text(10, 300) }))
      .min(1)
      .max(8),
  });
}
type Refinement = z.infer<ReturnType<typeof refinementSchema>>;

const JSON_SCHEMA = {
  type: 'object',
  properties: {
    milestones: { type: 'array', items: { type: 'string', maxLength: 240 } },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        properties: { title: { type: 'string', maxLength: 80 }, detail: { type: 'string', maxLength: 300 } },
        required: ['title', 'detail'],
      },
      maxItems: 8,
    },
  },
  required: ['milestones', 'resources'],
};

const SYSTEM =
  'You are an experienced interview coach refining a candidate’s study plan. Milestones are specific, measurable and achievable in the week. Resources are general (kinds of books, official documentation, habits); never include links, web addresses or made-up titles. Reply with JSON only: {"milestones": [...], "resources": [...]}.';

function prompt(plan: StudyPlan): string {
  return [
    `A ${plan.lengthDays}-day interview study plan, ${plan.hoursPerWeek} hours a week${plan.job ? `, for the job ${plan.job.title}` : ''}${plan.interviewDate ? `, interview on ${plan.interviewDate}` : ''}.`,
    `Focus: ${plan.focus.map((f) => `${categoryLabel(f.category)}${f.average === null ? '' : ` (average ${f.average} of 100)`}`).join(', ')}.`,
    plan.skillGaps.length > 0
      ? `Skills the job asks for that the résumé does not show: ${plan.skillGaps.join(', ')}.`
      : '',
    '',
    `Write exactly ${plan.weeks.length} weekly milestones, one per week, in order. The weeks:`,
    ...plan.weeks.map(
      (w) =>
        `Week ${w.index + 1} (${w.start} to ${w.end}): ${w.tasks.map((t) => t.title).join('; ') || 'no tasks'}.`,
    ),
    '',
    'Then up to 6 general resources to study from, each with a title and one or two sentences on how to use it.',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The model's milestones and resources over the builtin ones; the builtin plan as it is when none answers. */
export async function refinePlan(ctx: ServiceContext, plan: StudyPlan): Promise<StudyPlan> {
  const builtin = (): Refinement => ({
    milestones: plan.weeks.map((w) => w.milestone),
    resources: plan.resources,
  });
  const result = await ctx.ai.chain.run(
    {
      task: 'studyPlan',
      system: SYSTEM,
      user: prompt(plan),
      schema: refinementSchema(plan.weeks.length),
      jsonSchema: JSON_SCHEMA,
    },
    builtin,
  );
  const notes = [...plan.notes, ...result.notes];
  if (result.provider === 'builtin') return { ...plan, notes };
  return {
    ...plan,
    weeks: plan.weeks.map((w, i) => ({ ...w, milestone: result.value.milestones[i] ?? w.milestone })),
    resources: result.value.resources,
    source: { provider: result.provider, model: result.model },
    notes,
  };
}

async function activeRow(db: Db) {
  return db.selectFrom('study_plans').selectAll().where('status', '=', 'active').executeTakeFirst();
}

async function save(db: Db, plan: StudyPlan, at: string): Promise<void> {
  await db
    .updateTable('study_plans')
    .set({ plan: JSON.stringify(plan), updated_at: at })
    .where('id', '=', plan.id)
    .execute();
}

export async function createPlan(
  ctx: ServiceContext,
  input: ParsedInput<'progress.plan.create'>,
): Promise<StudyPlan> {
  const day = today(ctx);
  if (input.interviewDate && input.interviewDate < day) {
    const reason = 'The interview date has passed; choose today or a later day.';
    throw new AppError('VALIDATION_ERROR', reason, { field: 'interviewDate', reason });
  }
  const job = input.jobId ? await getJob(ctx, input.jobId) : null;
  const notes: string[] = [];
  let skillGaps: string[] = [];
  if (job) {
    const resume = await activeResume(ctx);
    if (resume)
      skillGaps = matchResume(resume.effective, job, ctx.taxonomy()).missingRequired.slice(0, MAX_GAPS);
    else notes.push('Add your résumé to plan around the skills this job asks for that it does not show.');
  }
  const focus = focusFrom(await recentStats(ctx.db));
  const now = ctx.now().toISOString();
  const built = buildPlan(
    ctx.newId(),
    now,
    {
      today: day,
      lengthDays: input.lengthDays,
      hoursPerWeek: input.hoursPerWeek,
      interviewDate: input.interviewDate ?? null,
      job: job && { id: job.id, title: job.title },
      skillGaps,
    },
    focus,
  );
  const refined = await refinePlan(ctx, { ...built, notes: [...built.notes, ...notes] });
  // Practice already done today counts towards today's task.
  const plan = await tickedBySessions(ctx, refined, day, hostTimeZone());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('study_plans')
      .set({ status: 'archived', updated_at: now })
      .where('status', '=', 'active')
      .execute();
    await trx
      .insertInto('study_plans')
      .values({ id: plan.id, status: 'active', plan: JSON.stringify(plan), created_at: now, updated_at: now })
      .execute();
  });
  return plan;
}

/** Ticks the plan's tasks done by sessions completed on their day (from the plan's first day to today). */
async function tickedBySessions(ctx: ServiceContext, plan: StudyPlan, day: string, zone: string) {
  // From a day before the start in UTC, so every zone's first local day of the plan is included.
  const since = new Date(Date.parse(`${plan.startDate}T00:00:00Z`) - 86_400_000).toISOString();
  const sessions = (await sessionsSince(ctx.db, since)).map((s) => ({
    ...s,
    localDate: s.localDate ?? localDay(new Date(s.completedAt), zone),
  }));
  return markDoneBySessions(plan, sessions, day);
}

/** The active plan, adapted if a week has passed and with the tasks done by practising ticked. */
export async function currentPlan(ctx: ServiceContext): Promise<StudyPlan | null> {
  const row = await activeRow(ctx.db);
  if (!row) return null;
  const stored = StudyPlan.parse(JSON.parse(row.plan));
  const zone = hostTimeZone();
  const day = localDay(ctx.now(), zone);
  const plan = await tickedBySessions(ctx, adaptPlan(stored, await recentStats(ctx.db), day), day, zone);
  if (plan !== stored) await save(ctx.db, plan, ctx.now().toISOString());
  return plan;
}

export async function setTaskDone(
  ctx: ServiceContext,
  input: ParsedInput<'progress.plan.setDone'>,
): Promise<StudyPlan> {
  const plan = await currentPlan(ctx);
  if (!plan) throw new AppError('NOT_FOUND', 'There is no study plan yet; make one first.');
  const task = allTasks(plan).find((t) => t.id === input.taskId);
  if (!task) throw new AppError('NOT_FOUND', 'That task is no longer part of your plan.');
  if (task.doneBySession && !input.done)
    throw new AppError('CONFLICT', 'A session you completed that day did this task, so it stays done.');
  const at = ctx.now().toISOString();
  const next: StudyPlan = {
    ...plan,
    weeks: plan.weeks.map((w) => ({
      ...w,
      tasks: w.tasks.map((t) =>
        t.id === input.taskId
          ? { ...t, doneAt: input.done ? (t.doneAt ?? at) : null, doneBySession: false }
          : t,
      ),
    })),
  };
  await save(ctx.db, next, at);
  return next;
}

export async function deletePlan(ctx: ServiceContext): Promise<{ deleted: boolean }> {
  const result = await ctx.db
    .updateTable('study_plans')
    .set({ status: 'archived', updated_at: ctx.now().toISOString() })
    .where('status', '=', 'active')
    .executeTakeFirst();
  return { deleted: Number(result.numUpdatedRows) > 0 };
}
