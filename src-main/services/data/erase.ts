/**
 * "Delete everything": what goes is listed first, in words, from the data itself (table-driven, so a new table
 * is named too); then the sync server's copy (through the sync hook), the keychain entries, the database, the
 * résumé files and, if the candidate ticks it, the backups.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLOUD_PRESET_IDS, CLOUD_PRESETS } from '../../../src-shared/ai';
import type { Sqlite } from '../../db/connection';
import { DB_FILE_NAME } from '../../db/connection';
import { cloudAccount } from '../ai/cloud';
import type { SecretStore } from '../ai/keychain';
import { AUDIO_DIR } from '../voice/audio-file';
import { BACKUPS_DIR } from './backup';
import { SYNC_KEYCHAIN_ACCOUNTS } from './sync-hook';
import { candidateTables, quoteId } from './tables';

const NAMES: Record<string, [string, string]> = {
  profile: ['your profile', 'your profile'],
  sessions: ['practice session', 'practice sessions'],
  session_questions: ['question asked', 'questions asked'],
  answers: ['answer', 'answers'],
  drafts: ['unsent draft', 'unsent drafts'],
  evaluations: ['piece of feedback', 'pieces of feedback'],
  resumes: ['résumé version', 'résumé versions'],
  jobs: ['job posting', 'job postings'],
  private_questions: ['question of your own', 'questions of your own'],
  companies: ['company profile', 'company profiles'],
  ai_settings: ['your AI settings', 'your AI settings'],
  ai_usage: ['day of AI usage counts', 'days of AI usage counts'],
  achievements: ['achievement', 'achievements'],
  study_plans: ['study plan', 'study plans'],
  progress_settings: ['your reminder settings', 'your reminder settings'],
  guide: ['your first-steps checklist', 'your first-steps checklist'],
  recordings: ['spoken answer', 'spoken answers'],
  voice_settings: ['your voice settings', 'your voice settings'],
};

export function describeRows(table: string, n: number): string {
  const names = NAMES[table];
  if (names && names[0] === names[1]) return names[0];
  if (names) return `${n.toLocaleString('en')} ${n === 1 ? names[0] : names[1]}`;
  return `${n.toLocaleString('en')} ${n === 1 ? 'row' : 'rows'} of ${table.replace(/_/g, ' ')}`;
}

/** Non-empty candidate tables, in words. */
export function describeData(db: Sqlite): string[] {
  return candidateTables(db)
    .map((t) => ({
      name: t.name,
      rows: (db.prepare(`SELECT COUNT(*) AS n FROM ${quoteId(t.name)}`).get() as { n: number }).n,
    }))
    .filter((t) => t.rows > 0)
    .sort((a, b) => order(a.name) - order(b.name))
    .map((t) => describeRows(t.name, t.rows));
}

const order = (table: string) => {
  const i = Object.keys(NAMES).indexOf(table);
  return i < 0 ? 100 : i;
};

export function resumeFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'resumes');
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.partial')) : [];
}

export interface StoredKey {
  account: string;
  label: string;
}

/** Every keychain entry Rehearse makes: a cloud key per provider, and sync's device secret. */
function accounts(): StoredKey[] {
  return [
    ...CLOUD_PRESET_IDS.map((preset) => ({
      account: cloudAccount(preset),
      label: `Your ${CLOUD_PRESETS[preset].label} key`,
    })),
    ...SYNC_KEYCHAIN_ACCOUNTS,
  ];
}

/** The keys saved in the keychain, or the reason they could not be checked. */
export async function storedKeys(
  secrets: SecretStore,
): Promise<{ keys: StoredKey[]; problem: string | null }> {
  const keys: StoredKey[] = [];
  try {
    for (const key of accounts()) if ((await secrets.get(key.account)) !== null) keys.push(key);
    return { keys, problem: null };
  } catch (err) {
    return { keys, problem: (err as Error).message };
  }
}

/** Removes every key; what could not be removed comes back as sentences. */
export async function deleteKeys(secrets: SecretStore): Promise<{ removed: string[]; problems: string[] }> {
  const removed: string[] = [];
  const problems: string[] = [];
  for (const key of accounts()) {
    try {
      if (await secrets.delete(key.account)) removed.push(`${key.label} in the system keychain`);
    } catch (err) {
      problems.push((err as Error).message);
      break;
    }
  }
  return { removed, problems };
}

/**
 * Deletes the database files, the résumé originals, recorded answers, staged exports and uploads and, when asked, the backups. Run
 * with the database closed.
 */
export function deleteLocalData(dataDir: string, includeBackups: boolean): void {
  const db = join(dataDir, DB_FILE_NAME);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${db}${suffix}`, { force: true });
  rmSync(join(dataDir, 'resumes'), { recursive: true, force: true });
  rmSync(join(dataDir, AUDIO_DIR), { recursive: true, force: true });
  rmSync(join(dataDir, 'transfers'), { recursive: true, force: true });
  if (includeBackups) rmSync(join(dataDir, BACKUPS_DIR), { recursive: true, force: true });
}
