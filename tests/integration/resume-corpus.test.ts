import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedResume } from '../../src-shared/resume';
import { appPaths } from '../../src-main/paths';
import { ResumeParser } from '../../src-main/services/resume/runner';
import { buildResumeCorpus, REFERENCE_DATE, type ResumeFixture } from '../fixtures/resumes/corpus';
import { formatScore, scoreCorpus, type CorpusScore } from '../fixtures/resumes/score';
import { loadRealCorpus, REAL_REFERENCE, type RealFixture } from '../fixtures/real-resumes/corpus';
import { formatRealScore, scoreRealCorpus, type RealCorpusScore } from '../fixtures/real-resumes/score';

const reference = { year: Number(REFERENCE_DATE.slice(0, 4)), month: Number(REFERENCE_DATE.slice(5, 7)) };
let dir = '';
let fixtures: ResumeFixture[] = [];
let score: CorpusScore;
let real: RealFixture[] = [];
let realScore: RealCorpusScore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rehearse-corpus-'));
  fixtures = await buildResumeCorpus(dir);
  // Through the worker, as the app and the CLI parse.
  const parser = new ResumeParser(join(appPaths().resources, 'skills', 'taxonomy.json'));
  const results: { truth: ResumeFixture['truth']; parsed: ParsedResume }[] = [];
  real = loadRealCorpus();
  const realResults: { truth: RealFixture['truth']; parsed: ParsedResume }[] = [];
  try {
    for (const f of fixtures)
      results.push({
        truth: f.truth,
        parsed: await parser.parse({ bytes: new Uint8Array(readFileSync(f.file)), reference }),
      });
    for (const f of real)
      realResults.push({
        truth: f.truth,
        parsed: await parser.parse({
          bytes: new Uint8Array(readFileSync(f.file)),
          reference: REAL_REFERENCE,
        }),
      });
  } finally {
    await parser.close();
  }
  score = scoreCorpus(results);
  realScore = scoreRealCorpus(realResults);
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

describe('résumé parsing accuracy over the real corpus (documents nobody in the project wrote)', () => {
  const detail = () =>
    `${formatRealScore(realScore)}\n${realScore.perResume.flatMap((r) => r.differences.map((d) => `${r.id}: ${d}`)).join('\n')}`;

  it('covers at least 90 résumés as PDF, Word and plain text', () => {
    expect(real.length).toBeGreaterThanOrEqual(90);
    expect(new Set(real.map((f) => f.file.split('.').at(-1)))).toEqual(new Set(['pdf', 'docx', 'txt']));
  });

  it('reads every name and e-mail address', () => {
    expect(realScore.name.accuracy, detail()).toBe(1);
    expect(realScore.email.accuracy, detail()).toBe(1);
  });

  it("meets the issue's targets: titles, companies and institutions 0.9, degrees 0.85, listed skills 0.85", () => {
    for (const [field, target] of [
      ['titles', 0.9],
      ['companies', 0.9],
      ['institutions', 0.9],
      ['degrees', 0.85],
      ['skills', 0.85],
      ['dates', 0.9],
    ] as const) {
      expect(realScore[field].precision, `${field}\n${detail()}`).toBeGreaterThanOrEqual(target);
      expect(realScore[field].recall, `${field}\n${detail()}`).toBeGreaterThanOrEqual(target);
    }
  });
});
