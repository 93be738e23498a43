import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import type { Runtime } from '../../core/runtime';

const resumeText = (n: number) =>
  `Person Number${n}\nperson${n}@example.com\n\nEXPERIENCE\nEngineer, Acme Inc ⇥ Jan 2020 – Dec 2020\n\nSKILLS\nPython, SQL\n`;
const files = (r: Runtime) =>
  existsSync(join(r.ctx.dataDir, 'resumes')) ? readdirSync(join(r.ctx.dataDir, 'resumes')).sort() : [];

describe('résumé versions', () => {
  it('keeps the original, makes the newest active and keeps only the last five', async () => {
    let t = Date.parse('2026-05-01T00:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((t += 60_000)) });
    const ids: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const v = await ok(runtime, 'resumes.importText', {
        requestId: randomUUID(),
        text: resumeText(i),
        label: `v${i}`,
      });
      ids.push(v.id);
    }
    const list = await ok(runtime, 'resumes.list', {});
    expect(list.map((v) => v.label)).toEqual(['v7', 'v6', 'v5', 'v4', 'v3']);
    expect(list.filter((v) => v.isActive).map((v) => v.label)).toEqual(['v7']);
    expect(files(runtime)).toEqual(
      ids
        .slice(2)
        .map((id) => `${id}.txt`)
        .sort(),
    );
    const original = await ok(runtime, 'resumes.original', { id: ids[6]! });
    expect(Buffer.from(original.dataBase64, 'base64').toString()).toBe(resumeText(7));
    expect(original).toMatchObject({ fileName: 'Pasted text', mime: 'text/plain; charset=utf-8' });
  });

  it('switches, renames and deletes versions; deleting the active one activates the newest left', async () => {
    let t = Date.parse('2026-05-01T00:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((t += 60_000)) });
    const a = await ok(runtime, 'resumes.importText', {
      requestId: randomUUID(),
      text: resumeText(1),
      label: 'A',
    });
    const b = await ok(runtime, 'resumes.importText', {
      requestId: randomUUID(),
      text: resumeText(2),
      label: 'B',
    });
    await ok(runtime, 'resumes.activate', { id: a.id });
    expect((await ok(runtime, 'resumes.active', {}))?.id).toBe(a.id);
    expect(await ok(runtime, 'resumes.rename', { id: a.id, label: 'Main CV' })).toMatchObject({
      label: 'Main CV',
    });
    expect(await runtime.invoke('resumes.rename', { id: a.id, label: '  ' })).toMatchObject({
      error: { code: 'VALIDATION_ERROR', message: 'Name is required.', details: { field: 'label' } },
    });
    await ok(runtime, 'resumes.delete', { id: a.id });
    expect((await ok(runtime, 'resumes.active', {}))?.id).toBe(b.id);
    expect(files(runtime)).toEqual([`${b.id}.txt`]);
    expect(await runtime.invoke('resumes.get', { id: a.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That résumé version no longer exists.' },
    });
  });

  it('uses the corrections from then on, with months, total and seniority recomputed from the dates', async () => {
    const runtime = await testRuntime();
    const v = await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: resumeText(1) });
    const edited = {
      ...v.effective,
      contact: { ...v.effective.contact, location: 'Leeds, UK' },
      experience: [
        {
          title: 'Engineer',
          company: 'Acme Inc',
          location: null,
          start: '2010-01',
          end: '2019-12',
          current: false,
          months: 1,
          bullets: [' Built things ', ''],
        },
      ],
      totalExperienceMonths: 3,
      seniority: 'Entry' as const,
    };
    const saved = await ok(runtime, 'resumes.saveCorrections', { id: v.id, resume: edited });
    expect(saved.corrected).toBe(true);
    expect(saved.parsed.contact.location).toBeNull();
    expect(saved.effective).toMatchObject({
      contact: { location: 'Leeds, UK' },
      experience: [{ months: 120, bullets: ['Built things'] }],
      totalExperienceMonths: 120,
      seniority: 'Staff',
    });
    expect((await ok(runtime, 'resumes.active', {}))?.effective.contact.location).toBe('Leeds, UK');
  });

  it('refuses a corrected date that is not a date, and writes nothing', async () => {
    const runtime = await testRuntime();
    const v = await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: resumeText(1) });
    const bad = { ...v.effective, experience: [{ ...v.effective.experience[0]!, start: 'last spring' }] };
    expect(await runtime.invoke('resumes.saveCorrections', { id: v.id, resume: bad })).toMatchObject({
      error: {
        code: 'VALIDATION_ERROR',
        details: { field: 'resume.experience.0.start', reason: 'must be YYYY or YYYY-MM' },
      },
    });
    expect((await ok(runtime, 'resumes.get', { id: v.id })).corrected).toBe(false);
  });

  it('refuses pasted text that is empty with its own message', async () => {
    const runtime = await testRuntime();
    expect(
      await runtime.invoke('resumes.importText', { requestId: randomUUID(), text: ' \n ' }),
    ).toMatchObject({
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Paste your résumé text first.',
        details: { field: 'text' },
      },
    });
    expect(files(runtime)).toEqual([]);
  });
});
