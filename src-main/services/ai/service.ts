import type { Kysely } from 'kysely';
import { AiSettings, DEFAULT_AI_SETTINGS, type AiStatus, type ProviderStatus } from '../../../src-shared/ai';
import type { Database } from '../../db/schema';
import type { Codec } from '../vault/columns';
import type { Logger } from '../../logging/logger';
import { AiCache } from './cache';
import { AiChain } from './chain';
import { cloudAccount, cloudTarget, CloudProvider } from './cloud';
import { osKeychain, type SecretStore } from './keychain';
import { OllamaProvider } from './ollama';
import { KNOWN_MODELS, modelState, type ModelSpec } from './models';
import { TransformersGenerator } from './generator';
import { TransformersEmbedder } from './transformers';
import { WhisperTranscriber, WHISPER_MISSING } from './whisper';
import type { TextProvider } from './types';
import {
  transcribeWithProviders,
  type SpeechProvider,
  type TranscribeOptions,
  type TranscriptionResult,
} from './transcribe';
import { toCsv } from '../../formats/csv';

const HEALTH_EVERY_MS = 60_000;
/** After start, long enough for the first screen to be up. */
const FIRST_CHECK_AFTER_MS = 1_000;
const HEALTH_TIMEOUT_MS = 5_000;

const pct = (sorted: number[], q: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export interface AiServiceDeps {
  db: Kysely<Database>;
  /** Where downloaded in-app models live (<data dir>/models). */
  modelsDir?: string;
  logger: Logger;
  now(): Date;
  /** The OS keychain by default. */
  secrets?: SecretStore;
  /** Seals cached model answers while a passphrase is set. */
  vault?: Codec;
}

type QuotaState = 'ok' | 'warning' | 'limited' | 'exhausted';

/** Warning at 80% of a daily quota, lower priority at 90%, left out at 100% until the day changes. */
export function quotaState(used: number): QuotaState {
  return used >= 1 ? 'exhausted' : used >= 0.9 ? 'limited' : used >= 0.8 ? 'warning' : 'ok';
}

/**
 * Owns the AI settings, the providers built from them, their health checks and the chain. Providers that are
 * not usable (Ollama in auto mode and not found, a provider whose quota is used up) are left out of the chain,
 * so the builtin coach answers at once instead of after a failed call.
 */
export class AiService {
  readonly chain: AiChain;
  readonly cache: AiCache;
  private settings: AiSettings = DEFAULT_AI_SETTINGS;
  private readonly ollama: OllamaProvider;
  private readonly cloud: CloudProvider;
  private readonly embedder: TransformersEmbedder | undefined;
  private readonly generator: TransformersGenerator | undefined;
  /** One per Whisper model offered, in KNOWN_MODELS order; the first downloaded one transcribes. */
  private readonly whispers: { spec: ModelSpec; provider: WhisperTranscriber }[];
  private readonly secrets: SecretStore;
  private cloudKeyStored = false;
  /** Today's usage per provider, kept in memory so ranking can read quotas synchronously. */
  private usage = { day: '', byProvider: new Map<string, { requests: number; characters: number }>() };
  private readonly models = new Map<string, string[]>();
  private readonly reasons = new Map<string, string | null>();
  private checkedAt: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private firstCheck: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: AiServiceDeps) {
    this.ollama = new OllamaProvider(() => ({
      host: this.settings.ollama.host,
      defaultModel: this.settings.ollama.defaultModel,
      models: {
        ...Object.fromEntries(Object.entries(this.settings.ollama.taskModels).filter(([, m]) => Boolean(m))),
        ...(this.settings.ollama.embedModel ? { embed: this.settings.ollama.embedModel } : {}),
      },
    }));
    this.cache = new AiCache(deps.db, deps.now, deps.vault);
    const embedModel = KNOWN_MODELS.find((m) => m.task === 'embed');
    this.embedder =
      deps.modelsDir && embedModel
        ? new TransformersEmbedder({ modelsDir: deps.modelsDir, modelId: embedModel.id })
        : undefined;
    const generateModel = KNOWN_MODELS.find((m) => m.task === 'generate');
    this.generator =
      deps.modelsDir && generateModel
        ? new TransformersGenerator({ modelsDir: deps.modelsDir, modelId: generateModel.id })
        : undefined;
    this.whispers = KNOWN_MODELS.filter((m) => m.task === 'transcribe' && deps.modelsDir).map((spec) => ({
      spec,
      provider: new WhisperTranscriber({ modelsDir: deps.modelsDir!, modelId: spec.id }),
    }));
    this.secrets = deps.secrets ?? osKeychain();
    this.cloud = new CloudProvider(() => this.settings.cloud, this.secrets);
    this.chain = new AiChain(() => this.activeProviders(), {
      timeoutMs: this.settings.timeoutSeconds * 1000,
      quota: (id) => this.remainingQuota(id),
      onUsage: (id, characters) => {
        this.countUsage(id, characters);
        const cost = id === 'cloud' ? this.settings.cloud.costPerMillionCharacters : 0;
        void this.recordUsage(id, characters, cost).catch((err: unknown) =>
          this.deps.logger.warn({ err }, 'could not record AI usage'),
        );
      },
    });
  }

  private today(): string {
    return this.deps.now().toISOString().slice(0, 10);
  }

  private todaysUsage() {
    if (this.usage.day !== this.today()) this.usage = { day: this.today(), byProvider: new Map() };
    return this.usage.byProvider;
  }

  private countUsage(id: string, characters: number) {
    const u = this.todaysUsage().get(id) ?? { requests: 0, characters: 0 };
    this.todaysUsage().set(id, { requests: u.requests + 1, characters: u.characters + characters });
  }

  /** Share of today's quota used: the larger of requests and characters against their limits. */
  quotaUsed(id: string): number {
    if (id !== 'cloud') return 0;
    const u = this.todaysUsage().get(id) ?? { requests: 0, characters: 0 };
    const q = this.settings.cloud;
    return Math.max(u.requests / q.requestsPerDay, u.characters / q.charactersPerDay);
  }

  private remainingQuota(id: string): number {
    const used = this.quotaUsed(id);
    const state = quotaState(used);
    return state === 'ok' || state === 'warning' ? 1 - used : 0;
  }

  async load(): Promise<void> {
    const usage = await this.deps.db
      .selectFrom('ai_usage')
      .selectAll()
      .where('day', '=', this.today())
      .execute();
    for (const u of usage)
      this.todaysUsage().set(u.provider, { requests: u.requests, characters: u.characters });
    const row = await this.deps.db
      .selectFrom('ai_settings')
      .select('settings')
      .where('id', '=', 1)
      .executeTakeFirst();
    if (row) {
      const stored = JSON.parse(row.settings) as Partial<AiSettings>;
      // Section by section, so settings saved before a field existed gain its default instead of failing.
      const parsed = AiSettings.safeParse({
        ...DEFAULT_AI_SETTINGS,
        ...stored,
        ollama: { ...DEFAULT_AI_SETTINGS.ollama, ...stored.ollama },
        cloud: { ...DEFAULT_AI_SETTINGS.cloud, ...stored.cloud },
      });
      if (parsed.success) this.settings = parsed.data;
      else
        this.deps.logger.warn(
          { issue: parsed.error.issues[0]?.message },
          'stored AI settings invalid; using defaults',
        );
    }
    // Only asked when a cloud provider is switched on: a locked keychain would otherwise prompt at every start.
    if (this.settings.cloud.enabled) await this.refreshKeyStatus();
  }

  getSettings(): AiSettings {
    return this.settings;
  }

  async saveSettings(settings: AiSettings): Promise<AiSettings> {
    const now = this.deps.now().toISOString();
    await this.deps.db
      .insertInto('ai_settings')
      .values({ id: 1, settings: JSON.stringify(settings), updated_at: now })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ settings: JSON.stringify(settings), updated_at: now }),
      )
      .execute();
    this.settings = settings;
    if (settings.cloud.enabled) await this.refreshKeyStatus();
    await this.checkHealth();
    return settings;
  }

  /** Every provider the candidate has set up, usable or not (for status and health checks). */
  configuredProviders(): TextProvider[] {
    return [
      ...(this.settings.ollama.mode === 'off' ? [] : [this.ollama]),
      ...(this.settings.cloud.enabled ? [this.cloud] : []),
      // The in-app language model joins once it is downloaded; slower than Ollama, it ranks below it when both work.
      ...(this.generator && this.modelReady('generate') ? [this.generator] : []),
    ];
  }

  private activeProviders(): TextProvider[] {
    return this.configuredProviders().filter((p) => {
      if (p.id === 'ollama' && this.settings.ollama.mode === 'auto')
        return this.chain.healthOf(p.id) === true;
      // No key yet, or today's quota used up: left out rather than failing every call.
      if (p.id === 'cloud') return this.cloudKeyStored && quotaState(this.quotaUsed('cloud')) !== 'exhausted';
      return true;
    });
  }

  /** Why a provider the candidate switched on is sitting out, in sentences for the notes of every answer. */
  exclusionNotes(): string[] {
    if (!this.settings.cloud.enabled) return [];
    const label = cloudTarget(this.settings.cloud).label;
    if (!this.cloudKeyStored) return [`No ${label} key is saved. Add one in Settings to use it.`];
    if (quotaState(this.quotaUsed('cloud')) === 'exhausted') {
      return [
        `Today's ${label} quota is used up, so it will answer again tomorrow. You can raise the quota in Settings.`,
      ];
    }
    return [];
  }

  async refreshKeyStatus(): Promise<{ stored: boolean; keychain: { ok: boolean; reason: string | null } }> {
    try {
      this.cloudKeyStored = (await this.secrets.get(cloudAccount(this.settings.cloud.preset))) !== null;
      return { stored: this.cloudKeyStored, keychain: { ok: true, reason: null } };
    } catch (err) {
      this.cloudKeyStored = false;
      return { stored: false, keychain: { ok: false, reason: (err as Error).message } };
    }
  }

  async saveCloudKey(key: string): Promise<void> {
    await this.secrets.set(cloudAccount(this.settings.cloud.preset), key);
    this.cloudKeyStored = true;
  }

  async deleteCloudKey(): Promise<boolean> {
    const deleted = await this.secrets.delete(cloudAccount(this.settings.cloud.preset));
    this.cloudKeyStored = false;
    return deleted;
  }

  ollamaProvider(): OllamaProvider {
    return this.ollama;
  }

  async checkHealth(): Promise<void> {
    await Promise.all(
      this.configuredProviders().map(async (p) => {
        const report = await p.health({
          timeoutMs: HEALTH_TIMEOUT_MS,
          signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
        });
        this.chain.recordHealth(p.id, report.ok, report.reason);
        this.models.set(p.id, report.models ?? []);
        this.reasons.set(p.id, report.ok ? null : (report.reason ?? null));
      }),
    );
    this.checkedAt = this.deps.now().toISOString();
  }

  start(): void {
    // The first check waits for the first screen: that screen does not need it, and Node's fetch loads a good
    // deal of code on first use, which would delay it.
    this.firstCheck = setTimeout(
      () =>
        void this.checkHealth().catch((err: unknown) =>
          this.deps.logger.warn({ err }, 'AI health check failed'),
        ),
      FIRST_CHECK_AFTER_MS,
    );
    this.firstCheck.unref();
    this.timer = setInterval(() => void this.checkHealth().catch(() => undefined), HEALTH_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.firstCheck);
    clearInterval(this.timer);
    void this.embedder?.close();
    void this.generator?.close();
    for (const w of this.whispers) void w.provider.close();
  }

  /**
   * The providers that are not in use, each with why and where to change that, so Diagnostics and
   * `rehearse doctor` list every way the coach could answer rather than only the ones already set up.
   */
  private notSetUp(listed: string[]): ProviderStatus[] {
    const entry = (id: string, label: string, reason: string) =>
      withoutFigures({ id, label, configured: false, health: 'unknown', reason, models: [] });
    const model = (task: ModelSpec['task']) => {
      const states = KNOWN_MODELS.filter((m) => m.task === task).map((spec) =>
        this.deps.modelsDir ? modelState(this.deps.modelsDir, spec) : 'missing',
      );
      if (states.includes('downloaded')) return 'downloaded, but this way of running Rehearse cannot load it';
      return states.includes('partial')
        ? 'download not finished — Settings → AI coach → Models inside Rehearse → Resume'
        : 'not downloaded — Settings → AI coach → Models inside Rehearse → Download';
    };
    return [
      ...(listed.includes('ollama')
        ? []
        : [entry('ollama', 'Ollama', 'switched off — Settings → AI coach → Ollama: Auto or Always')]),
      ...(listed.includes('transformers')
        ? []
        : [entry('transformers', 'In-app language model', model('generate'))]),
      ...(listed.includes('transformers-embed')
        ? []
        : [entry('transformers-embed', 'In-app embeddings', model('embed'))]),
      ...(listed.includes('whisper')
        ? []
        : [entry('whisper', 'In-app speech to text (Whisper)', model('transcribe'))]),
      ...(listed.includes('cloud')
        ? []
        : [entry('cloud', 'Cloud AI', 'no key set up — Settings → AI coach → Cloud AI (optional)')]),
    ];
  }

  private modelReady(task: 'embed' | 'generate'): boolean {
    const spec = KNOWN_MODELS.find((m) => m.task === task);
    return Boolean(this.deps.modelsDir && spec && modelState(this.deps.modelsDir, spec) === 'downloaded');
  }

  /**
   * Sentence embeddings for semantic scoring: the in-app model when it is downloaded, else Ollama's embedding
   * model when Ollama works, else null (the rubric scorer then matches words and phrases only).
   */
  async embed(
    texts: string[],
    options: { signal?: AbortSignal } = {},
  ): Promise<{ vectors: number[][]; provider: string } | null> {
    if (this.embedder && this.modelReady('embed')) {
      try {
        return { vectors: await this.embedder.embed(texts, options), provider: 'transformers' };
      } catch (err) {
        this.deps.logger.warn({ err }, 'in-app embedding failed');
      }
    }
    if (
      this.settings.ollama.mode !== 'off' &&
      this.chain.healthOf('ollama') === true &&
      this.settings.ollama.embedModel
    ) {
      try {
        return { vectors: await this.ollama.embed(texts, { signal: options.signal }), provider: 'ollama' };
      } catch (err) {
        this.deps.logger.warn({ err }, 'Ollama embedding failed');
      }
    }
    return null;
  }

  /**
   * Who can transcribe a recording, local first: the in-app Whisper model once downloaded, then the cloud
   * provider when it is switched on, has a key and quota left, and offers speech to text.
   */
  speechProviders(): SpeechProvider[] {
    const cloud = this.settings.cloud;
    const cloudReady =
      cloud.enabled &&
      this.cloudKeyStored &&
      quotaState(this.quotaUsed('cloud')) !== 'exhausted' &&
      this.cloud.transcriptionModel() !== null;
    const whisper = this.whisper();
    return [
      ...(whisper ? [whisper.provider] : []),
      ...(cloudReady
        ? [
            {
              id: 'cloud',
              label: cloudTarget(cloud).label,
              sendsAudio: true,
              transcribe: (wav: Buffer, options: TranscribeOptions) =>
                this.cloud.transcribe(wav, { signal: options.signal }),
            },
          ]
        : []),
    ];
  }

  /** The first Whisper model that is downloaded, the English one first. */
  private whisper() {
    const dir = this.deps.modelsDir;
    return dir ? this.whispers.find((w) => modelState(dir, w.spec) === 'downloaded') : undefined;
  }

  /** A recording (WAV) as text with word timings, or why it could not be (then it waits to be transcribed later). */
  async transcribe(
    wav: Buffer,
    options: TranscribeOptions = {},
  ): Promise<TranscriptionResult | { notes: string[] }> {
    const providers = this.speechProviders();
    const notes = [...this.exclusionNotes()];
    if (this.settings.cloud.enabled && this.cloud.transcriptionModel() === null)
      notes.push(`${cloudTarget(this.settings.cloud).label} does not transcribe speech.`);
    if (providers.length === 0)
      return {
        notes: [
          ...notes,
          'No speech-to-text is set up: download a Whisper model in Settings → AI coach → Models inside Rehearse, or switch on a cloud provider that transcribes (OpenAI, Groq or an OpenAI-compatible address).',
        ],
      };
    // Local first: say so when the recording goes to the cloud only because Whisper is not here.
    if (!this.whisper()) notes.unshift(WHISPER_MISSING);
    const result = await transcribeWithProviders(providers, wav, this.chain, options);
    if ('provider' in result && result.provider === 'cloud') {
      // a request against the daily quota; speech is priced by the minute, not by characters
      this.countUsage('cloud', result.text.length);
      void this.recordUsage('cloud', result.text.length, 0).catch((err: unknown) =>
        this.deps.logger.warn({ err }, 'could not record AI usage'),
      );
    }
    return { ...result, notes: [...notes, ...result.notes] };
  }

  async recordUsage(provider: string, characters: number, costPerMillion: number): Promise<void> {
    const day = this.deps.now().toISOString().slice(0, 10);
    const cost = Math.round((characters / 1_000_000) * costPerMillion * 1_000_000);
    await this.deps.db
      .insertInto('ai_usage')
      .values({ provider, day, requests: 1, characters, cost_micros: cost })
      .onConflict((oc) =>
        oc.columns(['provider', 'day']).doUpdateSet((eb) => ({
          requests: eb('ai_usage.requests', '+', 1),
          characters: eb('ai_usage.characters', '+', characters),
          cost_micros: eb('ai_usage.cost_micros', '+', cost),
        })),
      )
      .execute();
  }

  async status(): Promise<AiStatus> {
    const day = this.deps.now().toISOString().slice(0, 10);
    const usage = await this.deps.db.selectFrom('ai_usage').selectAll().where('day', '=', day).execute();
    const cache = await this.deps.db.selectFrom('ai_cache_stats').selectAll().execute();
    const providers: ProviderStatus[] = this.configuredProviders().map((p) => {
      // Asked per configured provider: one left out of the chain (auto mode, not found) still has a status.
      const s = this.chain.statsOf(p.id);
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const u = usage.find((x) => x.provider === p.id);
      return {
        id: p.id,
        label:
          p.id === 'ollama'
            ? `Ollama (${this.settings.ollama.host})`
            : p.id === 'cloud'
              ? `${cloudTarget(this.settings.cloud).label} (${p.model('generateQuestions')})`
              : `In-app language model (${p.model('generateQuestions')})`,
        configured: true,
        health: s.health === true ? 'ok' : s.health === false ? 'failing' : 'unknown',
        reason: this.reasons.get(p.id) ?? s.healthReason ?? null,
        breaker: s.breaker,
        latencyP50Ms: pct(sorted, 0.5),
        latencyP95Ms: pct(sorted, 0.95),
        calls: sorted.length,
        today: {
          requests: u?.requests ?? 0,
          characters: u?.characters ?? 0,
          costUsd: (u?.cost_micros ?? 0) / 1_000_000,
        },
        quota:
          p.id === 'cloud'
            ? {
                requestsPerDay: this.settings.cloud.requestsPerDay,
                charactersPerDay: this.settings.cloud.charactersPerDay,
                used: Math.round(this.quotaUsed('cloud') * 1000) / 1000,
                state: quotaState(this.quotaUsed('cloud')),
              }
            : null,
        models: this.models.get(p.id) ?? [],
      };
    });
    const rate = (kind: 'questions' | 'evaluation') => {
      const c = cache.find((x) => x.kind === kind);
      const hits = c?.hits ?? 0;
      const misses = c?.misses ?? 0;
      return { hits, misses, hitRate: hits + misses === 0 ? null : hits / (hits + misses) };
    };
    if (this.modelReady('embed')) {
      providers.push(
        withoutFigures({
          id: 'transformers-embed',
          label: 'In-app embeddings (MiniLM)',
          configured: true,
          health: 'ok',
          reason: null,
          models: [KNOWN_MODELS.find((m) => m.task === 'embed')!.id],
        }),
      );
    }
    const whisper = this.whisper();
    if (whisper) {
      providers.push(
        withoutFigures({
          id: 'whisper',
          label: `In-app speech to text (${whisper.spec.id})`,
          configured: true,
          // Loaded when a recording needs it; a failure then falls back to the cloud and says why in the notes.
          health: 'ok',
          reason: null,
          models: [whisper.spec.id],
        }),
      );
    }
    providers.push(...this.notSetUp(providers.map((p) => p.id)));
    return {
      providers,
      cache: { questions: rate('questions'), evaluation: rate('evaluation') },
      checkedAt: this.checkedAt,
    };
  }
}

/** A provider's status before it has any calls, usage or quota to show. */
function withoutFigures(
  p: Pick<ProviderStatus, 'id' | 'label' | 'configured' | 'health' | 'reason' | 'models'>,
): ProviderStatus {
  return {
    ...p,
    breaker: 'closed',
    latencyP50Ms: null,
    latencyP95Ms: null,
    calls: 0,
    today: { requests: 0, characters: 0, costUsd: 0 },
    quota: null,
  };
}

/** One line per provider plus the cache, for the Diagnostics screen's export. */
export function statusCsv(status: AiStatus): string {
  const rows = [
    [
      'provider',
      'health',
      'reason',
      'breaker',
      'latency_p50_ms',
      'latency_p95_ms',
      'calls',
      'requests_today',
      'characters_today',
      'cost_usd_today',
      'quota_used',
      'quota_state',
    ],
    ...status.providers
      .filter((p) => p.configured)
      .map((p) => [
        p.id,
        p.health,
        p.reason,
        p.breaker,
        p.latencyP50Ms,
        p.latencyP95Ms,
        p.calls,
        p.today.requests,
        p.today.characters,
        p.today.costUsd.toFixed(4),
        p.quota ? p.quota.used : '',
        p.quota ? p.quota.state : '',
      ]),
    ['builtin', 'ok', '', 'closed', '', '', '', '', '', '', '', ''],
    // Providers not in use say why, with no figures: they have none.
    ...status.providers
      .filter((p) => !p.configured)
      .map((p) => [p.id, 'not_set_up', p.reason, '', '', '', '', '', '', '', '', '']),
    [],
    ['cache', 'hits', 'misses', 'hit_rate'],
    [
      'questions',
      status.cache.questions.hits,
      status.cache.questions.misses,
      status.cache.questions.hitRate ?? '',
    ],
    [
      'evaluation',
      status.cache.evaluation.hits,
      status.cache.evaluation.misses,
      status.cache.evaluation.hitRate ?? '',
    ],
  ];
  return toCsv(rows);
}
