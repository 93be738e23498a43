import type { Kysely } from 'kysely';
import type { CompanyProfile } from '../../src-shared/companies';
import type { EventName, EventPayload } from '../../src-shared/contract';
import type { Database } from '../db/schema';
import type { Logger } from '../logging/logger';
import type { AppPaths } from '../paths';
import type { AiService } from '../services/ai/service';
import type { QuestionBank } from '../services/questions/bank';
import type { ResumeParser } from '../services/resume/runner';
import type { Taxonomy } from '../services/resume/skills';
import type { UpdateService } from '../services/updates/service';
import type { Vault } from '../services/vault/vault';

export type HostKind = 'electron' | 'browser' | 'cli';

/** What every service gets: nothing global, so tests build one over a temporary data dir. */
export interface ServiceContext {
  db: Kysely<Database>;
  logger: Logger;
  bank: QuestionBank;
  /** The profiles shipped in resources/companies; the candidate's own are in the database. */
  companies: readonly CompanyProfile[];
  paths: AppPaths;
  resumeParser: ResumeParser;
  ai: AiService;
  /** Seals and opens the private columns and files (a pass-through while no passphrase is set). */
  vault: Vault;
  /** The desktop app's updates (unavailable in the other hosts). */
  updates: UpdateService;
  /** The skills taxonomy, loaded on first use (job matching in the main thread). */
  taxonomy(): Taxonomy;
  dataDir: string;
  host: HostKind;
  version: string;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
