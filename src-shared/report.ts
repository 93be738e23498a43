/** A finished session's report: what the review screen charts and what exports to PDF and Markdown. */
import { z } from 'zod';
import { CATEGORIES, DIFFICULTIES } from './catalog';
import { CRITERIA } from './evaluation';

const Scores = z.object({
  overall: z.number(),
  content_quality: z.number(),
  clarity: z.number(),
  confidence: z.number(),
  technical_accuracy: z.number(),
});
export type Scores = z.infer<typeof Scores>;
export const SCORE_KEYS = ['overall', ...CRITERIA] as const;

const Comparison = z.object({
  sessionId: z.string(),
  label: z.string(),
  /** Percentage change per score, against that session's averages; null when it had none. */
  change: z.record(z.enum(SCORE_KEYS), z.number().nullable()),
});

export const SessionReport = z.object({
  sessionId: z.string(),
  title: z.string(),
  role: z.string(),
  difficulty: z.enum(DIFFICULTIES),
  attempt: z.number().int(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  answered: z.number().int(),
  skipped: z.number().int(),
  /** Averages over the answers with feedback; null when nothing was answered. */
  averages: Scores.nullable(),
  /** The previous session with the same role and difficulty. */
  previous: Comparison.nullable(),
  /** For a retake: against the attempt before it and against the first attempt. */
  previousAttempt: Comparison.nullable(),
  firstAttempt: Comparison.nullable(),
  strengths: z.array(z.object({ text: z.string(), question: z.string() })),
  improvements: z.array(z.object({ text: z.string(), question: z.string() })),
  categories: z.array(
    z.object({ category: z.enum(CATEGORIES), overall: z.number(), answers: z.number().int() }),
  ),
  questions: z.array(
    z.object({
      position: z.number().int(),
      text: z.string(),
      category: z.enum(CATEGORIES),
      followUp: z.boolean(),
      skipped: z.boolean(),
      scores: Scores.nullable(),
      timeTakenMs: z.number().nullable(),
      timeLimitSec: z.number().int(),
      overtime: z.boolean(),
    }),
  ),
});
export type SessionReport = z.infer<typeof SessionReport>;
