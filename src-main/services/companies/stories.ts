/**
 * Suggests 3–5 résumé entries worth preparing as STAR stories for a company: bullets that describe something
 * the candidate did (an action verb), ideally with a result (a number), matched to the values they show.
 */
import type { CompanyProfile } from '../../../src-shared/companies';
import type { StorySuggestion } from '../../../src-shared/questions';
import type { ParsedResume } from '../../../src-shared/resume';
import { canonical } from '../evaluation/terms';
import { METRIC } from '../questions/templates';

const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or our the to we with you your who what that this they their them not'.split(
    ' ',
  ),
);
const ACTION =
  /^(led|built|launched|designed|created|reduced|increased|improved|cut|grew|drove|delivered|owned|migrated|automated|shipped|negotiated|managed|mentored|rebuilt|introduced|resolved|scaled|developed|implemented|established|optimi[sz]ed|streamlined|saved|won|coordinated|redesigned|wrote|ran|organi[sz]ed|trained|spearheaded|initiated|founded)\b/i;

/** Words as the feedback coverage compares them (spelling-normalised, stemmed): "customers" meets "customer". */
const words = (text: string) =>
  new Set(
    (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map(canonical),
  );

export function suggestStories(resume: ParsedResume, company: CompanyProfile): StorySuggestion[] {
  const valueWords = company.values.map((v) => ({
    name: v.name,
    words: words(`${v.name} ${v.description}`),
  }));
  const candidates = resume.experience.flatMap((e) =>
    e.bullets.map((bullet) => {
      const bulletWords = words(bullet);
      const values = valueWords
        .map((v) => ({ name: v.name, hits: [...v.words].filter((w) => bulletWords.has(w)).length }))
        .filter((v) => v.hits > 0)
        .sort((a, b) => b.hits - a.hits)
        .slice(0, 2);
      // A result with a number matters most for a STAR story; matching a value is a capped bonus.
      const score =
        (ACTION.test(bullet.trim()) ? 2 : 0) +
        (METRIC.test(bullet) ? 3 : 0) +
        Math.min(
          2,
          values.reduce((s, v) => s + v.hits, 0),
        );
      const from =
        e.title && e.company ? `${e.title} at ${e.company}` : (e.company ?? e.title ?? 'Your experience');
      return { bullet, from, values: values.map((v) => v.name), score, hasMetric: METRIC.test(bullet) };
    }),
  );
  const projects = resume.projects.map((p) => ({
    bullet: p.description || p.name,
    from: p.name,
    values: [] as string[],
    score: 1,
    hasMetric: METRIC.test(p.description),
  }));
  const ranked = [...candidates, ...projects]
    .filter((c) => c.bullet.length >= 20)
    .sort((a, b) => b.score - a.score);

  // One story per role first, so the candidate prepares a spread; then the best of the rest.
  const picked: typeof ranked = [];
  for (const c of ranked) if (picked.length < 5 && !picked.some((p) => p.from === c.from)) picked.push(c);
  for (const c of ranked) if (picked.length < 3 && !picked.includes(c)) picked.push(c);

  return picked.map((c) => ({
    title: c.bullet.split(/\s+/).slice(0, 8).join(' ') + (c.bullet.split(/\s+/).length > 8 ? '…' : ''),
    from: c.from,
    evidence: c.bullet,
    values: c.values,
    prompt:
      `Prepare it as a STAR story: the situation as ${c.from}, your task, what you did, and the result` +
      (c.hasMetric
        ? ' (you already have a number for it).'
        : ' — find a number for the result before the interview.') +
      (c.values.length > 0 ? ` It shows ${c.values.map((v) => `"${v}"`).join(' and ')}.` : ''),
  }));
}
