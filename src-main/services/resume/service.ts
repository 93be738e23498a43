import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import {
  MAX_RESUME_VERSIONS,
  ParsedResume,
  type ResumeDetail,
  type ResumeVersion,
} from '../../../src-shared/resume';
import type { ServiceContext } from '../../core/context';
import type { ResumesTable } from '../../db/schema';
import { monthsOf, totalMonths, type YearMonth } from './dates';
import { detectKind, type FileKind } from './detect';
import { seniorityOf } from './experience';
import { normaliseSkill } from './skills';

const EXTENSION: Record<FileKind, string> = { pdf: 'pdf', docx: 'docx', text: 'txt' };
const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
};

const resumesDir = (ctx: ServiceContext) => join(ctx.dataDir, 'resumes');

function versionOf(row: ResumesTable): ResumeVersion {
  return {
    id: row.id,
    label: row.label,
    originalName: row.original_name,
    kind: row.kind as FileKind,
    sizeBytes: row.size_bytes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    isActive: row.is_active === 1,
    corrected: row.corrected !== null,
  };
}

function detailOf(ctx: ServiceContext, row: ResumesTable): ResumeDetail {
  const parsed = withKnown(ctx, ParsedResume.parse(JSON.parse(ctx.vault.open('resumes.parsed', row.parsed))));
  const corrected = ctx.vault.openNullable('resumes.corrected', row.corrected);
  const effective = corrected ? withKnown(ctx, ParsedResume.parse(JSON.parse(corrected))) : parsed;
  return { ...versionOf(row), parsed, effective };
}

/** Marks each skill the taxonomy knows, so the review can say which are kept as the candidate wrote them. */
function withKnown(ctx: ServiceContext, resume: ParsedResume): ParsedResume {
  const { index } = ctx.taxonomy();
  return {
    ...resume,
    skills: resume.skills.map((s) => ({ ...s, known: index.has(normaliseSkill(s.name)) })),
  };
}

async function row(ctx: ServiceContext, id: string): Promise<ResumesTable> {
  const found = await ctx.db.selectFrom('resumes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'That résumé version no longer exists.');
  return found;
}

export const getResume = async (ctx: ServiceContext, id: string): Promise<ResumeDetail> =>
  detailOf(ctx, await row(ctx, id));

export async function activeResume(ctx: ServiceContext): Promise<ResumeDetail | null> {
  const active = await ctx.db.selectFrom('resumes').selectAll().where('is_active', '=', 1).executeTakeFirst();
  return active ? detailOf(ctx, active) : null;
}

const running = new Map<string, AbortController>();

/**
 * Parses first (in the worker, with progress), then stores: the original under a generated name, the parse in
 * the database, in that order and undone together if either fails. Failing checks store nothing.
 */
async function importResume(
  ctx: ServiceContext,
  input: { requestId: string; bytes: Uint8Array; originalName: string; label?: string },
): Promise<ResumeDetail> {
  const kind = detectKind(input.bytes);
  const controller = new AbortController();
  running.set(input.requestId, controller);
  let parsed: ParsedResume;
  try {
    parsed = await ctx.resumeParser.parse({
      bytes: input.bytes,
      signal: controller.signal,
      onProgress: (stage, fraction) =>
        ctx.emit('resumes.progress', { requestId: input.requestId, stage, fraction }),
    });
  } finally {
    running.delete(input.requestId);
  }

  const id = ctx.newId();
  const fileName = `${id}.${EXTENSION[kind]}`;
  const dir = resumesDir(ctx);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, fileName);
  // Written beside its final name and renamed, so a crash never leaves half a file under a real name.
  writeFileSync(`${target}.partial`, ctx.vault.sealFile(input.bytes));
  renameSync(`${target}.partial`, target);
  const now = ctx.now().toISOString();
  let removed: string[];
  try {
    removed = await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('resumes').set({ is_active: 0 }).where('is_active', '=', 1).execute();
      await trx
        .insertInto('resumes')
        .values({
          id,
          label: input.label ?? input.originalName.replace(/\.[^.]+$/, ''),
          original_name: input.originalName,
          kind,
          size_bytes: input.bytes.length,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          file_name: fileName,
          parsed: ctx.vault.seal('resumes.parsed', JSON.stringify(parsed)),
          corrected: null,
          is_active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const old = await trx
        .selectFrom('resumes')
        .select(['id', 'file_name'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(MAX_RESUME_VERSIONS)
        .limit(1000)
        .execute();
      if (old.length > 0)
        await trx
          .deleteFrom('resumes')
          .where(
            'id',
            'in',
            old.map((o) => o.id),
          )
          .execute();
      return old.map((o) => o.file_name);
    });
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  for (const file of removed) rmSync(join(dir, file), { force: true });
  ctx.logger.info(
    { resumeId: id, kind, bytes: input.bytes.length, skills: parsed.skills.length },
    'résumé imported',
  );
  ctx.emit('resumes.changed', { id });
  return detailOf(ctx, await row(ctx, id));
}

type ResumeChannels =
  | 'resumes.import'
  | 'resumes.importText'
  | 'resumes.cancel'
  | 'resumes.list'
  | 'resumes.get'
  | 'resumes.active'
  | 'resumes.activate'
  | 'resumes.rename'
  | 'resumes.delete'
  | 'resumes.saveCorrections'
  | 'resumes.original';

export const resumeHandlers = (ctx: ServiceContext): Pick<Handlers, ResumeChannels> => ({
  'resumes.import': (input) =>
    importResume(ctx, {
      requestId: input.requestId,
      bytes: new Uint8Array(Buffer.from(input.dataBase64, 'base64')),
      originalName: input.fileName,
      label: input.label,
    }),
  'resumes.importText': (input) =>
    importResume(ctx, {
      requestId: input.requestId,
      bytes: new Uint8Array(Buffer.from(input.text, 'utf8')),
      originalName: 'Pasted text',
      label: input.label ?? 'Pasted résumé',
    }),
  'resumes.cancel': ({ requestId }) => {
    const controller = running.get(requestId);
    controller?.abort();
    return { cancelled: Boolean(controller) };
  },
  'resumes.list': async () =>
    (
      await ctx.db
        .selectFrom('resumes')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    ).map(versionOf),
  'resumes.get': ({ id }) => getResume(ctx, id),
  'resumes.active': () => activeResume(ctx),
  'resumes.activate': async ({ id }) => {
    await row(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('resumes').set({ is_active: 0 }).where('is_active', '=', 1).execute();
      await trx.updateTable('resumes').set({ is_active: 1 }).where('id', '=', id).execute();
    });
    ctx.emit('resumes.changed', { id });
    return detailOf(ctx, await row(ctx, id));
  },
  'resumes.rename': async ({ id, label }) => {
    await row(ctx, id);
    await ctx.db
      .updateTable('resumes')
      .set({ label, updated_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .execute();
    ctx.emit('resumes.changed', { id });
    return versionOf(await row(ctx, id));
  },
  'resumes.delete': async ({ id }) => {
    const existing = await row(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('resumes').where('id', '=', id).execute();
      // Deleting the active version makes the newest remaining one active, so the app always has one if any exist.
      if (existing.is_active === 1) {
        const next = await trx
          .selectFrom('resumes')
          .select('id')
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (next) await trx.updateTable('resumes').set({ is_active: 1 }).where('id', '=', next.id).execute();
      }
    });
    rmSync(join(resumesDir(ctx), existing.file_name), { force: true });
    ctx.emit('resumes.changed', { id });
    return { deleted: true };
  },
  'resumes.saveCorrections': async ({ id, resume: edited }) => {
    await row(ctx, id);
    const resume = recompute(edited);
    await ctx.db
      .updateTable('resumes')
      .set({
        corrected: ctx.vault.seal('resumes.corrected', JSON.stringify(resume)),
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    ctx.emit('resumes.changed', { id });
    return detailOf(ctx, await row(ctx, id));
  },
  'resumes.original': async ({ id }) => {
    const found = await row(ctx, id);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(resumesDir(ctx), found.file_name));
    } catch {
      throw new AppError('NOT_FOUND', 'The original file of this version is missing from the data folder.');
    }
    bytes = ctx.vault.openFile(bytes);
    return {
      fileName: found.original_name,
      mime: MIME[found.kind as FileKind],
      dataBase64: bytes.toString('base64'),
    };
  },
});

const point = (s: string): YearMonth => ({
  year: Number(s.slice(0, 4)),
  month: s.length > 4 ? Number(s.slice(5, 7)) : null,
});

/** Months, total experience and seniority follow the corrected dates, so they can never disagree with them. */
function recompute(resume: ParsedResume): ParsedResume {
  const d = new Date();
  const reference = { year: d.getFullYear(), month: d.getMonth() + 1 };
  const ranges: { start: YearMonth; end: YearMonth | null }[] = [];
  const experience = resume.experience.map((e) => {
    if (!e.start) return { ...e, months: null, bullets: e.bullets.map((b) => b.trim()).filter(Boolean) };
    const range = { start: point(e.start), end: e.current || !e.end ? null : point(e.end) };
    if (!e.current && !e.end) return { ...e, months: null };
    ranges.push(range);
    return {
      ...e,
      months: monthsOf(range, reference),
      bullets: e.bullets.map((b) => b.trim()).filter(Boolean),
    };
  });
  const total = totalMonths(ranges, reference);
  return { ...resume, experience, totalExperienceMonths: total, seniority: seniorityOf(total) };
}
