/** The session report as a file the candidate keeps: Markdown for notes apps, PDF for printing or sharing. */
import PDFDocument from 'pdfkit';
import type { SessionDetail, SessionQuestion } from '../../../src-shared/domain';
import { SCORE_KEYS, type SessionReport } from '../../../src-shared/report';
import { clock } from '../../../src-shared/format';

const LABEL: Record<(typeof SCORE_KEYS)[number], string> = {
  overall: 'Overall',
  content_quality: 'Content',
  clarity: 'Clarity',
  confidence: 'Confidence',
  technical_accuracy: 'Technical accuracy',
};
const pct = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n}%`);
const mmss = (ms: number | null) => (ms === null ? '–' : clock(ms));
/** Markdown special characters in the candidate's own text are escaped so it prints as written. */
const md = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** How a spoken answer sounded, a line a figure (with its target), then how far to trust the filler count. */
function deliveryLines(q: SessionQuestion): string[] {
  const delivery = q.spoken?.delivery;
  if (!delivery) return [];
  const mark = (within: boolean | null) => (within === null ? '' : within ? ' (on target)' : ' (off target)');
  return [
    ...delivery.figures.map((f) => `${f.label}: ${f.shown}${mark(f.within)}; aim for ${f.target}.`),
    delivery.fillerNote,
  ].filter(Boolean);
}

export function reportMarkdown(report: SessionReport, session: SessionDetail): string {
  const lines = [
    `# ${report.title}`,
    '',
    `${report.completedAt ?? report.createdAt} · ${report.answered} answered, ${report.skipped} skipped`,
    '',
  ];
  if (report.averages) {
    lines.push('## Scores', '', '| Criterion | Score |', '| --- | --- |');
    for (const k of SCORE_KEYS) lines.push(`| ${LABEL[k]} | ${report.averages[k]} |`);
    lines.push('');
  } else lines.push('No answers were scored in this session.', '');
  for (const c of [report.previous, report.previousAttempt, report.firstAttempt]) {
    if (!c) continue;
    lines.push(
      `Against ${c.label}: ${SCORE_KEYS.map((k) => `${LABEL[k]} ${pct(c.change[k])}`).join(', ')}.`,
      '',
    );
  }
  if (report.strengths.length)
    lines.push('## Strengths', '', ...report.strengths.map((s) => `- ${md(s.text)}`), '');
  if (report.improvements.length)
    lines.push('## To improve', '', ...report.improvements.map((s) => `- ${md(s.text)}`), '');
  if (report.categories.length) {
    lines.push('## By category', '', '| Category | Average | Answers |', '| --- | --- | --- |');
    for (const c of report.categories)
      lines.push(`| ${c.category.replace('_', ' ')} | ${c.overall} | ${c.answers} |`);
    lines.push('');
  }
  lines.push('## Questions', '');
  for (const q of session.questions) {
    const r = report.questions.find((x) => x.position === q.position)!;
    lines.push(`### ${q.position + 1}. ${md(q.text)}`, '');
    lines.push(
      `${q.category.replace('_', ' ')}${r.followUp ? ' · follow-up' : ''} · time ${mmss(r.timeTakenMs)} of ${mmss(r.timeLimitSec * 1000)}${r.overtime ? ' (overtime)' : ''}${r.scores ? ` · score ${r.scores.overall}` : ''}`,
      '',
    );
    if (!q.answer) lines.push('_Not answered._', '');
    else if (q.answer.skipped) lines.push('_Skipped._', '');
    else {
      lines.push(...q.answer.text.split('\n').map((l) => `> ${md(l)}`), '');
      const f = q.feedback?.result;
      if (f) {
        for (const item of f.strengths) lines.push(`- Strength: ${md(item.text)}`);
        for (const item of f.improvements) lines.push(`- Improve: ${md(item.text)}`);
        lines.push('', '**A stronger version of your answer**', '', md(f.exampleAnswer), '');
      }
    }
    const sounded = deliveryLines(q);
    if (sounded.length) lines.push('**How you sounded**', '', ...sounded.map((l) => `- ${md(l)}`), '');
  }
  return lines.join('\n') + '\n';
}

/** The standard PDF fonts cover Latin-1 and a few more; anything else is replaced rather than garbled. */
const printable = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF\n‘’“”–—•…€]/g, '?');

export function reportPdf(report: SessionReport, session: SessionDetail): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: report.title, Creator: 'Rehearse' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const text = (t: string, size = 10, font = 'Helvetica') =>
      doc.font(font).fontSize(size).text(printable(t));
    text(report.title, 18, 'Helvetica-Bold');
    text(
      `${(report.completedAt ?? report.createdAt).slice(0, 16).replace('T', ' ')} · ${report.answered} answered, ${report.skipped} skipped`,
      10,
    );
    doc.moveDown();
    if (report.averages) {
      text('Scores', 13, 'Helvetica-Bold');
      for (const k of SCORE_KEYS) text(`${LABEL[k]}: ${report.averages[k]}`);
      doc.moveDown(0.5);
    }
    for (const c of [report.previous, report.previousAttempt, report.firstAttempt])
      if (c)
        text(`Against ${c.label}: ${SCORE_KEYS.map((k) => `${LABEL[k]} ${pct(c.change[k])}`).join(', ')}.`);
    if (report.strengths.length) {
      doc.moveDown(0.5);
      text('Strengths', 13, 'Helvetica-Bold');
      for (const s of report.strengths) text(`• ${s.text}`);
    }
    if (report.improvements.length) {
      doc.moveDown(0.5);
      text('To improve', 13, 'Helvetica-Bold');
      for (const s of report.improvements) text(`• ${s.text}`);
    }
    doc.moveDown();
    text('Questions', 13, 'Helvetica-Bold');
    for (const q of session.questions) {
      const r = report.questions.find((x) => x.position === q.position)!;
      doc.moveDown(0.5);
      text(`${q.position + 1}. ${q.text}`, 11, 'Helvetica-Bold');
      text(
        `${q.category.replace('_', ' ')} · time ${mmss(r.timeTakenMs)}${r.overtime ? ' (overtime)' : ''}${r.scores ? ` · score ${r.scores.overall}` : ''}`,
        9,
      );
      if (q.answer && !q.answer.skipped) {
        text(q.answer.text, 10, 'Helvetica-Oblique');
        const f = q.feedback?.result;
        if (f) for (const i of f.improvements) text(`Improve: ${i.text}`, 9);
      } else text(q.answer?.skipped ? 'Skipped.' : 'Not answered.', 9);
      const sounded = deliveryLines(q);
      if (sounded.length) {
        text('How you sounded', 9, 'Helvetica-Bold');
        for (const l of sounded) text(`• ${l}`, 9);
      }
    }
    doc.end();
  });
}
