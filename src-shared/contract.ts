/**
 * The one contract between the UI and the services. Every host (Electron IPC, the browser host, the CLI)
 * serves exactly these channels, validating inputs with these schemas. Adding a channel is one entry here
 * plus one handler in the service that owns it; the `Handlers` type makes a missing handler a type error.
 */
import { z } from 'zod';
import {
  CATEGORIES,
  DIFFICULTIES,
  DraftInput,
  EXPERIENCE_LEVELS,
  GENERAL_ROLE,
  SessionFilter,
  Profile,
  ProfileInput,
  ROLES,
  SessionDetail,
  SessionSummary,
  SkipInput,
  SubmitInput,
  id,
  isoDateTime,
} from './domain';
import type { ErrorPayload, Result } from './errors';
import {
  ResumeCorrectionsInput,
  ResumeDetail,
  ResumeImportInput,
  ResumeRenameInput,
  ResumeTextInput,
  ResumeVersion,
} from './resume';
import { Job, JobInput, JobProposal, MatchReport } from './jobs';
import { AiSettings, AiStatus } from './ai';
import {
  EXCHANGE_FORMATS,
  GenerateMoreInput,
  GenerateMoreResult,
  ImportRowError,
  PlanInput,
  PlannedQuestion,
  PlanNotice,
  PrivateQuestion,
  PrivateQuestionInput,
  SessionCreateInput,
  StorySuggestion,
} from './questions';
import { SessionReport } from './report';
import { Guide } from './guide';
import { CompanyProfile, CompanyProfileInput, CompanyValue, InterviewStage } from './companies';
import { dataChannels } from './data';
import { progressChannels, progressEvents } from './progress';
import { syncChannels } from './sync';
import { vaultChannels, vaultEvents } from './vault';
import { updateChannels, updateEvents } from './updates';
import { voiceChannels } from './voice';

const none = z.object({}).strict();
const ModelState = z.enum(['downloaded', 'partial', 'missing']);
const KeyStatus = z.object({
  stored: z.boolean(),
  keychain: z.object({ ok: z.boolean(), reason: z.string().nullable() }),
});
const bySession = z.object({ sessionId: id }).strict();
const byId = z.object({ id }).strict();
const deleted = z.object({ deleted: z.boolean() });
const companyId = z.object({ id: z.string().trim().min(1).max(80) }).strict();
const pastedText = (what: string) =>
  z
    .string()
    .trim()
    .max(50_000, { error: `That is more text than ${what}; paste at most 50,000 characters.` });

export const channels = {
  'app.info': {
    input: none,
    output: z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'browser', 'cli']),
      dataDir: z.string(),
    }),
  },
  'catalog.get': {
    input: none,
    output: z.object({
      roles: z.array(z.string()),
      experienceLevels: z.array(z.enum(EXPERIENCE_LEVELS)),
      difficulties: z.array(z.enum(DIFFICULTIES)),
      categories: z.array(z.enum(CATEGORIES)),
      bankSize: z.number().int(),
    }),
  },
  'profile.get': { input: none, output: Profile.nullable() },
  'profile.save': { input: ProfileInput, output: Profile },
  'sessions.create': { input: SessionCreateInput, output: SessionDetail },
  'sessions.get': { input: bySession, output: SessionDetail },
  'sessions.list': {
    input: SessionFilter,
    output: z.object({ items: z.array(SessionSummary), total: z.number().int(), page: z.number().int() }),
  },
  'sessions.resumable': { input: none, output: SessionSummary.nullable() },
  'sessions.saveDraft': { input: DraftInput, output: z.object({ savedAt: isoDateTime }) },
  'sessions.submitAnswer': { input: SubmitInput, output: SessionDetail },
  'sessions.skipQuestion': { input: SkipInput, output: SessionDetail },
  'sessions.end': { input: bySession, output: SessionDetail },
  'sessions.pause': { input: bySession, output: SessionDetail },
  'sessions.report': { input: bySession, output: SessionReport },
  'sessions.exportReport': {
    input: z
      .object({ sessionId: id, format: z.enum(['pdf', 'md'], { error: 'Choose PDF or Markdown.' }) })
      .strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
  /** Practice mode: ask the follow-up to the answer just given, before the next question. */
  'sessions.takeFollowUp': { input: z.object({ sessionQuestionId: id }).strict(), output: SessionDetail },
  /** A configured model rewrites a follow-up to fit the answer it follows, before it is answered. */
  'sessions.adaptFollowUp': {
    input: z.object({ sessionQuestionId: id, requestId: id }).strict(),
    output: z.object({
      text: z.string(),
      reason: z.string(),
      provider: z.string(),
      notes: z.array(z.string()),
    }),
  },
  'sessions.resume': { input: bySession, output: SessionDetail },
  /** A completed session's questions again, as the next numbered attempt. */
  'sessions.retake': { input: bySession, output: SessionDetail },
  /** Asks the configured model to rewrite the questions not yet shown; the builtin ones stay on any failure. */
  'sessions.tailor': {
    input: z.object({ sessionId: id, requestId: id }).strict(),
    output: z.object({
      session: SessionDetail,
      provider: z.string(),
      model: z.string().nullable(),
      notes: z.array(z.string()),
      replaced: z.number().int(),
    }),
  },
  'resumes.import': { input: ResumeImportInput, output: ResumeDetail },
  'resumes.importText': { input: ResumeTextInput, output: ResumeDetail },
  'resumes.cancel': {
    input: z.object({ requestId: id }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'resumes.list': { input: none, output: z.array(ResumeVersion) },
  'resumes.get': { input: byId, output: ResumeDetail },
  'resumes.active': { input: none, output: ResumeDetail.nullable() },
  'resumes.activate': { input: byId, output: ResumeDetail },
  'resumes.rename': { input: ResumeRenameInput, output: ResumeVersion },
  'resumes.delete': { input: byId, output: z.object({ deleted: z.boolean() }) },
  'resumes.saveCorrections': { input: ResumeCorrectionsInput, output: ResumeDetail },
  'jobs.list': { input: none, output: z.array(Job) },
  'jobs.get': { input: byId, output: Job },
  'jobs.create': { input: JobInput, output: Job },
  'jobs.update': { input: z.object({ id, job: JobInput }).strict(), output: Job },
  'jobs.delete': { input: byId, output: z.object({ deleted: z.boolean() }) },
  'jobs.propose': {
    input: z
      .object({
        text: z
          .string()
          .trim()
          .min(1, { error: 'Paste the job posting first.' })
          .max(50_000, { error: 'That is more text than a job posting; paste at most 50,000 characters.' }),
        /** Ask the configured model too (slower); the builtin reading is the floor either way. */
        model: z.boolean().optional(),
      })
      .strict(),
    output: JobProposal,
  },
  'jobs.match': { input: z.object({ jobId: id, resumeId: id.optional() }).strict(), output: MatchReport },
  'ai.settings.get': { input: none, output: AiSettings },
  'ai.settings.save': { input: AiSettings, output: AiSettings },
  'ai.status': { input: none, output: AiStatus },
  'ai.check': { input: none, output: AiStatus },
  'ai.ollama.pull': {
    input: z
      .object({
        requestId: id,
        model: z
          .string()
          .trim()
          .regex(/^[a-z0-9][a-z0-9._:/-]{0,99}$/i, {
            error: 'Model names look like llama3.2 or qwen2.5:7b.',
          }),
      })
      .strict(),
    output: z.object({ pulled: z.string() }),
  },
  'ai.try': {
    input: z.object({ requestId: id }).strict(),
    output: z.object({
      provider: z.string(),
      model: z.string().nullable(),
      text: z.string(),
      notes: z.array(z.string()),
      ms: z.number(),
    }),
  },
  'ai.diagnostics.csv': { input: none, output: z.object({ csv: z.string() }) },
  'ai.models.list': {
    input: none,
    output: z.array(z.object({ id: z.string(), label: z.string(), task: z.string(), state: ModelState })),
  },
  'ai.models.download': {
    input: z.object({ requestId: id, id: z.string().min(1).max(200) }).strict(),
    output: z.object({ id: z.string(), state: ModelState }),
  },
  'ai.models.delete': {
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: z.object({ id: z.string(), state: ModelState }),
  },
  'ai.cloud.keyStatus': { input: none, output: KeyStatus },
  'ai.cloud.saveKey': {
    input: z
      .object({
        key: z
          .string()
          .trim()
          .min(8, { error: 'That key is too short; paste the whole key your provider gave you.' })
          .max(1024, { error: 'That key is too long to be an API key.' })
          .regex(/^\S+$/, { error: 'An API key has no spaces in it.' }),
      })
      .strict(),
    output: KeyStatus,
  },
  'ai.cloud.deleteKey': { input: none, output: KeyStatus },
  /** Stops a running model request (question writing, evaluation) by the id the renderer gave it. */
  'ai.cancel': { input: z.object({ requestId: id }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'questions.plan': {
    input: PlanInput,
    output: z.object({
      questions: z.array(PlannedQuestion),
      notice: PlanNotice.nullable(),
      /** The model that would write more questions ("llama3.2 (Ollama)"), or null when none is set up. */
      writer: z.string().nullable(),
    }),
  },
  'questions.generate': { input: GenerateMoreInput, output: GenerateMoreResult },
  'questions.private.list': {
    input: z.object({ tag: z.string().max(30).optional(), search: z.string().max(200).optional() }).strict(),
    output: z.array(PrivateQuestion),
  },
  'questions.private.save': {
    input: z.object({ id: id.optional(), question: PrivateQuestionInput }).strict(),
    output: PrivateQuestion,
  },
  'questions.private.delete': { input: byId, output: deleted },
  'questions.private.saveFromSession': {
    input: z.object({ sessionQuestionId: id, tags: PrivateQuestionInput.shape.tags.optional() }).strict(),
    output: PrivateQuestion,
  },
  'questions.private.import': {
    input: z
      .object({
        format: z.enum(EXCHANGE_FORMATS, { error: 'Choose CSV or JSON.' }),
        content: z
          .string()
          .max(2_000_000, { error: 'This file is too large to import; split it into files under 2 MB.' }),
      })
      .strict(),
    output: z.object({
      imported: z.number().int(),
      skipped: z.number().int(),
      errors: z.array(ImportRowError),
    }),
  },
  'questions.private.export': {
    input: z.object({ format: z.enum(EXCHANGE_FORMATS, { error: 'Choose CSV or JSON.' }) }).strict(),
    output: z.object({ fileName: z.string(), content: z.string(), count: z.number().int() }),
  },
  'companies.list': { input: none, output: z.array(CompanyProfile) },
  'companies.get': { input: companyId, output: CompanyProfile },
  'companies.extract': {
    input: z
      .object({
        valuesText: pastedText("the company's values or careers page").min(1, {
          error: "Paste the company's values or careers page first.",
        }),
        postingText: pastedText('a job posting').optional(),
      })
      .strict(),
    output: z.object({
      name: z.string(),
      summary: z.string(),
      values: z.array(CompanyValue),
      stages: z.array(InterviewStage),
      focusAreas: z.array(z.string()),
      notes: z.array(z.string()),
    }),
  },
  'companies.save': {
    input: z
      .object({ id: z.string().trim().min(1).max(80).optional(), profile: CompanyProfileInput })
      .strict(),
    output: CompanyProfile,
  },
  'companies.delete': { input: companyId, output: deleted },
  'companies.stories': {
    input: z.object({ id: z.string().trim().min(1).max(80), resumeId: id.optional() }).strict(),
    output: z.object({ stories: z.array(StorySuggestion), note: z.string().nullable() }),
  },
  'resumes.original': {
    input: byId,
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
  'guide.get': { input: none, output: Guide },
  'guide.dismiss': { input: none, output: Guide },
  /** The candidate opened a session's report: the checklist's last step. */
  'guide.reportSeen': { input: bySession, output: Guide },
  ...progressChannels,
  ...dataChannels,
  ...syncChannels,
  ...vaultChannels,
  ...updateChannels,
  // spoken answers: recording, transcription and delivery (src-shared/voice.ts)
  ...voiceChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** A session changed in any window or host; lists refresh from it. */
  'sessions.changed': z.object({ sessionId: id, status: z.string() }),
  /** Something the candidate should know that is not the answer to a request. */
  'app.notice': z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** How far reading a résumé has got, for the progress bar of the import with this requestId. */
  'resumes.progress': z.object({ requestId: z.string(), stage: z.string(), fraction: z.number() }),
  'resumes.changed': z.object({ id: z.string() }),
  'jobs.changed': z.object({ id: z.string() }),
  /** A model's review of an answer, after the builtin feedback: running, done (stored) or failed (with why). */
  'evaluations.progress': z.object({
    sessionQuestionId: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    provider: z.string(),
    note: z.string(),
  }),
  /** Progress of a model download. */
  'ai.progress': z.object({ requestId: z.string(), status: z.string(), fraction: z.number().nullable() }),
  /** A streamed piece of an AI answer; `at` is when the host sent it (for latency measurement). */
  'ai.token': z.object({ requestId: z.string(), chunk: z.string(), at: z.number() }),
  ...progressEvents,
  ...vaultEvents,
  ...updateEvents,
} as const satisfies Record<string, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What the renderer sees as `window.rehearse`, whichever host provides it. */
export interface RehearseApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { IPC_EVENT, ipcChannel } from './ipc';

export type { ErrorPayload, Result };
export { GENERAL_ROLE, ROLES };
