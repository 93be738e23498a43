// Small text edits shared by the feedback and the example answer: deleting hedges and fillers from a
// sentence, turning an expected point into a prompt, and making sure no figure appears that the candidate
// did not write.
import { DROPPABLE } from './lexicon';
import type { PhraseHit } from './match';
import { analyse, type Doc } from './nlp';
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

const PRONOUNS: Readonly<Record<string, string>> = {
  they: 'you',
  their: 'your',
  them: 'you',
  themselves: 'yourself',
  "they're": "you're",
  "they've": "you've",
};

/**
 * An expected point as an instruction to the candidate, without brackets: "Explains how they communicated
 * with those affected" → "Explain how you communicated with those affected"; a statement-style point
 * becomes "Explain: <point>". Figures the candidate did not write are removed.
 */
export function pointPrompt(point: string, allowedDigits: ReadonlySet<string>): string {
  return tidy(withoutUnknownDigits(promptBase(point), allowedDigits).replace(/[.\s]+$/, ''));
}

const prompts = new Map<string, string>();
const PROMPT_CACHE_LIMIT = 5_000;

function promptBase(point: string): string {
  const hit = prompts.get(point);
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
    verbLed && (META_VERBS.has(canonical(head.value)) || /\b(they|their|them)\b/i.test(point));
  let text: string;
  if (candidateLed) {
    // "Describes how they ..." is addressed to the candidate: "Describe how you ...".
    const lemma = head.pos === 'VERB' || head.pos === 'AUX' ? head.lemma : undefined;
    text = `${imperative(head.value, lemma)}${point.slice(head.end)}`;
  } else if (verbLed) {
    // "Avoids a full table scan" describes the thing asked about, not the candidate.
    text = `Explain how it ${point.charAt(0).toLowerCase()}${point.slice(1)}`;
  } else {
    const keepCase = /^[A-Z0-9]{2}|^[A-Z][a-z]*[A-Z]/.test(point);
    text = `Explain: ${keepCase ? point : point.charAt(0).toLowerCase() + point.slice(1)}`;
  }
  text = text.replace(/\b[A-Za-z']+\b/g, (w) => PRONOUNS[w.toLowerCase()] ?? w);
  if (prompts.size >= PROMPT_CACHE_LIMIT) prompts.clear();
  prompts.set(point, text);
  return text;
}

function imperative(word: string, lemma?: string): string {
  const lower = word.toLowerCase();
  let base: string;
  if (lemma && /^[a-z]+$/.test(lemma)) base = lemma;
  else if (lower === 'has') base = 'have';
  else if (/ies$/.test(lower)) base = lower.replace(/ies$/, 'y');
  else if (/(ches|shes|sses|xes|zes)$/.test(lower)) base = lower.replace(/es$/, '');
  else base = lower.replace(/s$/, '');
  return base.charAt(0).toUpperCase() + base.slice(1);
}
