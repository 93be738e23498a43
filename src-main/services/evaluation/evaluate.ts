// The built-in answer evaluator: offline, deterministic, and fast enough to run on every submit. One answer
// goes through five stages, each a module with a typed result:
//   1. read      (nlp.ts)        sentences and tokens, once
//   2. relevance (relevance.ts)  does it answer this question? which sentences are about its subject?
//   3. evidence  (evidence.ts)   STAR parts, expected points, figures — from those sentences only
//   4. scores    (criteria.ts)   a pure function of the evidence, capped by the verdict
//   5. feedback  (feedback.ts, example-answer.ts)
// `evaluateBuiltin` is the synchronous pipeline; `evaluateAnswer` adds sentence embeddings when given.
import {
  CRITERIA,
  type CriteriaScores,
  type EvaluationInput,
  type EvaluationResult,
  EVALUATOR_VERSION,
  overallScore,
} from '../../../src-shared/evaluation';
import { cosine, DEFAULT_PARTIAL_SIMILARITY, type EmbeddingOptions, upgradeWithEmbeddings } from './coverage';
import { type CriteriaInput, scoreCriteria } from './criteria';
import { collectEvidence, type Evidence } from './evidence';
import { exampleAnswer } from './example-answer';
import { feedbackFor } from './feedback';
import { analyse, type Doc } from './nlp';
import { judgeRelevance, type Relevance } from './relevance';
import { STAR_PROMPTS } from './star';

export interface EvaluateOptions {
  /** Sentence embeddings (one vector per text, same order); used to find points worded differently. */
  embed?: EmbeddingOptions['embed'];
  coveredSimilarity?: number;
  partialSimilarity?: number;
}

/** Everything read from the answer once, shared by the scores, the feedback and the example answer. */
export interface Reading extends Evidence {
  input: EvaluationInput;
  doc: Doc;
  relevance: Relevance;
}

export function readAnswer(input: EvaluationInput, meant: readonly number[] = []): Reading {
  const doc = analyse(input.answer);
  const relevance = judgeRelevance(doc, input.question, meant);
  return { input, doc, relevance, ...collectEvidence(doc, input, relevance) };
}

/** Every criterion at most the verdict's cap, its reason saying so when the cap bit. */
function capped(criteria: CriteriaScores, relevance: Relevance): CriteriaScores {
  if (relevance.verdict === 'answers') return criteria;
  const out = { ...criteria };
  for (const c of CRITERIA) {
    if (criteria[c].score <= relevance.cap) continue;
    const why = relevance.verdict === 'partial' ? 'partly off the question' : 'not an answer to the question';
    out[c] = { score: relevance.cap, reason: `Capped at ${relevance.cap} (${why}). ${criteria[c].reason}` };
  }
  return out;
}

/** What stage 4 scores from: the evidence, and the question it answers. */
export function criteriaInput(reading: Reading): CriteriaInput {
  const { input, doc, relevance, signals, star, coverage, contradictions, grounded } = reading;
  return {
    doc,
    signals,
    star,
    coverage,
    contradictions,
    grounded,
    onTopicShare: relevance.share,
    category: input.question.category,
    question: input.question.text,
    points: input.question.expectedPoints,
  };
}

function result(reading: Reading, method: EvaluationResult['coverageMethod']): EvaluationResult {
  const { relevance, star, coverage } = reading;
  const criteria = capped(scoreCriteria(criteriaInput(reading)), relevance);
  const nonAnswer = relevance.verdict === 'not_an_answer';
  const { strengths, improvements } = nonAnswer
    ? { strengths: [], improvements: [{ text: relevance.needs, quote: relevance.evidence, point: null }] }
    : feedbackFor(reading);
  return {
    version: EVALUATOR_VERSION,
    overall: overallScore(criteria, relevance.cap),
    relevance: {
      verdict: relevance.verdict,
      kind: relevance.kind,
      cap: relevance.cap,
      evidence: relevance.evidence,
      message: relevance.message,
      needs: relevance.needs,
      offTopic: reading.doc.sentences.filter((s) => !reading.grounded.has(s.index)).map((s) => s.text),
    },
    criteria,
    star: star ? (nonAnswer ? emptyStar(star.hypothetical) : star.analysis) : null,
    expectedPoints: coverage.map(({ point, status, quote, method, contradicted }) => ({
      point,
      status,
      quote,
      method,
      contradicted,
    })),
    strengths,
    improvements,
    exampleAnswer: nonAnswer ? '' : exampleAnswer(reading),
    coverageMethod: method,
  };
}

/** A non-answer's STAR: no part present, each saying what it would need. */
function emptyStar(hypothetical: boolean): NonNullable<EvaluationResult['star']> {
  const prompts = STAR_PROMPTS[hypothetical ? 'hypothetical' : 'story'];
  const part = (p: keyof typeof prompts) => ({ present: false, quotes: [], missing: [prompts[p]] });
  return { situation: part('situation'), task: part('task'), action: part('action'), result: part('result') };
}

/** The synchronous, word-matching evaluation. Same input, same output. */
export function evaluateBuiltin(input: EvaluationInput): EvaluationResult {
  return result(readAnswer(input), 'words');
}

/**
 * The builtin evaluation with sentence embeddings, when `opts.embed` is given: a sentence that means the
 * question or a point in other words counts as on the subject, and expected points that word matching
 * missed are re-checked against the on-topic sentences. If embedding fails, the word-matching result is
 * returned (its `coverageMethod` says so) rather than no evaluation at all.
 */
export async function evaluateAnswer(
  input: EvaluationInput,
  opts: EvaluateOptions = {},
): Promise<EvaluationResult> {
  let reading = readAnswer(input);
  if (!opts.embed) return result(reading, 'words');
  const embed = remembering(opts.embed);
  const partialAt = opts.partialSimilarity ?? DEFAULT_PARTIAL_SIMILARITY;
  try {
    if (reading.relevance.verdict !== 'answers') {
      const meant = await meaningSeeds(reading.doc, input.question, embed, partialAt);
      if (meant.length > 0) reading = readAnswer(input, meant);
    }
    if (reading.relevance.verdict === 'not_an_answer') return result(reading, 'words');
    const coverage = await upgradeWithEmbeddings(reading.doc, reading.coverage, {
      embed,
      coveredSimilarity: opts.coveredSimilarity,
      partialSimilarity: opts.partialSimilarity,
      onTopic: reading.grounded,
    });
    return result({ ...reading, coverage }, 'words+embeddings');
  } catch {
    return result(readAnswer(input), 'words');
  }
}

/** Sentences whose embedding is as close to the question or a point as a partly covered point's. */
async function meaningSeeds(
  doc: Doc,
  question: EvaluationInput['question'],
  embed: EmbeddingOptions['embed'],
  threshold: number,
): Promise<number[]> {
  const targets = [question.text, ...question.expectedPoints];
  const sentences = doc.sentences.map((s) => s.text);
  const vectors = await embed([...targets, ...sentences]);
  return doc.sentences
    .filter((s) =>
      targets.some((_, t) => cosine(vectors[t]!, vectors[targets.length + s.index]!) >= threshold),
    )
    .map((s) => s.index);
}

/** The same texts are embedded once per evaluation, however many stages ask. */
function remembering(embed: EmbeddingOptions['embed']): EmbeddingOptions['embed'] {
  const known = new Map<string, number[]>();
  return async (texts) => {
    const missing = [...new Set(texts.filter((t) => !known.has(t)))];
    if (missing.length > 0) {
      const vectors = await embed(missing);
      if (vectors.length !== missing.length) {
        throw new Error(`embed returned ${vectors.length} vectors for ${missing.length} texts`);
      }
      missing.forEach((t, i) => known.set(t, vectors[i]!));
    }
    return texts.map((t) => known.get(t)!);
  };
}
