/** Mirrors migrations/; kysely checks every query against it. */
import type { Generated } from 'kysely';

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface ProfileTable {
  id: Generated<number>;
  name: string;
  target_role: string;
  experience_level: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  role: string;
  difficulty: string;
  mode: string;
  status: string;
  question_count: number;
  current_position: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  job_id: string | null;
  company_id: string | null;
  categories: Generated<string>;
  attempt: Generated<number>;
  retake_of: string | null;
  first_attempt_id: string | null;
  paused_at: string | null;
}

export interface SessionQuestionsTable {
  id: string;
  session_id: string;
  position: number;
  question_id: string;
  text: string;
  category: string;
  difficulty: string;
  time_limit_sec: number;
  expected_points: string;
  first_shown_at: string | null;
  elapsed_ms: number;
  source: Generated<string>;
  reason: Generated<string>;
  skills: Generated<string>;
  parent_id: string | null;
}

export interface AnswersTable {
  id: string;
  session_question_id: string;
  text: string;
  skipped: number;
  time_taken_ms: number;
  overtime: number;
  submitted_at: string;
}

export interface DraftsTable {
  session_question_id: string;
  text: string;
  elapsed_ms: number;
  updated_at: string;
}

export interface ResumesTable {
  id: string;
  label: string;
  original_name: string;
  kind: string;
  size_bytes: number;
  sha256: string;
  file_name: string;
  parsed: string;
  corrected: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  title: string;
  company: string | null;
  description: string;
  experience_level: string | null;
  tech_stack: string;
  required_skills: string;
  nice_skills: string;
  created_at: string;
  updated_at: string;
}

export interface AiSettingsTable {
  id: number;
  settings: string;
  updated_at: string;
}

export interface AiUsageTable {
  provider: string;
  day: string;
  requests: number;
  characters: number;
  cost_micros: number;
}

export interface AiCacheTable {
  kind: string;
  key: string;
  value: string;
  provider: string;
  model: string | null;
  created_at: string;
  expires_at: string;
}

export interface AiCacheStatsTable {
  kind: string;
  hits: number;
  misses: number;
}

export interface PrivateQuestionsTable {
  id: string;
  text: string;
  category: string;
  difficulty: string;
  expected_points: string;
  time_limit_sec: number;
  skills: string;
  tags: string;
  role: string | null;
  origin: string;
  /** The model that wrote a generated question, as the candidate knows it; null otherwise. */
  written_by: string | null;
  text_key: string;
  created_at: string;
  updated_at: string;
}

export interface CompaniesTable {
  id: string;
  name: string;
  profile: string;
  created_at: string;
  updated_at: string;
}

export interface EvaluationsTable {
  answer_id: string;
  provider: string;
  model: string | null;
  overall: number;
  content_quality: number;
  clarity: number;
  confidence: number;
  technical_accuracy: number;
  result: string;
  flags: Generated<string>;
  created_at: string;
}

export interface AchievementsTable {
  id: string;
  earned_at: string;
  session_id: string | null;
  detail: Generated<string>;
  announced_at: string | null;
}

export interface ProgressSettingsTable {
  id: number;
  reminders_enabled: Generated<number>;
  last_reminder_date: string | null;
  updated_at: string;
}

/** The first-steps checklist: hidden, and the first report seen (migration 0013). */
export interface GuideTable {
  id: number;
  dismissed_at: string | null;
  report_seen_at: string | null;
}

/** One row per session: completion day and score totals, kept up to date by triggers (migration 0008). */
export interface ProgressSessionsTable {
  session_id: string;
  role: string | null;
  completed_at: string | null;
  local_date: string | null;
  time_zone: string | null;
  answers: Generated<number>;
  scored: Generated<number>;
  overall_sum: Generated<number>;
  best: number | null;
  time_ms: Generated<number>;
  content_quality_sum: Generated<number>;
  clarity_sum: Generated<number>;
  confidence_sum: Generated<number>;
  technical_accuracy_sum: Generated<number>;
  technical_n: Generated<number>;
  technical_sum: Generated<number>;
  behavioral_n: Generated<number>;
  behavioral_sum: Generated<number>;
  situational_n: Generated<number>;
  situational_sum: Generated<number>;
  domain_specific_n: Generated<number>;
  domain_specific_sum: Generated<number>;
  system_design_n: Generated<number>;
  system_design_sum: Generated<number>;
  coding_n: Generated<number>;
  coding_sum: Generated<number>;
}

export interface StudyPlansTable {
  id: string;
  status: string;
  plan: string;
  created_at: string;
  updated_at: string;
}

export interface VaultTable {
  id: number;
  kdf: string;
  check_value: string;
  created_at: string;
  updated_at: string;
}

export interface VaultAttemptsTable {
  at: string;
}

export interface SyncSettingsTable {
  id: number;
  enabled: Generated<number>;
  server_url: string;
  public: Generated<number>;
  device_id: string | null;
  alias: string | null;
  pending_erase: Generated<number>;
  erase_device_id: string | null;
  erase_url: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_contact_at: string | null;
  last_push_at: string | null;
  last_error: string | null;
  updated_at: string;
  public_pending: Generated<number>;
}

export interface SyncOutboxTable {
  session_id: string;
  queued_at: string;
}

export interface SyncCacheTable {
  key: string;
  body: string;
  fetched_at: string;
}

export interface RecordingsTable {
  id: string;
  session_question_id: string;
  status: 'recording' | 'saved' | 'transcribed';
  file_name: string | null;
  duration_ms: Generated<number>;
  transcript: string | null;
  words: string | null;
  delivery: string | null;
  transcriber: string | null;
  started_at: string;
  updated_at: string;
}

export interface VoiceSettingsTable {
  id: number;
  keep_audio: Generated<number>;
  read_aloud: Generated<'off' | 'mock' | 'always'>;
  voice_name: Generated<string>;
  speech_rate: Generated<number>;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  profile: ProfileTable;
  sessions: SessionsTable;
  session_questions: SessionQuestionsTable;
  answers: AnswersTable;
  drafts: DraftsTable;
  resumes: ResumesTable;
  jobs: JobsTable;
  ai_settings: AiSettingsTable;
  ai_usage: AiUsageTable;
  ai_cache: AiCacheTable;
  ai_cache_stats: AiCacheStatsTable;
  private_questions: PrivateQuestionsTable;
  companies: CompaniesTable;
  evaluations: EvaluationsTable;
  achievements: AchievementsTable;
  progress_settings: ProgressSettingsTable;
  guide: GuideTable;
  study_plans: StudyPlansTable;
  progress_sessions: ProgressSessionsTable;
  sync_settings: SyncSettingsTable;
  vault: VaultTable;
  vault_attempts: VaultAttemptsTable;
  sync_outbox: SyncOutboxTable;
  sync_cache: SyncCacheTable;
  recordings: RecordingsTable;
  voice_settings: VoiceSettingsTable;
}
