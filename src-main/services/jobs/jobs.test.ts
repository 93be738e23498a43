import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedResume } from '../../../src-shared/resume';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';
import { appPaths } from '../../paths';
import { loadTaxonomy } from '../resume/skills';
import { matchResume } from './match';
import { proposeFromPosting } from './posting';

const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));

const POSTING = `Senior Backend Engineer
Northwind Logistics is hiring a backend engineer to scale our routing platform.

About the role
You will own services that plan 2 million deliveries a day.

Requirements
- 5+ years building services in Python or Go
- Deep experience with PostgreSQL and Kafka
- Kubernetes in production

Nice to have
- Terraform
- Experience with GraphQL
`;

const resume = (skills: [string, ParsedResume['skills'][number]['sources']][]): ParsedResume => ({
  contact: { name: 'A', email: null, phone: null, location: null, links: [] },
  summary: null,
  skills: skills.map(([name, sources]) => ({ name, category: 'technical', confidence: 0.8, sources })),
  experience: [],
  totalExperienceMonths: 30,
  seniority: 'Mid',
  education: [],
  projects: [],
  sections: [],
});

describe('job postings', () => {
  it('proposes title, company, level and required vs nice-to-have skills from a pasted posting', () => {
    const p = proposeFromPosting(POSTING, taxonomy);
    expect(p.title).toBe('Senior Backend Engineer');
    expect(p.company).toBe('Northwind Logistics');
    expect(p.experienceLevel).toBe('Senior');
    expect(p.requiredSkills).toEqual(expect.arrayContaining(['Python', 'PostgreSQL', 'Kafka', 'Kubernetes']));
    expect(p.niceToHaveSkills).toEqual(expect.arrayContaining(['Terraform', 'GraphQL']));
    expect(p.requiredSkills).not.toContain('Terraform');
  });

  it('reports matched and missing skills, coverage of the required ones, and what to do', () => {
    const report = matchResume(
      resume([
        ['Python', ['skills']],
        ['PostgreSQL', ['other']],
        ['Terraform', ['skills']],
      ]),
      {
        requiredSkills: ['Python', 'PostgreSQL', 'Kafka', 'Kubernetes'],
        niceToHaveSkills: ['Terraform', 'GraphQL'],
        experienceLevel: 'Staff',
      },
      taxonomy,
    );
    expect(report.matched).toEqual(['Python', 'PostgreSQL', 'Terraform']);
    expect(report.missingRequired).toEqual(['Kafka', 'Kubernetes']);
    expect(report.missingNiceToHave).toEqual(['GraphQL']);
    expect(report.coverage).toBe(50);
    expect(report.suggestions).toEqual(
      expect.arrayContaining([
        'The posting requires Kafka and Kubernetes. For each you have used, name it in a bullet of a recent role or a project, with what you built and the result.',
        expect.stringContaining('PostgreSQL is only mentioned in passing'),
        expect.stringContaining('Nice to have, and worth preparing a sentence about: GraphQL.'),
        expect.stringContaining('The role is Staff level and your résumé reads as Mid'),
      ]),
    );
  });

  it('names every missing required skill in one suggestion, up to five and a count of the rest', () => {
    const gaps = (requiredSkills: string[]) =>
      matchResume(
        resume([['Python', ['skills']]]),
        {
          requiredSkills,
          niceToHaveSkills: [],
          experienceLevel: null,
        },
        taxonomy,
      ).suggestions;
    expect(gaps(['Python', 'Kafka'])).toEqual([
      'The posting requires Kafka. If you have used it, name it in a bullet of a recent role or a project, with what you built and the result.',
    ]);
    expect(gaps(['Go', 'Kafka', 'Rust', 'Terraform', 'Kubernetes', 'GraphQL', 'Redis'])).toEqual([
      'The posting requires Go, Kafka, Rust, Terraform, Kubernetes and 2 more. For each you have used, name it in a bullet of a recent role or a project, with what you built and the result.',
    ]);
  });

  it('meets a skill spelt another way, and a family by any of its members', () => {
    const report = matchResume(
      resume([
        ['PostgreSQL', ['skills']],
        ['MongoDB', ['skills']],
        ['Amazon Web Services', ['recent_experience']],
      ]),
      {
        requiredSkills: ['postgres', 'Databases', 'Relational databases', 'Cloud computing', 'Programming'],
        niceToHaveSkills: ['AWS'],
        experienceLevel: null,
      },
      taxonomy,
    );
    expect(report.matched).toEqual([
      'postgres',
      'Databases',
      'Relational databases',
      'Cloud computing',
      'AWS',
    ]);
    // MongoDB is a database but not a relational one, and no programming language is listed.
    expect(report.missingRequired).toEqual(['Programming']);
    expect(report.coverage).toBe(80);
    const mongoOnly = matchResume(
      resume([['MongoDB', ['skills']]]),
      { requiredSkills: ['Relational databases'], niceToHaveSkills: [], experienceLevel: null },
      taxonomy,
    );
    expect(mongoOnly.missingRequired).toEqual(['Relational databases']);
  });

  it('meets a posting skill with what the candidate wrote, not only the taxonomy name', () => {
    const golang = resume([['Go', ['skills']]]);
    golang.skills[0]!.asWritten = 'Golang';
    const report = matchResume(
      golang,
      { requiredSkills: ['Golang'], niceToHaveSkills: [], experienceLevel: null },
      taxonomy,
    );
    expect(report.matched).toEqual(['Golang']);
  });

  it('with no skill in the posting, reports no coverage rather than 100% of nothing, and asks for the skills', () => {
    const report = matchResume(
      resume([['Python', ['skills']]]),
      {
        requiredSkills: [],
        niceToHaveSkills: [],
        experienceLevel: null,
      },
      taxonomy,
    );
    expect(report.coverage).toBeNull();
    expect(report.matched).toEqual([]);
    expect(report.suggestions).toEqual([
      'No skills were found in this posting, so there is nothing to compare yet. Add the skills it asks for (edit the posting and list them under Required skills) and Rehearse will match them against your résumé.',
    ]);
    // Only nice-to-have skills: they are what there is to cover.
    const nice = matchResume(
      resume([['Python', ['skills']]]),
      {
        requiredSkills: [],
        niceToHaveSkills: ['Python', 'Go'],
        experienceLevel: null,
      },
      taxonomy,
    );
    expect(nice.coverage).toBe(50);
  });

  it('stores postings newest first, requires title and description, and writes nothing on bad input', async () => {
    let t = Date.parse('2026-03-01T00:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((t += 1000)) });
    const first = await ok(runtime, 'jobs.create', {
      title: 'Analyst',
      description: 'SQL and Tableau. Nice to have: Python.',
    });
    expect(first).toMatchObject({
      requiredSkills: expect.arrayContaining(['SQL', 'Tableau']),
      niceToHaveSkills: ['Python'],
    });
    const second = await ok(runtime, 'jobs.create', {
      title: 'PM',
      description: 'Roadmaps.',
      company: 'Acme',
      techStack: ['Jira'],
    });
    expect(second.requiredSkills).toContain('Jira');
    expect((await ok(runtime, 'jobs.list', {})).map((j) => j.id)).toEqual([second.id, first.id]);

    const before = snapshot(runtime);
    expect(await runtime.invoke('jobs.create', { title: ' ', description: 'x' })).toMatchObject({
      error: { code: 'VALIDATION_ERROR', message: 'Title is required.', details: { field: 'title' } },
    });
    expect(await runtime.invoke('jobs.create', { title: 'x', description: '' })).toMatchObject({
      error: { message: 'Description is required.', details: { field: 'description' } },
    });
    expect(snapshot(runtime)).toBe(before);

    const edited = await ok(runtime, 'jobs.update', {
      id: first.id,
      job: { title: 'Senior Analyst', description: 'Looker.' },
    });
    expect(edited).toMatchObject({ title: 'Senior Analyst', requiredSkills: ['Looker'] });
    await ok(runtime, 'jobs.delete', { id: first.id });
    expect(await runtime.invoke('jobs.get', { id: first.id })).toMatchObject({
      error: { code: 'NOT_FOUND', message: 'That job posting no longer exists.' },
    });
  });

  it('keeps the skills the candidate confirmed, so one the reader got wrong stays removed', async () => {
    // A real posting (PostHog's, in the development corpus) where the reader takes "Scalability" and
    // "Databases" for required skills; the candidate removes them and moves ClickHouse to nice to have.
    const description = readFileSync(
      join(
        __dirname,
        '../../../tests/fixtures/real-postings/posthog-senior-full-stack-software-engineer.txt',
      ),
      'utf8',
    );
    const runtime = await testRuntime();
    const read = await ok(runtime, 'jobs.create', {
      title: 'Senior Full Stack Software Engineer',
      description,
    });
    expect(read.requiredSkills).toEqual(expect.arrayContaining(['Scalability', 'Databases', 'ClickHouse']));

    const job = { title: read.title, description };
    const fixed = await ok(runtime, 'jobs.update', {
      id: read.id,
      job: {
        ...job,
        requiredSkills: ['Django', 'PostgreSQL', 'django', 'Postgres'],
        niceToHaveSkills: ['ClickHouse', 'Django', 'clickhouse'],
      },
    });
    expect(fixed).toMatchObject({
      requiredSkills: ['Django', 'PostgreSQL'],
      niceToHaveSkills: ['ClickHouse'],
    });
    expect(await ok(runtime, 'jobs.get', { id: read.id })).toMatchObject({
      requiredSkills: ['Django', 'PostgreSQL'],
      niceToHaveSkills: ['ClickHouse'],
    });
    // An empty confirmed list is the candidate's answer too, not a cue to read the posting again.
    expect(
      await ok(runtime, 'jobs.update', {
        id: read.id,
        job: { ...job, requiredSkills: [], niceToHaveSkills: [] },
      }),
    ).toMatchObject({ requiredSkills: [], niceToHaveSkills: [] });
    // Without confirmed lists the posting is read again, as the CLI and older callers expect.
    expect((await ok(runtime, 'jobs.update', { id: read.id, job })).requiredSkills).toContain('Scalability');

    const before = snapshot(runtime);
    expect(
      await runtime.invoke('jobs.update', {
        id: read.id,
        job: { ...job, niceToHaveSkills: ['x'.repeat(61)] },
      }),
    ).toMatchObject({
      error: {
        code: 'VALIDATION_ERROR',
        message: 'A skill must be at most 60 characters.',
        details: { field: 'job.niceToHaveSkills.0' },
      },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('asks for a résumé before matching', async () => {
    const runtime = await testRuntime();
    const job = await ok(runtime, 'jobs.create', { title: 'Analyst', description: 'SQL.' });
    expect(await runtime.invoke('jobs.match', { jobId: job.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Add your résumé first to see how it matches this job.' },
    });
  });
});
