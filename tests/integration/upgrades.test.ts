/**
 * Every migration, tested on data: for each earlier schema version N, a database is built by applying
 * migrations 1..N, filled with every representative row that schema can hold, then opened by the app (which
 * backs it up and migrates it to the latest version). Every row must come through with its values, foreign
 * keys and integrity intact, and the services must read it.
 *
 * When a migration adds a table, add rows for it to FIXTURES below: the last test fails until there are some.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import { openSqlite, type Sqlite } from '../../src-main/db/connection';
import { loadMigrations, migrate } from '../../src-main/db/migrator';
import { appPaths } from '../../src-main/paths';
import { evaluateBuiltin } from '../../src-main/services/evaluation/evaluate';
import { dataServiceOf } from '../../src-main/services/data/service';
import { candidateTables, quoteId } from '../../src-main/services/data/tables';
import { ok, tempDir, testRuntime } from '../support/runtime';

const migrations = loadMigrations(appPaths().migrations);
const latest = migrations.at(-1)!.version;

const T0 = '2025-01-02T10:00:00.000Z';
const T1 = '2025-01-02T10:20:00.000Z';
const S1 = '10000000-0000-4000-8000-000000000001';
const S2 = '10000000-0000-4000-8000-000000000002';
const S3 = '10000000-0000-4000-8000-000000000003';
const S4 = '10000000-0000-4000-8000-000000000004';
const Q = (n: number) => `20000000-0000-4000-8000-00000000000${n}`;
const A = (n: number) => `30000000-0000-4000-8000-00000000000${n}`;
const R1 = '40000000-0000-4000-8000-000000000001';
const J1 = '50000000-0000-4000-8000-000000000001';
const PQ1 = '60000000-0000-4000-8000-000000000001';
const C1 = '70000000-0000-4000-8000-000000000001';
const P1 = '80000000-0000-4000-8000-000000000001';

const PARSED = {
  contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null, location: null, links: [] },
  summary: null,
  skills: [],
  experience: [],
  totalExperienceMonths: 0,
  seniority: 'Entry',
  education: [],
  projects: [],
  sections: [],
};
const COMPANY = {
  name: 'Acme',
  summary: 'Makes things.',
  values: [{ name: 'Be kind', description: 'We help each other first.' }],
  stages: [{ name: 'Values interview', description: 'How you work.', categories: ['Behavioral'] }],
  focusAreas: ['SQL'],
};
const ANSWER = 'I listened first, wrote down both options, and we measured them; errors fell by 40%.';
/** A real builtin evaluation, as 0007's rows hold: the services parse it on the way out. */
const EVALUATION = evaluateBuiltin({
  question: {
    text: 'A behavioral question, number 1, asked in practice.',
    category: 'Behavioral',
    expectedPoints: ['Situation', 'Action', 'Result'],
  },
  answer: ANSWER,
});
const question = (id: string, session: string, position: number, category: string) => ({
  id,
  session_id: session,
  position,
  question_id: `bank-${position}`,
  text: `A ${category.toLowerCase()} question, number ${position + 1}, asked in practice.`,
  category,
  difficulty: 'Medium',
  time_limit_sec: 240,
  expected_points: JSON.stringify(['Situation', 'Action', 'Result']),
  first_shown_at: T0,
  elapsed_ms: 60_000,
});

/**
 * Representative rows, parents first. A row goes into a database at version N when its table and all its
 * columns exist there, so rows written for an early schema are carried through every later migration.
 */
const FIXTURES: { table: string; row: Record<string, unknown> }[] = [
  // 0001
  {
    table: 'profile',
    row: {
      id: 1,
      name: 'Ada Lovelace',
      target_role: 'Backend Engineer',
      experience_level: 'Senior',
      created_at: T0,
      updated_at: T0,
    },
  },
  {
    table: 'sessions',
    row: {
      id: S1,
      role: 'Backend Engineer',
      difficulty: 'Medium',
      mode: 'practice',
      status: 'completed',
      question_count: 2,
      current_position: 2,
      created_at: T0,
      updated_at: T1,
      completed_at: T1,
    },
  },
  {
    table: 'sessions',
    row: {
      id: S2,
      role: 'Data Analyst',
      difficulty: 'Easy',
      mode: 'practice',
      status: 'active',
      question_count: 1,
      current_position: 0,
      created_at: T1,
      updated_at: T1,
      completed_at: null,
    },
  },
  { table: 'session_questions', row: question(Q(1), S1, 0, 'Behavioral') },
  { table: 'session_questions', row: question(Q(2), S1, 1, 'Technical') },
  { table: 'session_questions', row: question(Q(3), S2, 0, 'Situational') },
  {
    table: 'answers',
    row: {
      id: A(1),
      session_question_id: Q(1),
      text: ANSWER,
      skipped: 0,
      time_taken_ms: 95_000,
      overtime: 0,
      submitted_at: T0,
    },
  },
  {
    table: 'answers',
    row: {
      id: A(2),
      session_question_id: Q(2),
      text: '',
      skipped: 1,
      time_taken_ms: 3_000,
      overtime: 0,
      submitted_at: T1,
    },
  },
  {
    table: 'drafts',
    row: { session_question_id: Q(3), text: 'Half an answer', elapsed_ms: 12_000, updated_at: T1 },
  },
  // 0002
  {
    table: 'resumes',
    row: {
      id: R1,
      label: 'Main CV',
      original_name: 'cv.txt',
      kind: 'text',
      size_bytes: 12,
      sha256: 'a'.repeat(64),
      file_name: `${R1}.txt`,
      parsed: JSON.stringify(PARSED),
      corrected: null,
      is_active: 1,
      created_at: T0,
      updated_at: T0,
    },
  },
  // 0003
  {
    table: 'jobs',
    row: {
      id: J1,
      title: 'Data Engineer',
      company: 'Acme',
      description: 'We need Python and SQL. Nice to have: Airflow.',
      experience_level: 'Mid',
      tech_stack: '["Python"]',
      required_skills: '["Python","SQL"]',
      nice_skills: '["Airflow"]',
      created_at: T0,
      updated_at: T0,
    },
  },
  // 0004
  { table: 'ai_settings', row: { id: 1, settings: JSON.stringify(DEFAULT_AI_SETTINGS), updated_at: T0 } },
  {
    table: 'ai_usage',
    row: { provider: 'cloud', day: '2025-01-02', requests: 3, characters: 1200, cost_micros: 150 },
  },
  // 0005
  {
    table: 'private_questions',
    row: {
      id: PQ1,
      text: 'How would you explain a left join to a new analyst?',
      category: 'Technical',
      difficulty: 'Easy',
      expected_points: '["Rows kept from the left","Nulls where no match","An example"]',
      time_limit_sec: 180,
      skills: '["SQL"]',
      tags: '["sql"]',
      role: null,
      origin: 'written',
      text_key: 'how would you explain a left join to a new analyst?',
      created_at: T0,
      updated_at: T0,
    },
  },
  {
    table: 'companies',
    row: { id: C1, name: 'Acme', profile: JSON.stringify(COMPANY), created_at: T0, updated_at: T0 },
  },
  {
    table: 'sessions',
    row: {
      id: S3,
      role: 'Data Engineer',
      difficulty: 'Hard',
      mode: 'company',
      status: 'completed',
      question_count: 1,
      current_position: 1,
      created_at: T1,
      updated_at: T1,
      completed_at: T1,
      job_id: J1,
      company_id: C1,
      categories: '["Technical"]',
    },
  },
  {
    table: 'session_questions',
    row: {
      ...question(Q(4), S3, 0, 'Technical'),
      source: 'job',
      reason: 'From the job: SQL',
      skills: '["SQL"]',
    },
  },
  // 0006
  {
    table: 'sessions',
    row: {
      id: S4,
      role: 'Backend Engineer',
      difficulty: 'Medium',
      mode: 'practice',
      status: 'paused',
      question_count: 2,
      current_position: 0,
      created_at: T1,
      updated_at: T1,
      completed_at: null,
      categories: '[]',
      attempt: 2,
      retake_of: S1,
      first_attempt_id: S1,
      paused_at: T1,
    },
  },
  {
    table: 'session_questions',
    row: {
      ...question(Q(5), S1, 2, 'Behavioral'),
      source: 'follow_up',
      reason: 'A follow-up',
      skills: '[]',
      parent_id: Q(1),
    },
  },
  // 0007
  {
    table: 'evaluations',
    row: {
      answer_id: A(1),
      provider: 'builtin',
      model: null,
      overall: EVALUATION.overall,
      content_quality: EVALUATION.criteria.content_quality.score,
      clarity: EVALUATION.criteria.clarity.score,
      confidence: EVALUATION.criteria.confidence.score,
      technical_accuracy: EVALUATION.criteria.technical_accuracy.score,
      result: JSON.stringify(EVALUATION),
      flags: '[]',
      created_at: T0,
    },
  },
  // 0008
  {
    table: 'achievements',
    row: { id: 'First_Interview', earned_at: T1, session_id: S1, detail: '', announced_at: T1 },
  },
  {
    table: 'progress_settings',
    row: { id: 1, reminders_enabled: 0, last_reminder_date: null, updated_at: T1 },
  },
  {
    table: 'study_plans',
    row: { id: P1, status: 'active', plan: '{"weeks":[]}', created_at: T1, updated_at: T1 },
  },
  // 0013
  { table: 'guide', row: { id: 1, dismissed_at: null, report_seen_at: T1 } },
  // 0012: a spoken answer whose audio has gone (only the last N keep theirs), and the voice settings
  {
    table: 'recordings',
    row: {
      id: '00000000-0000-4000-8000-0000000000e1',
      session_question_id: Q(1),
      status: 'transcribed',
      file_name: null,
      duration_ms: 41_000,
      transcript: 'I owned the migration plan and shipped it in two weeks.',
      words: '[]',
      delivery: null,
      transcriber: 'OpenAI',
      started_at: T0,
      updated_at: T1,
    },
  },
  {
    table: 'voice_settings',
    row: { id: 1, keep_audio: 5, read_aloud: 'always', voice_name: '', speech_rate: 1.25 },
  },
];

function columnsOf(db: Sqlite, table: string): Set<string> {
  return new Set(
    (db.prepare(`PRAGMA table_info(${quoteId(table)})`).all() as { name: string }[]).map((c) => c.name),
  );
}

/** Inserts every fixture row the schema can hold; returns those it inserted. */
function fill(db: Sqlite): typeof FIXTURES {
  const inserted: typeof FIXTURES = [];
  for (const fixture of FIXTURES) {
    const columns = columnsOf(db, fixture.table);
    const names = Object.keys(fixture.row);
    if (columns.size === 0 || !names.every((n) => columns.has(n))) continue;
    db.prepare(
      `INSERT INTO ${quoteId(fixture.table)} (${names.map(quoteId).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((n) => fixture.row[n]));
    inserted.push(fixture);
  }
  return inserted;
}

function keyOf(db: Sqlite, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quoteId(table)})`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

/** A database at schema version N with representative rows, as an earlier release would have left it. */
function databaseAt(version: number): { dataDir: string; inserted: typeof FIXTURES } {
  const dataDir = tempDir();
  const db = openSqlite(join(dataDir, 'rehearse.sqlite'));
  try {
    migrate(
      db,
      migrations.filter((m) => m.version <= version),
    );
    return { dataDir, inserted: fill(db) };
  } finally {
    db.close();
  }
}

describe('upgrading a populated database from every earlier schema version', () => {
  const earlier = migrations.filter((m) => m.version < latest).map((m) => m.version);

  it.each(earlier)(
    'from version %i: every row survives, with integrity and foreign keys intact',
    async (version) => {
      const { dataDir, inserted } = databaseAt(version);
      expect(inserted.length).toBeGreaterThan(0);
      const runtime = await testRuntime({ dataDir });
      const { sqlite } = runtime.connection;
      expect(sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: latest });

      for (const { table, row } of inserted) {
        const key = keyOf(sqlite, table);
        const found = sqlite
          .prepare(
            `SELECT * FROM ${quoteId(table)} WHERE ${key.map((k) => `${quoteId(k)} = ?`).join(' AND ')}`,
          )
          .get(...key.map((k) => row[k])) as Record<string, unknown> | undefined;
        expect(found, `${table} ${JSON.stringify(key.map((k) => row[k]))}`).toBeDefined();
        for (const [column, value] of Object.entries(row))
          expect(found![column], `${table}.${column}`).toEqual(value);
      }
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

      // The app backed the old database up before migrating it.
      const [backup] = dataServiceOf(runtime.ctx).list();
      expect(backup).toMatchObject({ kind: 'pre-migration', schemaVersion: version });
      expect(existsSync(join(dataDir, 'backups', `${backup!.id}.sqlite`))).toBe(true);

      // And the services read what came through.
      expect((await ok(runtime, 'profile.get', {}))?.experienceLevel).toBe('Senior');
      const sessions = await ok(runtime, 'sessions.list', { page: 1 });
      expect(sessions.total).toBe(inserted.filter((f) => f.table === 'sessions').length);
      expect((await ok(runtime, 'sessions.get', { sessionId: S1 })).questions.length).toBeGreaterThanOrEqual(
        2,
      );
      if (version >= 2) expect((await ok(runtime, 'resumes.list', {})).map((r) => r.id)).toEqual([R1]);
      if (version >= 3) expect((await ok(runtime, 'jobs.list', {})).map((j) => j.id)).toEqual([J1]);
      if (version >= 4) expect(await ok(runtime, 'ai.settings.get', {})).toEqual(DEFAULT_AI_SETTINGS);
      if (version >= 5) {
        expect((await ok(runtime, 'questions.private.list', {})).map((q) => q.id)).toEqual([PQ1]);
        expect((await ok(runtime, 'companies.list', {})).some((c) => c.id === C1)).toBe(true);
      }
      // 0006 numbered every earlier session as its own first attempt.
      if (version < 6)
        expect(sqlite.prepare('SELECT first_attempt_id, attempt FROM sessions WHERE id = ?').get(S1)).toEqual(
          {
            first_attempt_id: S1,
            attempt: 1,
          },
        );
    },
  );

  it('has representative rows for every table the candidate owns (add some when a migration adds a table)', () => {
    const db = openSqlite(join(tempDir(), 'rehearse.sqlite'));
    try {
      migrate(db, migrations);
      fill(db);
      const empty = candidateTables(db)
        .map((t) => t.name)
        .filter((name) => !db.prepare(`SELECT 1 FROM ${quoteId(name)} LIMIT 1`).get());
      expect(
        empty,
        `add rows for ${empty.join(', ')} to FIXTURES in tests/integration/upgrades.test.ts`,
      ).toEqual([]);
    } finally {
      db.close();
    }
  });
});
