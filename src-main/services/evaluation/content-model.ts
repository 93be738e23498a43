// How much of what an answer should say it says, as a number people would agree with: boosted regression
// trees over features of the evidence, fitted on answers graded by people (tests/fixtures/human-graded,
// train splits only) by scripts/fit-content-model.ts, and shipped as data in content-model.json.
import type { Contradiction } from './contradictions';
import { isContent, NEGATIVE_WORDS, type PointCoverage, sentenceTerms, termsOf } from './coverage';
import { OPPOSITE_WORDS } from './lexicon';
import { analyse, type Doc, isWordToken } from './nlp';
import { related } from './related';
import fitted from './content-model.json';

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
  'charSimilarity',
  'newTerms',
  'order',
  'extraneous',
  'lengthRatio',
  'answerLetters',
  'questionLetters',
  'answerExtraneous',
  'negation',
  'opposed',
  'verdict',
  'relatedTerms',
  'relatedPrecision',
  'ownLetters',
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
// A reply this many times as long as a point (in content words) has room to say all of it.
const FULL_LENGTH_RATIO = 3;

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
    opposed: opposedShare(e),
    verdict: verdictAgreement(e),
    ...relatedMatches(pointConcepts, questionConcepts, answerConcepts),
    ...pointAgreement(e, questionConcepts, answerConcepts.size),
    ...wholeAnswer(e, pointConcepts, questionConcepts, answerConcepts),
  };
}

/**
 * The point's own words (not the question's) the answer says in its own words or WordNet's near ones, and
 * the answer's own words that are a point's or near one: "pursue the cat" for "chase the cat".
 */
function relatedMatches(
  pointConcepts: ReadonlySet<string>,
  questionConcepts: ReadonlySet<string>,
  answerConcepts: ReadonlySet<string>,
): Record<'relatedTerms' | 'relatedPrecision', number> {
  const own = [...pointConcepts].filter((c) => !questionConcepts.has(c));
  const answerOwn = [...answerConcepts].filter((c) => !questionConcepts.has(c));
  const near = (c: string, among: readonly string[]) => among.some((o) => sameOrNear(c, o));
  return {
    relatedTerms: own.length ? own.filter((c) => near(c, answerOwn)).length / own.length : 0,
    relatedPrecision: answerOwn.length ? answerOwn.filter((c) => near(c, own)).length / answerOwn.length : 0,
  };
}

/** The same concept, a WordNet near one, or the same word misspelt: how a point's word may be said. */
const sameOrNear = (a: string, b: string) => a === b || related(a, b) || misspelt(a, b);

/**
 * Whether one stem is the other misspelt: within one letter for five letters or more, two for eight ("evapor"
 * and "evaper"). Students misspell; people grading them do not mind. Shorter words differ by a letter.
 */
export function misspelt(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 5 || /\d/.test(a + b)) return false;
  const max = longest >= 8 ? 2 : 1;
  if (a === b || Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    }
    if (Math.min(...row) > max) return false;
    previous = row;
  }
  return previous[b.length]! <= max;
}

/** Each opposite word's concept, keyed by its partner's (both ways), as the tokeniser reads them. */
let opposites: ReadonlyMap<string, readonly string[]> | undefined;
function oppositeConcepts(): ReadonlyMap<string, readonly string[]> {
  if (opposites) return opposites;
  const concept = (word: string) => analyse(word).tokens[0]!.concept;
  const map = new Map<string, string[]>();
  for (const [a, b] of OPPOSITE_WORDS) {
    map.set(concept(a), [...(map.get(concept(a)) ?? []), concept(b)]);
    map.set(concept(b), [...(map.get(concept(b)) ?? []), concept(a)]);
  }
  return (opposites = map);
}

/**
 * The share of the points' direction words ("more", "higher", "closed") that the answer turns round: it
 * says the opposite and never the word itself. "Less dense" for "more dense" shares every other word.
 */
function opposedShare(e: ContentEvidence): number {
  const said = new Set(
    e.doc.tokens.filter((t) => isWordToken(t) && e.grounded.has(t.sentence)).map((t) => t.concept),
  );
  // The points' words come analysed and cached with their terms: a bank repeats the same points.
  const asked = new Set(e.points.flatMap((p) => [...termsOf(p).words]));
  const directions = [...asked].filter((c) => oppositeConcepts().has(c));
  const turned = directions.filter(
    (c) =>
      !said.has(c) &&
      oppositeConcepts()
        .get(c)!
        .some((o) => said.has(o) && !asked.has(o)),
  );
  return directions.length ? turned.length / directions.length : 0;
}

/**
 * Whether the answer's opening "yes" or "no" agrees with the first point's: 1 agrees, 0 disagrees, 0.5 when
 * either gives no verdict.
 */
function verdictAgreement(e: ContentEvidence): number {
  const opening = (text: string) => /^\W*(yes|no)\b/i.exec(text)?.[1]?.toLowerCase();
  const expected = opening(e.points[0] ?? '');
  const first = e.doc.sentences.find((s) => e.grounded.has(s.index));
  const given = first ? opening(first.text) : undefined;
  return expected && given ? Number(expected === given) : 0.5;
}

type PointFeature = 'charSimilarity' | 'newTerms' | 'order' | 'extraneous' | 'lengthRatio' | 'negation';

/**
 * How closely the place that answers each point says what the point says, averaged over the points: the
 * same letters (catches word forms and compounds the concepts miss), the point's own words beyond the
 * question's, in the point's order, and little else; and whether it says "not" (or "no", "never", "without")
 * where the point does not, or the reverse. People grading short answers reward the first three, mark down
 * answers padded with words of neither the point nor the question, and the commonest wrong answer is the
 * point's own words with the polarity flipped. Only the place counts: a long answer says "not" somewhere.
 */
function pointAgreement(
  e: ContentEvidence,
  questionConcepts: ReadonlySet<string>,
  answerWords: number,
): Record<PointFeature, number> {
  const { doc, points, coverage, grounded } = e;
  const terms = sentenceTerms(doc);
  const place = (grams: ReadonlyMap<string, number>, i: number, concepts: ReadonlySet<string>): number[] => {
    const quoted = (coverage[i]?.sentences ?? []).filter((s) => grounded.has(s));
    if (quoted.length) return quoted;
    const sharing = [...grounded].filter((s) => [...terms[s]!.all.keys()].some((c) => concepts.has(c)));
    if (sharing.length) return sharing.sort((a, b) => a - b);
    let best: number | undefined;
    let bestSimilarity = -1;
    for (const i of grounded) {
      const similarity = trigramCosine(grams, trigrams(doc.sentences[i]!.text));
      if (similarity > bestSimilarity || (similarity === bestSimilarity && i < best!)) {
        best = i;
        bestSimilarity = similarity;
      }
    }
    return best === undefined ? [] : [best];
  };
  const perPoint = points.map((point, i): Record<PointFeature, number> => {
    const pointConcepts = termsOf(point).terms.map((t) => t.concept);
    const own = pointConcepts.filter((c) => !questionConcepts.has(c));
    const pointGrams = trigrams(point);
    const sentences = place(pointGrams, i, new Set(pointConcepts));
    const text = sentences.map((s) => doc.sentences[s]!.text).join(' ');
    const inPlace = new Set(sentences);
    const placeTokens = doc.tokens.filter((t) => inPlace.has(t.sentence) && isContent(t));
    const said = placeTokens.filter((t) => !questionConcepts.has(t.concept)).map((t) => t.concept);
    const saidSet = new Set(said);
    const placeConcepts = new Set(placeTokens.map((t) => t.concept));
    const pointSet = new Set(pointConcepts);
    const extra = [...placeConcepts].filter((c) => !pointSet.has(c) && !questionConcepts.has(c)).length;
    const placeNegative = doc.tokens.some((t) => inPlace.has(t.sentence) && NEGATIVE_WORDS.has(t.normal));
    return {
      charSimilarity: text ? trigramCosine(pointGrams, trigrams(text)) : 0,
      newTerms: own.length
        ? own.filter((c) => saidSet.has(c) || said.some((o) => sameOrNear(c, o))).length / own.length
        : 0,
      order: own.length ? commonSubsequence(own, said) / own.length : 0,
      extraneous: placeConcepts.size ? extra / placeConcepts.size : 0,
      lengthRatio: Math.min(1, answerWords / Math.max(1, FULL_LENGTH_RATIO * pointConcepts.length)),
      negation: Number(placeNegative !== termsOf(point).negative),
    };
  });
  const mean = (k: PointFeature) =>
    perPoint.length ? perPoint.reduce((sum, f) => sum + f[k], 0) / perPoint.length : 0;
  return {
    charSimilarity: mean('charSimilarity'),
    newTerms: mean('newTerms'),
    order: mean('order'),
    extraneous: mean('extraneous'),
    lengthRatio: mean('lengthRatio'),
    negation: mean('negation'),
  };
}

/**
 * The same comparisons for the whole on-topic answer against all the points, and its letters against the
 * question's: an answer that only rewords the question shares its letters, not the points'.
 */
function wholeAnswer(
  e: ContentEvidence,
  pointConcepts: ReadonlySet<string>,
  questionConcepts: ReadonlySet<string>,
  answerConcepts: ReadonlySet<string>,
): Record<'answerLetters' | 'questionLetters' | 'answerExtraneous' | 'ownLetters', number> {
  const text = e.doc.sentences
    .filter((s) => e.grounded.has(s.index))
    .map((s) => s.text)
    .join(' ');
  const letters = trigrams(text);
  const extra = [...answerConcepts].filter((c) => !pointConcepts.has(c) && !questionConcepts.has(c)).length;
  return {
    answerLetters: trigramCosine(letters, trigrams(e.points.join(' '))),
    questionLetters: trigramCosine(letters, trigrams(e.question)),
    answerExtraneous: answerConcepts.size ? extra / answerConcepts.size : 0,
    ownLetters: trigramCosine(
      trigrams(withoutWords(text, e.question)),
      trigrams(withoutWords(e.points.join(' '), e.question)),
    ),
  };
}

/** The text's words that are not the other's, lower-cased: what the answer and the points add to the question. */
function withoutWords(text: string, other: string): string {
  const words = new Set(other.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !words.has(w)).join(' ');
}

/** Letter trigrams of the words, lower-cased, across word boundaries (" bu", "ulb"). */
function trigrams(text: string): Map<string, number> {
  const letters = ` ${
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  } `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= letters.length; i++) {
    const g = letters.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function trigramCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [g, n] of a) dot += n * (b.get(g) ?? 0);
  const norm = (m: ReadonlyMap<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot / denominator : 0;
}

/** Length of the longest common subsequence. */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++)
      row.push(x === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
  }
  return previous[b.length]!;
}

export type TreeNode =
  { feature: number; threshold: number; left: number; right: number } | { value: number };

export interface ContentModel {
  /** The grade before any tree, and how much of each tree's value is added. */
  base: number;
  rate: number;
  /** The feature names in the order the trees index them: a model fitted on other features is refused. */
  features: string[];
  /** Each tree's nodes, its root first; a split sends features ≤ threshold left. */
  trees: TreeNode[][];
}

// Checked on first use, not on import: the fit script imports the features while the shipped model is stale.
let shipped: ContentModel | undefined;

/** The model, if it was fitted on the features computed here, in the same order. */
export function checkedModel(model: ContentModel): ContentModel {
  if (model.features.join() !== CONTENT_FEATURES.join()) {
    throw new Error('content-model.json was fitted on other features: run scripts/fit-content-model.ts');
  }
  return model;
}

/** The fitted grade (0–1, clamped) for a set of features. */
export function predictGrade(
  f: ContentFeatures,
  model: ContentModel = (shipped ??= checkedModel(fitted as ContentModel)),
): number {
  const x = CONTENT_FEATURES.map((k) => f[k]);
  let y = model.base;
  for (const tree of model.trees) {
    let node = tree[0]!;
    while (!('value' in node)) node = tree[x[node.feature]! <= node.threshold ? node.left : node.right]!;
    y += model.rate * node.value;
  }
  return Math.max(0, Math.min(1, y));
}
