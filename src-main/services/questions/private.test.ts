import { describe, expect, it } from 'vitest';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';

const QUESTION = {
  text: 'How would you explain a left join to a new analyst?',
  category: 'Technical' as const,
  difficulty: 'Easy' as const,
  expectedPoints: ['Rows kept from the left table', 'Nulls where there is no match', 'A worked example'],
  timeLimitSec: 180,
  tags: ['sql', 'basics'],
};

const CSV_HEADER = 'text,category,difficulty,expected_points,time_limit_sec,skills,tags,role';

describe('the private question bank', () => {
  it('saves, tags, edits, filters and deletes the candidate’s own questions', async () => {
    const runtime = await testRuntime();
    const saved = await ok(runtime, 'questions.private.save', { question: QUESTION });
    expect(saved).toMatchObject({ ...QUESTION, skills: [], role: null, origin: 'written', writtenBy: null });
    const edited = await ok(runtime, 'questions.private.save', {
      id: saved.id,
      question: { ...QUESTION, tags: ['sql'], difficulty: 'Medium' },
    });
    expect(edited).toMatchObject({ id: saved.id, difficulty: 'Medium', tags: ['sql'] });
    expect(await ok(runtime, 'questions.private.list', { tag: 'basics' })).toEqual([]);
    expect((await ok(runtime, 'questions.private.list', { search: 'LEFT join' })).map((q) => q.id)).toEqual([
      saved.id,
    ]);
    expect(await ok(runtime, 'questions.private.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await ok(runtime, 'questions.private.list', {})).toEqual([]);
  });

  it('refuses a second copy of the same question, whatever its case and punctuation', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'questions.private.save', { question: QUESTION });
    const before = snapshot(runtime);
    const again = await runtime.invoke('questions.private.save', {
      question: { ...QUESTION, text: 'how would you explain a LEFT JOIN to a new analyst' },
    });
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'You already have this question in your bank.',
        details: { field: 'text' },
      },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('names the field of a bad question and writes nothing', async () => {
    const runtime = await testRuntime();
    const before = snapshot(runtime);
    const result = await runtime.invoke('questions.private.save', {
      question: { ...QUESTION, expectedPoints: ['only one'] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: 'List at least 3 expected answer points.' },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('saves a question from a session, once', async () => {
    const runtime = await testRuntime();
    const session = await ok(runtime, 'sessions.create', {
      role: 'Data Analyst',
      difficulty: 'Easy',
      questionCount: 2,
    });
    const first = await ok(runtime, 'questions.private.saveFromSession', {
      sessionQuestionId: session.questions[0]!.id,
    });
    expect(first).toMatchObject({ text: session.questions[0]!.text, origin: 'saved', role: 'Data Analyst' });
    const second = await ok(runtime, 'questions.private.saveFromSession', {
      sessionQuestionId: session.questions[0]!.id,
    });
    expect(second.id).toBe(first.id);
    expect(await ok(runtime, 'questions.private.list', {})).toHaveLength(1);
  });

  it('imports a CSV with quoted commas and line breaks, and exports it back unchanged', async () => {
    const runtime = await testRuntime();
    const csv = [
      CSV_HEADER,
      '"Walk me through a time you said ""no"" to a stakeholder, and why.",Behavioral,Medium,"The request|Why you declined|What you offered instead",240,Stakeholder management,people|hard,',
      '"Design a rate limiter for a public API,\nserving 10,000 clients.",System_Design,Hard,Algorithm choice|Where state lives|Behaviour under bursts,600,API design|Scalability,,Backend Engineer',
    ].join('\r\n');
    expect(await ok(runtime, 'questions.private.import', { format: 'csv', content: csv })).toEqual({
      imported: 2,
      skipped: 0,
      errors: [],
    });
    const exported = await ok(runtime, 'questions.private.export', { format: 'csv' });
    expect(exported.count).toBe(2);
    expect(exported.fileName).toMatch(/^rehearse-questions-\d{4}-\d{2}-\d{2}\.csv$/);

    const other = await testRuntime();
    await ok(other, 'questions.private.import', { format: 'csv', content: exported.content });
    const strip = (
      qs: { text: string; tags: string[]; expectedPoints: string[]; skills: string[]; role: string | null }[],
    ) =>
      qs
        .map(({ text, tags, expectedPoints, skills, role }) => ({ text, tags, expectedPoints, skills, role }))
        .sort((a, b) => a.text.localeCompare(b.text));
    expect(strip(await ok(other, 'questions.private.list', {}))).toEqual(
      strip(await ok(runtime, 'questions.private.list', {})),
    );
    expect(
      (await ok(other, 'questions.private.list', {})).find((q) => q.category === 'System_Design')?.text,
    ).toContain('public API,\nserving 10,000 clients.');
  });

  it('round-trips JSON and skips questions already in the bank', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'questions.private.save', { question: QUESTION });
    const json = (await ok(runtime, 'questions.private.export', { format: 'json' })).content;
    expect(JSON.parse(json)).toMatchObject({ format: 'rehearse-questions', version: 1 });
    expect(await ok(runtime, 'questions.private.import', { format: 'json', content: json })).toEqual({
      imported: 0,
      skipped: 1,
      errors: [],
    });
  });

  it('imports a list as the app lists it, keeping the questions and none of the other install’s bookkeeping', async () => {
    const runtime = await testRuntime();
    const listed = {
      ...QUESTION,
      id: 'from-elsewhere',
      origin: 'generated',
      writtenBy: 'llama3.2 (Ollama)',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const content = JSON.stringify([listed]);
    expect(await ok(runtime, 'questions.private.import', { format: 'json', content })).toEqual({
      imported: 1,
      skipped: 0,
      errors: [],
    });
    const [mine] = await ok(runtime, 'questions.private.list', {});
    // Imported here: not this install's generated question, and no claim about who wrote it.
    expect(mine).toMatchObject({ text: QUESTION.text, origin: 'imported', writtenBy: null });
    expect(mine!.id).not.toBe('from-elsewhere');
  });

  it('imports nothing from a file with bad rows, and names each row, field and problem', async () => {
    const runtime = await testRuntime();
    const before = snapshot(runtime);
    const csv = [
      CSV_HEADER,
      'Tell me about a project you are proud of and why.,Behavioral,Easy,What it was|Your part|The result,180,,,',
      'Too short,Behavioral,Easy,a point|another point|third point,180,,,',
      'What is the difference between a process and a thread?,Technical,Impossible,Memory|Scheduling|Cost,90,,,',
    ].join('\n');
    const result = await ok(runtime, 'questions.private.import', { format: 'csv', content: csv });
    expect(result).toEqual({
      imported: 0,
      skipped: 0,
      errors: [
        { row: 2, field: 'text', message: 'The question must be at least 10 characters.' },
        { row: 3, field: 'difficulty', message: 'Difficulty must be one of Easy, Medium, Hard, Expert.' },
        { row: 3, field: 'time_limit_sec', message: 'The time limit must be at least 120 seconds.' },
      ],
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('refuses broken files with one clear reason and writes nothing', async () => {
    const runtime = await testRuntime();
    const before = snapshot(runtime);
    const cases: [format: 'csv' | 'json', content: string, message: string][] = [
      ['json', '{"questions": [', 'This is not valid JSON.'],
      ['json', '{"items": []}', 'Expected a list of questions or an object with a "questions" list.'],
      ['json', '[]', 'The file has no questions in it.'],
      [
        'csv',
        'question,answer\nWhat?,That',
        'The header row must name the columns text, category, difficulty, expected_points, time_limit_sec, skills, tags, role (missing text, category, difficulty, expected_points, time_limit_sec; unknown question, answer).',
      ],
      [
        'csv',
        `${CSV_HEADER}\n"never closed,Behavioral`,
        'A quoted field that starts on line 2 is never closed.',
      ],
    ];
    for (const [format, content, message] of cases) {
      const result = await ok(runtime, 'questions.private.import', { format, content });
      expect(result.imported).toBe(0);
      expect(result.errors[0]?.message).toBe(message);
    }
    const big = await runtime.invoke('questions.private.import', {
      format: 'csv',
      content: 'x'.repeat(2_000_001),
    });
    expect(big).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'This file is too large to import; split it into files under 2 MB.',
      },
    });
    expect(snapshot(runtime)).toBe(before);
  });
});
