import { z } from 'zod';
import { EXPERIENCE_LEVELS } from './domain';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max.toLocaleString('en-US')} characters.` });

const skillList = (what: string) =>
  z
    .array(z.string().trim().min(1).max(60, { error: 'A skill must be at most 60 characters.' }))
    .max(50, { error: `List at most 50 ${what}.` })
    .optional();

export const JobInput = z
  .object({
    title: text('Title', 120),
    description: text('Description', 50_000),
    company: z.string().trim().max(120, { error: 'Company must be at most 120 characters.' }).optional(),
    experienceLevel: z
      .enum(EXPERIENCE_LEVELS, { error: `Experience level must be one of ${EXPERIENCE_LEVELS.join(', ')}.` })
      .optional(),
    techStack: skillList('technologies'),
    /** The skills as the candidate confirmed them; given, they replace what the reader finds in the description. */
    requiredSkills: skillList('required skills'),
    niceToHaveSkills: skillList('nice-to-have skills'),
  })
  .strict();
export type JobInput = z.infer<typeof JobInput>;

export const Job = z.object({
  id: z.string(),
  title: z.string(),
  company: z.string().nullable(),
  description: z.string(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).nullable(),
  techStack: z.array(z.string()),
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const JobProposal = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).nullable(),
  requiredSkills: z.array(z.string()),
  niceToHaveSkills: z.array(z.string()),
  /** Soft skills the posting names ("communication", "mentoring"), kept apart from what it asks you to know. */
  softSkills: z.array(z.string()),
  /**
   * What the posting asks for in words the skills list has no name for ("Genomics", "Trade shows"), as written.
   * Not in the two lists: about a third of such phrases are skills, so the candidate is offered them to add.
   */
  asWritten: z.array(z.string()).optional(),
  /** Who read the posting when a model was asked: the provider and model, or 'builtin' when none answered. */
  readBy: z.object({ provider: z.string(), model: z.string().nullable() }).optional(),
  /** What the model proposed that the posting does not say, and so was dropped. */
  dropped: z.array(z.string()).optional(),
});
export type JobProposal = z.infer<typeof JobProposal>;

export const MatchReport = z.object({
  matched: z.array(z.string()),
  missingRequired: z.array(z.string()),
  missingNiceToHave: z.array(z.string()),
  /**
   * Share of the required skills (or of all listed skills when none is marked required) the résumé shows; null
   * when the posting lists no skill, so there is nothing to cover (never "100%" of nothing).
   */
  coverage: z.number().min(0).max(100).nullable(),
  suggestions: z.array(z.string()),
});
export type MatchReport = z.infer<typeof MatchReport>;
