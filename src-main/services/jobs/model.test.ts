import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_POSTINGS_DIR } from '../../../tests/fixtures/real-postings/score';
import { ok, runtimeWithOllama, testRuntime } from '../../../tests/support/runtime';

const POSTING = readFileSync(join(REAL_POSTINGS_DIR, 'zulip-senior-infrastructure-engineer.txt'), 'utf8');

const withModel = (answers: string[]) => runtimeWithOllama({ answers });

describe('a model reading a posting', () => {
  it('adds what the posting says, drops what it does not, and never takes away what the builtin reader found', async () => {
    const { runtime, fake } = await withModel([
      JSON.stringify({
        title: 'Senior Infrastructure Engineer',
        company: 'Zulip',
        experienceLevel: 'Senior',
        // "shell" and "codebase migrations" are in the posting; Kubernetes and Terraform are not. Python the
        // builtin reader has already.
        requiredSkills: ['Python', 'shell', 'Kubernetes'],
        niceToHaveSkills: ['codebase migrations', 'Terraform'],
      }),
    ]);
    const builtin = await ok(runtime, 'jobs.propose', { text: POSTING });
    const read = await ok(runtime, 'jobs.propose', { text: POSTING, model: true });

    expect(read.readBy).toEqual({ provider: 'ollama', model: 'llama3.2' });
    expect(read.requiredSkills).toEqual([...builtin.requiredSkills, 'shell']);
    expect(read.niceToHaveSkills).toEqual([...builtin.niceToHaveSkills, 'codebase migrations']);
    expect(read.dropped).toEqual(['Kubernetes', 'Terraform']);
    expect(read).toMatchObject({ title: builtin.title, company: 'Zulip', experienceLevel: 'Senior' });
    // The posting went to the model, and nothing but the posting and the instructions.
    const chat = fake.requests.find((r) => r.path === '/api/chat');
    expect(JSON.stringify(chat?.body)).toContain('Write primarily Python, as well as some Puppet and shell.');
  });

  it('drops an invented title, company and level, and keeps the builtin ones', async () => {
    const text = 'Data Analyst\nWe need SQL and Looker.';
    const { runtime } = await withModel([
      JSON.stringify({
        title: 'Lead Data Scientist',
        company: 'Globex',
        experienceLevel: 'Staff',
        requiredSkills: ['SQL', 'Tableau'],
        niceToHaveSkills: [],
      }),
    ]);
    const read = await ok(runtime, 'jobs.propose', { text, model: true });
    expect(read).toMatchObject({ title: 'Data Analyst', company: null, experienceLevel: null });
    // "Data Analyst" names its trade, data analysis; the model's Tableau is in no line of the posting.
    expect(read.requiredSkills).toEqual(['SQL', 'Looker', 'Data analysis']);
    expect(read.dropped).toEqual(['Lead Data Scientist', 'Globex', 'Staff', 'Tableau']);
  });

  it('falls back to the builtin reading when the model answers with nothing usable', async () => {
    const { runtime } = await withModel(['this is not JSON']);
    const builtin = await ok(runtime, 'jobs.propose', { text: POSTING });
    const read = await ok(runtime, 'jobs.propose', { text: POSTING, model: true });
    expect(read.readBy).toEqual({ provider: 'builtin', model: null });
    expect(read.requiredSkills).toEqual(builtin.requiredSkills);
    expect(read.dropped).toEqual([]);
  });

  it('reads with the builtin reader alone when no model is configured', async () => {
    const runtime = await testRuntime();
    const read = await ok(runtime, 'jobs.propose', { text: POSTING, model: true });
    expect(read.readBy).toEqual({ provider: 'builtin', model: null });
    expect(read.requiredSkills).toEqual(expect.arrayContaining(['Python', 'Puppet', 'Docker']));
  });
});
