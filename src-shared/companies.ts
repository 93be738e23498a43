import { z } from 'zod';
import { CATEGORIES } from './domain';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max.toLocaleString('en-US')} characters.` });

export const CompanyValue = z
  .object({
    name: text('Value name', 80),
    /** What the company says the value means, in a sentence or two. */
    description: z.string().trim().max(400, { error: 'A value description must be at most 400 characters.' }),
  })
  .strict();
export type CompanyValue = z.infer<typeof CompanyValue>;

export const InterviewStage = z
  .object({
    name: text('Stage name', 80),
    description: z.string().trim().max(400, { error: 'A stage description must be at most 400 characters.' }),
    /** The question categories this stage exercises; selection weights are counted from these. */
    categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  })
  .strict();
export type InterviewStage = z.infer<typeof InterviewStage>;

export const CompanySource = z
  .object({
    url: z.url({ protocol: /^https$/, error: 'A source must be an https:// address.' }),
    title: text('Source title', 200),
  })
  .strict();

/** What the candidate edits and saves; shipped profiles use the same shape plus their sources. */
export const CompanyProfileInput = z
  .object({
    name: text('Company name', 120),
    summary: z.string().trim().max(600, { error: 'The summary must be at most 600 characters.' }).default(''),
    values: z
      .array(CompanyValue)
      .min(1, { error: 'Add at least one value the company states.' })
      .max(20, { error: 'List at most 20 values.' }),
    stages: z.array(InterviewStage).max(12, { error: 'List at most 12 interview stages.' }).default([]),
    focusAreas: z
      .array(text('Focus area', 80))
      .max(20, { error: 'List at most 20 focus areas.' })
      .default([]),
  })
  .strict();
export type CompanyProfileInput = z.input<typeof CompanyProfileInput>;

/** A file in resources/companies/: only what the company itself publishes, with where it says so. */
export const ShippedCompanyFile = CompanyProfileInput.extend({
  id: z.string().regex(/^[a-z0-9-]+$/),
  sources: z.array(CompanySource).min(1),
  /** The day the sources were read, YYYY-MM-DD. */
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
}).strict();
export type ShippedCompanyFile = z.infer<typeof ShippedCompanyFile>;

export const CompanyProfile = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  values: z.array(CompanyValue),
  stages: z.array(InterviewStage),
  focusAreas: z.array(z.string()),
  sources: z.array(CompanySource),
  builtin: z.boolean(),
  /** Share of questions per category in company mode, summing to 1. */
  categoryWeights: z.record(z.enum(CATEGORIES), z.number()),
  updatedAt: z.string().nullable(),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;
