import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedResume } from '../../src-shared/resume';
import { appPaths } from '../../src-main/paths';
import { ResumeParser } from '../../src-main/services/resume/runner';
import { buildResumeCorpus, REFERENCE_DATE, type ResumeFixture } from '../fixtures/resumes/corpus';
import { formatScore, scoreCorpus, type CorpusScore } from '../fixtures/resumes/score';

const reference = { year: Number(REFERENCE_DATE.slice(0, 4)), month: Number(REFERENCE_DATE.slice(5, 7)) };
let dir = '';
let fixtures: ResumeFixture[] = [];
let score: CorpusScore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-corpus-'));
  fixtures = await buildResumeCorpus(dir);
  // Through the worker, as the app and the CLI parse.
  const parser = new ResumeParser(join(appPaths().resources, 'skills', 'taxonomy.json'));
  const results: { truth: ResumeFixture['truth']; parsed: ParsedResume }[] = [];
  try {
    for (const f of fixtures)
      results.push({
        truth: f.truth,
        parsed: await parser.parse({ bytes: new Uint8Array(readFileSync(f.file)), reference }),
      });
  } finally {
    await parser.close();
  }
  score = scoreCorpus(results);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('résumé parsing accuracy over the generated corpus', () => {
  it('covers at least 30 résumés in PDF, DOCX, text and Markdown', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(new Set(fixtures.map((f) => f.format))).toEqual(new Set(['pdf', 'docx', 'txt', 'md']));
  });

  it.each(['skills', 'titles', 'companies', 'dates', 'degrees', 'institutions'] as const)(
    '%s: precision and recall at least 0.9',
    (field) => {
      const differences = score.perResume.flatMap((r, i) =>
        r.differences.map((d) => `${fixtures[i]!.id}: ${d}`),
      );
      const detail = `${formatScore(score)}\n${differences.join('\n')}`;
      expect(score[field].precision, detail).toBeGreaterThanOrEqual(0.9);
      expect(score[field].recall, detail).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('gets names, e-mails, total experience and seniority right on at least 90% of résumés', () => {
    for (const field of ['name', 'email', 'totalExperienceMonths', 'seniority'] as const) {
      expect(score[field].accuracy, `${field}\n${formatScore(score)}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
