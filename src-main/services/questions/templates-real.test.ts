import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPostings } from '../../../tests/fixtures/real-postings/score';
import { personaResumes, setFor } from '../../../tests/fixtures/real-postings/sets';
import { appPaths } from '../../paths';
import { matchResume } from '../jobs/match';
import { proposeFromPosting } from '../jobs/posting';
import { loadTaxonomy } from '../resume/skills';
import { loadBank } from './bank';
import { spoken } from './templates';

const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
const bank = loadBank(join(appPaths().resources, 'questions'));
const postings = loadPostings().map((p) => ({ id: p.id, ...proposeFromPosting(p.text, taxonomy) }));

describe('questions that use what was read, on the real postings of the corpus', () => {
  // Every persona against every real posting (118 of them): slower than one unit test, with room for a loaded machine.
  it(
    'asks at least 3 of 10 about the résumé and 2 about the posting, the missing skills first, each saying why',
    { timeout: 60_000 },
    async () => {
      let sets = 0;
      const people = await personaResumes(taxonomy);
      for (const { id, resume } of people) {
        for (const [i, p] of postings.entries()) {
          const gaps = matchResume(resume, p, taxonomy).missingRequired;
          const set = setFor(resume, p, bank.all, i + 1, taxonomy);
          sets++;
          const fromResume = set.filter((q) => q.source === 'resume');
          const fromJob = set.filter((q) => q.source === 'job');
          const context = `${id} × ${p.id}`;
          expect(fromResume.length, context).toBeGreaterThanOrEqual(3);
          if (p.requiredSkills.length >= 2) expect(fromJob.length, context).toBeGreaterThanOrEqual(2);
          // The skills the résumé does not show come first: no depth question while two gaps wait.
          if (gaps.length >= 2)
            expect(
              set.some((q) => q.questionId.startsWith('job-depth')),
              context,
            ).toBe(false);
          for (const q of [...fromResume, ...fromJob]) {
            expect(q.reason, context).toMatch(/^(From your résumé: |The job asks for |Probes )/);
            expect(q.text, context).not.toMatch(/undefined|null|\.\.|\[object|The .* role asks/);
          }
        }
      }
      expect(sets).toBe(people.length * postings.length);
    },
  );

  it('says a method as a common noun and a product by its name', () => {
    expect(spoken('Network security')).toBe('network security');
    expect(spoken('Procurement')).toBe('procurement');
    expect(spoken('Code review')).toBe('code review');
    expect(spoken('Python')).toBe('Python');
    expect(spoken('QuickBooks')).toBe('QuickBooks');
    expect(spoken('Amazon Web Services')).toBe('Amazon Web Services');
    expect(spoken('Section 508')).toBe('Section 508');
    expect(spoken('DevOps')).toBe('DevOps');
  });
});
