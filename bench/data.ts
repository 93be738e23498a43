// "Your data" at scale: five years of practice (2,000 sessions, 20,000 answers with feedback), exported to one
// file and imported into a fresh data dir. Times are measured in this process over several runs; peak memory
// is the peak resident set of the CLI doing the same (`rehearse export` / `rehearse import` in a child process,
// read from process.resourceUsage().maxRSS as it exits).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime } from '../src-main/core/runtime';
import { evaluateBuiltin } from '../src-main/services/evaluation/evaluate';
import { dataServiceOf } from '../src-main/services/data/service';
import { CATEGORIES } from '../src-shared/domain';
import { BIN } from '../tests/support/built';
import { memorySecrets } from '../tests/support/memory-secrets';
import { seeded } from '../tests/support/random';
import { report } from './stats';

const SESSIONS = 2_000;
const QUESTIONS_PER_SESSION = 10;
const YEARS = 5;
const DAY = 86_400_000;

const WORDS =
  'I led the migration plan and split it into three waves so each team could test their services first then we measured error rates latency and cost after every step which showed the queue was the bottleneck so we added backpressure and retries with jitter and the result was forty percent fewer incidents and two weeks saved on the schedule while the on call load dropped because alerts were tuned to customer impact rather than noise'.split(
    ' ',
  );

function answerText(random: () => number): string {
  const length = 120 + Math.floor(random() * 130);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ')}.`;
}

/** Fills a data dir with five years of a committed candidate's data, written straight into SQLite. */
export async function generate(dataDir: string): Promise<{ answers: number; ms: number; dbBytes: number }> {
  const started = performance.now();
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    const db = runtime.connection.sqlite;
    const random = seeded(20_260_301);
    const start = Date.UTC(2021, 0, 1);
    const iso = (t: number) => new Date(t).toISOString();
    // A few evaluation results of realistic size, reused across answers.
    const evaluations = Array.from({ length: 12 }, (_, i) =>
      evaluateBuiltin({
        question: {
          text: 'Tell me about a time you improved the reliability of a system.',
          category: i % 2 ? 'Behavioral' : 'Technical',
          expectedPoints: ['The situation and stakes', 'What you did yourself', 'The measured result'],
        },
        answer: answerText(random),
      }),
    );
    const insertSession = db.prepare(
      `INSERT INTO sessions (id, role, difficulty, mode, status, question_count, current_position, created_at, updated_at, completed_at, first_attempt_id)
       VALUES (?, ?, ?, 'practice', 'completed', ?, ?, ?, ?, ?, ?)`,
    );
    const insertQuestion = db.prepare(
      `INSERT INTO session_questions (id, session_id, position, question_id, text, category, difficulty, time_limit_sec, expected_points, first_shown_at, elapsed_ms, source, reason, skills)
       VALUES (?, ?, ?, ?, ?, ?, ?, 240, ?, ?, ?, 'bank', 'From the bank', '[]')`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO answers (id, session_question_id, text, skipped, time_taken_ms, overtime, submitted_at) VALUES (?, ?, ?, 0, ?, 0, ?)`,
    );
    const insertEvaluation = db.prepare(
      `INSERT INTO evaluations (answer_id, provider, model, overall, content_quality, clarity, confidence, technical_accuracy, result, created_at)
       VALUES (?, 'builtin', NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const results = evaluations.map((e) => JSON.stringify(e));
    let answers = 0;
    db.transaction(() => {
      db.prepare("INSERT INTO profile VALUES (1, 'Bench Candidate', 'Backend Engineer', 'Senior', ?, ?)").run(
        iso(start),
        iso(start),
      );
      for (let j = 0; j < 40; j++)
        db.prepare(
          'INSERT INTO jobs (id, title, company, description, required_skills, created_at, updated_at) VALUES (?, ?, \'Acme\', ?, \'["Python","SQL"]\', ?, ?)',
        ).run(
          randomUUID(),
          `Backend Engineer ${j}`,
          answerText(random),
          iso(start + j * 40 * DAY),
          iso(start),
        );
      for (let s = 0; s < SESSIONS; s++) {
        const at = start + Math.floor((s / SESSIONS) * YEARS * 365 * DAY);
        const id = randomUUID();
        insertSession.run(
          id,
          'Backend Engineer',
          'Medium',
          QUESTIONS_PER_SESSION,
          QUESTIONS_PER_SESSION,
          iso(at),
          iso(at + 3_600_000),
          iso(at + 3_600_000),
          id,
        );
        for (let q = 0; q < QUESTIONS_PER_SESSION; q++) {
          const qid = randomUUID();
          const category = CATEGORIES[(s + q) % CATEGORIES.length]!;
          insertQuestion.run(
            qid,
            id,
            q,
            `bank-${(s * 7 + q) % 500}`,
            `Question ${q + 1} about ${category.toLowerCase()}: tell me how you handled it.`,
            category,
            'Medium',
            JSON.stringify(['Situation', 'Action', 'Result']),
            iso(at + q * 300_000),
            120_000,
          );
          const aid = randomUUID();
          insertAnswer.run(aid, qid, answerText(random), 120_000, iso(at + q * 300_000 + 120_000));
          const e = evaluations[answers % evaluations.length]!;
          insertEvaluation.run(
            aid,
            e.overall,
            e.criteria.content_quality.score,
            e.criteria.clarity.score,
            e.criteria.confidence.score,
            e.criteria.technical_accuracy.score,
            results[answers % results.length],
            iso(at + q * 300_000 + 121_000),
          );
          answers++;
        }
      }
    })();
    // Résumé versions with their original files (a few hundred KB each, as PDFs are).
    mkdirSync(join(dataDir, 'resumes'), { recursive: true });
    const parsed = JSON.stringify({
      contact: { name: 'Bench Candidate', email: null, phone: null, location: null, links: [] },
      summary: null,
      skills: [],
      experience: [],
      totalExperienceMonths: 60,
      seniority: 'Senior',
      education: [],
      projects: [],
      sections: [],
    });
    for (let r = 0; r < 5; r++) {
      const id = randomUUID();
      const bytes = Buffer.alloc(300_000, `%PDF-1.7 résumé version ${r} `);
      writeFileSync(join(dataDir, 'resumes', `${id}.pdf`), bytes);
      db.prepare("INSERT INTO resumes VALUES (?, ?, 'cv.pdf', 'pdf', ?, 'x', ?, ?, NULL, ?, ?, ?)").run(
        id,
        `CV ${r}`,
        bytes.length,
        `${id}.pdf`,
        parsed,
        r === 4 ? 1 : 0,
        iso(start + r * DAY),
        iso(start),
      );
    }
    return {
      answers,
      ms: performance.now() - started,
      dbBytes: statSync(join(dataDir, 'rehearse.sqlite')).size,
    };
  } finally {
    await runtime.close();
  }
}

/** Runs the built CLI and returns its peak resident set in MB and its wall time in ms. */
function cliPeak(args: string[], preload: string): { mb: number; ms: number } {
  const t = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, BIN, ...args], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const ms = performance.now() - t;
  if (result.status !== 0) throw new Error(`rehearse ${args.join(' ')} failed: ${result.stderr}`);
  const match = /REHEARSE_BENCH_MAXRSS_KB=(\d+)/.exec(result.stderr);
  if (!match) throw new Error('the child did not report its peak memory');
  return { mb: Number(match[1]) / 1024, ms };
}

export async function benchData(dataDir: string): Promise<void> {
  const generated = await generate(dataDir);
  const scratch = mkdtempSync(join(tmpdir(), 'rehearse-bench-data-'));
  try {
    const file = join(scratch, 'export.zip');
    const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
    const exports: number[] = [];
    let archive = { sizeBytes: 0, rows: 0 };
    try {
      const data = dataServiceOf(runtime.ctx);
      for (let i = 0; i < 5; i++) {
        rmSync(file, { force: true });
        const t = performance.now();
        const result = await data.exportTo(file);
        exports.push(performance.now() - t);
        archive = { sizeBytes: result.sizeBytes, rows: result.tables.reduce((n, x) => n + x.rows, 0) };
      }
    } finally {
      await runtime.close();
    }

    const imports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const target = join(scratch, `import-${i}`);
      const fresh = await startRuntime({ dataDir: target, host: 'cli', secrets: memorySecrets() });
      try {
        const t = performance.now();
        await dataServiceOf(fresh.ctx).importFrom(file, 'replace');
        imports.push(performance.now() - t);
      } finally {
        await fresh.close();
      }
      rmSync(target, { recursive: true, force: true });
    }

    // Peak memory of the CLI doing the same, against a CLI that only lists backups (start-up and shutdown).
    const preload = join(scratch, 'peak.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(`REHEARSE_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
    );
    const baseline: number[] = [];
    const exportPeak: number[] = [];
    const importPeak: number[] = [];
    for (let i = 0; i < 3; i++) {
      baseline.push(cliPeak(['backup', 'list', '--data-dir', dataDir], preload).mb);
      const out = join(scratch, `cli-${i}.zip`);
      exportPeak.push(cliPeak(['export', '--out', out, '--data-dir', dataDir], preload).mb);
      importPeak.push(cliPeak(['import', out, '--data-dir', join(scratch, `cli-import-${i}`)], preload).mb);
      rmSync(join(scratch, `cli-import-${i}`), { recursive: true, force: true });
    }
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    const sizes = {
      sessions: SESSIONS,
      answers: generated.answers,
      rows: archive.rows,
      database_mb: mb(generated.dbBytes),
      archive_mb: mb(archive.sizeBytes),
      generated_in_ms: Math.round(generated.ms),
    };
    report('data_export_5_years', 'ms', exports, sizes);
    report('data_import_5_years_fresh', 'ms', imports, sizes);
    const base = Math.round(Math.max(...baseline));
    report('data_export_5_years_cli_peak_rss', 'MB', exportPeak, { cli_baseline_mb: base });
    report('data_import_5_years_cli_peak_rss', 'MB', importPeak, { cli_baseline_mb: base });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
