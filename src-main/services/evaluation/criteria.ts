// The four criteria, each 0–100 with one sentence that names what moved it. The weights inside each
// criterion are set so that a specific, structured, confident answer lands in the 80s–90s and a short,
// vague, hedged one below 40; the labelled ranking set checks the ordering.
import type { Category } from '../../../src-shared/domain';
import type { CriteriaScores, CriterionScore } from '../../../src-shared/evaluation';
import type { Contradiction } from './contradictions';
import { contentFeatures, predictGrade } from './content-model';
import { type PointCoverage, termRecall } from './coverage';
import type { Doc } from './nlp';
import { LONG_SENTENCE_WORDS, type Signals } from './signals';
import type { StarReading } from './star';

export interface CriteriaInput {
  doc: Doc;
  signals: Signals;
  category: Category;
  question: string;
  points: readonly string[];
  /** Share of the answer's words that are about the question (the relevance stage's). */
  onTopicShare: number;
  /** The sentences evidence may come from. */
  grounded: ReadonlySet<number>;
  coverage: readonly PointCoverage[];
  star: StarReading | null;
  contradictions: readonly Contradiction[];
}

const TECHNICAL_CATEGORIES: ReadonlySet<Category> = new Set([
  'Technical',
  'System_Design',
  'Coding',
  'Domain_Specific',
]);

export function scoreCriteria(input: CriteriaInput): CriteriaScores {
  return {
    content_quality: contentQuality(input),
    clarity: clarity(input),
    confidence: confidence(input),
    technical_accuracy: TECHNICAL_CATEGORIES.has(input.category) ? technicalAccuracy(input) : evidence(input),
  };
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
const quoted = (items: readonly string[], max = 3) =>
  items
    .slice(0, max)
    .map((s) => `"${s}"`)
    .join(', ');

/** A penalty for answers too short to develop anything, applied to several criteria. */
function brevity(words: number, short: number, veryShort: number): number {
  if (words < 20) return veryShort;
  if (words < 40) return short;
  return 0;
}

function coverageCounts(coverage: readonly PointCoverage[]): { covered: number; partial: number } {
  return {
    covered: coverage.filter((c) => c.status === 'covered').length,
    partial: coverage.filter((c) => c.status === 'partial').length,
  };
}

function coverageShare(coverage: readonly PointCoverage[]): number {
  if (coverage.length === 0) return 0;
  const { covered, partial } = coverageCounts(coverage);
  return (covered + 0.5 * partial) / coverage.length;
}

// Figures and named tools are what interviewers remember; the human-graded science answers the content
// model is fitted on rarely have them, so their worth is set here rather than fitted.
const SPECIFICITY_POINTS = 15;

/**
 * What the answer says: the content model's fitted grade (coverage of the expected points, focus, what is
 * denied, length) plus points for specifics. With no expected points, the share of the answer about the
 * question stands in for coverage.
 */
function contentQuality(input: CriteriaInput): CriterionScore {
  const { signals, onTopicShare: onTopic, points, coverage } = input;
  const digits = distinct(signals.numbers.filter((n) => n.digits).map((n) => n.text));
  const spelled = distinct(signals.numbers.filter((n) => !n.digits).map((n) => n.text));
  const named = signals.namedTerms.map((n) => n.text);
  const specificity = Math.min(
    1,
    0.22 * Math.min(3, digits.length) + 0.1 * Math.min(2, spelled.length) + 0.1 * Math.min(3, named.length),
  );
  const grade = points.length > 0 ? predictGrade(contentFeatures(input)) : 0.5 * Math.min(1, onTopic * 1.6);
  const score = clamp(100 * grade + SPECIFICITY_POINTS * specificity);

  const { covered, partial } = coverageCounts(coverage);
  const pointsText =
    points.length > 0
      ? `Covers ${covered} of ${plural(points.length, 'expected point')}${partial ? ` (${partial} more partly)` : ''}`
      : 'No expected points to check';
  const specifics = [
    digits.length ? `${plural(digits.length, 'figure')} (${quoted(digits)})` : '',
    named.length ? `named tools or terms (${quoted(named)})` : '',
  ].filter(Boolean);
  const specificsText = specifics.length ? specifics.join(' and ') : 'no numbers or named tools';
  const topic = onTopic < 0.25 ? '; says little about what the question asks' : '';
  return { score, reason: `${pointsText}; ${specificsText}${topic}.` };
}

function clarity({ doc, signals }: CriteriaInput): CriterionScore {
  const sentences = doc.sentences.length;
  const avg = signals.avgSentenceWords;
  const signposts = signals.signposts.map((s) => s.text);
  let score = 62;
  score += 6 * Math.min(3, signposts.length);
  if (sentences >= 3) score += 6;
  if (avg >= 8 && avg <= 24) score += 8;
  else if (avg > 30) score -= 10;
  else if (avg < 6) score -= 6;
  score -= 7 * Math.min(3, signals.longSentences.length);
  if (signals.repetition > 0.08) score -= 12;
  else if (signals.repetition > 0.04) score -= 5;
  score += brevity(doc.wordCount, -18, -30);
  if (doc.wordCount > 350) score -= 8;
  if (doc.readingEase < 30) score -= 8;
  else if (doc.readingEase >= 60) score += 4;

  const parts = [
    signposts.length
      ? `${plural(signposts.length, 'signpost')} (${quoted(signposts)})`
      : 'no signposts such as "first" or "as a result"',
    `${plural(sentences, 'sentence')} averaging ${Math.round(avg)} words`,
  ];
  if (signals.longSentences.length) {
    parts.push(`${plural(signals.longSentences.length, 'sentence')} over ${LONG_SENTENCE_WORDS} words`);
  }
  if (signals.repetition > 0.04) parts.push('repeats itself');
  if (doc.wordCount < 40) parts.push(`only ${plural(doc.wordCount, 'word')}, too short to develop`);
  return { score: clamp(score), reason: `${capitalise(parts.join('; '))}.` };
}

function confidence({ doc, signals, category }: CriteriaInput): CriterionScore {
  const hedges = signals.hedges.map((h) => h.text);
  const fillers = signals.fillers.map((f) => f.text);
  const story = !TECHNICAL_CATEGORIES.has(category);
  let score = 82;
  score -= Math.min(45, 9 * hedges.length);
  score -= Math.min(30, 6 * fillers.length);
  score -= Math.min(12, 4 * signals.passives.length);
  if (signals.ownedActions.length >= 2) score += story ? 8 : 4;
  else if (story && signals.singular === 0 && signals.plural >= 2) score -= 10;
  if (hedges.length === 0 && fillers.length === 0 && doc.wordCount >= 40) score += 6;
  score += brevity(doc.wordCount, -6, -15);

  const voice = signals.passives.length
    ? `${plural(signals.passives.length, 'passive construction')} (${quoted(
        signals.passives.map((p) => p.text),
        2,
      )})`
    : 'active voice';
  const hedgeText = hedges.length
    ? `${plural(hedges.length, 'hedge')} (${quoted(distinct(hedges), 6)})`
    : 'no hedges';
  const fillerText = fillers.length
    ? `${plural(fillers.length, 'filler word')} (${quoted(distinct(fillers), 6)})`
    : 'no filler words';
  const ownership = `"I" ${plural(signals.singular, 'time')} vs "we" ${signals.plural}`;
  return {
    score: clamp(score),
    reason: `${capitalise(hedgeText)} and ${fillerText}; ${voice}; ${ownership}.`,
  };
}

function technicalAccuracy({
  doc,
  points,
  coverage,
  contradictions,
  grounded,
}: CriteriaInput): CriterionScore {
  const { found, total } = termRecall(doc, points, grounded);
  const recall = total.length ? found.length / total.length : 0;
  const denied = coverage.filter((c) => c.contradicted);
  const base = 100 * (0.55 * Math.min(1, recall * 1.25) + 0.45 * coverageShare(coverage));
  let score = 20 + 0.8 * base;
  score -= Math.min(40, 20 * contradictions.length) + Math.min(30, 15 * denied.length);
  score *= 1 + brevity(doc.wordCount, -0.1, -0.3);

  const missing = total.filter((t) => !found.includes(t)).map((t) => t.word);
  const terms = total.length
    ? `Uses ${found.length} of ${plural(total.length, 'key term')} from the expected points${
        missing.length ? ` (missing ${quoted(missing)})` : ''
      }`
    : 'No expected points to check terms against';
  const problems = [
    ...contradictions.map((c) => `contradicts itself ("${c.a}" vs "${c.b}")`),
    ...denied.map((c) => `denies an expected point ("${c.quote}")`),
  ];
  return {
    score: clamp(score),
    reason: `${terms}; ${problems.length ? problems.join('; ') : 'no contradictions'}.`,
  };
}

/** For stories, accuracy is the quality of the evidence: concrete actions, an outcome, and figures. */
function evidence({ signals, star, contradictions }: CriteriaInput): CriterionScore {
  const labels = star?.labels ?? [];
  const actions = labels.filter((l) => l === 'A').length;
  const result = labels.includes('R');
  const measured = star?.measuredResult ?? false;
  const digits = distinct(signals.numbers.filter((n) => n.digits).map((n) => n.text));
  let score = 20 + 12 * Math.min(3, actions) + (result ? 18 : 0) + (measured ? 14 : 0);
  score += 4 * Math.min(3, digits.length) + 3 * Math.min(2, signals.namedTerms.length);
  score -= Math.min(40, 20 * contradictions.length);

  const resultSentences = new Set(labels.flatMap((l, i) => (l === 'R' ? [i] : [])));
  const figure = signals.numbers.find((n) => n.digits && resultSentences.has(n.sentence));
  const outcome = !result
    ? 'no stated result'
    : figure
      ? `a measurable result ("${figure.text}")`
      : 'a result with no number';
  const owned = signals.ownedActions.length ? ` (${signals.ownedActions.length} told with "I")` : '';
  return {
    score: clamp(score),
    reason: `${capitalise(`${plural(actions, 'concrete action')}${owned}, ${outcome}`)}; ${plural(digits.length, 'figure')} in all.`,
  };
}

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
