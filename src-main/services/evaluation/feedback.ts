// Up to three strengths and three improvements, each pinned to a quote from the answer or to an expected
// point. Candidates are gathered from every signal, weighted by how much they matter, and the heaviest
// win; ties keep the order they were found in, so the choice is deterministic.
import type { FeedbackItem } from '../../../src-shared/evaluation';
import type { Reading } from './evaluate';
import { cleanSentence, digitRuns, droppable, pointPrompt } from './rewrite';

interface Candidate extends FeedbackItem {
  weight: number;
}

const MAX_ITEMS = 3;

export function feedbackFor(reading: Reading): { strengths: FeedbackItem[]; improvements: FeedbackItem[] } {
  return { strengths: top(strengths(reading)), improvements: top(improvements(reading)) };
}

function top(candidates: Candidate[]): FeedbackItem[] {
  const seen = new Set<string>();
  return candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.weight - a.c.weight || a.order - b.order)
    .filter(({ c }) => {
      // Two items about the same sentence read as one; keep the weightier.
      const key = c.quote ?? `point:${c.point}`;
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, MAX_ITEMS)
    .map(({ c: { text, quote, point } }) => ({ text, quote, point }));
}

const item = (
  weight: number,
  text: string,
  quote: string | null,
  point: string | null = null,
): Candidate => ({
  weight,
  text,
  quote,
  point,
});
const list = (items: readonly string[]) => items.map((s) => `"${s}"`).join(', ');

function quoteOf(reading: Reading, index: number | undefined): string | null {
  return index === undefined ? null : (reading.doc.sentences[index]?.text ?? null);
}

function strengths(reading: Reading): Candidate[] {
  const { doc, signals, star, coverage, grounded } = reading;
  // A strength may only quote a sentence about the question's subject.
  const sentenceOf = (r: Reading, index: number | undefined) =>
    index !== undefined && grounded.has(index) ? quoteOf(r, index) : null;
  const out: Candidate[] = [];
  const story = star !== null;
  const figures = [...new Set(signals.numbers.filter((n) => n.digits).map((n) => n.text))];

  coverage
    .filter((c) => c.status === 'covered' && c.quote)
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, 2)
    .forEach((c, i) =>
      out.push(item(i === 0 ? 3 : 1.5, `Covers the expected point "${c.point}".`, c.quote, c.point)),
    );

  if (story && star.measuredResult) {
    const r = star.labels.findIndex(
      (l, i) => l === 'R' && signals.numbers.some((n) => n.digits && n.sentence === i),
    );
    out.push(
      item(3.2, 'Ends with a measurable result, the part interviewers remember.', sentenceOf(reading, r)),
    );
  }
  if (figures.length >= 2) {
    const first = signals.numbers.find((n) => n.digits)!;
    out.push(
      item(
        2.8,
        `Backs the answer with figures (${list(figures.slice(0, 3))}), which makes the scale concrete.`,
        sentenceOf(reading, first.sentence),
      ),
    );
  }
  if (story && (['situation', 'task', 'action', 'result'] as const).every((p) => star.analysis[p].present)) {
    out.push(
      item(
        2.6,
        'Tells a complete story: situation, task, actions and result.',
        star.analysis.situation.quotes[0]!,
      ),
    );
  }
  if (story && signals.ownedActions.length >= 2) {
    out.push(
      item(
        2.5,
        'Owns the actions with "I", so it is clear what you did yourself.',
        sentenceOf(reading, signals.ownedActions[0]),
      ),
    );
  }
  if (signals.signposts.length >= 2) {
    const s = signals.signposts;
    out.push(
      item(
        2.2,
        `Signposts its structure (${list(s.slice(0, 3).map((h) => h.text))}), so it is easy to follow.`,
        sentenceOf(reading, s[0]!.sentence),
      ),
    );
  }
  if (signals.namedTerms.length >= 2) {
    const names = signals.namedTerms.slice(0, 3);
    out.push(
      item(
        2,
        `Names specific tools and terms (${list(names.map((n) => n.text))}).`,
        sentenceOf(reading, names[0]!.sentence),
      ),
    );
  }
  if (signals.hedges.length === 0 && signals.fillers.length === 0 && doc.wordCount >= 40) {
    out.push(item(1.2, 'States things directly, without hedging or filler words.', sentenceOf(reading, 0)));
  }
  return out.filter((c) => c.quote !== null || c.point !== null);
}

function improvements(reading: Reading): Candidate[] {
  const { input, doc, signals, star, coverage, contradictions, relevance } = reading;
  const sentenceOf = quoteOf;
  const out: Candidate[] = [];
  if (relevance.verdict === 'partial') {
    out.push(item(6, `${relevance.message} ${relevance.needs}`, relevance.evidence));
  }
  const story = star !== null;
  const digits = digitRuns(input.answer);
  const lastSentence = doc.sentences.length - 1;

  if (doc.wordCount < 40) {
    const whole = doc.sentences.length
      ? input.answer.slice(doc.sentences[0]!.start, doc.sentences.at(-1)!.end)
      : null;
    out.push(
      item(
        4.4,
        `Develop the answer: at ${doc.wordCount} words it cannot show depth. Walk through ${story ? 'what happened, what you did and how it ended' : 'how it works, a trade-off and an example from your work'}.`,
        whole,
      ),
    );
  }
  for (const c of contradictions) {
    out.push(
      item(5, `Resolve the contradiction between "${c.a}" and "${c.b}": say which holds, and when.`, c.quote),
    );
  }
  for (const c of coverage.filter((p) => p.contradicted)) {
    out.push(
      item(
        4.5,
        `This denies an expected point ("${c.point}"); if that was a deliberate trade-off, say why, otherwise correct it.`,
        c.quote,
        c.point,
      ),
    );
  }
  coverage
    .filter((c) => c.status === 'missing' && !c.contradicted)
    .slice(0, 2)
    .forEach((c, i) =>
      out.push(
        item(
          i === 0 ? 4 : 3.4,
          `Add the missing point. ${pointPrompt(c.point, digits, input.question.category)}.`,
          null,
          c.point,
        ),
      ),
    );

  if (story) {
    const actions = star.labels.flatMap((l, i) => (l === 'A' ? [i] : []));
    const results = star.labels.flatMap((l, i) => (l === 'R' ? [i] : []));
    if (results.length === 0) {
      out.push(
        item(
          4.2,
          'End with the result: what changed because of what you did, with a number, e.g. "[metric] went from [number] to [number]".',
          sentenceOf(reading, actions.at(-1) ?? lastSentence),
        ),
      );
    } else if (!star.measuredResult) {
      out.push(
        item(
          3.6,
          'Quantify this result: by how much, and over what period, e.g. "[metric] improved by [number]%".',
          sentenceOf(reading, results[0]),
        ),
      );
    }
    if (signals.ownedActions.length === 0 && signals.plural > 0) {
      const we = doc.tokens.find((t) => t.normal === 'we');
      out.push(
        item(
          3,
          'Say which steps you took yourself ("I set up ...", "I asked ..."), not only what "we" did.',
          sentenceOf(reading, we?.sentence),
        ),
      );
    }
  } else if (!signals.numbers.some((n) => n.digits)) {
    out.push(
      item(
        3.2,
        'Add a figure that shows scale or impact from your own work (requests per second, latency, % change, time saved).',
        sentenceOf(reading, lastSentence),
      ),
    );
  }

  const hedges = signals.hedges;
  if (hedges.length > 0) {
    // Lead with a hedge that can simply be deleted, so the suggested rewrite is ready to use.
    const h = droppable(hedges)[0] ?? hedges[0]!;
    const more =
      hedges.length > 1 ? ` (and ${hedges.length - 1} more hedge${hedges.length > 2 ? 's' : ''})` : '';
    const drops = droppable([...hedges, ...signals.fillers]);
    const rewritten = cleanSentence(doc, h.sentence, drops);
    const suggestion =
      rewritten !== doc.sentences[h.sentence]!.text
        ? ` State it directly: "${rewritten}"`
        : ' State it directly.';
    out.push(
      item(
        2.5 + 0.5 * Math.min(3, hedges.length),
        `Drop "${h.text}"${more}: it makes you sound unsure.${suggestion}`,
        h.text,
      ),
    );
  }
  if (signals.fillers.length > 0) {
    const words = [...new Set(signals.fillers.map((f) => f.text))];
    out.push(
      item(
        2 + 0.4 * Math.min(3, signals.fillers.length),
        `Cut filler words (${list(words.slice(0, 3))}); a short pause sounds more confident.`,
        signals.fillers[0]!.text,
      ),
    );
  }
  if (signals.passives.length > 0) {
    const p = signals.passives[0]!;
    out.push(item(1.8, `"${p.text}" hides who acted; say who did it ("I ...", or name the team).`, p.text));
  }
  for (const i of signals.longSentences.slice(0, 1)) {
    out.push(
      item(
        1.6 + 0.2 * signals.longSentences.length,
        `Split this ${signals.sentenceWords[i]}-word sentence into two or three shorter ones.`,
        sentenceOf(reading, i),
      ),
    );
  }
  if (signals.signposts.length === 0 && doc.sentences.length >= 3) {
    out.push(
      item(
        1.7,
        'Signpost the structure ("First, ...", "Then, ...", "As a result, ...") so the listener can follow.',
        sentenceOf(reading, 0),
      ),
    );
  }
  return out.filter((c) => c.quote !== null || c.point !== null);
}
