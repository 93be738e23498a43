// One wink-nlp pass over a text, flattened into plain arrays with character offsets, so every quote the
// evaluator returns can be sliced from the original text and is an exact substring of it.
import winkNLP, {
  type ItsFunction,
  type PartOfSpeech,
  type ReadabilityStats,
  type WinkMethods,
} from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { canonical, conceptsOf } from './terms';

export interface Token {
  index: number;
  value: string;
  /** Lower case with typographic apostrophes straightened; contractions expanded by wink ("n't" → "not"). */
  normal: string;
  pos: PartOfSpeech;
  lemma: string;
  /** Spelling-normalised stem; '' for punctuation and spaces. */
  key: string;
  /** `key` after the synonym table; '' for punctuation, spaces and the tail of a multi-word synonym. */
  concept: string;
  start: number;
  end: number;
  sentence: number;
  /** Inside the scope of a negation, as wink marks it ("we didn't use caching"). */
  negated: boolean;
  stop: boolean;
  /** wink's token type: word, number, punctuation, currency, symbol, ... */
  type: string;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

export interface Entity {
  type: string;
  value: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  entities: Entity[];
  /** Words and numbers, not punctuation. */
  wordCount: number;
  /** Flesch reading ease from wink (higher is easier; 60–70 is plain English). */
  readingEase: number;
}

let nlp: WinkMethods | undefined;
/** The model takes ~100 ms to load, so it is loaded on first use and kept. */
function engine(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

const WORDISH = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention']);
// Abbreviations after which a capitalised word does not start a new sentence. Case matters: "Ms." is a
// title, "200 ms." ends a sentence.
const TITLES = new Set([
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  'Prof.',
  'St.',
  'No.',
  'vs.',
  'e.g.',
  'i.e.',
  'approx.',
]);

const QUOTES = new Set(['"', '\u201c', "'", '\u2018']);
const BULLETS = new Set(['-', '*', '\u2022', '\u00b7', '\u2013', '\u2014', '>']);
// wink's negation scope runs to the next punctuation, which in an unpunctuated answer is the end; a word
// counts as negated only when a negator is close before it.
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'without',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'cannot',
]);
const NEGATION_REACH = 5;

export function isWordToken(t: Token): boolean {
  return WORDISH.has(t.type);
}

/** Reads a text once; the result is plain data, so callers never touch wink's API. */
export function analyse(text: string): Doc {
  const { its } = engine();
  const doc = engine().readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as PartOfSpeech[];
  // wink's typings give its.lemma an add-on argument that ItsFunction does not allow; it works as any other.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const negations = tokens.out(its.negationFlag) as boolean[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const types = tokens.out(its.type) as string[];
  const abbrevs = tokens.out(its.abbrevFlag) as boolean[];

  const list: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    cursor += spaces[i]!.length;
    // wink reproduces the text exactly from spaces + values; the search is a guard, not the normal path.
    if (text.startsWith(value, cursor) === false) {
      const found = text.indexOf(value, cursor);
      if (found >= 0) cursor = found;
    }
    const type = types[i]!;
    const wordish = WORDISH.has(type);
    list.push({
      index: i,
      value,
      normal: normals[i]!.replace(/\u2019/g, "'"),
      pos: pos[i]!,
      lemma: lemmas[i]!,
      key: wordish ? keyOf(value, lemmas[i]!, pos[i]!, type) : '',
      concept: '',
      start: cursor,
      end: cursor + value.length,
      sentence: 0,
      negated: negations[i]!,
      stop: stops[i]!,
      type,
    });
    cursor += value.length;
  }
  assignConcepts(list);
  narrowNegation(list);

  const spans = repairSentences(text, list, doc.sentences().out(its.span) as unknown as number[][], abbrevs);
  const sentences: Sentence[] = spans.map(([first, last], index) => {
    for (let i = first; i <= last; i++) list[i]!.sentence = index;
    const start = list[first]!.start;
    const end = list[last]!.end;
    return { index, start, end, text: text.slice(start, end), first, last };
  });

  const details = doc.entities().out(its.detail) as unknown as { value: string; type: string }[];
  const entitySpans = doc.entities().out(its.span) as unknown as number[][];
  const entities: Entity[] = details.map((d, i) => {
    const [first, last] = entitySpans[i]!;
    const start = list[first!]!.start;
    const end = list[last!]!.end;
    return { type: d.type, value: text.slice(start, end), start, end, sentence: list[first!]!.sentence };
  });

  const wordCount = list.filter(isWordToken).length;
  const readingEase = wordCount > 0 ? (doc.out(its.readabilityStats) as unknown as ReadabilityStats).fres : 0;
  return { text, tokens: list, sentences, entities, wordCount, readingEase };
}

// Lemmas undo irregular inflection ("grew" → "grow", "indices" → "index") that a stemmer cannot; adjective
// lemmas are skipped because they change meaning ("better" → "good").
function keyOf(value: string, lemma: string, pos: PartOfSpeech, type: string): string {
  if (type === 'number') return value.toLowerCase();
  const word = (pos === 'VERB' || pos === 'NOUN') && /^[a-z]+$/.test(lemma) ? lemma : value;
  return canonical(word.replace(/\.$/, ''));
}

function narrowNegation(tokens: Token[]): void {
  for (const t of tokens) {
    if (!t.negated) continue;
    let near = false;
    for (let j = t.index - 1, seen = 0; j >= 0 && seen < NEGATION_REACH; j--) {
      const before = tokens[j]!;
      if (before.pos === 'SPACE') continue;
      if (before.pos === 'PUNCT' && before.value !== '-') break;
      if (NEGATORS.has(before.normal)) near = true;
      seen++;
    }
    t.negated = near;
  }
}

function assignConcepts(tokens: Token[]): void {
  const words = tokens.filter((t) => t.key !== '');
  const concepts = conceptsOf(words.map((t) => t.key));
  words.forEach((t, i) => (t.concept = concepts[i]!));
}

/**
 * wink's sentence spans, corrected for what typed answers do: a line break ends a sentence, an abbreviation
 * like "120k." before a capitalised word ends one too, and a "sentence" glued to the previous one without
 * a space ("Node." + "js") is not a new one. Spans holding only spaces or punctuation are dropped.
 */
function repairSentences(
  text: string,
  tokens: Token[],
  base: number[][],
  abbrevs: boolean[],
): [number, number][] {
  if (tokens.length === 0) return [];
  const starts = new Set<number>(base.map((s) => s[0]!));
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (prev.pos === 'SPACE' && prev.value.includes('\n')) starts.add(i);
    if (text.slice(prev.end, t.start).includes('\n')) starts.add(i);
    // "...to 300 ms. Then" and "...to 300 ms. \"Shared\"": wink keeps the abbreviation's full stop.
    const opener = QUOTES.has(t.value) ? tokens[i + 1] : t;
    if (
      abbrevs[i - 1] &&
      prev.value.endsWith('.') &&
      !TITLES.has(prev.value) &&
      /^[A-Z]/.test(opener?.value ?? '')
    ) {
      starts.add(i);
    }
    if (starts.has(i) && prev.end === t.start && /^[a-z0-9]/.test(t.value)) starts.delete(i);
  }
  const ordered = [...starts].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  ordered.forEach((first, k) => {
    let last = (ordered[k + 1] ?? tokens.length) - 1;
    let head = first;
    // Leading spaces and list markers ("- ", "• ") are not part of the sentence.
    while (head < last && (tokens[head]!.pos === 'SPACE' || BULLETS.has(tokens[head]!.value))) head++;
    if (tokens[head]!.pos === 'SPACE') head++;
    while (last >= head && tokens[last]!.pos === 'SPACE') last--;
    if (head > last) return;
    const hasWord = tokens.slice(head, last + 1).some(isWordToken);
    if (hasWord || spans.length === 0) spans.push([head, last]);
    else spans[spans.length - 1]![1] = last;
  });
  return spans;
}
