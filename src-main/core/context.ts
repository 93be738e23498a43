import type { Kysely } from 'kysely';
import type { EventName, EventPayload } from '../../src-shared/contract';
import type { Database } from '../db/schema';
import type { Logger } from '../logging/logger';
import type { QuestionBank } from '../services/questions/bank';

export type HostKind = 'electron' | 'browser' | 'cli';

/** What every service gets: nothing global, so tests build one over a temporary data dir. */
export interface ServiceContext {
  db: Kysely<Database>;
  logger: Logger;
  bank: QuestionBank;
  dataDir: string;
  host: HostKind;
  version: string;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
