import { describe, expect, it } from 'vitest';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';

const VALUES_PAGE = `Careers at Fernhill

Our values
Customers first
We start every decision from what it does for the people who use Fernhill.
Write it down
Decisions and their reasons live in documents anyone can read.
Own the outcome: we finish what we start, and we say when we cannot.

How we hire
1. A 30-minute recruiter call about your background and what you want next.
2. A take-home exercise of about three hours, reviewed by two engineers.
3. A values interview with two people from outside your team.
4. A final round with the hiring manager.
`;

const POSTING = `Senior Data Engineer at Fernhill
Requirements:
- 5+ years with Python and SQL
- Experience with Apache Airflow
`;

const RESUME = `Sam Okafor
sam@example.org

EXPERIENCE
Data Engineer, Quillstone
Feb 2019 – Present
- Led the move of 40 nightly jobs to Airflow, cutting failed runs by 70%.
- Wrote the design documents for the customer data platform that 6 teams now use.
- Attended meetings.

Analyst, Brackenbury Bank
Jun 2016 – Jan 2019
- Built the customer churn dashboard used by the retail board every month.
`;

describe('company profiles', () => {
  it('lists the shipped profiles with their sources and a category mix that sums to 1', async () => {
    const runtime = await testRuntime();
    const all = await ok(runtime, 'companies.list', {});
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const c of all) {
      expect(c.builtin).toBe(true);
      expect(c.sources.length).toBeGreaterThan(0);
      expect(Object.values(c.categoryWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(c.categoryWeights.Behavioral).toBeGreaterThan(0);
    }
  });

  it('extracts stated values, interview stages and focus areas from pasted pages, inventing none', async () => {
    const runtime = await testRuntime();
    const draft = await ok(runtime, 'companies.extract', { valuesText: VALUES_PAGE, postingText: POSTING });
    expect(draft.values).toEqual([
      {
        name: 'Customers first',
        description: 'We start every decision from what it does for the people who use Fernhill.',
      },
      {
        name: 'Write it down',
        description: 'Decisions and their reasons live in documents anyone can read.',
      },
      { name: 'Own the outcome', description: 'we finish what we start, and we say when we cannot.' },
    ]);
    expect(draft.stages.map((s) => s.name)).toEqual([
      'Recruiter screen',
      'Take-home exercise',
      'Behavioural and values interview',
      'Final round',
    ]);
    expect(draft.stages[1]!.description).toContain('about three hours');
    expect(draft.focusAreas).toEqual(expect.arrayContaining(['Python', 'SQL']));
    expect(draft.notes).toEqual([]);
  });

  it('says when it found no values rather than guessing', async () => {
    const runtime = await testRuntime();
    const draft = await ok(runtime, 'companies.extract', {
      valuesText: 'We are a team of forty people in Leeds.',
    });
    expect(draft.values).toEqual([]);
    expect(draft.notes).toEqual([
      'No values were found. Paste the part of the page that lists them, or add them yourself.',
    ]);
  });

  it('saves, edits and deletes the candidate’s profiles, and keeps shipped ones read-only', async () => {
    const runtime = await testRuntime();
    const draft = await ok(runtime, 'companies.extract', { valuesText: VALUES_PAGE });
    const saved = await ok(runtime, 'companies.save', {
      profile: {
        name: 'Fernhill',
        values: draft.values,
        stages: draft.stages,
        focusAreas: ['Data pipelines'],
      },
    });
    expect(saved).toMatchObject({ name: 'Fernhill', builtin: false, sources: [] });
    expect(saved.categoryWeights.Coding).toBeGreaterThan(0);
    const renamed = await ok(runtime, 'companies.save', {
      id: saved.id,
      profile: { name: 'Fernhill Ltd', values: draft.values.slice(0, 1) },
    });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Fernhill Ltd', stages: [] });
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('companies.save', { id: 'amazon', profile: { name: 'x', values: draft.values } }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Shipped profiles cannot be changed; save a copy under a new name instead.',
      },
    });
    expect(await runtime.invoke('companies.save', { profile: { name: 'Empty', values: [] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: 'Add at least one value the company states.' },
    });
    expect(snapshot(runtime)).toBe(before);
    expect(await ok(runtime, 'companies.delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await runtime.invoke('companies.get', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That company profile no longer exists.' },
    });
  });

  it('suggests 3–5 STAR stories from the résumé, matched to the values they show', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'resumes.importText', { requestId: crypto.randomUUID(), text: RESUME });
    const draft = await ok(runtime, 'companies.extract', { valuesText: VALUES_PAGE });
    const company = await ok(runtime, 'companies.save', {
      profile: { name: 'Fernhill', values: draft.values },
    });
    const { stories, note } = await ok(runtime, 'companies.stories', { id: company.id });
    expect(note).toBeNull();
    expect(stories.length).toBeGreaterThanOrEqual(3);
    expect(stories.length).toBeLessThanOrEqual(5);
    expect(stories[0]!.evidence).toBe(
      'Led the move of 40 nightly jobs to Airflow, cutting failed runs by 70%.',
    );
    expect(stories.map((s) => s.evidence)).not.toContain('Attended meetings.');
    const docs = stories.find((s) => s.evidence.startsWith('Wrote the design documents'));
    expect(docs?.values).toContain('Write it down');
    const dashboard = stories.find((s) => s.evidence.startsWith('Built the customer churn dashboard'));
    expect(dashboard?.prompt).toContain('find a number for the result');
    expect(dashboard?.from).toBe('Analyst at Brackenbury Bank');
  });
});
