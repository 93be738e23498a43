import { z } from 'zod';
import { CATEGORIES, DIFFICULTIES, type Category, type Difficulty } from './catalog';
import { CRITERIA, CriteriaScores, EvaluationResult } from './evaluation';
import { Delivery } from './voice';

export const ROLES = [
  'Software Engineer',
  'Frontend Engineer',
  'Backend Engineer',
  'Full-stack Engineer',
  'Mobile Engineer',
  'Data Scientist',
  'Data Analyst',
  'Machine Learning Engineer',
  'DevOps / SRE',
  'Security Engineer',
  'Product Manager',
  'Product Designer',
  'Marketing Manager',
  'Financial Analyst',
  'Sales',
  'Project Manager',
] as const;

/** The bank's pseudo-role for questions that suit every role. */
export const GENERAL_ROLE = 'General';

export const EXPERIENCE_LEVELS = ['Entry', 'Mid', 'Senior', 'Staff', 'Principal'] as const;
export { CATEGORIES, DIFFICULTIES };
export const SESSION_STATUSES = ['setup', 'active', 'paused', 'completed', 'abandoned'] as const;
/**
 * Practice: feedback after each answer. Mock: feedback only at the end, follow-ups like a real interviewer.
 * Spoken: a mock interview held out loud (each question read aloud, answered by voice, typing as a fallback).
 */
export const SESSION_MODES = ['practice', 'mock', 'spoken', 'company'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const ANSWER_MIN_CHARS = 10;
export const ANSWER_MAX_CHARS = 5000;
export const MAX_QUESTIONS_PER_SESSION = 20;

export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export type { Category, Difficulty };
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` });

export const id = z.string().uuid({ error: 'must be a valid id' });
export const isoDateTime = z.string();

export const ProfileInput = z
  .object({
    name: trimmed('Name', 80),
    targetRole: trimmed('Target role', 80),
    experienceLevel: z.enum(EXPERIENCE_LEVELS, {
      error: `Experience level must be one of ${EXPERIENCE_LEVELS.join(', ')}.`,
    }),
  })
  .strict();

export const Profile = ProfileInput.extend({
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Profile = z.infer<typeof Profile>;

export const BankQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+-\d{3}$/),
    category: z.enum(CATEGORIES),
    difficulty: z.enum(DIFFICULTIES),
    text: z.string().min(10).max(500),
    expectedPoints: z.array(z.string().min(3).max(120)).min(3).max(6),
    timeLimitSec: z.number().int().min(120).max(600),
    skills: z.array(z.string().min(1)).min(1).max(5),
  })
  .strict();
export type BankQuestion = z.infer<typeof BankQuestion>;

export const BankFile = z.object({ role: z.string().min(1), questions: z.array(BankQuestion) }).strict();

export const AnswerText = z
  .string({ error: 'Your answer must be text.' })
  .refine((s) => s.trim().length >= ANSWER_MIN_CHARS, {
    error: `Your answer must be at least ${ANSWER_MIN_CHARS} characters.`,
  })
  .refine((s) => s.length <= ANSWER_MAX_CHARS, {
    error: `Your answer must be at most ${ANSWER_MAX_CHARS.toLocaleString('en-US')} characters.`,
  });

const elapsedMs = z
  .number({ error: 'Elapsed time must be a number.' })
  .int()
  .min(0)
  .max(24 * 3600 * 1000);

export const DraftInput = z
  .object({
    sessionQuestionId: id,
    text: z.string().max(ANSWER_MAX_CHARS, {
      error: `Your answer must be at most ${ANSWER_MAX_CHARS.toLocaleString('en-US')} characters.`,
    }),
    elapsedMs,
  })
  .strict();

export const SubmitInput = z.object({ sessionQuestionId: id, text: AnswerText, elapsedMs }).strict();
export const SkipInput = z.object({ sessionQuestionId: id, elapsedMs }).strict();

export const Answer = z.object({
  text: z.string(),
  skipped: z.boolean(),
  timeTakenMs: z.number(),
  overtime: z.boolean(),
  submittedAt: isoDateTime,
});

export const SessionQuestion = z.object({
  id,
  position: z.number().int(),
  questionId: z.string(),
  text: z.string(),
  category: z.enum(CATEGORIES),
  difficulty: z.enum(DIFFICULTIES),
  timeLimitSec: z.number().int(),
  expectedPoints: z.array(z.string()),
  elapsedMs: z.number().int(),
  /** Where the question came from (bank, résumé, job, company…) and why it was chosen, for the candidate. */
  source: z.string(),
  reason: z.string(),
  /** Set on a follow-up: the question it follows up. */
  parentId: z.string().nullable(),
  answer: Answer.nullable(),
  /** Feedback on the answer: a model's where one reviewed it, else the builtin coach's. */
  feedback: z
    .object({
      result: EvaluationResult,
      provider: z.string(),
      model: z.string().nullable(),
      /** Criteria where the model and the builtin coach disagree by more than 30 points. */
      flags: z.array(z.enum(CRITERIA)),
      /** The builtin scores, when a model's feedback is shown, so a flagged score can be compared. */
      builtinScores: CriteriaScores.nullable(),
    })
    .nullable(),
  draft: z.object({ text: z.string(), updatedAt: isoDateTime }).nullable(),
  /**
   * The question answered out loud: what its newest transcribed (or measured) recording heard, and how it
   * sounded. Null for a typed or skipped answer. On a question left unanswered it is a recording cut short when
   * Rehearse closed, transcribed after its session ended.
   */
  spoken: z
    .object({
      recordingId: z.string(),
      transcript: z.string().nullable(),
      delivery: Delivery.nullable(),
    })
    .nullable(),
});
export type SessionQuestion = z.infer<typeof SessionQuestion>;

export const SessionSummary = z.object({
  id,
  role: z.string(),
  difficulty: z.enum(DIFFICULTIES),
  mode: z.enum(SESSION_MODES),
  status: z.enum(SESSION_STATUSES),
  questionCount: z.number().int(),
  answeredCount: z.number().int(),
  currentPosition: z.number().int(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  attempt: z.number().int(),
  retakeOf: z.string().nullable(),
  firstAttemptId: z.string(),
  jobId: z.string().nullable(),
  companyId: z.string().nullable(),
  categories: z.array(z.enum(CATEGORIES)),
  pausedAt: isoDateTime.nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionDetail = SessionSummary.extend({ questions: z.array(SessionQuestion) });
export type SessionDetail = z.infer<typeof SessionDetail>;

export const Page = z
  .object({
    page: z.number().int().min(1, { error: 'Page must be at least 1.' }).default(1),
    pageSize: z.number().int().min(1).max(100, { error: 'Page size must be at most 100.' }).default(20),
  })
  .strict();

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time.` }).optional();

/** History filters: every one optional; `since`/`until` are instants the UI computes in local time. */
export const SessionFilter = Page.extend({
  since: instant('The start date'),
  until: instant('The end date'),
  role: z.string().trim().max(80).optional(),
  jobId: id.optional(),
  status: z
    .enum(SESSION_STATUSES, { error: `Status must be one of ${SESSION_STATUSES.join(', ')}.` })
    .optional(),
})
  .strict()
  .refine((f) => !f.since || !f.until || Date.parse(f.since) <= Date.parse(f.until), {
    error: 'The end date must be on or after the start date.',
    path: ['until'],
  });
