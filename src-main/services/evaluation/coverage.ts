// Which expected points an answer covers. Words are compared by concept (spelling-normalised stem, then the
// synonym table), sentence by sentence, so a point is covered by one place in the answer, not by words
// scattered across it. Embeddings, when given, can upgrade points that word matching missed.
import type { ExpectedPointResult, PointStatus } from '../../../src-shared/evaluation';
import { analyse, type Doc, isWordToken, type Token } from './nlp';
import { countWords } from './signals';
import { canonical } from './terms';

export interface Term {
  concept: string;
  /** The word as written in the point or question, for reasons ("Uses 3 of 8 key terms: ..."). */
  word: string;
  weight: number;
}

export interface PointCoverage extends ExpectedPointResult {
  /** Sentences the quote comes from. */
  sentences: number[];
  /** Weighted share of the point's terms found in the best place (0–1). */
  ratio: number;
}

/** Where STAR analysis found the story's actions and result, for points that ask for them. */
export interface StoryHints {
  actions: number[];
  results: number[];
  measuredResult: boolean;
}

const COVERED_RATIO = 0.6;
const PARTIAL_RATIO = 0.3;
// Adjacent sentences may cover a point together, at a small discount against one sentence doing it.
const PAIR_DISCOUNT = 0.9;
const WHOLE_SENTENCE_QUOTE_WORDS = 40;

// Rubric verbs and filler that expected points are phrased with but answers need not repeat.
const GENERIC = new Set(
  (
    'describe explain state show give mention name discuss consider identify choose pick use e.g example ' +
    'such way make good well ideally clearly correctly specific specifically concrete actual actually clear ' +
    'often whether own rather etc include also each every real realistic sure thing something they them ' +
    'their candidate approach appropriate properly instead just like one two three usually typically ' +
    'generally always mostly most many may might must'
  )
    .split(' ')
    .map(canonical),
);
export const NEGATIVE_WORDS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'without',
  'avoid',
  'avoids',
  'avoiding',
  'nor',
]);
const RESULT_WORDS = new Set(['result', 'outcome', 'impact', 'effect', 'success', 'achieve'].map(canonical));
const ACTION_WORDS = new Set(['action', 'step', 'role', 'contribution'].map(canonical));

interface TextTerms {
  terms: Term[];
  /** Every word's concept, function words included ("more", "up", "no"). */
  words: ReadonlySet<string>;
  negative: boolean;
}

const termCache = new Map<string, TextTerms>();
const TERM_CACHE_LIMIT = 5_000;

/** The content terms of a point or question, analysed once and cached (banks reuse the same points). */
export function termsOf(text: string): TextTerms {
  const hit = termCache.get(text);
  if (hit) return hit;
  const doc = analyse(text);
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const t of doc.tokens) {
    if (!isContent(t) || seen.has(t.concept)) continue;
    seen.add(t.concept);
    terms.push({ concept: t.concept, word: t.value, weight: isTechnical(t) ? 1.5 : 1 });
  }
  const result = {
    terms,
    words: new Set(doc.tokens.filter(isWordToken).map((t) => t.concept)),
    negative: doc.tokens.some((t) => NEGATIVE_WORDS.has(t.normal)),
  };
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(text, result);
  return result;
}

export function isContent(t: Token): boolean {
  if (!isWordToken(t) || t.concept === '') return false;
  if (t.type === 'number') return true;
  return !t.stop && t.value.length > 1 && !GENERIC.has(t.concept);
}

/** Names, acronyms and figures identify a point more than ordinary words do. */
function isTechnical(t: Token): boolean {
  return t.type === 'number' || t.pos === 'PROPN' || /[A-Z].*[A-Z]|\d/.test(t.value);
}

export interface SentenceTerms {
  /** Concept → token indexes in this sentence. */
  all: Map<string, number[]>;
  /** The same, without tokens under a negation. */
  affirmed: Map<string, number[]>;
  /** Adjacent content concepts ("token bucket", "query plan"), stop words skipped, as "a b". */
  bigrams: Set<string>;
}

const sentenceCache = new WeakMap<Doc, SentenceTerms[]>();
export function sentenceTerms(doc: Doc): SentenceTerms[] {
  const cached = sentenceCache.get(doc);
  if (cached) return cached;
  const out = doc.sentences.map((): SentenceTerms => ({
    all: new Map(),
    affirmed: new Map(),
    bigrams: new Set(),
  }));
  let previous: Token | undefined;
  for (const t of doc.tokens) {
    if (t.concept === '' || !isWordToken(t)) continue;
    const s = out[t.sentence]!;
    push(s.all, t.concept, t.index);
    if (!t.negated) push(s.affirmed, t.concept, t.index);
    if (t.stop) continue;
    if (previous?.sentence === t.sentence) s.bigrams.add(`${previous.concept} ${t.concept}`);
    previous = t;
  }
  sentenceCache.set(doc, out);
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Window {
  sentences: number[];
  ratio: number;
  matched: number;
  tokens: number[];
}

// Words of a point that appear together, in order, are a phrase match and count a little extra.
const PHRASE_BONUS = 0.05;
const MAX_PHRASE_BONUS = 0.15;

/** The sentence, or pair of adjacent sentences, that holds most of the terms. */
function bestWindow(
  terms: Term[],
  sentences: SentenceTerms[],
  affirmedOnly: boolean,
  allowed?: ReadonlySet<number>,
): Window {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  const pointBigrams = terms.slice(1).map((t, i) => `${terms[i]!.concept} ${t.concept}`);
  let best: Window = { sentences: [], ratio: 0, matched: 0, tokens: [] };
  const score = (indexes: number[], discount: number) => {
    let weight = 0;
    let matched = 0;
    const tokens: number[] = [];
    for (const term of terms) {
      const hits = indexes.flatMap((i) => {
        const s = sentences[i]!;
        return (affirmedOnly ? s.affirmed : s.all).get(term.concept) ?? [];
      });
      if (hits.length === 0) continue;
      weight += term.weight;
      matched++;
      tokens.push(hits[0]!);
    }
    const phrases = pointBigrams.filter((b) => indexes.some((i) => sentences[i]!.bigrams.has(b))).length;
    const bonus = Math.min(MAX_PHRASE_BONUS, PHRASE_BONUS * phrases);
    const ratio = total > 0 ? Math.min(1, weight / total + bonus) * discount : 0;
    if (ratio > best.ratio + 1e-9) best = { sentences: indexes, ratio, matched, tokens };
  };
  const ok = (i: number) => !allowed || allowed.has(i);
  for (let i = 0; i < sentences.length; i++) if (ok(i)) score([i], 1);
  for (let i = 0; i + 1 < sentences.length; i++) if (ok(i) && ok(i + 1)) score([i, i + 1], PAIR_DISCOUNT);
  return best;
}

function statusOf(w: Window, termCount: number): PointStatus {
  if (w.ratio >= COVERED_RATIO && w.matched >= Math.min(2, termCount)) return 'covered';
  if (w.ratio >= PARTIAL_RATIO && w.matched >= 1) return 'partial';
  return 'missing';
}

/**
 * The quoted evidence: the clause (between commas, semicolons or the sentence edges) holding the matched
 * words in the sentence that matched most, widened to the whole sentence when the clause is a fragment.
 */
function quoteOf(doc: Doc, w: Window): string | null {
  if (w.tokens.length === 0) return null;
  const bySentence = new Map<number, number[]>();
  for (const t of w.tokens) push(bySentence, doc.tokens[t]!.sentence, t);
  const [index, tokens] = [...bySentence.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0] - b[0],
  )[0]!;
  const sentence = doc.sentences[index]!;
  if (countWords(doc, sentence.first, sentence.last) <= WHOLE_SENTENCE_QUOTE_WORDS) return sentence.text;
  const sorted = [...tokens].sort((a, b) => a - b);
  let from = sorted[0]!;
  let to = sorted.at(-1)!;
  while (from > sentence.first && !CLAUSE_BREAKS.has(doc.tokens[from - 1]!.value)) from--;
  while (to < sentence.last && !CLAUSE_BREAKS.has(doc.tokens[to + 1]!.value)) to++;
  if (countWords(doc, from, to) < 6) return sentence.text;
  return doc.text.slice(doc.tokens[from]!.start, doc.tokens[to]!.end);
}

const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–']);

/** The sentences of a window that hold a matched word (a pair window may match in only one). */
function matchedSentences(doc: Doc, w: Window): number[] {
  return [...new Set(w.tokens.map((t) => doc.tokens[t]!.sentence))].sort((a, b) => a - b);
}

const RANK: Record<PointStatus, number> = { missing: 0, partial: 1, covered: 2 };

/**
 * Each point's status and quote. Only `onTopic` sentences (all when omitted) can cover a point: a sentence
 * about something else is no evidence, whatever words it shares with the point.
 */
export function coverPoints(
  doc: Doc,
  points: readonly string[],
  story?: StoryHints,
  onTopic?: ReadonlySet<number>,
): PointCoverage[] {
  const sentences = sentenceTerms(doc);
  return points.map((point) => {
    const { terms, negative } = termsOf(point);
    // A negative point ("Avoids a full table scan") is met by a negative sentence ("we don't scan").
    const affirmed = bestWindow(terms, sentences, !negative, onTopic);
    let result: PointCoverage = {
      point,
      status: statusOf(affirmed, terms.length),
      quote: null,
      method: 'words',
      contradicted: false,
      sentences: matchedSentences(doc, affirmed),
      ratio: affirmed.ratio,
    };
    if (result.status !== 'missing') result.quote = quoteOf(doc, affirmed);
    // "We didn't use caching" against a caching point: the words are there, but denied.
    if (!negative) {
      const any = bestWindow(terms, sentences, false, onTopic);
      const denied = any.tokens.filter((t) => doc.tokens[t]!.negated).length;
      if (RANK[statusOf(any, terms.length)] > RANK[result.status] && denied * 2 >= any.tokens.length) {
        result = {
          ...result,
          status: 'missing',
          contradicted: true,
          quote: quoteOf(doc, any),
          sentences: matchedSentences(doc, any),
        };
      }
    }
    if (story && !result.contradicted) result = fromStory(doc, result, terms, story);
    return result;
  });
}

/** Rubric points like "States the outcome" are met by the story's shape, not by repeating their words. */
function fromStory(doc: Doc, current: PointCoverage, terms: Term[], story: StoryHints): PointCoverage {
  const concepts = terms.map((t) => t.concept);
  let status: PointStatus = 'missing';
  let sentence: number | undefined;
  if (concepts.some((c) => RESULT_WORDS.has(c)) && story.results.length > 0) {
    status = story.measuredResult ? 'covered' : 'partial';
    sentence = story.results[0];
  } else if (concepts.some((c) => ACTION_WORDS.has(c)) && story.actions.length > 0) {
    status = story.actions.length >= 2 ? 'covered' : 'partial';
    sentence = story.actions[0];
  }
  if (sentence === undefined || RANK[status] <= RANK[current.status]) return current;
  return { ...current, status, quote: doc.sentences[sentence]!.text, sentences: [sentence] };
}

/** Key terms of all the points that the on-topic sentences use (affirmatively), for technical accuracy. */
export function termRecall(
  doc: Doc,
  points: readonly string[],
  onTopic?: ReadonlySet<number>,
): { found: Term[]; total: Term[] } {
  const used = new Set<string>();
  sentenceTerms(doc).forEach((s, i) => {
    if (!onTopic || onTopic.has(i)) for (const k of s.affirmed.keys()) used.add(k);
  });
  const seen = new Set<string>();
  const total = points
    .flatMap((p) => termsOf(p).terms)
    .filter((t) => !seen.has(t.concept) && seen.add(t.concept));
  return { found: total.filter((t) => used.has(t.concept)), total };
}

export interface EmbeddingOptions {
  embed: (texts: string[]) => Promise<number[][]>;
  /** Cosine similarity at which a point counts as covered; tuned for general sentence-embedding models. */
  coveredSimilarity?: number;
  partialSimilarity?: number;
  /** The sentences about the question's subject (all when omitted). */
  onTopic?: ReadonlySet<number>;
}

export const DEFAULT_COVERED_SIMILARITY = 0.8;
export const DEFAULT_PARTIAL_SIMILARITY = 0.65;

/**
 * Upgrades points word matching missed or only half-found, when an expected point and an answer sentence
 * mean the same thing in different words. Never downgrades, and never touches a contradicted point.
 */
export async function upgradeWithEmbeddings(
  doc: Doc,
  coverage: PointCoverage[],
  options: EmbeddingOptions,
): Promise<PointCoverage[]> {
  const open = coverage.filter((c) => c.status !== 'covered' && !c.contradicted);
  // Only sentences about the question's subject may cover a point, as with word matching.
  const candidates = doc.sentences.filter((s) => !options.onTopic || options.onTopic.has(s.index));
  if (open.length === 0 || candidates.length === 0) return coverage;
  const sentences = candidates.map((s) => s.text);
  const vectors = await options.embed([...open.map((c) => c.point), ...sentences]);
  if (vectors.length !== open.length + sentences.length) {
    throw new Error(`embed returned ${vectors.length} vectors for ${open.length + sentences.length} texts`);
  }
  const coveredAt = options.coveredSimilarity ?? DEFAULT_COVERED_SIMILARITY;
  const partialAt = options.partialSimilarity ?? DEFAULT_PARTIAL_SIMILARITY;
  const upgraded = new Map<PointCoverage, PointCoverage>();
  open.forEach((c, i) => {
    let best = -1;
    let bestSentence = 0;
    sentences.forEach((_, j) => {
      const sim = cosine(vectors[i]!, vectors[open.length + j]!);
      if (sim > best) [best, bestSentence] = [sim, j];
    });
    const status: PointStatus = best >= coveredAt ? 'covered' : best >= partialAt ? 'partial' : 'missing';
    if (RANK[status] > RANK[c.status]) {
      upgraded.set(c, {
        ...c,
        status,
        method: 'embedding',
        quote: sentences[bestSentence]!,
        sentences: [candidates[bestSentence]!.index],
        ratio: Math.max(c.ratio, status === 'covered' ? COVERED_RATIO : PARTIAL_RATIO),
      });
    }
  });
  return coverage.map((c) => upgraded.get(c) ?? c);
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
