/** `rehearse evaluate`: the builtin coach on one answer from a file, for scripting and checking the rubric. */
import { readFileSync } from 'node:fs';
import { CATEGORIES, type Category } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import { ANSWER_MAX_CHARS, ANSWER_MIN_CHARS } from '../../../src-shared/domain';
import { CRITERIA, STAR_PARTS, type EvaluationResult } from '../../../src-shared/evaluation';
import { evaluateBuiltin } from '../../services/evaluation/evaluate';

export function evaluateFile(o: {
  question?: string;
  category?: string;
  points?: string;
  answerFile: string;
  /** The answer itself (a transcript), in place of reading answerFile. */
  answer?: string;
}): EvaluationResult {
  const category = (o.category ?? 'Behavioral') as Category;
  if (!CATEGORIES.includes(category))
    throw new AppError('VALIDATION_ERROR', `Category must be one of ${CATEGORIES.join(', ')}.`, {
      field: 'category',
      reason: 'unknown',
    });
  if (!o.question?.trim())
    throw new AppError('VALIDATION_ERROR', 'The question is required.', {
      field: 'question',
      reason: 'empty',
    });
  let answer: string;
  try {
    answer = o.answer ?? readFileSync(o.answerFile, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `No file at ${o.answerFile}`);
  }
  if (answer.trim().length < ANSWER_MIN_CHARS)
    throw new AppError('VALIDATION_ERROR', `Your answer must be at least ${ANSWER_MIN_CHARS} characters.`, {
      field: 'answer',
      reason: 'short',
    });
  if (answer.length > ANSWER_MAX_CHARS)
    throw new AppError(
      'VALIDATION_ERROR',
      `Your answer must be at most ${ANSWER_MAX_CHARS.toLocaleString('en-US')} characters.`,
      {
        field: 'answer',
        reason: 'long',
      },
    );
  const expectedPoints = (o.points ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
  return evaluateBuiltin({ question: { text: o.question.trim(), category, expectedPoints }, answer });
}

export function describeEvaluation(r: EvaluationResult): string {
  const lines = [`Overall ${r.overall}`, ''];
  const verdict = r.relevance;
  if (verdict && verdict.verdict !== 'answers') {
    lines.push(verdict.message, `What an answer needs: ${verdict.needs}`, `Capped at ${verdict.cap}.`, '');
  }
  for (const c of CRITERIA)
    lines.push(`${c.padEnd(19)} ${String(r.criteria[c].score).padStart(3)}  ${r.criteria[c].reason}`);
  if (r.star) {
    lines.push('', 'STAR:');
    for (const p of STAR_PARTS) {
      const part = r.star[p];
      lines.push(
        `  ${p.padEnd(9)} ${part.present ? 'present' : 'missing'}${part.quotes.length ? ` — “${part.quotes.join(' ')}”` : ''}`,
      );
      for (const m of part.missing) lines.push(`            ${m}`);
    }
  }
  if (r.expectedPoints.length) {
    lines.push('', 'Expected points:');
    for (const p of r.expectedPoints)
      lines.push(`  [${p.status}] ${p.point}${p.quote ? ` — “${p.quote}”` : ''}`);
  }
  if (r.strengths.length) lines.push('', 'Strengths:', ...r.strengths.map((s) => `  + ${s.text}`));
  if (r.improvements.length) lines.push('', 'Improvements:', ...r.improvements.map((s) => `  - ${s.text}`));
  if (r.exampleAnswer) lines.push('', 'A stronger version:', r.exampleAnswer);
  return lines.join('\n');
}
