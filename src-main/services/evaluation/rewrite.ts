// Small text edits shared by the feedback and the example answer: deleting hedges and fillers from a
// sentence, turning an expected point into a prompt, and making sure no figure appears that the candidate
// did not write.
import type { Category } from '../../../src-shared/domain';
import { DROPPABLE } from './lexicon';
import type { PhraseHit } from './match';
import { analyse, type Doc, type Token } from './nlp';
import { canonical } from './terms';

/** Hedges and fillers that can be cut from a sentence without changing its meaning. */
export function droppable(hits: readonly PhraseHit[]): PhraseHit[] {
  return hits.filter((h) => DROPPABLE.has(h.phrase));
}

/**
 * A sentence of the answer with the given hedges and fillers cut out, and the commas around them tidied:
 * "Um, I think we basically cut it by half." → "We cut it by half."
 */
export function cleanSentence(doc: Doc, sentence: number, drops: readonly PhraseHit[]): string {
  const s = doc.sentences[sentence]!;
  const text = doc.text;
  const cuts = drops
    .filter((d) => d.sentence === sentence)
    .map((d) => {
      let from = d.start;
      let to = d.end;
      const after = text.slice(to, s.end);
      const before = text.slice(s.start, from);
      if (/^\s*,/.test(after)) {
        // "Um, I" → "I"; "we can, like, track" → "we can track".
        to += after.indexOf(',') + 1;
        if (/,\s*$/.test(before)) from = s.start + before.lastIndexOf(',');
      } else if (/,\s*$/.test(before) && /^\s*[.!?]/.test(after)) {
        from = s.start + before.lastIndexOf(',');
      }
      return [from, to] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = s.start;
  for (const [from, to] of cuts) {
    if (from < at) continue;
    out += text.slice(at, from);
    at = to;
  }
  out += text.slice(at, s.end);
  return tidy(out);
}

/** Collapses the gaps a deletion leaves and restores a capital at the start. */
export function tidy(text: string): string {
  const out = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*([,.;:!?])/g, '$1')
    .replace(/^[\s,;:]+/, '')
    .trim();
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** A kept sentence as it goes into the example answer: tidied, and ending like a sentence. */
export function asSentence(text: string): string {
  const out = tidy(text);
  return out === '' || /[.!?\u2026"'\u201d)\]]$/.test(out) ? out : `${out}.`;
}

/** Every maximal run of digits in a text. */
export function digitRuns(text: string): Set<string> {
  return new Set(text.match(/\d+/g) ?? []);
}

/** Removes digit runs the candidate never wrote, so the example answer cannot introduce a figure. */
export function withoutUnknownDigits(text: string, allowed: ReadonlySet<string>): string {
  return text.replace(/\d+/g, (run) => (allowed.has(run) ? run : '…'));
}

// Rubric verbs whose subject is the candidate ("Describes the trade-off", "Names a specific tool").
const META_VERBS = new Set(
  (
    'describe explain state show name give mention discuss consider identify choose pick offer propose ask ' +
    'quantify acknowledge reflect highlight back quote separate tailor communicate agree reframe admit ' +
    'summarize outline walk link keep stay'
  )
    .split(' ')
    .map(canonical),
);

// "them" is left alone: in rubric points it is usually someone else ("why it mattered to them").
// (A Map, so a word such as "constructor" finds nothing rather than Object.prototype's.)
const PRONOUNS: ReadonlyMap<string, string> = new Map([
  ['they', 'you'],
  ['their', 'your'],
  ['themselves', 'yourself'],
  ["they're", "you're"],
  ["they've", "you've"],
]);

/**
 * An expected point as an instruction to the candidate, without brackets: "Explains how they communicated
 * with those affected" → "Explain how you communicated with those affected"; a statement-style point
 * becomes "Explain: <point>". Figures the candidate did not write are removed.
 */
export function pointPrompt(point: string, allowedDigits: ReadonlySet<string>, category: Category): string {
  return tidy(withoutUnknownDigits(promptBase(point, category), allowedDigits).replace(/[.\s]+$/, ''));
}

const prompts = new Map<string, string>();
const PROMPT_CACHE_LIMIT = 5_000;

function promptBase(point: string, category: Category): string {
  const cacheKey = `${category}\u0000${point}`;
  const hit = prompts.get(cacheKey);
  if (hit !== undefined) return hit;
  const words = analyse(point).tokens.filter((t) => t.pos !== 'SPACE');
  const [head, next] = words;
  // wink tags a leading rubric verb ("Describes", "Returns") as a verb or a proper noun; a plural noun
  // subject ("Containers share") is told apart by the verb that follows it.
  const verbLed =
    head !== undefined &&
    (head.pos === 'VERB' ||
      (head.pos === 'AUX' && head.normal === 'has') ||
      (/^[A-Z][a-z]+s$/.test(head.value) && next !== undefined && next.pos !== 'VERB' && next.pos !== 'AUX'));
  const candidateLed =
    verbLed &&
    (META_VERBS.has(canonical(head.value)) || /\b(they|their)\b/i.test(point) || STORY.has(category));
  let text: string;
  if (candidateLed) {
    // "Describes how they ... and explains ..." is addressed to the candidate: "Describe how you ... and explain ...".
    text = `${imperative(head.value)}${imperativeRest(point, words)}`;
  } else if (verbLed && category === 'Technical') {
    // In a conceptual question, "Avoids a full table scan" describes the thing asked about.
    text = `Explain how it ${point.charAt(0).toLowerCase()}${point.slice(1)}`;
  } else if (verbLed) {
    // In a design question, "Streams the file line by line" is what the candidate would do.
    text = `Explain how you would ${imperative(head.value).toLowerCase()}${imperativeRest(point, words)}`;
  } else {
    const keepCase = /^[A-Z0-9]{2}|^[A-Z][a-z]*[A-Z]/.test(point);
    const body = keepCase ? point : point.charAt(0).toLowerCase() + point.slice(1);
    text = point.includes(':') ? `Explain ${body}` : `Explain: ${body}`;
  }
  text = text.replace(/\b[A-Za-z']+\b/g, (w) => PRONOUNS.get(w.toLowerCase()) ?? w);
  if (prompts.size >= PROMPT_CACHE_LIMIT) prompts.clear();
  prompts.set(cacheKey, text);
  return text;
}

/** The rest of a rubric point, with verbs coordinated to the first one also made imperative ("and explains"). */
function imperativeRest(point: string, words: readonly Token[]): string {
  let out = '';
  let at = words[0]!.end;
  words.forEach((t, i) => {
    const prev = words[i - 1];
    if (i === 0 || !prev || !COORDINATORS.has(prev.normal) || t.pos !== 'VERB' || !/[^s]s$/.test(t.normal))
      return;
    out += point.slice(at, t.start) + imperative(t.value).toLowerCase();
    at = t.end;
  });
  return out + point.slice(at);
}

const COORDINATORS = new Set(['and', 'or', ',']);
const STORY: ReadonlySet<Category> = new Set(['Behavioral', 'Situational']);

// The base form of a rubric verb ("Normalises" → "Normalise"), keeping the point's own spelling; wink's
// lemma would americanise it, so it is only used for irregular forms.
// A Map, not an object: a point starting "Constructor…" must not find Object.prototype's constructor.
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['has', 'have'],
  ['does', 'do'],
  ['goes', 'go'],
  ['is', 'be'],
]);

function imperative(word: string): string {
  const lower = word.toLowerCase();
  let base: string;
  const irregular = IRREGULAR.get(lower);
  if (irregular) base = irregular;
  else if (/ies$/.test(lower)) base = lower.replace(/ies$/, 'y');
  else if (/(ches|shes|sses|xes|zes)$/.test(lower)) base = lower.replace(/es$/, '');
  else base = lower.replace(/s$/, '');
  return base.charAt(0).toUpperCase() + base.slice(1);
}
