// An improved version of the candidate's own answer: their sentences about the question, hedges and fillers
// cut, reordered into STAR (stories) or point by point (everything else), with signposts added and
// [bracketed] prompts where something is missing. It never adds a fact: every figure in it is one the
// candidate wrote, and it never quotes the question or an off-topic sentence back.
import { CONNECTIVE_SIGNPOSTS, SEQUENCE_SIGNPOSTS } from './lexicon';
import type { Reading } from './evaluate';
import type { Doc } from './nlp';
import { isName } from './signals';
import { STAR_PROMPTS } from './star';
import {
  asSentence,
  cleanSentence,
  digitRuns,
  droppable,
  pointPrompt,
  tidy,
  withoutUnknownDigits,
} from './rewrite';

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];
const SUBORDINATE_OPENERS = new Set(['if', 'when', 'although', 'though', 'unless', 'while', 'whether']);
const LEADS = [...SEQUENCE_SIGNPOSTS, ...CONNECTIVE_SIGNPOSTS, 'as a result', 'in the end', 'overall'];

export function exampleAnswer(reading: Reading): string {
  const { input, doc, signals } = reading;
  const allowed = digitRuns(input.answer);
  const drops = droppable([...signals.hedges, ...signals.fillers]);
  // Only sentences about the question's subject are kept: an echo of the question or an aside about
  // something else is never spliced into the candidate's story.
  const sentences = doc.sentences.map((_, i) =>
    reading.grounded.has(i) ? asSentence(cleanSentence(doc, i, drops)) : '',
  );
  const paragraphs = reading.star
    ? story(reading, sentences, allowed)
    : explanation(reading, sentences, allowed);
  // A guard, not the mechanism: the text is built from the candidate's sentences and figure-free prompts.
  return withoutUnknownDigits(
    paragraphs
      .map((p) => p.filter(Boolean).join(' '))
      .filter(Boolean)
      .join('\n\n'),
    allowed,
  );
}

function story(reading: Reading, sentences: string[], allowed: ReadonlySet<string>): string[][] {
  const { doc, signals, coverage } = reading;
  const labels = reading.star!.labels;
  const pick = (label: string) => sentences.filter((s, i) => labels[i] === label && s !== '');
  const facts = new Set([
    ...signals.numbers.map((n) => n.sentence),
    ...signals.namedTerms.map((n) => n.sentence),
  ]);
  // "Other" sentences are kept only when they carry a fact (a figure or a name); opinions and asides go.
  const asides = sentences.filter((s, i) => labels[i] === 'O' && facts.has(i) && s !== '');

  const situation = pick('S');
  const task = pick('T');
  const actions = pick('A').map((s, i, all) =>
    signpost(doc, s, i === 0 ? 'First' : i === all.length - 1 && all.length > 2 ? 'Finally' : 'Then'),
  );
  const results = pick('R');
  const prompts = coverage
    .filter((c) => c.status === 'missing')
    .map((c) => `[${pointPrompt(c.point, allowed, reading.input.question.category)}.]`);

  const ask = STAR_PROMPTS[reading.star!.hypothetical ? 'hypothetical' : 'story'];
  const opening = [
    ...(situation.length ? situation : [`[${ask.situation}]`]),
    ...(task.length ? task : [`[${ask.task}]`]),
  ];
  const middle = [...(actions.length ? actions : [`[${ask.action}]`]), ...asides, ...prompts];
  const ending = results.length
    ? [
        signpost(doc, results[0]!, 'As a result'),
        ...results.slice(1),
        ...(reading.star!.measuredResult
          ? []
          : ['[Quantify the result: by how much did [metric] change, from [number] to [number]?]']),
      ]
    : [`As a result, [${lowerFirst(ask.result)}]`];
  return [opening, middle, ending];
}

function explanation(reading: Reading, sentences: string[], allowed: ReadonlySet<string>): string[][] {
  const { doc, signals, coverage, contradictions } = reading;
  const used = new Set<number>();
  const firstCovering = Math.min(
    ...coverage.filter((c) => c.status !== 'missing').flatMap((c) => c.sentences),
  );
  const opening: string[] = [];
  sentences.forEach((s, i) => {
    if (i < firstCovering && s !== '') {
      opening.push(s);
      used.add(i);
    }
  });

  const body: string[] = [];
  let ordinal = 0;
  for (const c of coverage) {
    if (c.status === 'missing' || c.contradicted) {
      body.push(`[${pointPrompt(c.point, allowed, reading.input.question.category)}.]`);
      continue;
    }
    const own = c.sentences.filter((i) => !used.has(i) && sentences[i] !== '');
    own.forEach((i, k) => {
      used.add(i);
      if (k > 0) return body.push(sentences[i]!);
      const marked = signpost(doc, sentences[i]!, ORDINALS[ordinal] ?? 'Next');
      if (marked !== sentences[i]) ordinal++;
      body.push(marked);
    });
    if (c.status === 'partial')
      body.push(`[Expand on this. ${pointPrompt(c.point, allowed, reading.input.question.category)}.]`);
  }
  const rest = sentences.filter((s, i) => !used.has(i) && s !== '');
  const closing = [...rest];
  for (const c of contradictions) {
    closing.push(`[Check this: you say both "${c.a}" and "${c.b}". Say which holds, and when.]`);
  }
  if (!signals.numbers.some((n) => n.digits)) {
    closing.push('[Add an example from your own work with a figure, e.g. [metric] of [number].]');
  }
  return [opening, body, closing];
}

/**
 * Puts a signpost in front of a sentence unless it already opens with one; the sentence's first letter is
 * lowered unless it starts a name, an acronym or "I".
 */
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function signpost(doc: Doc, sentence: string, lead: string): string {
  const lower = sentence.toLowerCase();
  if (LEADS.some((l) => lower.startsWith(l) && !/[a-z]/.test(lower.charAt(l.length)))) return sentence;
  // "I'd try restarting it first" needs no "First," in front, and "If that fails, ..." takes none.
  if (SUBORDINATE_OPENERS.has(lower.split(/[\s,]/)[0]!)) return sentence;
  if (new RegExp(`\\b${lead.toLowerCase()}\\b`).test(lower)) return sentence;
  const firstWord = /^[^\s,.;:]+/.exec(sentence)?.[0] ?? '';
  const token = doc.tokens.find((t) => sentence.startsWith(t.value) && firstWord.startsWith(t.value));
  const keep = /^I\b|^I'/.test(firstWord) || (token !== undefined && isName(doc, token));
  return tidy(`${lead}, ${keep ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1)}`);
}
