import { z } from 'zod';
import { CATEGORIES } from './domain';

/** The first hour's steps, in the order the Home checklist shows them. */
export const GUIDE_STEPS = ['profile', 'resume', 'job', 'session', 'report'] as const;
export type GuideStep = (typeof GUIDE_STEPS)[number];

/** What the candidate would best practise next, worked out from their own data, and how to set it up. */
export const NextStep = z.object({
  kind: z.enum(['retake', 'job_gap', 'weak_category']),
  title: z.string(),
  reason: z.string(),
  /** The button's words. */
  action: z.string(),
  /** For a retake: the session to take again. */
  sessionId: z.string().nullable(),
  /** For the others: what the setup screen starts with. */
  setup: z
    .object({
      categories: z.array(z.enum(CATEGORIES)).optional(),
      jobId: z.string().optional(),
      questionCount: z.number().int().optional(),
    })
    .nullable(),
});
export type NextStep = z.infer<typeof NextStep>;

export const Guide = z.object({
  steps: z.array(z.object({ id: z.enum(GUIDE_STEPS), done: z.boolean() })),
  dismissed: z.boolean(),
  /** The newest completed session, whose report the last step opens. */
  latestCompletedId: z.string().nullable(),
  next: NextStep.nullable(),
});
export type Guide = z.infer<typeof Guide>;
