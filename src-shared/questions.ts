/** Questions beyond the shipped bank: the candidate's private bank, planned sets and why each was chosen. */
import { z } from 'zod';
import { CATEGORIES, DIFFICULTIES, MAX_QUESTIONS_PER_SESSION, SESSION_MODES } from './domain';

export const QUESTION_SOURCES = ['bank', 'private', 'resume', 'job', 'company', 'ai', 'follow_up'] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

export const PRIVATE_ORIGINS = ['written', 'saved', 'imported', 'generated'] as const;
export const MAX_TAGS = 10;

const tag = z
  .string({ error: 'A tag must be text.' })
  .trim()
  .min(1, { error: 'A tag cannot be empty.' })
  .max(30, { error: 'A tag must be at most 30 characters.' })
  .regex(/^[^,|;]+$/, { error: 'A tag cannot contain commas, semicolons or |.' });

/**
 * The rules every question must meet, whoever wrote it: the bank, the candidate, an import or a model. Skills
 * are optional for the candidate's own questions; everything else matches the bank's rules.
 */
export const QuestionFields = z
  .object({
    text: z
      .string({ error: 'The question must be text.' })
      .trim()
      .min(10, { error: 'The question must be at least 10 characters.' })
      .max(500, { error: 'The question must be at most 500 characters.' }),
    category: z.enum(CATEGORIES, { error: `Category must be one of ${CATEGORIES.join(', ')}.` }),
    difficulty: z.enum(DIFFICULTIES, { error: `Difficulty must be one of ${DIFFICULTIES.join(', ')}.` }),
    expectedPoints: z
      .array(
        z
          .string({ error: 'An expected point must be text.' })
          .trim()
          .min(3, { error: 'Each expected point must be at least 3 characters.' })
          .max(120, { error: 'Each expected point must be at most 120 characters.' }),
      )
      .min(3, { error: 'List at least 3 expected answer points.' })
      .max(6, { error: 'List at most 6 expected answer points.' }),
    timeLimitSec: z
      .number({ error: 'The time limit must be a number of seconds.' })
      .int({ error: 'The time limit must be a whole number of seconds.' })
      .min(120, { error: 'The time limit must be at least 120 seconds.' })
      .max(600, { error: 'The time limit must be at most 600 seconds.' }),
    skills: z
      .array(z.string().trim().min(1).max(60, { error: 'A skill must be at most 60 characters.' }))
      .max(5, { error: 'List at most 5 skills.' }),
  })
  .strict();
export type QuestionFields = z.infer<typeof QuestionFields>;

export const PrivateQuestionInput = QuestionFields.extend({
  skills: QuestionFields.shape.skills.default([]),
  tags: z
    .array(tag)
    .max(MAX_TAGS, { error: `Use at most ${MAX_TAGS} tags.` })
    .default([]),
  role: z.string().trim().max(80, { error: 'Role must be at most 80 characters.' }).nullable().default(null),
}).strict();
export type PrivateQuestionInput = z.input<typeof PrivateQuestionInput>;

export const PrivateQuestion = z.object({
  id: z.string(),
  text: z.string(),
  category: z.enum(CATEGORIES),
  difficulty: z.enum(DIFFICULTIES),
  expectedPoints: z.array(z.string()),
  timeLimitSec: z.number().int(),
  skills: z.array(z.string()),
  tags: z.array(z.string()),
  role: z.string().nullable(),
  origin: z.enum(PRIVATE_ORIGINS),
  /** The model that wrote a generated question ("llama3.2 (Ollama)"); null for the others. */
  writtenBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrivateQuestion = z.infer<typeof PrivateQuestion>;

export const ImportRowError = z.object({
  /** 1-based data row (CSV: not counting the header; JSON: the array index + 1). */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const EXCHANGE_FORMATS = ['csv', 'json'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** A question chosen for a set, with where it came from and why, in words the candidate reads. */
export const PlannedQuestion = QuestionFields.extend({
  questionId: z.string(),
  source: z.enum(QUESTION_SOURCES),
  reason: z.string(),
});
export type PlannedQuestion = z.infer<typeof PlannedQuestion>;

/** Why a planned set is not all at the chosen difficulty (or is short), said before the session starts. */
export const PlanNotice = z.object({
  message: z.string(),
  /** Questions at the chosen difficulty from the recent sessions that allowing repeats would bring back. */
  repeatable: z.number().int().nonnegative(),
  /** How many questions the set is short of the chosen difficulty for the role: what a model is asked for. */
  missing: z.number().int().nonnegative(),
});
export type PlanNotice = z.infer<typeof PlanNotice>;

const optionalId = z.string().uuid({ error: 'must be a valid id' }).optional();

export const PlanInput = z
  .object({
    role: z
      .string({ error: 'Role must be text.' })
      .trim()
      .min(1, { error: 'Role is required.' })
      .max(80, { error: 'Role must be at most 80 characters.' }),
    difficulty: z.enum(DIFFICULTIES, { error: `Difficulty must be one of ${DIFFICULTIES.join(', ')}.` }),
    questionCount: z
      .number({ error: 'Number of questions must be a number.' })
      .int({ error: 'Number of questions must be a whole number.' })
      .min(1, { error: 'Number of questions must be at least 1.' })
      .max(MAX_QUESTIONS_PER_SESSION, {
        error: `Number of questions must be at most ${MAX_QUESTIONS_PER_SESSION}.`,
      }),
    categories: z
      .array(z.enum(CATEGORIES, { error: `Categories must be among ${CATEGORIES.join(', ')}.` }))
      .max(CATEGORIES.length)
      .default([]),
    jobId: optionalId,
    resumeId: optionalId,
    /** A shipped profile's slug or a saved profile's id. */
    companyId: z.string().trim().min(1).max(80).optional(),
    /** Use the active résumé when no résumeId is given (the app's default); the CLI turns this off. */
    useActiveResume: z.boolean().default(true),
    /** Questions from the last sessions may come back (the setup screen offers it when the bank runs short). */
    allowRepeats: z.boolean().default(false),
  })
  .strict();
export type PlanInput = z.input<typeof PlanInput>;

/** Asking the configured model for the questions a planned set is missing; cancelled with `ai.cancel`. */
export const GenerateMoreInput = PlanInput.extend({ requestId: z.string().uuid() }).strict();
export type GenerateMoreInput = z.input<typeof GenerateMoreInput>;

export const GenerateMoreResult = z.object({
  /** Questions added to the candidate's bank (origin 'generated'). */
  added: z.number().int().nonnegative(),
  asked: z.number().int().nonnegative(),
  /** What happened, in one or two sentences the candidate reads. */
  message: z.string(),
  cancelled: z.boolean(),
});
export type GenerateMoreResult = z.infer<typeof GenerateMoreResult>;

/** Starting a session asks for a planned set and a mode; the session keeps how it was planned. */
export const SessionCreateInput = PlanInput.extend({
  mode: z
    .enum(SESSION_MODES, {
      error: 'Mode must be Practice, Mock interview, Spoken mock interview or Company.',
    })
    .default('practice'),
})
  .strict()
  .refine((s) => s.mode !== 'company' || Boolean(s.companyId), {
    error: 'Choose a company for company mode.',
    path: ['companyId'],
  });
export type SessionCreateInput = z.input<typeof SessionCreateInput>;

export const FollowUp = z.object({
  text: z.string(),
  /** What the follow-up is after, in the candidate's terms. */
  gap: z.enum([
    'star_situation',
    'star_task',
    'star_action',
    'star_result',
    'expected_point',
    'vague_claim',
    'adaptive',
  ]),
  reason: z.string(),
  source: z.enum(['builtin', 'ai']),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const StorySuggestion = z.object({
  title: z.string(),
  /** The résumé entry the story comes from ("Senior Engineer at Acme") or the project's name. */
  from: z.string(),
  evidence: z.string(),
  values: z.array(z.string()),
  prompt: z.string(),
});
export type StorySuggestion = z.infer<typeof StorySuggestion>;
