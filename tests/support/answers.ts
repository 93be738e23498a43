// Answers for tests that submit to whatever questions a session drew: the coach judges whether a text
// answers *this* question, so a fixed story would be an off-topic non-answer to most of them.
import { join } from 'node:path';
import { type BankEntry, loadBank } from '../../src-main/services/questions/bank';

/**
 * A specific answer on the question's own subject: each expected point said as a step, and a measured
 * outcome. Not a model answer, but one the coach must read as answering the question.
 */
export function answerFor(q: { text: string; expectedPoints: readonly string[] }): string {
  const steps = q.expectedPoints.map(
    (p, i) =>
      `${i === 0 ? 'First' : 'Then'}, I ${p.charAt(0).toLowerCase()}${p.slice(1).replace(/\.$/, '')}.`,
  );
  return [
    `Last year I faced this at work: ${q.text.replace(/\?$/, '').toLowerCase()}.`,
    ...steps,
    'As a result, I cut the failures we saw from 15% to 0.2%. Errors fell to 0.2% within a day.',
  ].join(' ');
}

let bank: readonly BankEntry[] | undefined;

/**
 * An answer to a question known only by its text (as a journey sees it on screen). A question of the shipped
 * bank is answered point by point (`answerFor`), as the coach reads it against those points; any other gets
 * a few of its longest words in a statement of what was done, with a figure — not the question said back,
 * which the coach calls a restatement however much it adds.
 */
export function answerTo(question: string): string {
  bank ??= loadBank(join(__dirname, '../../resources/questions')).all;
  const known = bank.find((q) => q.text === question.trim());
  if (known) return answerFor(known);
  const words = [...new Set(question.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])].filter(
    (w) => !QUESTION_WORDS.has(w.toLowerCase()),
  );
  // The longest words are the likeliest to be what the question is about.
  const subject = [...words]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, 4)
    .join(', ');
  return `I worked on exactly this (${subject}) last year: I wrote a plan, measured the baseline first and then cut the failures by 30% within a month.`;
}

// Words of how a question is asked, not of what it is about.
const QUESTION_WORDS = new Set(
  'the and you what how did who why was were are has have had for with each when some want wants think used say said can its into from that this than then them they about would could should explain describe which where there their these those your yours tell after before during while other every being between without difference choose something example'.split(
    ' ',
  ),
);
