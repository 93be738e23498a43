// The passphrase through the real runtime: a real SQLite file, the real channels, scrypt at its real cost.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../core/runtime';
import { dataServiceOf } from '../data/service';
import { ok, snapshot, tempDir, testRuntime } from '../../../tests/support/runtime';

const PASS = 'Correct-Horse-9';
const NEXT = 'Battery-Staple-7';
// Distinctive phrases, one per kind of private data, looked for byte by byte in every file afterwards.
const EMAIL = 'ada.vaulttest@example.org';
const RESUME = `Ada Lovelace\n${EMAIL}\n\nExperience\nAnalytical Engines Ltd — Senior Data Analyst, 2019 – present\n- Built churn dashboards in SQL and Python\n\nSkills\nSQL, Python, Tableau`;
const POSTING = 'We are hiring a data analyst to untangle zeppelin logistics with SQL and Python.';
const ANSWER =
  'I rebuilt the quokka inventory pipeline in Python, cut the nightly run from four hours to forty minutes, and I owned the rollout.';
const DRAFT = 'A half-written thought about the marmoset billing migration';

async function populate(runtime: Runtime) {
  await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: RESUME });
  const job = await ok(runtime, 'jobs.create', {
    title: 'Data Analyst',
    company: 'Zeppelin Co',
    description: POSTING,
  });
  const session = await ok(runtime, 'sessions.create', {
    role: 'Data Analyst',
    difficulty: 'Easy',
    questionCount: 3,
    jobId: job.id,
  });
  const [first, second] = session.questions;
  await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: first!.id, text: ANSWER, elapsedMs: 5000 });
  await ok(runtime, 'sessions.saveDraft', { sessionQuestionId: second!.id, text: DRAFT, elapsedMs: 3000 });
  return { jobId: job.id, sessionId: session.id };
}

/** Everything the candidate can read back, through the channels. */
async function readable(runtime: Runtime, ids: { jobId: string; sessionId: string }) {
  const active = await ok(runtime, 'resumes.active', {});
  return {
    session: await ok(runtime, 'sessions.get', { sessionId: ids.sessionId }),
    job: await ok(runtime, 'jobs.get', { id: ids.jobId }),
    resume: active,
    original: await ok(runtime, 'resumes.original', { id: active!.id }),
    report: await ok(runtime, 'jobs.match', { jobId: ids.jobId }),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each phrase that is found in plain text in any file under the data dir, with the file. */
function plaintextIn(dataDir: string, phrases: string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    for (const phrase of phrases)
      // UTF-8 as SQLite stores text; a distinctive piece of each, in case a value is stored split or escaped
      for (const piece of [phrase, phrase.slice(0, 24), phrase.slice(-24)])
        if (bytes.includes(Buffer.from(piece, 'utf8')))
          found.push(`${piece} in ${file.slice(dataDir.length)}`);
  }
  return [...new Set(found)];
}

const PHRASES = [EMAIL, POSTING, ANSWER, DRAFT, 'zeppelin logistics', 'quokka inventory', 'marmoset billing'];

describe('the passphrase', () => {
  it('encrypts every private field and file, reads them back unchanged, and leaves no plaintext in any file', async () => {
    const dataDir = tempDir();
    const runtime = await testRuntime({ dataDir });
    const ids = await populate(runtime);
    await ok(runtime, 'data.backups.create', {});
    const before = await readable(runtime, ids);
    expect(plaintextIn(dataDir, PHRASES).length).toBeGreaterThan(0); // the search can find them

    const triggers = () =>
      runtime.connection.sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .all();
    const triggersBefore = triggers();
    const status = await ok(runtime, 'vault.enable', { passphrase: PASS, confirm: PASS });
    // the rewrite sets the progress triggers aside and puts them back
    expect(triggers()).toEqual(triggersBefore);
    expect(status).toMatchObject({ enabled: true, locked: false, triesLeft: 5 });
    expect(status.kdf).toBe('scrypt (N=131072, r=8, p=1)');
    expect(await readable(runtime, ids)).toEqual(before);
    // a new answer written while it is on is sealed too
    const next = before.session.questions[1]!;
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: next.id,
      text: `${ANSWER} Again.`,
      elapsedMs: 4000,
    });
    expect(plaintextIn(dataDir, PHRASES)).toEqual([]);
    // and the triggers still keep progress up to date
    expect(
      runtime.connection.sqlite
        .prepare('SELECT answers FROM progress_sessions WHERE session_id = ?')
        .get(ids.sessionId),
    ).toEqual({ answers: 2 });
    // the sealed columns hold only sealed values, each with its own IV
    const { sqlite } = runtime.connection;
    const answers = sqlite.prepare('SELECT text FROM answers').all() as { text: string }[];
    expect(answers.every((a) => a.text.startsWith('rv1:'))).toBe(true);
    expect(new Set(answers.map((a) => a.text.slice(4, 20))).size).toBe(answers.length);
    await runtime.close();
    expect(plaintextIn(dataDir, PHRASES)).toEqual([]);

    // the next start opens locked: nothing but unlocking answers
    const again = await testRuntime({ dataDir });
    expect(await ok(again, 'vault.status', {})).toMatchObject({ enabled: true, locked: true });
    expect(await again.invoke('sessions.get', { sessionId: ids.sessionId })).toEqual({
      ok: false,
      error: { code: 'LOCKED', message: 'Rehearse is locked. Enter your passphrase to open your data.' },
    });
    expect(await again.invoke('vault.unlock', { passphrase: 'Wrong-Horse-9' })).toEqual({
      ok: false,
      error: {
        code: 'WRONG_PASSPHRASE',
        message: 'That passphrase is not right. 4 more tries before unlocking pauses for 30 minutes.',
        details: { triesLeft: 4 },
      },
    });
    expect(await ok(again, 'vault.unlock', { passphrase: PASS })).toMatchObject({
      locked: false,
      triesLeft: 5,
    });
    const after = await readable(again, ids);
    expect(after.job).toEqual(before.job);
    expect(after.resume).toEqual(before.resume);
    expect(after.original).toEqual(before.original);
    expect(after.session.questions[0]).toEqual(before.session.questions[0]);
    expect(after.session.questions[1]!.answer!.text).toBe(`${ANSWER} Again.`);

    await ok(again, 'vault.lock', {});
    expect(await again.invoke('jobs.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('waits for a request’s open transaction, so rolling that back cannot undo the encryption', async () => {
    const runtime = await testRuntime();
    const ids = await populate(runtime);
    const before = await readable(runtime, ids);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = runtime.ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx.selectFrom('jobs').selectAll().execute();
        await held;
        throw new Error('this request fails');
      })
      .catch((err: Error) => err.message);
    const enabling = runtime.invoke('vault.enable', { passphrase: PASS, confirm: PASS });
    // long enough for scrypt to finish: the rewrite is then waiting on the open transaction
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(runtime.connection.sqlite.prepare('SELECT COUNT(*) AS n FROM vault').get()).toEqual({ n: 0 });
    release();
    expect(await request).toBe('this request fails');
    expect(await enabling).toMatchObject({ ok: true, value: { enabled: true } });
    const answers = runtime.connection.sqlite.prepare('SELECT text FROM answers').all() as { text: string }[];
    expect(answers.every((a) => a.text.startsWith('rv1:'))).toBe(true);
    expect(await readable(runtime, ids)).toEqual(before);
  });

  it('names every unmet rule and a mismatch, and writes nothing', async () => {
    const runtime = await testRuntime();
    await populate(runtime);
    const before = snapshot(runtime);
    expect(await runtime.invoke('vault.enable', { passphrase: 'short', confirm: 'short' })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Your passphrase needs at least 8 characters, an uppercase letter, a digit and a symbol.',
        details: {
          field: 'passphrase',
          reason: 'Your passphrase needs at least 8 characters, an uppercase letter, a digit and a symbol.',
        },
      },
    });
    expect(
      await runtime.invoke('vault.enable', { passphrase: 'ALLUPPERCASE-1', confirm: 'ALLUPPERCASE-1' }),
    ).toMatchObject({ error: { message: 'Your passphrase needs a lowercase letter.' } });
    expect(await runtime.invoke('vault.enable', { passphrase: PASS, confirm: NEXT })).toMatchObject({
      error: { message: 'The two passphrases do not match.', details: { field: 'confirm' } },
    });
    expect(snapshot(runtime)).toBe(before);
    expect(await ok(runtime, 'vault.status', {})).toMatchObject({ enabled: false, locked: false });
  });

  it('pauses unlocking for 30 minutes after five wrong tries within 15, across restarts, on a fixed clock', async () => {
    const dataDir = tempDir();
    let now = new Date('2026-03-01T10:00:00Z');
    const clock = () => now;
    const first = await testRuntime({ dataDir, now: clock });
    await ok(first, 'vault.enable', { passphrase: PASS, confirm: PASS });
    await first.close();
    const runtime = await testRuntime({ dataDir, now: clock });
    const unlock = (passphrase: string) => runtime.invoke('vault.unlock', { passphrase });
    const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

    // four wrong tries over 16 minutes: the first has left the window when the fifth comes
    for (const gap of [0, 6, 5, 5]) {
      minutes(gap);
      expect(await unlock('Wrong-Horse-1')).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    }
    minutes(1); // 17 minutes after the first
    expect(await unlock('Wrong-Horse-1')).toMatchObject({
      error: { message: 'That passphrase is not right. 1 more try before unlocking pauses for 30 minutes.' },
    });
    minutes(1);
    const paused = await unlock('Wrong-Horse-1');
    expect(paused).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE', details: { lockedUntil: '2026-03-01T10:48:00.000Z' } },
    });
    expect(paused.ok ? '' : paused.error.message).toMatch(
      /^Too many wrong passphrases: unlocking is paused until \d\d:\d\d\.$/,
    );
    expect(await ok(runtime, 'vault.status', {})).toMatchObject({
      locked: true,
      lockedUntil: '2026-03-01T10:48:00.000Z',
      triesLeft: 0,
    });
    // even the right passphrase waits, and a restart does not lift the pause
    minutes(29);
    expect(await unlock(PASS)).toMatchObject({
      error: { details: { lockedUntil: '2026-03-01T10:48:00.000Z' } },
    });
    await runtime.close();
    const restarted = await testRuntime({ dataDir, now: clock });
    expect(await restarted.invoke('vault.unlock', { passphrase: PASS })).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE' },
    });
    minutes(1); // 30 minutes after the fifth wrong try
    expect(await ok(restarted, 'vault.unlock', { passphrase: PASS })).toMatchObject({
      locked: false,
      lockedUntil: null,
      triesLeft: 5,
    });
  }, 60_000);

  it('changes the passphrase in one transaction: all re-encrypted, or (on any failure) nothing', async () => {
    const dataDir = tempDir();
    const runtime = await testRuntime({ dataDir });
    const ids = await populate(runtime);
    await ok(runtime, 'vault.enable', { passphrase: PASS, confirm: PASS });
    const before = await readable(runtime, ids);

    // a value that no longer opens (damaged on disk) stops the change part-way: everything stays as it was
    const { sqlite } = runtime.connection;
    sqlite
      .prepare(
        "INSERT INTO ai_cache (kind, key, value, provider, model, created_at, expires_at) VALUES ('evaluation', 'damaged', 'rv1:AAAA', 'x', NULL, '2026-01-01', '2099-01-01')",
      )
      .run();
    const damaged = snapshot(runtime);
    const filesBefore = readdirSync(join(dataDir, 'resumes')).map((f) =>
      readFileSync(join(dataDir, 'resumes', f)),
    );
    const failed = await runtime.invoke('vault.change', { current: PASS, passphrase: NEXT, confirm: NEXT });
    expect(failed.ok).toBe(false);
    expect(snapshot(runtime)).toBe(damaged);
    expect(
      readdirSync(join(dataDir, 'resumes')).map((f) => readFileSync(join(dataDir, 'resumes', f))),
    ).toEqual(filesBefore);
    sqlite.prepare("DELETE FROM ai_cache WHERE key = 'damaged'").run();
    // wrong current passphrase: refused and counted as a wrong try, nothing rewritten
    const answers = sqlite.prepare('SELECT text FROM answers').all();
    expect(
      await runtime.invoke('vault.change', { current: NEXT, passphrase: NEXT, confirm: NEXT }),
    ).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE', details: { triesLeft: 4 } },
    });
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM vault_attempts').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT text FROM answers').all()).toEqual(answers);

    expect(
      await ok(runtime, 'vault.change', { current: PASS, passphrase: NEXT, confirm: NEXT }),
    ).toMatchObject({
      enabled: true,
      locked: false,
    });
    expect(await readable(runtime, ids)).toEqual(before);
    await ok(runtime, 'vault.lock', {});
    expect(await runtime.invoke('vault.unlock', { passphrase: PASS })).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await ok(runtime, 'vault.unlock', { passphrase: NEXT });
    expect(await readable(runtime, ids)).toEqual(before);
    expect(plaintextIn(dataDir, PHRASES)).toEqual([]);

    // turning it off leaves everything readable without a passphrase
    await ok(runtime, 'vault.disable', { passphrase: NEXT });
    await runtime.close();
    const plain = await testRuntime({ dataDir });
    expect(await ok(plain, 'vault.status', {})).toMatchObject({ enabled: false, locked: false });
    expect(await readable(plain, ids)).toEqual(before);
  }, 60_000);

  it('exports readable data, and an import comes in sealed under this installation’s passphrase', async () => {
    const source = await testRuntime();
    const ids = await populate(source);
    await ok(source, 'vault.enable', { passphrase: PASS, confirm: PASS });
    const before = await readable(source, ids);
    const archive = join(tempDir(), 'export.zip');
    await dataServiceOf(source.ctx).exportTo(archive);

    // a fresh install without a passphrase reads it as it was
    const fresh = await testRuntime();
    await dataServiceOf(fresh.ctx).importFrom(archive, 'replace');
    expect(await readable(fresh, ids)).toEqual(before);

    // an install with its own passphrase seals what comes in
    const dataDir = tempDir();
    const other = await testRuntime({ dataDir });
    await ok(other, 'vault.enable', { passphrase: NEXT, confirm: NEXT });
    await dataServiceOf(other.ctx).importFrom(archive, 'replace');
    expect(await readable(other, ids)).toEqual(before);
    expect(plaintextIn(dataDir, PHRASES)).toEqual([]);
    expect(await ok(other, 'vault.status', {})).toMatchObject({ enabled: true });
  }, 60_000);

  it('lets a candidate who forgot the passphrase delete everything and start again', async () => {
    const dataDir = tempDir();
    const first = await testRuntime({ dataDir });
    await populate(first);
    await ok(first, 'vault.enable', { passphrase: PASS, confirm: PASS });
    await first.close();
    const runtime = await testRuntime({ dataDir });
    expect(await ok(runtime, 'vault.status', {})).toMatchObject({ locked: true });
    await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: true });
    expect(await ok(runtime, 'vault.status', {})).toMatchObject({ enabled: false, locked: false });
    expect(await ok(runtime, 'jobs.list', {})).toEqual([]);
  });
});
