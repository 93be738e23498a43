import type { Handlers } from '../../../src-shared/contract';
import type { ExperienceLevel } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import type { Job, JobInput } from '../../../src-shared/jobs';
import type { ServiceContext } from '../../core/context';
import type { JobsTable } from '../../db/schema';
import { proposeWithModel } from './model';
import { proposeFromPosting } from './posting';
import { matchResume, skillKey } from './match';
import type { Taxonomy } from '../resume/skills';
import { activeResume, getResume } from '../resume/service';

function jobOf(ctx: ServiceContext, row: JobsTable): Job {
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    description: ctx.vault.open('jobs.description', row.description),
    experienceLevel: row.experience_level as ExperienceLevel | null,
    techStack: JSON.parse(row.tech_stack) as string[],
    requiredSkills: JSON.parse(row.required_skills) as string[],
    niceToHaveSkills: JSON.parse(row.nice_skills) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function row(ctx: ServiceContext, id: string): Promise<JobsTable> {
  const found = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'That job posting no longer exists.');
  return found;
}

export const getJob = async (ctx: ServiceContext, id: string): Promise<Job> => jobOf(ctx, await row(ctx, id));

/** One of each skill, the first spelling kept: "Go" and "go", or "Postgres" and "PostgreSQL", are one skill. */
function unique(taxonomy: Taxonomy, list: string[], taken: string[] = []): string[] {
  const seen = new Set(taken.map((s) => skillKey(taxonomy, s)));
  return list.filter((s) => {
    const key = skillKey(taxonomy, s);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * The tech stack the candidate typed is required by definition. Skill lists the candidate confirmed are final,
 * so a skill the reader got wrong stays removed; without them the description adds what the reader finds.
 */
function skillColumns(ctx: ServiceContext, input: JobInput) {
  const confirmed = input.requiredSkills !== undefined || input.niceToHaveSkills !== undefined;
  const proposal = confirmed
    ? { requiredSkills: input.requiredSkills ?? [], niceToHaveSkills: input.niceToHaveSkills ?? [] }
    : proposeFromPosting(input.description, ctx.taxonomy());
  const required = unique(ctx.taxonomy(), [...(input.techStack ?? []), ...proposal.requiredSkills]);
  const nice = unique(ctx.taxonomy(), proposal.niceToHaveSkills, required);
  return {
    tech_stack: JSON.stringify(input.techStack ?? []),
    required_skills: JSON.stringify(required),
    nice_skills: JSON.stringify(nice),
  };
}

type JobChannels =
  'jobs.list' | 'jobs.get' | 'jobs.create' | 'jobs.update' | 'jobs.delete' | 'jobs.propose' | 'jobs.match';

export const jobHandlers = (ctx: ServiceContext): Pick<Handlers, JobChannels> => ({
  'jobs.list': async () =>
    (
      await ctx.db
        .selectFrom('jobs')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    ).map((r) => jobOf(ctx, r)),
  'jobs.get': ({ id }) => getJob(ctx, id),
  'jobs.create': async (input) => {
    const id = ctx.newId();
    const now = ctx.now().toISOString();
    await ctx.db
      .insertInto('jobs')
      .values({
        id,
        title: input.title,
        company: input.company || null,
        description: ctx.vault.seal('jobs.description', input.description),
        experience_level: input.experienceLevel ?? null,
        ...skillColumns(ctx, input),
        created_at: now,
        updated_at: now,
      })
      .execute();
    ctx.emit('jobs.changed', { id });
    return jobOf(ctx, await row(ctx, id));
  },
  'jobs.update': async ({ id, job }) => {
    await row(ctx, id);
    await ctx.db
      .updateTable('jobs')
      .set({
        title: job.title,
        company: job.company || null,
        description: ctx.vault.seal('jobs.description', job.description),
        experience_level: job.experienceLevel ?? null,
        ...skillColumns(ctx, job),
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    ctx.emit('jobs.changed', { id });
    return jobOf(ctx, await row(ctx, id));
  },
  'jobs.delete': async ({ id }) => {
    await row(ctx, id);
    await ctx.db.deleteFrom('jobs').where('id', '=', id).execute();
    ctx.emit('jobs.changed', { id });
    return { deleted: true };
  },
  'jobs.propose': async ({ text, model }) => {
    if (!model) return proposeFromPosting(text, ctx.taxonomy());
    const read = await proposeWithModel(ctx, text);
    return {
      ...read.proposal,
      readBy: { provider: read.provider, model: read.model },
      dropped: read.dropped,
    };
  },
  'jobs.match': async ({ jobId, resumeId }) => {
    const job = jobOf(ctx, await row(ctx, jobId));
    const resume = resumeId ? await getResume(ctx, resumeId) : await activeResume(ctx);
    if (!resume) throw new AppError('NOT_FOUND', 'Add your résumé first to see how it matches this job.');
    return matchResume(resume.effective, job, ctx.taxonomy());
  },
});
