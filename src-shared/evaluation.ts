import { z } from 'zod';
import { CATEGORIES } from './catalog';

/** Bumped whenever scoring changes, so cached evaluations from an older rubric are not reused. */
export const EVALUATOR_VERSION = 'builtin-2';

export const CRITERIA = ['content_quality', 'clarity', 'confidence', 'technical_accuracy'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** How much each criterion counts towards `overall`; the weights sum to 1. */
export const CRITERION_WEIGHTS: Readonly<Record<Criterion, number>> = {
  content_quality: 0.4,
  clarity: 0.2,
  confidence: 0.2,
  technical_accuracy: 0.2,
};

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPartName = (typeof STAR_PARTS)[number];

/** Only behavioural and situational answers are read as stories; the rest get `star: null`. */
export const STAR_CATEGORIES: ReadonlySet<string> = new Set(['Behavioral', 'Situational']);

const score = z.number().int().min(0).max(100);

export const EvaluationInput = z.object({
  question: z.object({
    text: z.string(),
    category: z.enum(CATEGORIES),
    expectedPoints: z.array(z.string()),
  }),
  answer: z.string(),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export const CriterionScore = z.object({
  score,
  /** One sentence naming the specifics behind the score. */
  reason: z.string(),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const CriteriaScores = z.object({
  content_quality: CriterionScore,
  clarity: CriterionScore,
  confidence: CriterionScore,
  technical_accuracy: CriterionScore,
});
export type CriteriaScores = z.infer<typeof CriteriaScores>;

export const StarPart = z.object({
  present: z.boolean(),
  /** Sentences of the answer that show this part, each an exact substring of the answer. */
  quotes: z.array(z.string()),
  /** What a complete part would add; empty when nothing is missing. */
  missing: z.array(z.string()),
});
export type StarPart = z.infer<typeof StarPart>;

export const StarAnalysis = z.object({
  situation: StarPart,
  task: StarPart,
  action: StarPart,
  result: StarPart,
});
export type StarAnalysis = z.infer<typeof StarAnalysis>;

export const POINT_STATUSES = ['covered', 'partial', 'missing'] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export const ExpectedPointResult = z.object({
  point: z.string(),
  status: z.enum(POINT_STATUSES),
  /** The phrase of the answer that covers the point (an exact substring), or null. */
  quote: z.string().nullable(),
  /** How the status was decided: word and phrase matching, or sentence embeddings. */
  method: z.enum(['words', 'embedding']),
  /** Set when the answer negates the point ("we didn't use caching"); `quote` then shows where. */
  contradicted: z.boolean(),
});
export type ExpectedPointResult = z.infer<typeof ExpectedPointResult>;

/** Ways a text can fail to answer the question it was given. */
export const RELEVANCE_KINDS = [
  'off_topic',
  'restates_question',
  'word_list',
  'gibberish',
  'other_language',
  'platitude',
  'too_short',
] as const;
export type RelevanceKind = (typeof RELEVANCE_KINDS)[number];

export const RelevanceVerdict = z.object({
  /** Whether the text answers this question; a non-answer is capped and every criterion with it. */
  verdict: z.enum(['answers', 'partial', 'not_an_answer']),
  /** What is wrong, for a partial answer or a non-answer; null when it answers. */
  kind: z.enum(RELEVANCE_KINDS).nullable(),
  /** The highest overall score the verdict allows. */
  cap: score,
  /** The sentence of the answer that shows the problem (an exact substring), or null. */
  evidence: z.string().nullable(),
  /** What is wrong, in one sentence for the candidate; empty when it answers. */
  message: z.string(),
  /** What an answer would need; empty when it answers. */
  needs: z.string(),
  /** Sentences of the answer not about the question (exact substrings): no evidence is taken from them. */
  offTopic: z.array(z.string()).default([]),
});
export type RelevanceVerdict = z.infer<typeof RelevanceVerdict>;

export const FeedbackItem = z.object({
  text: z.string(),
  /** The part of the answer this is about (an exact substring), or null. */
  quote: z.string().nullable(),
  /** The expected point this is about, or null. */
  point: z.string().nullable(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const EvaluationResult = z.object({
  version: z.string(),
  overall: score,
  /** Whether the text answers the question; null on evaluations made before the verdict existed. */
  relevance: RelevanceVerdict.nullable().default(null),
  criteria: CriteriaScores,
  /** Null for question categories that are not answered as a story. */
  star: StarAnalysis.nullable(),
  expectedPoints: z.array(ExpectedPointResult),
  strengths: z.array(FeedbackItem).max(3),
  improvements: z.array(FeedbackItem).max(3),
  /** The candidate's own answer restructured, with [bracketed] prompts where something is missing. */
  exampleAnswer: z.string(),
  /** Whether sentence embeddings were used on top of word matching. */
  coverageMethod: z.enum(['words', 'words+embeddings']),
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;

/** How far delivery (clarity, confidence) can lift the overall score above what the content earned. */
export const DELIVERY_LIFT = 15;

/**
 * The weighted overall score, rounded; kept here so every consumer (the builtin coach, a model's review)
 * computes it the same way. It never exceeds the relevance verdict's cap, and delivery never lifts it more
 * than DELIVERY_LIFT points above the content's own score.
 */
export function overallScore(criteria: Readonly<Record<Criterion, { score: number }>>, cap = 100): number {
  const weighted = CRITERIA.reduce((sum, c) => sum + criteria[c].score * CRITERION_WEIGHTS[c], 0);
  const content = (criteria.content_quality.score + criteria.technical_accuracy.score) / 2;
  return Math.round(Math.min(weighted, content + DELIVERY_LIFT, cap));
}
