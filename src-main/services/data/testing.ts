/** Shared by the data tests: a data dir with something of everything in it, and a table-by-table snapshot. */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-shared/contract';
import type { Runtime } from '../../core/runtime';
import type { Sqlite } from '../../db/connection';
import { extractEntry, readZip, sha256Of, ZipWriter } from './archive';
import type { ArchiveManifest } from './format';
import { candidateTables, orderedSelect, quoteId } from './tables';

async function ok<C extends ChannelName>(
  runtime: Runtime,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await runtime.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

const RESUME = (name: string) =>
  `${name}\n${name.toLowerCase().replace(/\W+/g, '.')}@example.com\n\nEXPERIENCE\nBackend Engineer, Acme Corp, Jan 2020 - Present\n- Built Python services on PostgreSQL\n\nSKILLS\nPython, SQL, Docker\n`;

/**
 * A profile, a résumé (with its original file), a job, a private question, a company profile, AI settings, and
 * sessions with answers, evaluations, a draft and a retake: through the same channels the UI uses.
 */
export async function populate(runtime: Runtime, who = 'Ada Lovelace'): Promise<void> {
  await ok(runtime, 'profile.save', { name: who, targetRole: 'Backend Engineer', experienceLevel: 'Mid' });
  await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: RESUME(who) });
  const job = await ok(runtime, 'jobs.create', {
    title: `Data Engineer for ${who}`,
    description: 'We need Python and SQL. Nice to have: Airflow.',
  });
  await ok(runtime, 'questions.private.save', {
    question: {
      text: `How would ${who} explain a left join to a new analyst?`,
      category: 'Technical',
      difficulty: 'Easy',
      expectedPoints: ['Rows kept from the left table', 'Nulls where there is no match', 'An example'],
      timeLimitSec: 180,
      tags: ['sql'],
    },
  });
  await ok(runtime, 'companies.save', {
    profile: {
      name: `Acme of ${who}`,
      summary: '',
      values: [{ name: 'Be kind', description: 'We help each other first.' }],
      stages: [{ name: 'Values interview', description: 'How you work.', categories: ['Behavioral'] }],
      focusAreas: ['SQL'],
    },
  });
  const done = await ok(runtime, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: 2,
    jobId: job.id,
  });
  for (const q of done.questions)
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: q.id,
      text: `I owned the migration plan for ${who}, split it into three waves and cut errors by 40%.`,
      elapsedMs: 60_000,
    });
  await ok(runtime, 'sessions.retake', { sessionId: done.id });
  const open = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 2 });
  await ok(runtime, 'sessions.saveDraft', {
    sessionQuestionId: open.questions[0]!.id,
    text: 'A draft',
    elapsedMs: 500,
  });
}

/** Every row of every table (not only the candidate's), in key order: equal snapshots mean equal data. */
export function tableRows(db: Sqlite, only?: 'candidate'): Record<string, unknown[]> {
  const all = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const candidate = new Map(candidateTables(db).map((t) => [t.name, t]));
  const out: Record<string, unknown[]> = {};
  for (const name of all) {
    if (only === 'candidate' && !candidate.has(name)) continue;
    const table = candidate.get(name);
    out[name] = table
      ? db.prepare(orderedSelect(table)).all()
      : db
          .prepare(`SELECT * FROM ${quoteId(name)}`)
          .all()
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** The résumé originals in a data dir, by name. */
export function resumeFilesOf(dataDir: string): Record<string, string> {
  const dir = join(dataDir, 'resumes');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString('base64')]),
  );
}

const LIMITS = { maxEntryBytes: 1e9, maxTotalBytes: 2e9, maxEntries: 1000 };

/** Reads an archive, lets the test change its entries (and the manifest), and writes it back as a valid ZIP. */
export async function rewrite(
  file: string,
  change: (entries: Map<string, Buffer>, manifest: ArchiveManifest) => void,
  options: { fixChecksums?: boolean } = {},
): Promise<string> {
  const bytes = readFileSync(file);
  const entries = new Map(readZip(bytes, LIMITS).map((e) => [e.name, extractEntry(bytes, e)]));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as ArchiveManifest;
  change(entries, manifest);
  if (options.fixChecksums)
    for (const item of [
      ...manifest.tables.map((t) => ({ path: t.file, t })),
      ...manifest.files.map((f) => ({ path: f.path, t: f })),
    ]) {
      const data = entries.get(item.path);
      if (data) Object.assign(item.t, { sha256: sha256Of(data), sizeBytes: data.length });
    }
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  // beside the original (in the test's temporary folder), so this module needs nothing from vitest
  const out = `${file}.changed-${randomUUID()}.zip`;
  const writer = await ZipWriter.create(out, new Date());
  for (const [name, data] of entries) await writer.add(name, [data]);
  await writer.finish();
  return out;
}
