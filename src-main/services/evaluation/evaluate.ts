// The built-in answer evaluator: offline, deterministic, and fast enough to run on every submit.
// `evaluateBuiltin` is the synchronous core; `evaluateAnswer` adds sentence embeddings when given.
import {
  type EvaluationInput,
  type EvaluationResult,
  EVALUATOR_VERSION,
  overallScore,
  STAR_CATEGORIES,
} from '../../../src-shared/evaluation';
import { type Contradiction, findContradictions } from './contradictions';
import { coverPoints, type EmbeddingOptions, type PointCoverage, upgradeWithEmbeddings } from './coverage';
import { scoreCriteria } from './criteria';
import { exampleAnswer } from './example-answer';
import { feedbackFor } from './feedback';
import { analyse, type Doc } from './nlp';
import { type Signals, signalsOf } from './signals';
import { analyseStar, type StarReading } from './star';

export interface EvaluateOptions {
  /** Sentence embeddings (one vector per text, same order); used to find points worded differently. */
  embed?: EmbeddingOptions['embed'];
  coveredSimilarity?: number;
  partialSimilarity?: number;
}

/** Everything read from the answer once, shared by the criteria, the feedback and the example answer. */
export interface Reading {
  input: EvaluationInput;
  doc: Doc;
  signals: Signals;
  star: StarReading | null;
  coverage: PointCoverage[];
  contradictions: Contradiction[];
}

function read(input: EvaluationInput): Reading {
  const doc = analyse(input.answer);
  const signals = signalsOf(doc);
  const { category } = input.question;
  const star = STAR_CATEGORIES.has(category) ? analyseStar(doc, category === 'Situational') : null;
  const story = star && {
    actions: star.labels.flatMap((l, i) => (l === 'A' ? [i] : [])),
    results: star.labels.flatMap((l, i) => (l === 'R' ? [i] : [])),
    measuredResult: star.measuredResult,
  };
  const coverage = coverPoints(doc, input.question.expectedPoints, story ?? undefined);
  return { input, doc, signals, star, coverage, contradictions: findContradictions(doc) };
}

function result(reading: Reading, method: EvaluationResult['coverageMethod']): EvaluationResult {
  const { input, doc, signals, star, coverage, contradictions } = reading;
  const criteria = scoreCriteria({
    doc,
    signals,
    star,
    coverage,
    contradictions,
    category: input.question.category,
    question: input.question.text,
    points: input.question.expectedPoints,
  });
  const { strengths, improvements } = feedbackFor(reading);
  return {
    version: EVALUATOR_VERSION,
    overall: overallScore(criteria),
    criteria,
    star: star?.analysis ?? null,
    expectedPoints: coverage.map(({ point, status, quote, method, contradicted }) => ({
      point,
      status,
      quote,
      method,
      contradicted,
    })),
    strengths,
    improvements,
    exampleAnswer: exampleAnswer(reading),
    coverageMethod: method,
  };
}

/** The synchronous, word-matching evaluation. Same input, same output. */
export function evaluateBuiltin(input: EvaluationInput): EvaluationResult {
  return result(read(input), 'words');
}

/**
 * The builtin evaluation, with expected points that word matching missed re-checked against the answer's
 * sentences by embedding similarity when `opts.embed` is given. If embedding fails, the word-matching
 * result is returned (its `coverageMethod` says so) rather than no evaluation at all.
 */
export async function evaluateAnswer(
  input: EvaluationInput,
  opts: EvaluateOptions = {},
): Promise<EvaluationResult> {
  const reading = read(input);
  if (!opts.embed) return result(reading, 'words');
  try {
    const coverage = await upgradeWithEmbeddings(reading.doc, reading.coverage, {
      embed: opts.embed,
      coveredSimilarity: opts.coveredSimilarity,
      partialSimilarity: opts.partialSimilarity,
    });
    return result({ ...reading, coverage }, 'words+embeddings');
  } catch {
    return result(reading, 'words');
  }
}
