/**
 * The private bank as a file: CSV for spreadsheets, JSON for everything else. Import checks every row before
 * writing any, so a file with one bad row imports nothing and says which rows and fields to fix.
 */
import type { z } from 'zod';
import {
  PrivateQuestionInput,
  type ExchangeFormat,
  type ImportRowError,
  type PrivateQuestion,
} from '../../../src-shared/questions';
import { CsvError, parseCsv, toCsv } from '../../formats/csv';

export const CSV_COLUMNS = [
  'text',
  'category',
  'difficulty',
  'expected_points',
  'time_limit_sec',
  'skills',
  'tags',
  'role',
] as const;
const REQUIRED_COLUMNS = ['text', 'category', 'difficulty', 'expected_points', 'time_limit_sec'];
const FIELD_OF_COLUMN: Record<string, string> = {
  text: 'text',
  category: 'category',
  difficulty: 'difficulty',
  expected_points: 'expectedPoints',
  time_limit_sec: 'timeLimitSec',
  skills: 'skills',
  tags: 'tags',
  role: 'role',
};
export const MAX_IMPORT_ROWS = 2000;
/** Lists inside one CSV cell are separated by "|", which no question field may contain. */
const LIST_SEPARATOR = '|';

export type ParsedRow = z.output<typeof PrivateQuestionInput>;
export type ImportParse = { rows: ParsedRow[]; errors: ImportRowError[] };

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

function validateRows(raw: unknown[], fieldName: (path: PropertyKey[]) => string): ImportParse {
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  raw.forEach((candidate, index) => {
    const parsed = PrivateQuestionInput.safeParse(candidate);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ row: index + 1, field: fieldName(issue.path), message: issue.message });
  });
  return { rows, errors };
}

function fromCsv(content: string): ImportParse {
  let table: string[][];
  try {
    table = parseCsv(content);
  } catch (err) {
    if (err instanceof CsvError)
      return { rows: [], errors: [{ row: 0, field: 'file', message: err.message }] };
    throw err;
  }
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 0, field: 'file', message: 'The file has no rows.' }] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return {
      rows: [],
      errors: [
        {
          row: 0,
          field: 'header',
          message: `The header row must name the columns ${CSV_COLUMNS.join(', ')} (${parts.join('; ')}).`,
        },
      ],
    };
  }
  if (body.length > MAX_IMPORT_ROWS) return tooMany();
  const objects = body.map((cells) => {
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? undefined : cells[i];
    };
    const seconds = cell('time_limit_sec')?.trim() ?? '';
    return {
      text: cell('text') ?? '',
      category: cell('category')?.trim() ?? '',
      difficulty: cell('difficulty')?.trim() ?? '',
      expectedPoints: list(cell('expected_points')),
      timeLimitSec: /^\d+$/.test(seconds) ? Number(seconds) : seconds,
      skills: list(cell('skills')),
      tags: list(cell('tags')),
      role: cell('role')?.trim() || null,
    };
  });
  const columnOf = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c]));
  return validateRows(objects, (path) => columnOf[String(path[0])] ?? String(path[0]));
}

const tooMany = (): ImportParse => ({
  rows: [],
  errors: [
    {
      row: 0,
      field: 'file',
      message: `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} questions at a time.`,
    },
  ],
});

function fromJson(content: string): ImportParse {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return { rows: [], errors: [{ row: 0, field: 'file', message: 'This is not valid JSON.' }] };
  }
  const items = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && 'questions' in data
      ? data.questions
      : null;
  if (!Array.isArray(items))
    return {
      rows: [],
      errors: [
        {
          row: 0,
          field: 'file',
          message: 'Expected a list of questions or an object with a "questions" list.',
        },
      ],
    };
  if (items.length > MAX_IMPORT_ROWS) return tooMany();
  // Only the question's own fields are read; ids and dates from another install are not ours to keep.
  const own = items.map((item: unknown) => {
    if (!item || typeof item !== 'object') return item;
    const {
      id: _id,
      origin: _origin,
      writtenBy: _writtenBy,
      createdAt: _c,
      updatedAt: _u,
      ...rest
    } = item as Record<string, unknown>;
    return rest;
  });
  return validateRows(own, (path) => path.map(String).join('.'));
}

export function parseImport(format: ExchangeFormat, content: string): ImportParse {
  const parsed = format === 'csv' ? fromCsv(content) : fromJson(content);
  if (parsed.errors.length === 0 && parsed.rows.length === 0)
    return { rows: [], errors: [{ row: 0, field: 'file', message: 'The file has no questions in it.' }] };
  return parsed;
}

export function exportQuestions(format: ExchangeFormat, questions: readonly PrivateQuestion[]): string {
  if (format === 'json') {
    const out = questions.map((q) => ({
      text: q.text,
      category: q.category,
      difficulty: q.difficulty,
      expectedPoints: q.expectedPoints,
      timeLimitSec: q.timeLimitSec,
      skills: q.skills,
      tags: q.tags,
      role: q.role,
    }));
    return JSON.stringify({ format: 'rehearse-questions', version: 1, questions: out }, null, 2) + '\n';
  }
  return toCsv([
    CSV_COLUMNS,
    ...questions.map((q) => [
      q.text,
      q.category,
      q.difficulty,
      q.expectedPoints.join(LIST_SEPARATOR),
      q.timeLimitSec,
      q.skills.join(LIST_SEPARATOR),
      q.tags.join(LIST_SEPARATOR),
      q.role ?? '',
    ]),
  ]);
}
