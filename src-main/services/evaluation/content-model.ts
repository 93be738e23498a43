// How much of what an answer should say it says, as a number people would agree with: a linear model over
// features of the evidence, with weights fitted on answers graded by people (tests/fixtures/human-graded,
// train splits only) by scripts/fit-content-weights.ts, and shipped as data in content-weights.json.
import type { Contradiction } from './contradictions';
import { isContent, type PointCoverage, sentenceTerms, termsOf } from './coverage';
import type { Doc } from './nlp';
import weights from './content-weights.json';

export const CONTENT_FEATURES = [
  'recall',
  'covered',
  'termRecall',
  'bigrams',
  'precision',
  'novelty',
  'denied',
  'length',
  'onTopic',
] as const;
export type ContentFeature = (typeof CONTENT_FEATURES)[number];
export type ContentFeatures = Record<ContentFeature, number>;

export interface ContentEvidence {
  doc: Doc;
  question: string;
  points: readonly string[];
  coverage: readonly PointCoverage[];
  contradictions: readonly Contradiction[];
  grounded: ReadonlySet<number>;
  onTopicShare: number;
}

// A reply of this many words or more counts as full length; below it, length is on a log scale.
const FULL_LENGTH_WORDS = 60;

/** Every feature is 0–1, so the weights read as points of the 0–1 grade each one is worth. */
export function contentFeatures(e: ContentEvidence): ContentFeatures {
  const { doc, points, coverage, grounded } = e;
  const sentences = sentenceTerms(doc).filter((_, i) => grounded.has(i));
  const said = new Set(sentences.flatMap((s) => [...s.affirmed.keys()]));
  const saidBigrams = new Set(sentences.flatMap((s) => [...s.bigrams]));
  const answerConcepts = new Set(
    doc.tokens.filter((t) => grounded.has(t.sentence) && isContent(t)).map((t) => t.concept),
  );
  const pointTerms = points.map((p) => termsOf(p).terms);
  const pointConcepts = new Set(pointTerms.flat().map((t) => t.concept));
  const questionConcepts = new Set(termsOf(e.question).terms.map((t) => t.concept));

  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const termShare = pointConcepts.size
    ? [...pointConcepts].filter((c) => said.has(c)).length / pointConcepts.size
    : 0;
  const bigramShares = pointTerms.map((terms) => {
    const bigrams = terms.slice(1).map((t, i) => `${terms[i]!.concept} ${t.concept}`);
    return bigrams.length ? bigrams.filter((b) => saidBigrams.has(b)).length / bigrams.length : 0;
  });
  const inScope = [...answerConcepts].filter((c) => pointConcepts.has(c) || questionConcepts.has(c)).length;
  const novel = [...answerConcepts].filter((c) => !questionConcepts.has(c)).length;
  return {
    recall: mean(coverage.map((c) => (c.contradicted ? 0 : c.ratio))),
    covered: mean(coverage.map((c) => (c.status === 'covered' ? 1 : c.status === 'partial' ? 0.5 : 0))),
    termRecall: termShare,
    bigrams: mean(bigramShares),
    precision: answerConcepts.size ? inScope / answerConcepts.size : 0,
    novelty: answerConcepts.size ? novel / answerConcepts.size : 0,
    denied: Math.min(
      1,
      (coverage.filter((c) => c.contradicted).length + e.contradictions.length) / Math.max(1, points.length),
    ),
    length: Math.min(1, Math.log1p(doc.wordCount) / Math.log1p(FULL_LENGTH_WORDS)),
    onTopic: e.onTopicShare,
  };
}

export interface ContentWeights {
  intercept: number;
  weights: ContentFeatures;
}

/** The fitted grade (0–1, clamped) for a set of features. */
export function predictGrade(f: ContentFeatures, w: ContentWeights = weights as ContentWeights): number {
  let y = w.intercept;
  for (const k of CONTENT_FEATURES) y += w.weights[k] * f[k];
  return Math.max(0, Math.min(1, y));
}
