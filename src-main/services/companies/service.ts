import type { Handlers } from '../../../src-shared/contract';
import { CompanyProfileInput, type CompanyProfile } from '../../../src-shared/companies';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../../core/context';
import type { CompaniesTable } from '../../db/schema';
import { proposeFromPosting } from '../jobs/posting';
import { activeResume, getResume } from '../resume/service';
import { extractCompanyName, extractStages, extractValues } from './extract';
import { profileOf } from './profiles';

function fromRow(row: CompaniesTable): CompanyProfile {
  const p = CompanyProfileInput.parse(JSON.parse(row.profile));
  return profileOf(p, { id: row.id, builtin: false, sources: [], updatedAt: row.updated_at });
}

const notFound = () => new AppError('NOT_FOUND', 'That company profile no longer exists.');

/** A shipped profile by its slug, or one the candidate saved by its id. */
export async function getCompany(ctx: ServiceContext, id: string): Promise<CompanyProfile> {
  const shipped = ctx.companies.find((c) => c.id === id);
  if (shipped) return shipped;
  const row = await ctx.db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return fromRow(row);
}

type CompanyChannels =
  | 'companies.list'
  | 'companies.get'
  | 'companies.extract'
  | 'companies.save'
  | 'companies.delete'
  | 'companies.stories';

export const companyHandlers = (ctx: ServiceContext): Pick<Handlers, CompanyChannels> => ({
  'companies.list': async () => {
    const own = await ctx.db.selectFrom('companies').selectAll().orderBy('name').execute();
    return [...own.map(fromRow), ...ctx.companies];
  },
  'companies.get': ({ id }) => getCompany(ctx, id),
  'companies.extract': ({ valuesText, postingText }) => {
    const posting = postingText ? proposeFromPosting(postingText, ctx.taxonomy()) : null;
    const values = extractValues(valuesText);
    return {
      name: posting?.company ?? extractCompanyName(valuesText) ?? '',
      summary: '',
      values,
      stages: extractStages(`${valuesText}\n${postingText ?? ''}`),
      focusAreas: (posting?.requiredSkills ?? []).slice(0, 8),
      notes:
        values.length === 0
          ? ['No values were found. Paste the part of the page that lists them, or add them yourself.']
          : [],
    };
  },
  'companies.save': async ({ id, profile }) => {
    if (id && ctx.companies.some((c) => c.id === id))
      throw new AppError(
        'CONFLICT',
        'Shipped profiles cannot be changed; save a copy under a new name instead.',
      );
    const now = ctx.now().toISOString();
    const body = JSON.stringify(profile);
    if (id) {
      const result = await ctx.db
        .updateTable('companies')
        .set({ name: profile.name, profile: body, updated_at: now })
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound();
      return getCompany(ctx, id);
    }
    const newId = ctx.newId();
    await ctx.db
      .insertInto('companies')
      .values({ id: newId, name: profile.name, profile: body, created_at: now, updated_at: now })
      .execute();
    return getCompany(ctx, newId);
  },
  'companies.delete': async ({ id }) => {
    if (ctx.companies.some((c) => c.id === id))
      throw new AppError('CONFLICT', 'Shipped profiles cannot be deleted.');
    const result = await ctx.db.deleteFrom('companies').where('id', '=', id).executeTakeFirst();
    return { deleted: result.numDeletedRows > 0n };
  },
  'companies.stories': async ({ id, resumeId }) => {
    const company = await getCompany(ctx, id);
    const resume = resumeId ? await getResume(ctx, resumeId) : await activeResume(ctx);
    if (!resume) return { stories: [], note: 'Add your résumé to get story suggestions drawn from it.' };
    // Loaded on first use: the stories match words with the evaluation's stemmer, whose NLP model is heavy.
    const { suggestStories } = await import('./stories');
    const stories = suggestStories(resume.effective, company);
    return {
      stories,
      note:
        stories.length < 3
          ? 'Your résumé has few bullets describing what you did; add some to get more.'
          : null,
    };
  },
});
