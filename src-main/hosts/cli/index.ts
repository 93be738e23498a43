/**
 * `rehearse …`: the same services as the app, for scripting and diagnostics. Every command takes --json and
 * --data-dir. Exit codes: 0 success, 1 a user error (one line on stderr), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { appPaths, resolveDataDir } from '../../paths';
import type { Runtime, RuntimeOptions } from '../../core/runtime';
import { startBrowserHost } from '../browser/server';
import { intOption, parse, UsageError } from './args';
import { dataCommands } from './data';
import { findElectron, launchElectron, openInBrowser } from './electron';

/*
 * The services (the runtime and everything under it) load on first use, not with the CLI: `serve` listens and
 * prints its address first, so the browser fetches and parses the app while they load.
 */
const startRuntime = async (options: RuntimeOptions) =>
  (await import('../../core/runtime')).startRuntime(options);

/** Lets the event loop answer what is waiting (the browser asking for the page) before the next step. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The runtime's heaviest modules, loaded one at a time with the host answering the browser between them
 * (each takes 10–40 ms, and loading them all at once would hold the page's first requests back as long).
 * Our own modules only: the bundle turns their import() into require(), while a package's import() would go
 * through Node's slower ES module loader.
 */
const RUNTIME_STEPS = [
  () => import('../../../src-shared/contract'),
  () => import('../../db/connection'),
  () => import('../../logging/logger'),
];

async function startRuntimeInSteps(options: RuntimeOptions): Promise<Runtime> {
  for (const step of RUNTIME_STEPS) {
    await step();
    await breathe();
  }
  return startRuntime(options);
}

export interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); `serve` waits on it. */
  untilStopped: () => Promise<string>;
  /** Asks for a secret without echoing it; only on an interactive terminal. */
  askSecret?: (question: string) => Promise<string>;
}

interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

async function call<C extends ChannelName>(
  runtime: Runtime,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await runtime.invoke(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as ChannelOutput<C>;
}

async function withRuntime<T>(
  dataDirFlag: string | undefined,
  io: Io,
  fn: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await startRuntime({ dataDir: resolveDataDir(dataDirFlag, io.env), host: 'cli' });
  try {
    await unlockForCommand(runtime, io);
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/**
 * A protected data folder is unlocked from REHEARSE_PASSPHRASE (scripts) or by asking on the terminal; never
 * from a flag, which would show in the process list.
 */
async function unlockForCommand(runtime: Runtime, io: Io): Promise<void> {
  if (!runtime.ctx.vault.locked) return;
  const passphrase = io.env.REHEARSE_PASSPHRASE ?? (await io.askSecret?.('Passphrase: '));
  if (!passphrase)
    throw new AppError(
      'LOCKED',
      'Your data is protected by a passphrase: set REHEARSE_PASSPHRASE in the environment to unlock it for this command.',
    );
  await call(runtime, 'vault.unlock', { passphrase });
}

const print = (io: Io, json: boolean, value: unknown, human: () => string) =>
  io.stdout(json ? JSON.stringify(value) : human());

/** Long enough for the first screen to have loaded in the browser. */
const WARM_UP_MS = 2000;

async function serve(
  values: { json: boolean; 'data-dir'?: string; port?: string },
  io: Io,
  announce?: string,
  open = false,
): Promise<number> {
  const port = intOption(values.port, 'port', 0, 65535);
  // Asked before anything starts: a stop that comes while the data is still opening waits for it, then closes.
  const stopped = io.untilStopped();
  const dataDir = resolveDataDir(values['data-dir'], io.env);
  // The data opens once the host listens, while the browser loads the page; calls wait for it.
  let opened!: (runtime: Promise<Runtime>) => void;
  const starting = new Promise<Runtime>((resolve) => (opened = resolve));
  starting.catch(() => undefined);
  let host;
  try {
    host = await startBrowserHost({ runtime: starting, rendererDir: appPaths().renderer, port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError('CONFLICT', `Port ${port} is already in use; choose another with --port.`);
    }
    throw err;
  }
  if (announce && !values.json) io.stdout(announce);
  print(
    io,
    values.json,
    { url: host.url, port: host.port, dataDir },
    () => `Rehearse is running at ${host.url}`,
  );
  if (open) openInBrowser(host.url);
  opened(startRuntimeInSteps({ dataDir, host: 'browser' }));
  let runtime: Runtime;
  try {
    runtime = await starting;
  } catch (err) {
    // The page already open says the same through each call; the process stops with the reason.
    await host.close();
    throw err;
  }
  // The answer evaluation loads on first use to keep the start quick; once the first screen is up, it loads
  // in the background so the first answer does not wait for it either.
  // The bank's questions are checked then too, before the candidate opens the practice setup.
  setTimeout(() => {
    void import('../../services/evaluation/evaluate').catch(() => undefined);
    try {
      void runtime.ctx.bank.all;
    } catch (err) {
      runtime.ctx.logger.error({ err }, 'question bank invalid');
    }
  }, WARM_UP_MS).unref();
  const signal = await stopped;
  runtime.ctx.logger.info({ signal }, 'shutting down');
  await host.close();
  await runtime.close();
  return 0;
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'Serve the app to a browser on this machine (127.0.0.1 only)',
    usage: 'rehearse serve [--port N] [--data-dir DIR] [--json]',
    run: (argv, io) => serve(parse(argv, { port: { type: 'string' } }).values, io),
  },
  start: {
    summary: 'Open the desktop app, or the browser version where Electron cannot run',
    usage: 'rehearse start [--port N] [--data-dir DIR] [--no-open] [--json]',
    async run(argv, io) {
      const { values } = parse(argv, {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
      });
      const electron = findElectron(io.env);
      if ('binary' in electron) {
        const env = { ...io.env, REHEARSE_DATA_DIR: resolveDataDir(values['data-dir'], io.env) };
        return launchElectron(electron.binary, appPaths().root, env);
      }
      // Without a display there is no browser to open either; otherwise the candidate gets the app in their browser.
      const open = !values['no-open'] && !io.env.CI && !electron.reason.startsWith('There is no display');
      return serve(values, io, electron.reason, open);
    },
  },
  profile: {
    summary: "Show or set the candidate's profile",
    usage:
      'rehearse profile [show] | rehearse profile set --name NAME --role ROLE --level LEVEL  [--json] [--data-dir DIR]',
    async run(argv, io) {
      const { values, positionals } = parse(argv, {
        name: { type: 'string' },
        role: { type: 'string' },
        level: { type: 'string' },
      });
      const action = positionals[0] ?? 'show';
      if (action !== 'show' && action !== 'set') throw new UsageError(`unknown profile action "${action}"`);
      return withRuntime(values['data-dir'], io, async (runtime) => {
        const profile =
          action === 'set'
            ? await call(runtime, 'profile.save', {
                name: values.name ?? '',
                targetRole: values.role ?? '',
                experienceLevel: (values.level ?? '') as 'Entry',
              })
            : await call(runtime, 'profile.get', {});
        print(io, values.json, profile, () =>
          profile
            ? `${profile.name} — ${profile.targetRole} (${profile.experienceLevel})`
            : 'No profile yet: open the app to set one up.',
        );
        return 0;
      });
    },
  },
  sessions: {
    summary: 'List practice sessions, newest first, or show one',
    usage: 'rehearse sessions [list] [--page N] | rehearse sessions show ID  [--json] [--data-dir DIR]',
    async run(argv, io) {
      const { values, positionals } = parse(argv, { page: { type: 'string' } });
      const action = positionals[0] ?? 'list';
      return withRuntime(values['data-dir'], io, async (runtime) => {
        if (action === 'list') {
          const page = await call(runtime, 'sessions.list', {
            page: intOption(values.page, 'page', 1, 1_000_000) ?? 1,
          });
          print(io, values.json, page, () =>
            page.items.length === 0
              ? 'No practice sessions yet.'
              : page.items
                  .map(
                    (s) =>
                      `${s.createdAt.slice(0, 16).replace('T', ' ')}  ${s.status.padEnd(9)}  ${s.answeredCount}/${s.questionCount}  ${s.role} · ${s.difficulty}  ${s.id}`,
                  )
                  .join('\n'),
          );
          return 0;
        }
        if (action === 'show') {
          const id = positionals[1];
          if (!id) throw new UsageError('sessions show needs a session id');
          const detail = await call(runtime, 'sessions.get', { sessionId: id });
          print(io, values.json, detail, () =>
            [
              `${detail.role} · ${detail.difficulty} · ${detail.status} · ${detail.answeredCount}/${detail.questionCount} answered`,
              ...detail.questions.map(
                (q) =>
                  `\n${q.position + 1}. ${q.text}\n   ${q.answer ? (q.answer.skipped ? '(skipped)' : q.answer.text) : q.draft ? `(draft) ${q.draft.text}` : '(not answered)'}`,
              ),
            ].join('\n'),
          );
          return 0;
        }
        throw new UsageError(`unknown sessions action "${action}"`);
      });
    },
  },
  resume: {
    summary: 'Parse a résumé (PDF, DOCX or text) and print what Rehearse understood',
    usage: 'rehearse resume parse FILE [--json]',
    async run(argv, io) {
      const { values, positionals } = parse(argv, {});
      const [action, file] = positionals;
      if (action !== 'parse')
        throw new UsageError(action ? `unknown resume action "${action}"` : 'resume needs an action: parse');
      if (!file) throw new UsageError('resume parse needs a FILE');
      const { describeResume, parseResumeAt } = await import('./resume');
      const parsed = await parseResumeAt(file);
      print(io, values.json, parsed, () => describeResume(parsed));
      return 0;
    },
  },
  job: {
    summary: 'Match a résumé against a job posting (a text file)',
    usage: 'rehearse job match --resume FILE --job FILE [--json]',
    async run(argv, io) {
      const { values, positionals } = parse(argv, { resume: { type: 'string' }, job: { type: 'string' } });
      if (positionals[0] !== 'match')
        throw new UsageError(
          positionals[0] ? `unknown job action "${positionals[0]}"` : 'job needs an action: match',
        );
      if (!values.resume || !values.job) throw new UsageError('job match needs --resume FILE and --job FILE');
      const { describeMatch, matchFiles } = await import('./resume');
      const report = await matchFiles(values.resume, values.job);
      print(io, values.json, report, () => describeMatch(report));
      return 0;
    },
  },
  questions: {
    summary: 'Print the questions the builtin coach would ask, and why each was chosen',
    usage:
      'rehearse questions --role ROLE --difficulty LEVEL --count N [--category C]… [--resume FILE] [--job FILE] [--company NAME] [--json] [--data-dir DIR]',
    async run(argv, io) {
      const { values } = parse(argv, {
        role: { type: 'string' },
        difficulty: { type: 'string' },
        count: { type: 'string' },
        category: { type: 'string', multiple: true },
        resume: { type: 'string' },
        job: { type: 'string' },
        company: { type: 'string' },
      });
      if (!values.role || !values.difficulty || !values.count)
        throw new UsageError('questions needs --role, --difficulty and --count');
      return withRuntime(values['data-dir'], io, async (runtime) => {
        const { describeQuestions, questionsFromFiles } = await import('./questions');
        const questions = await questionsFromFiles(runtime, {
          role: values.role,
          difficulty: values.difficulty,
          count: intOption(values.count, 'count', 1, 20),
          categories: values.category ?? [],
          resumeFile: values.resume,
          jobFile: values.job,
          company: values.company,
        });
        print(io, values.json, { questions }, () => describeQuestions(questions));
        return 0;
      });
    },
  },
  evaluate: {
    summary: 'Score an answer with the builtin coach: criteria, STAR parts, expected points, advice',
    usage:
      'rehearse evaluate --question TEXT [--category C] [--points "a|b|c"] (--answer-file FILE | --audio FILE.wav) [--json]',
    async run(argv, io) {
      const { values } = parse(argv, {
        question: { type: 'string' },
        category: { type: 'string' },
        points: { type: 'string' },
        'answer-file': { type: 'string' },
        audio: { type: 'string' },
      });
      const answerFile = values['answer-file'] ?? values.audio;
      if (!values.question || !answerFile || (values['answer-file'] && values.audio))
        throw new UsageError(
          'evaluate needs --question TEXT and one of --answer-file FILE or --audio FILE.wav',
        );
      // Loaded here, not at start: the evaluation's NLP model is heavy and only this command needs it.
      const { describeEvaluation, evaluateFile } = await import('./evaluate');
      const options = {
        question: values.question,
        category: values.category,
        points: values.points,
        answerFile,
      };
      if (!values.audio) {
        const result = evaluateFile(options);
        print(io, values.json, result, () => describeEvaluation(result));
        return 0;
      }
      // a spoken answer: transcribed and measured first, then the transcript is scored
      const audio = values.audio;
      return withRuntime(values['data-dir'], io, async (runtime) => {
        const { describeTranscription, transcribeFile } = await import('./transcribe');
        const heard = await transcribeFile(runtime, audio, null);
        if (heard.transcript === null)
          throw new AppError(
            'UNAVAILABLE',
            `The recording could not be transcribed: ${heard.notes.join(' ')}`,
          );
        const feedback = evaluateFile({ ...options, answer: heard.transcript });
        print(io, values.json, { ...heard, feedback }, () =>
          [describeTranscription(heard), '', describeEvaluation(feedback)].join('\n'),
        );
        return 0;
      });
    },
  },
  transcribe: {
    summary: 'Transcribe a spoken answer (16 kHz mono WAV) and measure its pace, fillers and pauses',
    usage: 'rehearse transcribe FILE.wav [--limit SECONDS] [--json] [--data-dir DIR]',
    async run(argv, io) {
      const { values, positionals } = parse(argv, { limit: { type: 'string' } });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('transcribe needs one FILE.wav');
      const limit = intOption(values.limit, 'limit', 1, 3600) ?? null;
      return withRuntime(values['data-dir'], io, async (runtime) => {
        const { describeTranscription, transcribeFile } = await import('./transcribe');
        const result = await transcribeFile(runtime, file, limit);
        print(io, values.json, result, () => describeTranscription(result));
        return 0;
      });
    },
  },
  doctor: {
    summary:
      'Check the data dir, database, question bank and AI providers (exit 3: only the builtin coach works)',
    usage: 'rehearse doctor [--json] [--data-dir DIR]',
    async run(argv, io) {
      const { values } = parse(argv, {});
      return withRuntime(values['data-dir'], io, async (runtime) => {
        const { DB_FILE_NAME } = await import('../../db/connection');
        const { LOG_FILE } = await import('../../logging/logger');
        const { sqlite } = runtime.connection;
        const integrity = sqlite.pragma('integrity_check', { simple: true }) as string;
        const migration = sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
          v: number;
        };
        await runtime.ctx.ai.checkHealth();
        const ai = await runtime.ctx.ai.status();
        const providers = [
          {
            name: 'builtin',
            label: 'Built-in coach',
            ok: true,
            state: 'working',
            reason: 'always available, offline',
          },
          ...ai.providers.map((p) => ({
            name: p.id,
            label: p.label,
            ok: p.configured && p.health === 'ok',
            state: !p.configured
              ? 'not set up'
              : p.health === 'ok'
                ? 'working'
                : p.health === 'failing'
                  ? 'not working'
                  : 'not checked',
            reason:
              p.reason ?? (p.health === 'ok' ? `models: ${p.models.join(', ') || 'none'}` : 'not checked'),
          })),
        ];
        const report = {
          version: runtime.ctx.version,
          dataDir: runtime.ctx.dataDir,
          database: join(runtime.ctx.dataDir, DB_FILE_NAME),
          log: join(runtime.ctx.dataDir, 'logs', LOG_FILE),
          schemaVersion: migration.v,
          integrity,
          questionBank: runtime.ctx.bank.all.length,
          providers,
          onlyBuiltin: !providers.some((p) => p.name !== 'builtin' && p.ok),
        };
        print(io, values.json, report, () =>
          [
            `Rehearse ${report.version}`,
            `data dir     ${report.dataDir}`,
            `database     ${report.database} (schema ${report.schemaVersion}, integrity ${report.integrity})`,
            `log          ${report.log}`,
            `questions    ${report.questionBank} in the bank`,
            ...providers.map(
              (p) =>
                `${p === providers[0] ? 'providers   ' : '            '} ${p.name}: ${p.state === 'not set up' ? '' : `${p.ok ? 'ok' : p.state} — `}${p.reason}`,
            ),
          ].join('\n'),
        );
        // Non-zero when the data is damaged, or when nothing but the builtin coach can answer.
        if (integrity !== 'ok') return 1;
        return report.onlyBuiltin ? 3 : 0;
      });
    },
  },
  ...dataCommands({ withRuntime, print }),
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'Rehearse — practise interviews on your own machine.',
    '',
    'Usage: rehearse <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes:',
    '  --json           print machine-readable JSON',
    '  --data-dir DIR   use DIR for data (default: $REHEARSE_DATA_DIR, else the OS data folder)',
    '  -h, --help       show help for the command',
    '',
    'Also: rehearse --version',
  ].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(
      (JSON.parse(readFileSync(join(appPaths().root, 'package.json'), 'utf8')) as { version: string })
        .version,
    );
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`rehearse: unknown command "${name}". Run \`rehearse --help\` for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`rehearse ${name}: ${err.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (err instanceof AppError) {
      if (rest.includes('--json')) io.stdout(JSON.stringify({ ok: false, error: err.toPayload() }));
      io.stderr(`rehearse: ${err.message}`);
      return 1;
    }
    io.stderr(`rehearse: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
