/**
 * A model's review of an answer, after the builtin one is already on screen. The model rewrites the scores'
 * reasons, the advice and the example answer; STAR parts and expected points stay the builtin coach's (they
 * quote the answer exactly). Scores more than 30 points from the builtin ones are flagged, quotes that are not
 * in the answer are dropped, and an example answer with numbers the candidate never gave is not used.
 */
import { z } from 'zod';
import {
  CRITERIA,
  EVALUATOR_VERSION,
  overallScore,
  type EvaluationInput,
  type EvaluationResult,
} from '../../../src-shared/evaluation';
import { modelLabel } from '../../../src-shared/format';
import { evaluateAnswer } from './evaluate';
import type { ServiceContext } from '../../core/context';
import { evaluationKey } from '../ai/cache';
import { disagreements, storeEvaluation } from './store';

const Reasoned = z.object({ score: z.number().int().min(0).max(100), reason: z.string().min(3).max(400) });
const Item = z.object({
  text: z.string().min(3).max(400),
  quote: z.string().max(400).nullable().default(null),
});
const ModelReview = z.object({
  criteria: z.object({
    content_quality: Reasoned,
    clarity: Reasoned,
    confidence: Reasoned,
    technical_accuracy: Reasoned,
  }),
  strengths: z.array(Item).max(3),
  improvements: z.array(Item).max(3),
  exampleAnswer: z.string().min(10).max(6000),
});
type ModelReview = z.infer<typeof ModelReview>;

const JSON_SCHEMA = {
  type: 'object',
  properties: {
    criteria: {
      type: 'object',
      properties: Object.fromEntries(
        CRITERIA.map((c) => [
          c,
          {
            type: 'object',
            properties: { score: { type: 'integer' }, reason: { type: 'string' } },
            required: ['score', 'reason'],
          },
        ]),
      ),
      required: [...CRITERIA],
    },
    strengths: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, quote: { type: ['string', 'null'] } },
      },
    },
    improvements: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, quote: { type: ['string', 'null'] } },
      },
    },
    exampleAnswer: { type: 'string' },
  },
  required: ['criteria', 'strengths', 'improvements', 'exampleAnswer'],
};

const SYSTEM = `You are an interview coach reviewing one answer. Score four criteria from 0 to 100 with a one-sentence reason each: content_quality (coverage of the expected points, relevance, specificity: numbers, named tools, scale), clarity (structure, signposting, readability), confidence (ownership, few hedges or fillers), technical_accuracy (correct concepts for technical questions; quality of evidence for behavioural ones). Give up to 3 strengths and 3 improvements, each quoting the answer exactly where it can. Write an improved example answer that keeps the candidate's own facts and numbers and adds structure; where a figure is missing write [number]; never invent facts. Reply with JSON only.`;

const numbersIn = (text: string) => new Set(text.match(/\d+(?:[.,]\d+)?/g) ?? []);

/** Above this a model's overall for a text the builtin coach found is not an answer is overruled. */
export const NON_ANSWER_MODEL_CEILING = 35;

export interface MergedReview {
  /** Null when the review was not used at all. */
  result: EvaluationResult | null;
  /** Why parts of the model's review were not used, one sentence each for the candidate. */
  overruled: string[];
}

/**
 * The model's review on top of the builtin one. The model cannot overrule the relevance verdict: its scores
 * are capped by it, and a review that scores a non-answer above NON_ANSWER_MODEL_CEILING is not used at all.
 * Items that quote words not in the answer are left out, and the candidate is told both.
 */
export function mergeReview(builtin: EvaluationResult, review: ModelReview, answer: string): MergedReview {
  const overruled: string[] = [];
  const verdict = builtin.relevance;
  const reviewed = overallScore(review.criteria);
  if (verdict?.verdict === 'not_an_answer' && reviewed > NON_ANSWER_MODEL_CEILING) {
    overruled.push(
      `The model scored this ${reviewed}, but it does not answer the question (${verdict.message.replace(/\.$/, '')}), so the builtin feedback stands.`,
    );
    return { result: null, overruled };
  }
  const real = (q: string | null) => q === null || answer.includes(q);
  const items = [...review.strengths, ...review.improvements];
  const invented = items.filter((i) => !real(i.quote)).length;
  if (invented > 0) {
    overruled.push(
      `${invented === 1 ? 'One point' : `${invented} points`} of the model's review quoted words that are not in your answer, so ${invented === 1 ? 'it was' : 'they were'} left out.`,
    );
  }
  const given = numbersIn(answer);
  const invents = [...numbersIn(review.exampleAnswer)].some((n) => !given.has(n));
  if (invents)
    overruled.push("The model's example answer used figures you never gave, so the builtin one stands.");
  const cap = verdict?.cap ?? 100;
  const criteria = Object.fromEntries(
    CRITERIA.map((c) => [c, { ...review.criteria[c], score: Math.min(cap, review.criteria[c].score) }]),
  ) as EvaluationResult['criteria'];
  const keep = (list: ModelReview['strengths']) =>
    list.filter((s) => real(s.quote)).map((s) => ({ text: s.text, quote: s.quote, point: null }));
  return {
    result: {
      ...builtin,
      version: `${EVALUATOR_VERSION}+model`,
      criteria,
      overall: overallScore(criteria, cap),
      strengths: keep(review.strengths),
      improvements: keep(review.improvements),
      exampleAnswer: invents ? builtin.exampleAnswer : review.exampleAnswer,
    },
    overruled,
  };
}

/**
 * Expected points worded differently from the answer are re-checked by sentence similarity when an embedding
 * model is available (the in-app one or Ollama's); the builtin row is updated and the candidate told.
 */
async function withEmbeddings(
  ctx: ServiceContext,
  at: Parameters<typeof reviewWithModel>[1],
): Promise<EvaluationResult> {
  if (at.builtin.expectedPoints.every((p) => p.status === 'covered')) return at.builtin;
  let by = '';
  const refined = await evaluateAnswer(
    {
      question: { ...at.question, category: at.question.category as EvaluationInput['question']['category'] },
      answer: at.answer,
    },
    {
      embed: async (texts) => {
        const r = await ctx.ai.embed(texts);
        if (!r) throw new Error('no embedding model');
        by = r.provider;
        return r.vectors;
      },
    },
  );
  if (refined.coverageMethod !== 'words+embeddings') return at.builtin;
  await storeEvaluation(
    ctx.db,
    {
      answerId: at.answerId,
      provider: 'builtin',
      model: null,
      result: refined,
      at: ctx.now().toISOString(),
    },
    ctx.vault,
  );
  const gained = refined.expectedPoints.filter(
    (p, i) => p.status !== at.builtin.expectedPoints[i]?.status,
  ).length;
  ctx.emit('evaluations.progress', {
    sessionQuestionId: at.sessionQuestionId,
    status: 'done',
    provider: 'builtin',
    note: `Checked your answer's meaning with ${by} sentence embeddings${gained > 0 ? `: ${gained} expected point${gained === 1 ? '' : 's'} re-read` : ''}.`,
  });
  return refined;
}

/**
 * Runs in the background after a submit: never awaited by it, so a slow or failing model cannot hold the
 * candidate up. Says how it went through 'evaluations.progress'.
 */
export async function reviewWithModel(
  ctx: ServiceContext,
  at: {
    sessionQuestionId: string;
    answerId: string;
    question: { text: string; category: string; expectedPoints: string[] };
    answer: string;
    builtin: EvaluationResult;
  },
): Promise<void> {
  try {
    at = { ...at, builtin: await withEmbeddings(ctx, at) };
  } catch (err) {
    ctx.logger.warn({ err }, 'embedding check of an answer failed');
  }
  const provider = ctx.ai.chain.rank('evaluateAnswer')[0];
  if (!provider) return;
  const model = provider.model('evaluateAnswer');
  const label = modelLabel(provider.id, model);
  const progress = (status: 'running' | 'done' | 'failed', note: string) =>
    ctx.emit('evaluations.progress', {
      sessionQuestionId: at.sessionQuestionId,
      status,
      provider: provider.id,
      note,
    });
  try {
    progress('running', `${label} is reviewing your answer…`);
    const key = evaluationKey({
      answer: at.answer,
      question: at.question.text,
      rubricVersion: EVALUATOR_VERSION,
      provider: provider.id,
      model,
    });
    let result = await ctx.ai.cache.get<{ review: ModelReview; provider: string; model: string | null }>(
      'evaluation',
      key,
    );
    if (!result) {
      const run = await ctx.ai.chain.run(
        {
          task: 'evaluateAnswer',
          system: SYSTEM,
          user: `Question (${at.question.category}): ${at.question.text}\nExpected points:\n${at.question.expectedPoints.map((p) => `- ${p}`).join('\n')}\n\nAnswer:\n${at.answer}`,
          schema: ModelReview,
          jsonSchema: JSON_SCHEMA,
        },
        () => null,
        {
          onToken: (chunk) =>
            ctx.emit('ai.token', {
              requestId: at.answerId,
              chunk,
              at: performance.timeOrigin + performance.now(),
            }),
        },
      );
      if (run.value === null) {
        progress(
          'failed',
          `${label} could not review this answer (${run.notes[0] ?? 'no answer'}); the builtin feedback stands.`,
        );
        return;
      }
      result = { review: run.value, provider: run.provider, model: run.model };
      await ctx.ai.cache.put('evaluation', key, result, run.provider, run.model);
    }
    const { result: merged, overruled } = mergeReview(at.builtin, result.review, at.answer);
    if (!merged) {
      progress('done', overruled.join(' '));
      return;
    }
    const flags = disagreements(at.builtin, merged);
    await storeEvaluation(
      ctx.db,
      {
        answerId: at.answerId,
        provider: result.provider,
        model: result.model,
        result: merged,
        flags,
        at: ctx.now().toISOString(),
      },
      ctx.vault,
    );
    const said =
      flags.length > 0
        ? `${label} reviewed your answer; it disagrees with the builtin coach on ${flags.map((f) => f.replace('_', ' ')).join(', ')}.`
        : `${label} reviewed your answer.`;
    progress('done', [said, ...overruled].join(' '));
  } catch (err) {
    ctx.logger.warn({ err }, 'model review failed');
    progress('failed', `${label} could not review this answer; the builtin feedback stands.`);
  }
}
