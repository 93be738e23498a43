/**
 * Every column the passphrase encrypts, in one place: the services seal and open these values, and turning the
 * passphrase on, off or changing it rewrites exactly these. A new column holding résumé text, a job posting,
 * an answer or feedback belongs here.
 */
export const SEALED_COLUMNS = {
  resumes: ['parsed', 'corrected'],
  jobs: ['description'],
  answers: ['text'],
  drafts: ['text'],
  evaluations: ['result'],
  // model answers: reviews of answers (feedback) and questions written from the résumé and posting
  ai_cache: ['value'],
  // spoken answers: what was said, word by word, and how (filler words quoted)
  recordings: ['transcript', 'words', 'delivery'],
} as const;

type Sealed = typeof SEALED_COLUMNS;
export type SealedColumn = { [T in keyof Sealed]: `${T}.${Sealed[T][number]}` }[keyof Sealed];

export const sealedColumnList = (): { table: string; column: string; name: SealedColumn }[] =>
  Object.entries(SEALED_COLUMNS).flatMap(([table, columns]) =>
    columns.map((column) => ({ table, column, name: `${table}.${column}` as SealedColumn })),
  );

/** The folder under the data dir whose files (résumé originals) are encrypted too. */
export const SEALED_FILES_DIR = 'resumes';

/** What a service needs to store a sealed column: the vault, or PLAIN where no passphrase can apply (tests). */
export interface Codec {
  seal(column: SealedColumn, text: string): string;
  open(column: SealedColumn, stored: string): string;
}

export const PLAIN: Codec = { seal: (_c, text) => text, open: (_c, stored) => stored };
