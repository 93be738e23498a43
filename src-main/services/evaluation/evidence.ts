// Stage 3 of the pipeline: the evidence the scores and the feedback are made from — STAR parts, expected
// points, figures, names and owned actions — collected only from the sentences the relevance stage found to
// be about the question. Delivery (hedges, fillers, passives, sentence lengths) is read from the whole text:
// it is how the candidate spoke, whatever the subject.
import { type EvaluationInput, STAR_CATEGORIES } from '../../../src-shared/evaluation';
import { type Contradiction, findContradictions } from './contradictions';
import { coverPoints, type PointCoverage } from './coverage';
import type { Doc } from './nlp';
import type { Relevance } from './relevance';
import { type Signals, signalsOf } from './signals';
import { analyseStar, type StarReading } from './star';

export interface Evidence {
  /** The sentences evidence was taken from: the on-topic ones, none for a non-answer. */
  grounded: ReadonlySet<number>;
  signals: Signals;
  star: StarReading | null;
  coverage: PointCoverage[];
  contradictions: Contradiction[];
}

export function collectEvidence(doc: Doc, input: EvaluationInput, relevance: Relevance): Evidence {
  const grounded: ReadonlySet<number> = new Set(
    relevance.verdict === 'not_an_answer' ? [] : relevance.onTopic,
  );
  const all = signalsOf(doc);
  const inside = <T extends { sentence: number }>(items: readonly T[]) =>
    items.filter((x) => grounded.has(x.sentence));
  const signals: Signals = {
    ...all,
    numbers: inside(all.numbers),
    namedTerms: inside(all.namedTerms),
    ownedActions: all.ownedActions.filter((i) => grounded.has(i)),
  };
  const { category } = input.question;
  const star = STAR_CATEGORIES.has(category) ? analyseStar(doc, category === 'Situational', grounded) : null;
  const story = star && {
    actions: star.labels.flatMap((l, i) => (l === 'A' ? [i] : [])),
    results: star.labels.flatMap((l, i) => (l === 'R' ? [i] : [])),
    measuredResult: star.measuredResult,
  };
  const coverage = coverPoints(doc, input.question.expectedPoints, story ?? undefined, grounded);
  const contradictions = findContradictions(doc).filter((c) =>
    doc.sentences.some((s) => grounded.has(s.index) && s.text.includes(c.quote)),
  );
  return { grounded, signals, star, coverage, contradictions };
}
