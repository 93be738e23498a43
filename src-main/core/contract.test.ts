import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../src-shared/contract';
import { startFakeHub } from '../../tests/support/fake-hub';
import { startFakeOllama } from '../../tests/support/fake-ollama';
import { KNOWN_MODELS } from '../services/ai/models';
import { memorySecrets } from '../../tests/support/memory-secrets';
import { ok, snapshot, tempDir, testRuntime } from '../../tests/support/runtime';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import { LOG_FILE } from '../logging/logger';
import { startRuntime, type Runtime } from './runtime';

/** A runtime holding a profile, a session with one answer and a draft: something for a bad call to damage. */
const EMPTY_PARSE = {
  contact: { name: 'Ada', email: null, phone: null, location: null, links: [] },
  summary: null,
  skills: [],
  experience: [],
  totalExperienceMonths: 0,
  seniority: 'Entry',
  education: [],
  projects: [],
  sections: [],
};
const RESUME_ID = '11111111-1111-4111-8111-111111111111';
const JOB_ID = '22222222-2222-4222-8222-222222222222';
const COMPANY_ID = '33333333-3333-4333-8333-333333333333';
const COMPANY = {
  name: 'Acme',
  summary: '',
  values: [{ name: 'Be kind', description: 'We help each other first.' }],
  stages: [
    {
      name: 'Values interview',
      description: 'A conversation about how you work.',
      categories: ['Behavioral'],
    },
  ],
  focusAreas: ['SQL'],
};
const PRIVATE_QUESTION = {
  text: 'How would you explain a left join to a new analyst?',
  category: 'Technical',
  difficulty: 'Easy',
  expectedPoints: ['Rows kept from the left table', 'Nulls where there is no match', 'An example'],
  timeLimitSec: 180,
  tags: ['sql'],
};
const JOB = { title: 'Data Engineer', description: 'We need Python and SQL. Nice to have: Airflow.' };
const TEXT_RESUME = 'Ada Lovelace\nada@example.com\n\nSKILLS\nPython, SQL\n';

interface Ids {
  sessionId: string;
  completedId: string;
  pausedId: string;
  answeredId: string;
  followUpId: string;
  questionId: string;
  ollamaHost: string;
  planTaskId: string;
  backupId: string;
  exportId: string;
}

/**
 * Builds the populated data dir once per file; every test then starts a runtime on its own copy, so each
 * begins from the same state without paying for building it (sessions, evaluations, backups, an export).
 */
let template: Promise<{ dir: string; ids: Ids }> | undefined;
const templateCleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  while (templateCleanups.length) await templateCleanups.pop()!();
});

async function populated(channel?: ChannelName): Promise<{ runtime: Runtime; recordingId: string } & Ids> {
  const { dir, ids } = await (template ??= buildTemplate());
  const copy = tempDir();
  cpSync(dir, copy, { recursive: true });
  const runtime = await testRuntime({ dataDir: copy });
  // Exports are handed out by the runtime that made them, so the channels that need one get their own.
  const exportId =
    channel === 'data.download' || channel === 'data.import'
      ? (await ok(runtime, 'data.export', {})).transferId
      : ids.exportId;
  // The passphrase channels other than enable need one set (and unlock needs it locked).
  if (channel === 'vault.change' || channel === 'vault.disable' || channel === 'vault.unlock') {
    await ok(runtime, 'vault.enable', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    if (channel === 'vault.unlock') await ok(runtime, 'vault.lock', {});
  }
  // Chunks go to a recording open in this run of the host.
  const recordingId = channel?.startsWith('voice.')
    ? (await ok(runtime, 'voice.start', { sessionQuestionId: ids.questionId })).recordingId
    : randomUUID();
  // A recording is transcribed once it is stopped.
  if (channel === 'voice.transcribe') await ok(runtime, 'voice.stop', { recordingId });
  return { runtime, ...ids, exportId, recordingId };
}

const PASSPHRASE = 'Correct-Horse-9';
const NEXT_PASSPHRASE = 'Battery-Staple-7';

async function buildTemplate(): Promise<{ dir: string; ids: Ids }> {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-contract-'));
  templateCleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const runtime = await startRuntime({
    dataDir: dir,
    host: 'cli',
    checkOutputs: true,
    secrets: memorySecrets(),
  });
  const hub = await startFakeHub();
  templateCleanups.push(() => hub.close());
  for (const f of KNOWN_MODELS[0]!.files)
    hub.files.set(`${KNOWN_MODELS[0]!.id}/${f.path}`, Buffer.from(`{"file":"${f.path}"}`));
  process.env.REHEARSE_HF_HUB = hub.url;
  const fake = await startFakeOllama({
    answers: ['{"question":"Tell me about a time you disagreed with a teammate."}'],
  });
  templateCleanups.push(() => fake.close());
  await ok(runtime, 'ai.settings.save', {
    ...DEFAULT_AI_SETTINGS,
    ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: fake.url },
  });
  await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Backend Engineer', experienceLevel: 'Mid' });
  const session = await ok(runtime, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: 3,
  });
  await ok(runtime, 'sessions.submitAnswer', {
    sessionQuestionId: session.questions[0]!.id,
    text: 'A first answer that is long enough.',
    elapsedMs: 1000,
  });
  await ok(runtime, 'sessions.saveDraft', {
    sessionQuestionId: session.questions[1]!.id,
    text: 'draft',
    elapsedMs: 500,
  });
  // A résumé version written directly: the import path itself is exercised by its own channels' tests.
  runtime.connection.sqlite
    .prepare(
      "INSERT INTO resumes VALUES (?, 'CV', 'cv.txt', 'text', 10, 'x', 'cv.txt', ?, NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    .run(RESUME_ID, JSON.stringify(EMPTY_PARSE));
  mkdirSync(join(runtime.ctx.dataDir, 'resumes'), { recursive: true });
  writeFileSync(join(runtime.ctx.dataDir, 'resumes', 'cv.txt'), 'Ada Lovelace');
  runtime.connection.sqlite
    .prepare(
      "INSERT INTO jobs (id, title, description, required_skills, created_at, updated_at) VALUES (?, 'Analyst', 'SQL', '[\"SQL\"]', '2026-01-01', '2026-01-01')",
    )
    .run(JOB_ID);
  runtime.connection.sqlite
    .prepare("INSERT INTO companies VALUES (?, 'Acme', ?, '2026-01-01', '2026-01-01')")
    .run(COMPANY_ID, JSON.stringify(COMPANY));
  const short = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
  await ok(runtime, 'sessions.submitAnswer', {
    sessionQuestionId: short.questions[0]!.id,
    text: 'An answer to finish the session.',
    elapsedMs: 1000,
  });
  const mockSession = await ok(runtime, 'sessions.create', {
    role: 'Sales',
    difficulty: 'Easy',
    questionCount: 2,
    mode: 'mock',
  });
  const mock = await ok(runtime, 'sessions.submitAnswer', {
    sessionQuestionId: mockSession.questions[0]!.id,
    text: 'I would listen first and then explain the options.',
    elapsedMs: 1000,
  });
  const followed = await ok(runtime, 'sessions.create', {
    role: 'Sales',
    difficulty: 'Easy',
    questionCount: 2,
  });
  await ok(runtime, 'sessions.submitAnswer', {
    sessionQuestionId: followed.questions[0]!.id,
    text: 'I would listen first and then explain the options.',
    elapsedMs: 1000,
  });
  const paused = await ok(runtime, 'sessions.create', {
    role: 'Sales',
    difficulty: 'Easy',
    questionCount: 2,
  });
  await ok(runtime, 'sessions.pause', { sessionId: paused.id });
  const plan = await ok(runtime, 'progress.plan.create', { lengthDays: 30, hoursPerWeek: 3 });
  const ids: Ids = {
    sessionId: session.id,
    completedId: short.id,
    pausedId: paused.id,
    answeredId: followed.questions[0]!.id,
    followUpId: mock.questions[1]!.id,
    questionId: session.questions[1]!.id,
    ollamaHost: fake.url,
    planTaskId: plan.weeks[0]!.tasks[0]!.id,
    // A backup to restore and an export to download or import back.
    backupId: (await ok(runtime, 'data.backups.create', {})).id,
    exportId: (await ok(runtime, 'data.export', {})).transferId,
  };
  // Background work (a model review of each answer) finishes before the files are copied.
  await new Promise((r) => setTimeout(r, 300));
  await runtime.close();
  return { dir, ids };
}

/** One valid input per channel, so each malformed call below is known to fail for its input alone. */
function validInput(channel: ChannelName, ids: Ids & { recordingId: string }): unknown {
  const inputs: Record<ChannelName, unknown> = {
    'app.info': {},
    'catalog.get': {},
    'profile.get': {},
    'profile.save': { name: 'Grace', targetRole: 'Data Analyst', experienceLevel: 'Senior' },
    'sessions.create': { role: 'Data Analyst', difficulty: 'Easy', questionCount: 2 },
    'sessions.get': { sessionId: ids.sessionId },
    'sessions.list': { page: 1, pageSize: 10 },
    'sessions.resumable': {},
    'sessions.saveDraft': { sessionQuestionId: ids.questionId, text: 'more draft', elapsedMs: 900 },
    'sessions.submitAnswer': {
      sessionQuestionId: ids.questionId,
      text: 'A second answer, long enough.',
      elapsedMs: 900,
    },
    'sessions.skipQuestion': { sessionQuestionId: ids.questionId, elapsedMs: 900 },
    'sessions.end': { sessionId: ids.sessionId },
    'resumes.import': {
      requestId: randomUUID(),
      fileName: 'cv.txt',
      dataBase64: Buffer.from(TEXT_RESUME).toString('base64'),
    },
    'resumes.importText': { requestId: randomUUID(), text: TEXT_RESUME },
    'resumes.cancel': { requestId: randomUUID() },
    'resumes.list': {},
    'resumes.get': { id: RESUME_ID },
    'resumes.active': {},
    'resumes.activate': { id: RESUME_ID },
    'resumes.rename': { id: RESUME_ID, label: 'Main CV' },
    'resumes.delete': { id: RESUME_ID },
    'resumes.saveCorrections': { id: RESUME_ID, resume: EMPTY_PARSE },
    'resumes.original': { id: RESUME_ID },
    'jobs.list': {},
    'jobs.get': { id: JOB_ID },
    'jobs.create': JOB,
    'jobs.update': { id: JOB_ID, job: JOB },
    'jobs.delete': { id: JOB_ID },
    'jobs.propose': { text: JOB.description },
    'jobs.match': { jobId: JOB_ID },
    'ai.settings.get': {},
    'ai.settings.save': {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: ids.ollamaHost },
    },
    'ai.status': {},
    'ai.check': {},
    'ai.ollama.pull': { requestId: randomUUID(), model: 'qwen2.5:0.5b' },
    'ai.try': { requestId: randomUUID() },
    'ai.diagnostics.csv': {},
    'ai.models.list': {},
    // The download reaches the fake hub that populated() points REHEARSE_HF_HUB at.
    'ai.models.download': { requestId: randomUUID(), id: 'Xenova/all-MiniLM-L6-v2' },
    'ai.models.delete': { id: 'Xenova/all-MiniLM-L6-v2' },
    'ai.cloud.keyStatus': {},
    'ai.cloud.saveKey': { key: 'sk-test-0123456789' },
    'ai.cloud.deleteKey': {},
    'sessions.pause': { sessionId: ids.sessionId },
    'sessions.report': { sessionId: ids.completedId },
    'sessions.exportReport': { sessionId: ids.completedId, format: 'md' },
    'sessions.takeFollowUp': { sessionQuestionId: ids.answeredId },
    'sessions.adaptFollowUp': { sessionQuestionId: ids.followUpId, requestId: randomUUID() },
    'sessions.resume': { sessionId: ids.pausedId },
    'sessions.retake': { sessionId: ids.completedId },
    'sessions.tailor': { sessionId: ids.sessionId, requestId: randomUUID() },
    'ai.cancel': { requestId: randomUUID() },
    'questions.plan': { role: 'Data Analyst', difficulty: 'Medium', questionCount: 3, jobId: JOB_ID },
    'questions.generate': {
      role: 'Data Analyst',
      difficulty: 'Medium',
      questionCount: 3,
      requestId: '00000000-0000-4000-8000-000000000001',
    },
    'questions.private.list': { tag: 'sql' },
    'questions.private.save': { question: PRIVATE_QUESTION },
    'questions.private.delete': { id: randomUUID() },
    'questions.private.saveFromSession': { sessionQuestionId: ids.questionId },
    'questions.private.import': { format: 'json', content: JSON.stringify([PRIVATE_QUESTION]) },
    'questions.private.export': { format: 'csv' },
    'companies.list': {},
    'companies.get': { id: COMPANY_ID },
    'companies.extract': { valuesText: 'Our values\nBe kind: we help each other first.' },
    'companies.save': { id: COMPANY_ID, profile: COMPANY },
    'companies.delete': { id: COMPANY_ID },
    'companies.stories': { id: COMPANY_ID, resumeId: RESUME_ID },
    'progress.dashboard': {},
    'progress.delivery': {},
    'progress.achievements': {},
    'progress.news': {},
    'progress.reminder': {},
    'progress.settings.get': {},
    'progress.settings.save': { remindersEnabled: false },
    'progress.plan.get': {},
    'progress.plan.create': { lengthDays: 60, hoursPerWeek: 5, jobId: JOB_ID, interviewDate: '2099-01-01' },
    'progress.plan.setDone': { taskId: ids.planTaskId, done: true },
    'progress.plan.delete': {},
    'data.status': {},
    'data.backups.list': {},
    'data.backups.create': {},
    'data.backups.restore': { id: ids.backupId },
    'data.export': {},
    'data.download': { transferId: ids.exportId, offset: 0 },
    'data.upload': { transferId: randomUUID(), offset: 0, dataBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' },
    'data.import': { transferId: ids.exportId, mode: 'merge' },
    'data.erase.preview': {},
    'data.erase': { confirm: 'DELETE', includeBackups: true },
    // Sync against a closed port: every channel still answers (the status says why it could not reach it).
    'sync.status': {},
    'sync.preview': {},
    'sync.enable': { serverUrl: 'http://127.0.0.1:9', public: false },
    'sync.setPublic': { public: true },
    'sync.disable': {},
    'sync.now': {},
    'sync.leaderboard': { period: 'weekly' },
    'guide.get': {},
    'guide.dismiss': {},
    'guide.reportSeen': { sessionId: ids.sessionId },
    'vault.status': {},
    'vault.enable': { passphrase: PASSPHRASE, confirm: PASSPHRASE },
    'vault.unlock': { passphrase: PASSPHRASE },
    'vault.lock': {},
    'vault.change': { current: PASSPHRASE, passphrase: NEXT_PASSPHRASE, confirm: NEXT_PASSPHRASE },
    'vault.disable': { passphrase: PASSPHRASE },
    'updates.status': {},
    'updates.allow': { allowed: true },
    'updates.check': {},
    'updates.download': {},
    'updates.install': {},
    'voice.start': { sessionQuestionId: ids.questionId },
    'voice.append': { recordingId: ids.recordingId, seq: 0, pcm: Buffer.alloc(3200).toString('base64') },
    'voice.stop': { recordingId: ids.recordingId },
    'voice.pending': {},
    'voice.get': { recordingId: ids.recordingId },
    'voice.discard': { recordingId: ids.recordingId },
    'voice.transcribe': { recordingId: ids.recordingId, requestId: randomUUID() },
    'voice.settings.get': {},
    'voice.settings.save': { keepAudio: 5, readAloud: 'mock', voiceName: '', speechRate: 1 },
  };
  return inputs[channel];
}

/** Breaks the first field of the channel's input (or adds an unknown one where it has none). */
function malformed(channel: ChannelName, valid: unknown): { input: unknown; field: string } {
  const shape = (channels[channel].input as unknown as z.ZodObject).shape;
  const first = Object.keys(shape)[0];
  if (!first) return { input: { unexpected: true }, field: 'unexpected' };
  return { input: { ...(valid as object), [first]: [[['not', 'valid']]] }, field: first };
}

describe('the contract', () => {
  it.each(CHANNEL_NAMES)('%s accepts its valid input', async (channel) => {
    const { runtime, ...ids } = await populated(channel);
    const result = await runtime.invoke(channel, validInput(channel, ids));
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  });

  it.each(CHANNEL_NAMES)(
    '%s rejects a malformed input with VALIDATION_ERROR naming the field, and writes nothing',
    async (channel) => {
      const { runtime, ...ids } = await populated(channel);
      const { input, field } = malformed(channel, validInput(channel, ids));
      const before = snapshot(runtime);
      const result = await runtime.invoke(channel, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION_ERROR');
      expect(result.error.details).toMatchObject({ field, reason: expect.any(String) });
      expect(result.error.message).not.toMatch(/\n\s+at /);
      expect(snapshot(runtime)).toBe(before);
    },
  );

  it.each(CHANNEL_NAMES)('%s rejects a non-object input', async (channel) => {
    const { runtime } = await populated();
    const before = snapshot(runtime);
    const result = await runtime.invoke(channel, 'a string');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'input' } },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('rejects unknown channels, including names inherited from Object.prototype', async () => {
    const runtime = await testRuntime();
    for (const name of ['sessions.delete', 'toString', '__proto__', 'constructor', '']) {
      expect(await runtime.invoke(name, {})).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request "${name}".` },
      });
    }
  });

  it('gives the exact messages a candidate sees for answers that are too short or too long', async () => {
    const { runtime, questionId } = await populated();
    const before = snapshot(runtime);
    expect(
      await runtime.invoke('sessions.submitAnswer', {
        sessionQuestionId: questionId,
        text: '   short  ',
        elapsedMs: 1,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Your answer must be at least 10 characters.',
        details: { field: 'text', reason: 'Your answer must be at least 10 characters.' },
      },
    });
    const long = await runtime.invoke('sessions.submitAnswer', {
      sessionQuestionId: questionId,
      text: 'x'.repeat(5001),
      elapsedMs: 1,
    });
    expect(long).toMatchObject({
      ok: false,
      error: { message: 'Your answer must be at most 5,000 characters.', details: { field: 'text' } },
    });
    expect(snapshot(runtime)).toBe(before);
  });

  it('names the field for profile and setup choices', async () => {
    const runtime = await testRuntime();
    expect(
      await runtime.invoke('profile.save', { name: '  ', targetRole: 'Sales', experienceLevel: 'Mid' }),
    ).toMatchObject({
      error: { message: 'Name is required.', details: { field: 'name' } },
    });
    expect(
      await runtime.invoke('profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Guru' }),
    ).toMatchObject({
      error: {
        message: 'Experience level must be one of Entry, Mid, Senior, Staff, Principal.',
        details: { field: 'experienceLevel' },
      },
    });
    expect(
      await runtime.invoke('sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 0 }),
    ).toMatchObject({
      error: { message: 'Number of questions must be at least 1.', details: { field: 'questionCount' } },
    });
    expect(await runtime.invoke('sessions.get', { sessionId: 'nope' })).toMatchObject({
      error: { message: 'Invalid sessionId: must be a valid id.', details: { field: 'sessionId' } },
    });
    expect(snapshot(runtime)).not.toContain('Ada');
  });

  it('turns an unexpected failure into a plain sentence without a stack, and logs it', async () => {
    const runtime = await testRuntime();
    const session = await ok(runtime, 'sessions.create', {
      role: 'Sales',
      difficulty: 'Easy',
      questionCount: 1,
    });
    runtime.connection.sqlite.exec('DROP TABLE drafts');
    const result = await runtime.invoke('sessions.get', { sessionId: session.id });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong while handling that request. The details were written to the log.',
      },
    });
    runtime.ctx.logger.flush();
    const log = readFileSync(join(runtime.ctx.dataDir, 'logs', LOG_FILE), 'utf8');
    expect(log).toContain('no such table: drafts');
    expect(log).toContain('"channel":"sessions.get"');
  });
});
