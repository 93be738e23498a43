// Stage 2 of the pipeline: does the text answer *this* question? Decided before anything is scored, so
// that evidence is only ever collected from sentences about the question's subject, and a text that is not
// an answer (about something else, the question echoed back, a list of words, gibberish, another language,
// a platitude, too short) is capped and told so instead of being rewarded for its delivery.
import type { RelevanceKind, RelevanceVerdict } from '../../../src-shared/evaluation';
import {
  CONTINUATIONS,
  FOREIGN_FUNCTION_WORDS,
  IRREGULAR_PAST,
  PLATITUDES,
  QUESTION_LEADS,
  SUBJECT_FAMILIES,
  TOPIC_NEUTRAL_WORDS,
} from './lexicon';
import { findPhrases } from './match';
import { analyse, type Doc, isWordToken, type Token } from './nlp';
import { isContent, termsOf } from './coverage';
import { canonical, conceptsOf } from './terms';
import { clip } from '../../formats/text';
import { andList } from '../../../src-shared/format';

const conceptOf = (word: string) => conceptsOf([canonical(word)])[0]!;
const TOPIC_NEUTRAL: ReadonlySet<string> = new Set(TOPIC_NEUTRAL_WORDS.map(conceptOf));
/** Concept → every concept of the subject families it belongs to. */
const FAMILY: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const family of SUBJECT_FAMILIES) {
    const concepts = family.map(conceptOf);
    for (const c of concepts) map.set(c, [...(map.get(c) ?? []), ...concepts]);
  }
  return map;
})();
const widen = (concepts: Iterable<string>) =>
  new Set([...concepts].flatMap((c) => [c, ...(FAMILY.get(c) ?? [])]).filter((c) => !TOPIC_NEUTRAL.has(c)));

export interface Relevance extends Omit<RelevanceVerdict, 'offTopic'> {
  /** Sentences about the question's subject, ascending: the only ones evidence may quote. */
  onTopic: number[];
  /** Sentences that only restate the question. */
  echoes: number[];
  /** Share of the answer's words in on-topic sentences (0–1). */
  share: number;
}

export interface RelevanceQuestion {
  text: string;
  category: string;
  expectedPoints: readonly string[];
}

// Below this share of words about the subject the text is not an answer; below FULL it is a partial one.
const NOT_AN_ANSWER_SHARE = 0.25;
const FULL_SHARE = 0.75;
export const NON_ANSWER_CAP = 25;
const MIN_WORDS = 3;
// A sentence restates the question when it holds this share of the question's subject words (of a short
// reply, nearly all of them and nothing of its own).
const ECHO_SHARE = 0.6;
const SHORT_ECHO_SHARE = 0.9;
// An echo of a long question may add one word of its own per this many of the question's.
const ECHO_EXTRA_PER = 5;
// A long text must name at least this many distinct subject words to be about the question at all, and
// that many per distinct content word it uses: an answer to another question names one or two in passing
// (under 0.09 of its words in 95% of the non-answer suite's), a real one many more (over 0.14 in 95%).
const MIN_HITS = 2;
const MIN_DENSITY = 0.1;
// A sentence of a longer question is restated only if it has this many subject words ("What was the
// stimulus for Max?" is answered by naming both).
const MIN_PART = 4;
// Below this many words a reply is too short to judge off-topic or an echo by the words it shares: a
// one-line answer to "How does a damaged bulb compare to an open switch?" has to name both.
const SHORT_WORDS = 20;
// The question and its expected points together need this many subject words to judge a reply by them.
const MIN_SUBJECT = 5;

/** The overall score a partial answer can reach: in proportion to how much of it is about the question. */
export function partialCap(share: number): number {
  return Math.round(30 + 70 * share);
}

/**
 * The verdict for one text. `meant` lists sentences that an embedding model found to mean the same as the
 * question or a point when their words differ: they count as naming the subject.
 */
export function judgeRelevance(
  doc: Doc,
  question: RelevanceQuestion,
  meant: readonly number[] = [],
): Relevance {
  const words = doc.tokens.filter(isWordToken);
  const base = { onTopic: [] as number[], echoes: [] as number[], share: 0 };
  const subject = subjectTerms(question);
  const concepts = contentConcepts(doc);
  const found = seedsOf(concepts, subject, doc.wordCount >= SHORT_WORDS);
  const { echoes } = found;
  const seeds = [...new Set([...found.seeds, ...meant.filter((i) => !echoes.includes(i))])];
  const hits = found.hits + (meant.length > 0 ? MIN_HITS : 0);
  // "Joints." can answer a question about what lets a skeleton bend; "Fine." answers nothing.
  if (doc.wordCount < MIN_WORDS && seeds.length === 0) return notAnswer(base, 'too_short', null);

  const language = languageProblem(doc, words);
  if (language) return notAnswer(base, language, doc.sentences[0]?.text ?? null);

  // A question with few subject words ("Why did it happen?", "Tell me about a time you fixed a slow
  // process" with no expected points: a story about deploys taking 45 minutes answers it without one of
  // them), or a short reply, cannot be judged off-topic by its words: it is taken as an answer, and its
  // content score says how good it is. Every question in the bank has expected points to widen the subject.
  const judgeable = subject.named.size >= MIN_SUBJECT && doc.wordCount >= SHORT_WORDS;
  const echoSet = new Set(echoes);
  const onTopic = !judgeable
    ? doc.sentences.map((s) => s.index).filter((i) => !echoSet.has(i))
    : carryStory(doc, about(grow(doc, concepts, seeds, echoSet), concepts, hits, meant.length > 0), echoSet);
  const share = shareOf(doc, onTopic);
  const topic = { onTopic, echoes, share };

  if (onTopic.length === 0) {
    if (echoes.length > 0) return notAnswer(topic, 'restates_question', doc.sentences[echoes[0]!]!.text);
    const platitude = findPhrases(doc, PLATITUDES)[0];
    if (platitude) return notAnswer(topic, 'platitude', platitude.text);
    return notAnswer(topic, 'off_topic', doc.sentences[0]?.text ?? null, aboutWords(doc));
  }
  if (share < NOT_AN_ANSWER_SHARE) {
    const stray = doc.sentences.find((s) => !onTopic.includes(s.index));
    return notAnswer(topic, 'off_topic', stray?.text ?? null, aboutWords(doc, onTopic));
  }
  if (asksForExample(question) && !tellsAnEvent(doc, onTopic)) {
    const platitude = findPhrases(doc, PLATITUDES).find((p) => onTopic.includes(p.sentence));
    return notAnswer(topic, 'platitude', platitude?.text ?? doc.sentences[onTopic[0]!]!.text);
  }
  if (share < FULL_SHARE) {
    const stray = doc.sentences.find((s) => !onTopic.includes(s.index) && !topic.echoes.includes(s.index));
    return {
      ...topic,
      verdict: 'partial',
      kind: 'off_topic',
      cap: partialCap(share),
      evidence: stray?.text ?? null,
      message: `Only part of this answers the question: ${Math.round(
        100 * (1 - share),
      )}% of it is about something else${stray ? `, such as "${clip(stray.text, 60)}"` : ''}.`,
      needs: 'Cut what is not about the question and spend that time on the question itself.',
    };
  }
  return { ...topic, verdict: 'answers', kind: null, cap: 100, evidence: null, message: '', needs: '' };
}

function notAnswer(
  topic: Pick<Relevance, 'onTopic' | 'echoes' | 'share'>,
  kind: RelevanceKind,
  evidence: string | null,
  about: string[] = [],
): Relevance {
  return {
    ...topic,
    verdict: 'not_an_answer',
    kind,
    cap: NON_ANSWER_CAP,
    evidence,
    message: MESSAGES[kind](about),
    needs: NEEDS[kind],
  };
}

const MESSAGES: Record<RelevanceKind, (about: string[]) => string> = {
  off_topic: (about) =>
    `This doesn't answer the question: it is about ${about.length ? andList(about) : 'something else'}.`,
  restates_question: () => "This doesn't answer the question: it only repeats the question back.",
  word_list: () => "This doesn't answer the question: it is a list of words, not sentences.",
  gibberish: () => "This doesn't answer the question: it is not readable text.",
  other_language: () =>
    "This doesn't answer the question in English, and the coach can only read English answers.",
  platitude: () =>
    "This doesn't answer the question: it says what you believe in general, with nothing specific that happened.",
  too_short: () => 'This is too short to judge as an answer.',
};

const NEEDS: Record<RelevanceKind, string> = {
  off_topic: 'Answer what was asked: re-read the question and speak to its subject directly.',
  restates_question: 'Say what you did or would do, not the question itself.',
  word_list: 'Answer in full sentences: what happened or how it works, and why.',
  gibberish: 'Write your answer in plain sentences.',
  other_language: 'Answer in English so the coach can read it.',
  platitude:
    'Tell one real example: where you were, what you did yourself, step by step, and how it ended, with a number if you can.',
  too_short: 'Give a full answer: a few sentences at least.',
};

// ---- language: gibberish, word lists and other languages read as English with no function words ----

const LOW_STOP_SHARE = 0.1;
const FOREIGN_SHARE = 0.2;
const GIBBERISH_SHARE = 0.3;
const RUN_ON_LIST = 8;

function languageProblem(doc: Doc, words: readonly Token[]): RelevanceKind | null {
  const alphabetic = words.filter((t) => /^[\p{L}'’-]+$/u.test(t.value));
  if (alphabetic.length < 4) return null;
  const stops = alphabetic.filter((t) => t.stop).length / alphabetic.length;
  const foreign = alphabetic.filter((t) => FOREIGN_FUNCTION_WORDS.has(t.normal)).length / alphabetic.length;
  if (foreign >= FOREIGN_SHARE && foreign > stops) return 'other_language';
  if (stops >= LOW_STOP_SHARE) return null;
  const odd = alphabetic.filter((t) => unpronounceable(t.normal)).length / alphabetic.length;
  if (odd >= GIBBERISH_SHARE) return 'gibberish';
  // Terse but real ("Use HTTPS, rotate keys") has verbs and commas; a list of terms has neither, or runs
  // on for many words with no function word and no punctuation at all.
  const verbs = doc.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const unbroken = !doc.tokens.slice(0, -1).some((t) => t.pos === 'PUNCT');
  if (alphabetic.length >= 5 && (!verbs || (unbroken && alphabetic.length >= RUN_ON_LIST)))
    return 'word_list';
  return null;
}

/** Keyboard mashing: no vowel at all, or four consonants in a row that English does not put together. */
function unpronounceable(word: string): boolean {
  if (word.length < 3) return false;
  if (!/[aeiouy]/.test(word)) return true;
  return /[bcdfghjklmnpqrstvwxz]{4,}/.test(
    word.replace(/(tch|sch|ngth|nst|rst|ght|str|spr|scr|thr|chr|phr)/g, 'a'),
  );
}

// ---- the subject: which sentences are about it ----

/** Question words that carry no subject: "Tell me about a time you ...", "How would you ...". */
const subjects = new Map<string, ReturnType<typeof readSubject>>();
const SUBJECT_CACHE_LIMIT = 2_000;

/** A question's subject is read once: a session asks the same questions of many answers and drafts. */
function subjectTerms(question: RelevanceQuestion) {
  const key = JSON.stringify([question.text, question.expectedPoints]);
  const hit = subjects.get(key);
  if (hit) return hit;
  const subject = readSubject(question);
  if (subjects.size >= SUBJECT_CACHE_LIMIT) subjects.clear();
  subjects.set(key, subject);
  return subject;
}

function readSubject(question: RelevanceQuestion) {
  let stem = question.text;
  for (const lead of QUESTION_LEADS) stem = stem.replace(new RegExp(`\\b${lead}\\b`, 'gi'), ' ');
  const named = new Set(
    [stem, ...question.expectedPoints]
      .flatMap((text) => termsOf(text).terms.map((t) => t.concept))
      .filter((c) => !TOPIC_NEUTRAL.has(c)),
  );
  const asked = widen(termsOf(stem).terms.map((t) => t.concept));
  // Points are rubric sentences whose verbs ("Manages focus") would widen to unrelated families ("lead",
  // "mentor"); only the question's own words are widened.
  const points = new Set(
    question.expectedPoints
      .flatMap((p) => termsOf(p).terms.map((t) => t.concept))
      .filter((c) => !TOPIC_NEUTRAL.has(c) && !asked.has(c)),
  );
  const all = new Set(
    termsOf(question.text)
      .terms.map((t) => t.concept)
      .filter((c) => !TOPIC_NEUTRAL.has(c)),
  );
  const parts = analyse(question.text).sentences.map(
    (q) =>
      new Set(
        termsOf(q.text)
          .terms.map((t) => t.concept)
          .filter((c) => !TOPIC_NEUTRAL.has(c)),
      ),
  );
  return { named, asked, points, all, parts };
}

type Subject = ReturnType<typeof subjectTerms>;

/**
 * Sentences that name the subject (a word of the question or of an expected point, or of the question's
 * subject family), how many distinct subject words the whole text names, and the sentences that only
 * restate the question: nothing of their own, and most of the question (or of one of its sentences). A
 * short reply must restate nearly all of it to count as an echo: "A damaged bulb is the same as an open
 * switch" answers "How does a damaged bulb compare to an open switch?".
 */
function seedsOf(
  concepts: readonly Set<string>[],
  { asked, points, all, parts }: Subject,
  long: boolean,
): { echoes: number[]; seeds: number[]; hits: number } {
  const echoes: number[] = [];
  const seeds: number[] = [];
  const named = new Set<string>();
  const share = long ? ECHO_SHARE : SHORT_ECHO_SHARE;
  concepts.forEach((set, i) => {
    const own = [...set];
    const added = own.filter((c) => !all.has(c));
    // A word of its own in a restated long question is allowed ("I resolved a conflict within my team");
    // "The session service is stateless" says something about "How would you design the session service?".
    const restates = [all, ...parts].some((q) => {
      const shared = own.filter((c) => q.has(c)).length;
      const extra = long ? Math.floor(q.size / ECHO_EXTRA_PER) : 0;
      return (
        q.size >= (q === all ? 2 : MIN_PART) && shared >= Math.max(2, share * q.size) && added.length <= extra
      );
    });
    if (restates) {
      echoes.push(i);
      return;
    }
    const hit = own.filter((c) => asked.has(c) || points.has(c));
    for (const c of hit) named.add(c);
    // One word of the subject is enough to seed: a real answer wrongly called a non-answer costs the
    // candidate more than a stray sentence scored on its (low) coverage.
    if (hit.length >= 1) seeds.push(i);
  });
  return { echoes, seeds, hits: named.size };
}

/**
 * A story keeps its subject across sentences that do not name it ("I met each of them separately"): a
 * sentence next to an on-topic one joins it when it shares a content word with it or refers back ("they",
 * "this", "then"). An aside shares nothing and stays out, and the subject does not jump across it.
 */
function grow(
  doc: Doc,
  concepts: readonly Set<string>[],
  seeds: readonly number[],
  echoes: ReadonlySet<number>,
): number[] {
  // An echo of the question anchors what follows it ("Correlation and causation are different. Like if
  // two numbers go up together ..."), but is no evidence itself.
  const region = new Set([...seeds, ...echoes]);
  if (region.size === 0) return [];
  const refersBack = doc.sentences.map((s) =>
    doc.tokens.slice(s.first, s.last + 1).some((t) => CONTINUATIONS.has(t.normal)),
  );
  const linked = (i: number, j: number) =>
    region.has(j) && (refersBack[i]! || [...concepts[i]!].some((c) => concepts[j]!.has(c)));
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of doc.sentences) {
      const i = s.index;
      if (region.has(i) || !(linked(i, i - 1) || linked(i, i + 1))) continue;
      region.add(i);
      changed = true;
    }
  }
  return [...region].filter((i) => !echoes.has(i)).sort((a, b) => a - b);
}

/**
 * The grown region, unless it names the subject only in passing: one stray subject word ("data", "team")
 * in a long text about something else does not make it an answer. Density is measured inside the region,
 * so a real answer followed by an aside is still a (partial) answer.
 */
function about(region: number[], concepts: readonly Set<string>[], hits: number, meant: boolean): number[] {
  if (meant) return region;
  const distinct = new Set(region.flatMap((i) => [...concepts[i]!])).size;
  return hits >= MIN_HITS && hits >= MIN_DENSITY * distinct ? region : [];
}

/**
 * A story told in the past by "I" or "we" goes on across sentences that share no word with the last one
 * ("I was the lead and had to recover it. I split the work into daily goals ..."): such a sentence next to
 * an on-topic one that narrates too belongs to it. An aside in the present ("On weekends I like to go
 * hiking") does not.
 */
function carryStory(doc: Doc, region: number[], echoes: ReadonlySet<number>): number[] {
  if (region.length === 0) return region;
  const narrates = doc.sentences.map((s) => {
    const tokens = doc.tokens.slice(s.first, s.last + 1);
    return tokens.some((t) => FIRST_PERSON.has(t.normal)) && tokens.some(isPast);
  });
  const inside = new Set(region);
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of doc.sentences) {
      const i = s.index;
      if (inside.has(i) || echoes.has(i) || !narrates[i]) continue;
      if ([i - 1, i + 1].some((j) => inside.has(j) && narrates[j])) {
        inside.add(i);
        changed = true;
      }
    }
  }
  return [...inside].sort((a, b) => a - b);
}

const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me', 'us']);

function isPast(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  return IRREGULAR_PAST.has(t.normal) || (/ed$/.test(t.normal) && t.normal !== t.lemma);
}

/** Each sentence's content concepts that can say what it is about. */
function contentConcepts(doc: Doc): Set<string>[] {
  const concepts = doc.sentences.map(() => new Set<string>());
  for (const t of doc.tokens) {
    if (isContent(t) && !TOPIC_NEUTRAL.has(t.concept)) concepts[t.sentence]!.add(t.concept);
  }
  return concepts;
}

function shareOf(doc: Doc, onTopic: readonly number[]): number {
  if (doc.wordCount === 0) return 0;
  const set = new Set(onTopic);
  const inside = doc.tokens.filter((t) => isWordToken(t) && set.has(t.sentence)).length;
  return inside / doc.wordCount;
}

// ---- a question that asks for an example needs something that happened ----

const EXAMPLE_QUESTION =
  /\b(a time|an example|a situation|an occasion|a moment|tell me about (a|an|the|your)|describe (a|an|the)|walk me through (a|an|the)|share (a|an))\b/i;

function asksForExample(question: RelevanceQuestion): boolean {
  return question.category === 'Behavioral' && EXAMPLE_QUESTION.test(question.text);
}

/** Past-tense events, figures or names in the on-topic sentences: the marks of a real example. */
function tellsAnEvent(doc: Doc, onTopic: readonly number[]): boolean {
  const set = new Set(onTopic);
  let past = 0;
  for (const t of doc.tokens) {
    if (!set.has(t.sentence)) continue;
    if (t.type === 'number') return true;
    if (isPast(t)) past++;
  }
  return past >= 2;
}

// ---- words for the message ----

/** The answer's most frequent nouns, to say what it is about instead. */
function aboutWords(doc: Doc, exclude: readonly number[] = []): string[] {
  const skip = new Set(exclude);
  const counts = new Map<string, { word: string; n: number; first: number }>();
  for (const t of doc.tokens) {
    if (skip.has(t.sentence) || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || t.stop || t.value.length < 3)
      continue;
    const key = t.lemma.toLowerCase();
    const hit = counts.get(key);
    if (hit) hit.n++;
    else counts.set(key, { word: t.pos === 'PROPN' ? t.value : t.normal, n: 1, first: t.index });
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .slice(0, 3)
    .map((c) => c.word);
}
