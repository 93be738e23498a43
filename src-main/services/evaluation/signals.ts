// Surface signals of an answer that several criteria share: hedges, fillers, signposts, passive voice,
// ownership, numbers, named tools, sentence lengths and repetition. Everything here is read from wink's
// tokens, parts of speech and entities.
import {
  COGNITION_VERBS,
  CONNECTIVE_SIGNPOSTS,
  FILLERS,
  FIRST_PERSON_PLURAL,
  FIRST_PERSON_SINGULAR,
  HEDGES,
  KIND_OF_DETERMINERS,
  SEQUENCE_SIGNPOSTS,
} from './lexicon';
import { findPhrases, neighbours, type PhraseHit, visibleTokens } from './match';
import { type Doc, isWordToken, type Token } from './nlp';

export interface NumberMention {
  text: string;
  start: number;
  sentence: number;
  /** Written with digits ("38%") rather than words ("three weeks"). */
  digits: boolean;
}

export interface Signals {
  sentenceWords: number[];
  avgSentenceWords: number;
  /** Sentences over LONG_SENTENCE_WORDS words. */
  longSentences: number[];
  hedges: PhraseHit[];
  fillers: PhraseHit[];
  /** The first occurrence of each distinct signpost. */
  signposts: PhraseHit[];
  /** The "was deployed" spans of passive clauses. */
  passives: PhraseHit[];
  singular: number;
  plural: number;
  /** Sentences where the candidate is the subject of an action verb ("I rolled back", "I'd ask"). */
  ownedActions: number[];
  numbers: NumberMention[];
  namedTerms: { text: string; sentence: number }[];
  /** Share of content-word trigrams that repeat an earlier one (0–1). */
  repetition: number;
}

export const LONG_SENTENCE_WORDS = 35;
// After a filler "like" comes a verb or a pronoun ("and, like, check it"), not the example's noun phrase.
const FILLER_LIKE_NEXT = new Set(['VERB', 'AUX', 'PRON', 'ADV']);
const NUMERIC_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DATE', 'TIME', 'DURATION']);
const SEQUENCE_LEADS = new Set(['and', 'so', 'but', ',']);

const signalCache = new WeakMap<Doc, Signals>();

export function signalsOf(doc: Doc): Signals {
  const cached = signalCache.get(doc);
  if (cached) return cached;
  const sentenceWords = doc.sentences.map((s) => countWords(doc, s.first, s.last));
  const signals: Signals = {
    sentenceWords,
    avgSentenceWords: sentenceWords.length ? doc.wordCount / sentenceWords.length : 0,
    longSentences: sentenceWords.flatMap((n, i) => (n > LONG_SENTENCE_WORDS ? [i] : [])),
    hedges: hedgesOf(doc),
    fillers: fillersOf(doc),
    signposts: signpostsOf(doc),
    passives: passivesOf(doc),
    ...ownershipOf(doc),
    numbers: numbersOf(doc),
    namedTerms: [],
    repetition: repetitionOf(doc),
  };
  signals.namedTerms = namedTermsOf(doc, [...signals.hedges, ...signals.fillers]);
  signalCache.set(doc, signals);
  return signals;
}

export function countWords(doc: Doc, first: number, last: number): number {
  let n = 0;
  for (let i = first; i <= last; i++) if (isWordToken(doc.tokens[i]!)) n++;
  return n;
}

function hedgesOf(doc: Doc): PhraseHit[] {
  return findPhrases(doc, HEDGES).filter((h) => {
    if (h.phrase !== 'kind of' && h.phrase !== 'sort of') return true;
    // "what kind of cache" names a category; "it was kind of slow" softens.
    const { prev } = neighbours(doc, h.first);
    return !prev || !KIND_OF_DETERMINERS.has(prev.normal);
  });
}

function fillersOf(doc: Doc): PhraseHit[] {
  return findPhrases(doc, FILLERS).filter((h) => {
    const { prev, next } = neighbours(doc, h.first);
    const { next: after } = neighbours(doc, h.last);
    const startsSentence = !prev || prev.sentence !== h.sentence;
    if (h.phrase === 'like') {
      // "we can, like, track it" or "it was, like, slow": set off by commas. "one part, like a migration"
      // and "like Docker" introduce an example.
      return (
        next?.value === ',' ||
        (prev?.value === ',' && !startsSentence && FILLER_LIKE_NEXT.has(next?.pos ?? ''))
      );
    }
    if (h.phrase === 'you know' || h.phrase === 'i mean') {
      // "..., you know, ..." is filler; "do you know how" and "I mean the first one" are not.
      return startsSentence || prev?.pos === 'PUNCT' || after?.pos === 'PUNCT' || after === undefined;
    }
    return true;
  });
}

function signpostsOf(doc: Doc): PhraseHit[] {
  const sequence = findPhrases(doc, SEQUENCE_SIGNPOSTS).filter((h) => {
    // Only at the head of a sentence or clause: "First, ...", "and then I ...", not "the first version".
    const { prev } = neighbours(doc, h.first);
    return !prev || prev.sentence !== h.sentence || SEQUENCE_LEADS.has(prev.normal);
  });
  const all = [...sequence, ...findPhrases(doc, CONNECTIVE_SIGNPOSTS)].sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return all.filter((h) => !seen.has(h.phrase) && seen.add(h.phrase));
}

/** A form of "be" followed by a past participle: "was invalidated", "were being deployed", "is written". */
function passivesOf(doc: Doc): PhraseHit[] {
  const tokens = visibleTokens(doc);
  const hits: PhraseHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const aux = tokens[i]!;
    if (aux.pos !== 'AUX' || aux.lemma !== 'be') continue;
    let j = i + 1;
    while (j < tokens.length && isBetweenAuxAndVerb(tokens[j]!)) j++;
    const verb = tokens[j];
    if (!verb || verb.sentence !== aux.sentence || !isPastParticiple(verb)) continue;
    hits.push({
      phrase: 'passive',
      first: aux.index,
      last: verb.index,
      start: aux.start,
      end: verb.end,
      sentence: aux.sentence,
      text: doc.text.slice(aux.start, verb.end),
    });
    i = j;
  }
  return hits;
}

function isBetweenAuxAndVerb(t: Token): boolean {
  return t.pos === 'ADV' || t.pos === 'PART' || (t.pos === 'AUX' && t.normal === 'being');
}

// Participles that describe a state of mind or a fact, not an action done to someone ("I was worried").
const STATE_PARTICIPLES = new Set(
  (
    'thrilled worried excited interested pleased surprised disappointed frustrated concerned involved ' +
    'committed supposed based located used tired bored confused convinced determined prepared stretched'
  ).split(' '),
);

// wink tags with Universal POS, which has no VBN; a verb after "be" that is not an -ing form and differs
// from its lemma ("told"/"tell", "deployed"/"deploy") or ends like a participle is one.
function isPastParticiple(t: Token): boolean {
  if (t.pos !== 'VERB' || t.normal.endsWith('ing') || STATE_PARTICIPLES.has(t.normal)) return false;
  return t.normal !== t.lemma || /(ed|en|wn|ne)$/.test(t.normal);
}

function ownershipOf(doc: Doc): Pick<Signals, 'singular' | 'plural' | 'ownedActions'> {
  let singular = 0;
  let plural = 0;
  const owned = new Set<number>();
  const tokens = visibleTokens(doc);
  tokens.forEach((t, i) => {
    if (FIRST_PERSON_SINGULAR.has(t.normal)) singular++;
    else if (FIRST_PERSON_PLURAL.has(t.normal)) plural++;
    if (t.normal !== 'i' && t.normal !== "i'm") return;
    const verb = verbAfterSubject(tokens, i);
    if (verb && !COGNITION_VERBS.has(verb.lemma)) owned.add(t.sentence);
  });
  return { singular, plural, ownedActions: [...owned].sort((a, b) => a - b) };
}

/**
 * The verb a subject at `tokens[i]` governs: "I rolled back", "I'd then ask", "we had to deliver". wink
 * sometimes tags a verb straight after a pronoun as a noun ("I also rewrote"), so a noun there counts too.
 * Passives ("I was asked") and states ("I was the lead") have no action verb and return undefined.
 */
export function verbAfterSubject(tokens: readonly Token[], i: number): Token | undefined {
  let be = false;
  for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
    const w = tokens[j]!;
    if (w.sentence !== tokens[i]!.sentence) return undefined;
    if (w.pos === 'AUX' || w.pos === 'PART' || w.pos === 'ADV' || (w.pos === 'ADJ' && w.normal === 'first')) {
      if (w.pos === 'AUX' && w.lemma === 'be') be = true;
      continue;
    }
    if (w.pos === 'VERB') return be && isPastParticiple(w) ? undefined : w;
    if (w.pos === 'NOUN' && !be) return w;
    return undefined;
  }
  return undefined;
}

function numbersOf(doc: Doc): NumberMention[] {
  const out: NumberMention[] = [];
  for (const e of doc.entities) {
    if (!NUMERIC_ENTITIES.has(e.type)) continue;
    const digits = /\d/.test(e.value);
    // "one" is usually a pronoun ("the first one"), and a date without digits ("Monday") is not a figure.
    if (!digits && (e.type === 'DATE' || e.type === 'TIME' || /^(one|a|an)$/i.test(e.value))) continue;
    out.push({ text: e.value, start: e.start, sentence: e.sentence, digits });
  }
  // Figures wink did not wrap in an entity ("3x", "900ms"); "EC2" and "p95" are names, not figures.
  const inEntity = new Set(doc.entities.flatMap((e) => range(e.start, e.end - 1)));
  for (const t of doc.tokens) {
    if (/^\d/.test(t.value) && !inEntity.has(t.start)) {
      out.push({ text: t.value, start: t.start, sentence: t.sentence, digits: true });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Tools, products and technical names: runs of name-like words, each name once. */
function namedTermsOf(
  doc: Doc,
  hedgesAndFillers: readonly PhraseHit[],
): { text: string; sentence: number }[] {
  const softeners = new Set(hedgesAndFillers.flatMap((h) => range(h.first, h.last)));
  const tokens = visibleTokens(doc);
  const names: { text: string; sentence: number }[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length) {
      const first = run[0]!;
      names.push({ text: doc.text.slice(first.start, run.at(-1)!.end), sentence: first.sentence });
    }
    run = [];
  };
  for (const t of tokens) {
    if (isName(doc, t) && !softeners.has(t.index)) run.push(t);
    else flush();
  }
  flush();
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.text.toLowerCase()) && seen.add(n.text.toLowerCase()));
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

// Interjections wink tags as proper nouns when capitalised.
const NOT_NAMES = new Set([
  'um',
  'uh',
  'uhm',
  'erm',
  'er',
  'hmm',
  'ok',
  'okay',
  'yes',
  'yeah',
  'no',
  'well',
  'so',
]);

/**
 * Whether a token names a tool, product, person or organisation. Acronyms ("SQL") and mixed forms ("gRPC",
 * "EC2") always do; a capitalised word mid-sentence does. At the start of a sentence capitals prove
 * nothing, so the word counts only if the answer also capitalises it mid-sentence, or wink calls it a
 * proper noun and the answer never writes it in lower case ("Indexes ... a lot of indexes" is no name).
 */
export function isName(doc: Doc, t: Token): boolean {
  if (t.type !== 'word' || t.value.length < 2 || /^I('|\u2019|$)/.test(t.value) || NOT_NAMES.has(t.normal)) {
    return false;
  }
  if (/^[A-Z][A-Z0-9]{1,6}s?$/.test(t.value) || /[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]/.test(t.value)) return true;
  if (!/^[A-Z]/.test(t.value) || inDateOrTime(doc, t)) return false;
  if (!startsSentence(doc, t)) return true;
  const elsewhere = byNormal(doc)
    .get(t.normal)!
    .filter((o) => o !== t);
  if (elsewhere.some((o) => o.value === t.value && !startsSentence(doc, o))) return true;
  return t.pos === 'PROPN' && !t.stop && !elsewhere.some((o) => /^[a-z]/.test(o.value));
}

const normals = new WeakMap<Doc, Map<string, Token[]>>();
function byNormal(doc: Doc): Map<string, Token[]> {
  let index = normals.get(doc);
  if (!index) {
    index = new Map();
    for (const t of doc.tokens) {
      const list = index.get(t.normal);
      if (list) list.push(t);
      else index.set(t.normal, [t]);
    }
    normals.set(doc, index);
  }
  return index;
}

/** Whether only punctuation comes before the token in its sentence. */
export function startsSentence(doc: Doc, t: Token): boolean {
  const s = doc.sentences[t.sentence];
  if (!s) return false;
  for (let i = s.first; i < t.index; i++) {
    const before = doc.tokens[i]!;
    if (before.pos !== 'PUNCT' && before.pos !== 'SPACE') return false;
  }
  return true;
}

function inDateOrTime(doc: Doc, t: Token): boolean {
  return doc.entities.some(
    (e) => (e.type === 'DATE' || e.type === 'TIME') && t.start >= e.start && t.end <= e.end,
  );
}

function repetitionOf(doc: Doc): number {
  const keys = doc.tokens.filter((t) => t.concept !== '' && !t.stop).map((t) => t.concept);
  if (keys.length < 6) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i + 2 < keys.length; i++) {
    const gram = `${keys[i]} ${keys[i + 1]} ${keys[i + 2]}`;
    if (seen.has(gram)) repeats++;
    else seen.add(gram);
  }
  return repeats / (keys.length - 2);
}
