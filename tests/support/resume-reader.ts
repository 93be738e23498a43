/**
 * The résumé reader as the layout-family tests call it: the shipped taxonomy, loaded once on first use, and a fixed
 * "today", so a role that runs to the present always ends in the same month.
 */
import { join } from 'node:path';
import type { ParsedResume } from '../../src-shared/resume';
import { appPaths } from '../../src-main/paths';
import { extractTextDocument, parseDocument, parseResumeFile } from '../../src-main/services/resume/parse';
import { loadTaxonomy, type Taxonomy } from '../../src-main/services/resume/skills';

export const REFERENCE = { year: 2026, month: 11 };

let loaded: Taxonomy | undefined;
export const shippedTaxonomy = (): Taxonomy =>
  (loaded ??= loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json')));

/** A plain-text résumé, read as pasted text is. */
export const parseText = (text: string): ParsedResume =>
  parseDocument(extractTextDocument(text), { taxonomy: shippedTaxonomy(), reference: REFERENCE });

/** A made-up text résumé: a name and an address, then the given lines. */
export const parseBody = (...body: string[]): ParsedResume =>
  parseText(['Jane Roe', 'jane@example.org', '', ...body].join('\n'));

/** A PDF or DOCX file's bytes, read as an imported file is. */
export const parseFile = (bytes: Uint8Array): Promise<ParsedResume> =>
  parseResumeFile(new Uint8Array(bytes), { taxonomy: shippedTaxonomy(), reference: REFERENCE });
