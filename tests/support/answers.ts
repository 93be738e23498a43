// Answers for tests that submit to whatever questions a session drew: the coach judges whether a text
// answers *this* question, so a fixed story would be an off-topic non-answer to most of them.

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

/**
 * An answer to a question known only by its text (as a journey sees it on screen): the question's subject
 * words in a statement of what was done, with a figure.
 */
export function answerTo(question: string): string {
  const subject = question.replace(/[?.!]+$/, '').replace(/^\w/, (c) => c.toLowerCase());
  return `When it came to this (${subject}), I wrote a plan, measured the baseline first and then cut the failures by 30% within a month.`;
}
