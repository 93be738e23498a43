// The sets that measure the readers on documents nobody tuned them on (tests/fixtures/unseen-*, and the spent
// fresh-* sets kept beside them) are read only by the bench. This checks that their truth is whole and in the corpus
// format, so a malformed file fails here rather than silently scoring as a miss. It reads the truth and the
// documents' presence only, never a reader's output, so running it leaves the sets unseen.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPERIENCE_LEVELS } from '../../src-shared/domain';
import { DEGREES } from '../../src-shared/resume';
import { FRESH_RESUMES_DIR } from '../fixtures/fresh-resumes/corpus';
import { loadRealCorpus } from '../fixtures/real-resumes/corpus';
import { loadPostings, REAL_POSTINGS_DIR } from '../fixtures/real-postings/score';
import { UNSEEN_RESUMES_DIR } from '../fixtures/unseen-resumes/corpus';
import { UNSEEN2_RESUMES_DIR } from '../fixtures/unseen2-resumes/corpus';

/** 'YYYY' or 'YYYY-MM', alternatives after '||', 'present' for an end; null where the document does not say. */
const DATE =
  /^(?:(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?|present)(?:\|\|(?:(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?|present))*$/;
const filled = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

describe.each([
  ['unseen', UNSEEN_RESUMES_DIR, 12],
  ['second unseen', UNSEEN2_RESUMES_DIR, 12],
  ['fresh', FRESH_RESUMES_DIR, 8],
] as const)('the %s résumé set', (_name, dir, count) => {
  const corpus = loadRealCorpus(dir);

  it(`holds ${count} documents, each with its source, licence and file`, () => {
    expect(corpus).toHaveLength(count);
    for (const { id, file, truth } of corpus) {
      expect([id, filled(truth.source), filled(truth.licence), existsSync(file)]).toEqual([
        id,
        true,
        true,
        true,
      ]);
      expect([id, filled(truth.name)]).toEqual([id, true]);
    }
  });

  it('gives every job four slots with dates in the corpus format, and every degree one of the app’s', () => {
    for (const { id, truth } of corpus) {
      for (const job of truth.experience) {
        expect([id, job.length]).toEqual([id, 4]);
        for (const date of job.slice(2))
          if (date !== null) expect([id, date]).toEqual([id, expect.stringMatching(DATE)]);
      }
      for (const [degree, school, year] of truth.education) {
        if (degree !== null) expect([id, DEGREES.includes(degree)]).toEqual([id, true]);
        expect([id, filled(school)]).toEqual([id, true]);
        if (year !== null)
          expect([id, Number.isInteger(year) && year > 1950 && year < 2040]).toEqual([id, true]);
      }
      for (const skill of truth.skills) expect([id, filled(skill)]).toEqual([id, true]);
    }
  });
});

describe.each([
  ['unseen', join(REAL_POSTINGS_DIR, '..', 'unseen-postings'), 16],
  ['second unseen', join(REAL_POSTINGS_DIR, '..', 'unseen2-postings'), 17],
  ['fresh', join(REAL_POSTINGS_DIR, '..', 'fresh-postings'), 12],
] as const)('the %s posting set', (_name, dir, count) => {
  const postings = loadPostings(dir);

  it(`holds ${count} postings, each with its text, source, licence and title`, () => {
    expect(postings).toHaveLength(count);
    for (const { id, text, truth } of postings)
      expect([
        id,
        text.trim().length > 200,
        filled(truth.source),
        filled(truth.licence),
        filled(truth.title),
      ]).toEqual([id, true, true, true, true]);
  });

  it('gives every posting a level the app knows (or none), skills as names, and nothing both required and nice', () => {
    for (const { id, truth } of postings) {
      if (truth.level !== null) expect([id, EXPERIENCE_LEVELS.includes(truth.level)]).toEqual([id, true]);
      for (const skill of [...truth.required, ...truth.nice, ...truth.soft])
        expect([id, filled(skill)]).toEqual([id, true]);
      const nice = new Set(truth.nice.map((s) => s.toLowerCase()));
      expect([id, truth.required.filter((s) => nice.has(s.toLowerCase()))]).toEqual([id, []]);
      expect([id, Array.isArray(truth.companyAliases)]).toEqual([id, true]);
    }
  });
});
