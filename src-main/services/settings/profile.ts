import type { z } from 'zod';
import type { Handlers } from '../../../src-shared/contract';
import type { Profile, ProfileInput } from '../../../src-shared/domain';
import type { ServiceContext } from '../../core/context';

type ProfileRow = {
  name: string;
  target_role: string;
  experience_level: string;
  created_at: string;
  updated_at: string;
};

const toProfile = (row: ProfileRow): Profile => ({
  name: row.name,
  targetRole: row.target_role,
  experienceLevel: row.experience_level as Profile['experienceLevel'],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function getProfile(ctx: ServiceContext): Promise<Profile | null> {
  const row = await ctx.db.selectFrom('profile').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toProfile(row) : null;
}

export async function saveProfile(
  ctx: ServiceContext,
  input: z.output<typeof ProfileInput>,
): Promise<Profile> {
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('profile')
    .values({
      id: 1,
      name: input.name,
      target_role: input.targetRole,
      experience_level: input.experienceLevel,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: input.name,
        target_role: input.targetRole,
        experience_level: input.experienceLevel,
        updated_at: now,
      }),
    )
    .execute();
  const saved = await getProfile(ctx);
  if (!saved) throw new Error('profile row missing right after it was written');
  return saved;
}

export const profileHandlers = (ctx: ServiceContext): Pick<Handlers, 'profile.get' | 'profile.save'> => ({
  'profile.get': () => getProfile(ctx),
  'profile.save': (input) => saveProfile(ctx, input),
});
