// Résumé parsing speed: a 2-page PDF and a 2-page DOCX, warm, against pdftotext on the same PDF in the same run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { appPaths } from '../src-main/paths';
import { parseResumeFile } from '../src-main/services/resume/parse';
import { ResumeParser } from '../src-main/services/resume/runner';
import { loadTaxonomy } from '../src-main/services/resume/skills';
import { buildResumeCorpus, REFERENCE_DATE } from '../tests/fixtures/resumes/corpus';
import { SCORED_FIELDS, scoreCorpus } from '../tests/fixtures/resumes/score';
import { FRESH_RESUMES_DIR } from '../tests/fixtures/fresh-resumes/corpus';
import { UNSEEN_RESUMES_DIR } from '../tests/fixtures/unseen-resumes/corpus';
import { UNSEEN2_RESUMES_DIR } from '../tests/fixtures/unseen2-resumes/corpus';
import { HELDOUT_RESUMES_DIR } from '../tests/fixtures/heldout-resumes/corpus';
import { REAL_RESUMES_DIR } from '../tests/fixtures/real-resumes/corpus';
import { scoreRealResumes } from '../tests/fixtures/real-resumes/parse-corpus';
import { missesOf, REAL_FIELDS, REAL_TARGETS } from '../tests/fixtures/real-resumes/score';
import { report } from './stats';

const ROLES = [
  ['Staff Engineer', 'Northwind Logistics', 'Jan 2022 – Present'],
  ['Senior Software Engineer', 'Globex Labs', 'March 2018 – December 2021'],
  ['Software Engineer', 'Initech', '06/2015 - 02/2018'],
  ['Junior Developer', 'Hooli', '2013 – 2015'],
];
const BULLET =
  'Led the redesign of the routing service in Go and PostgreSQL on Kubernetes, cutting p95 latency by 38% and cloud spend by $120k a year while mentoring four engineers.';

function twoPagePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('R', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    doc.registerFont('B', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf');
    doc.font('B').fontSize(20).text('Søren Ålund');
    doc
      .font('R')
      .fontSize(10)
      .text('soren@example.com | +45 20 12 34 56 | Copenhagen, Denmark | github.com/soren');
    doc.moveDown().font('B').fontSize(12).text('EXPERIENCE');
    for (const [title, company, dates] of ROLES) {
      doc.moveDown(0.5).font('B').fontSize(10).text(`${title} — ${company}`);
      doc.font('R').text(dates!);
      for (let i = 0; i < 6; i++) doc.text(`• ${BULLET}`);
    }
    doc.moveDown().font('B').fontSize(12).text('EDUCATION');
    doc.font('R').fontSize(10).text('MSc in Computer Science, Technical University of Denmark, 2013');
    doc.moveDown().font('B').fontSize(12).text('SKILLS');
    doc
      .font('R')
      .fontSize(10)
      .text('Go, Python, PostgreSQL, Kubernetes, Terraform, AWS, Kafka, gRPC, Leadership, Mentoring');
    doc.end();
  });
}

function twoPageDocx(): Promise<Buffer> {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const children = [
    new Paragraph({ text: 'Søren Ålund', heading: HeadingLevel.TITLE }),
    p('soren@example.com | +45 20 12 34 56 | Copenhagen, Denmark'),
    new Paragraph({ text: 'Experience', heading: HeadingLevel.HEADING_1 }),
    ...ROLES.flatMap(([title, company, dates]) => [
      p(`${title} — ${company}`, true),
      p(dates!),
      ...Array.from({ length: 6 }, () => new Paragraph({ text: BULLET, bullet: { level: 0 } })),
    ]),
    new Paragraph({ text: 'Education', heading: HeadingLevel.HEADING_1 }),
    p('MSc in Computer Science, Technical University of Denmark, 2013'),
    new Paragraph({ text: 'Skills', heading: HeadingLevel.HEADING_1 }),
    p('Go, Python, PostgreSQL, Kubernetes, Terraform, AWS, Kafka, gRPC, Leadership, Mentoring'),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const PDF_ROUNDS = 200;

/** Times two tasks in alternating rounds (a then b, b then a, …) after warming both; and each round's b/a. */
async function interleaved(
  rounds: number,
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
): Promise<{ a: number[]; b: number[]; ratios: number[] }> {
  for (let i = 0; i < 10; i++) {
    await a();
    await b();
  }
  const out = { a: [] as number[], b: [] as number[], ratios: [] as number[] };
  const timed = async (fn: () => Promise<unknown> | unknown) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (let i = 0; i < rounds; i++) {
    let ta: number;
    let tb: number;
    if (i % 2 === 0) {
      ta = await timed(a);
      tb = await timed(b);
    } else {
      tb = await timed(b);
      ta = await timed(a);
    }
    out.a.push(ta);
    out.b.push(tb);
    out.ratios.push(tb / ta);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchParse(dir: string): Promise<void> {
  const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
  const pdf = await twoPagePdf();
  const docx = await twoPageDocx();
  const pdfFile = join(dir, 'two-pages.pdf');
  writeFileSync(pdfFile, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1]);

  // pdftotext and the reader take turns, run for run, so a burst of load from the other agents on this machine
  // falls on both alike; the order within a round alternates. Both are warm before the first timed run.
  const pdftotextRun = () => execFileSync('pdftotext', ['-layout', pdfFile, '-']);
  const pdfParseRun = () => parseResumeFile(new Uint8Array(pdf), { taxonomy });
  const { a: pdftotext, b: pdfParse, ratios } = await interleaved(PDF_ROUNDS, pdftotextRun, pdfParseRun);
  const docxParse = await time(50, () => parseResumeFile(new Uint8Array(docx), { taxonomy }));
  const parser = new ResumeParser(join(appPaths().resources, 'skills', 'taxonomy.json'));
  const viaWorker = await time(50, () => parser.parse({ bytes: new Uint8Array(pdf) }));
  await parser.close();

  report('pdftotext_two_page_pdf', 'ms', pdftotext, { pages });
  report('resume_parse_two_page_pdf', 'ms', pdfParse, {
    pages,
    rounds: PDF_ROUNDS,
    ratio_to_pdftotext_p50: +(median(pdfParse) / median(pdftotext)).toFixed(2),
    ratio_per_round_p50: +median(ratios).toFixed(2),
    target_ratio: 2.5,
  });
  report('resume_parse_two_page_pdf_via_worker', 'ms', viaWorker, {
    ratio_to_pdftotext_p50: +(median(viaWorker) / median(pdftotext)).toFixed(2),
  });
  report('resume_parse_two_page_docx', 'ms', docxParse);
}

/**
 * Field-level precision and recall over the real corpus (`resume_real_*`, the development corpus the reader was
 * tuned on), over the held-out corpus (`resume_heldout_*`, tuned on after its first look), over the fresh corpus
 * (`resume_fresh_*`, spent after two looks), over the unseen corpus (`resume_unseen_*`, spent in session 8) and over
 * the second unseen corpus (`resume_unseen2_*`, sources nobody tuned the reader on: the measure), one JSON line per field, with the documents that miss.
 */
export async function benchRealAccuracy(): Promise<void> {
  for (const [name, dir] of [
    ['real', REAL_RESUMES_DIR],
    ['heldout', HELDOUT_RESUMES_DIR],
    ['fresh', FRESH_RESUMES_DIR],
    ['unseen', UNSEEN_RESUMES_DIR],
    ['unseen2', UNSEEN2_RESUMES_DIR],
  ] as const) {
    const score = await scoreRealResumes(undefined, dir);
    const resumes = score.perResume.length;
    for (const field of REAL_FIELDS) {
      const s = score[field];
      process.stdout.write(
        `${JSON.stringify({ bench: `resume_${name}_${field}`, resumes, precision: +s.precision.toFixed(3), recall: +s.recall.toFixed(3), tp: s.tp, fp: s.fp, fn: s.fn, target: REAL_TARGETS[field], misses: missesOf(score, field) })}\n`,
      );
    }
    for (const field of ['name', 'email'] as const)
      process.stdout.write(
        `${JSON.stringify({ bench: `resume_${name}_${field}`, resumes, accuracy: +score[field].accuracy.toFixed(3), target: REAL_TARGETS[field], misses: missesOf(score, field) })}\n`,
      );
  }
}

/** Field-level precision and recall over the generated corpus, one JSON line per field. */
export async function benchAccuracy(dir: string): Promise<void> {
  const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
  const reference = { year: Number(REFERENCE_DATE.slice(0, 4)), month: Number(REFERENCE_DATE.slice(5, 7)) };
  const fixtures = await buildResumeCorpus(dir);
  const results = [];
  for (const f of fixtures) {
    results.push({
      truth: f.truth,
      parsed: await parseResumeFile(new Uint8Array(readFileSync(f.file)), { taxonomy, reference }),
    });
  }
  const score = scoreCorpus(results);
  for (const field of SCORED_FIELDS) {
    const s = score[field];
    process.stdout.write(
      `${JSON.stringify({ bench: `resume_corpus_${field}`, resumes: fixtures.length, precision: +s.precision.toFixed(3), recall: +s.recall.toFixed(3), tp: s.tp, fp: s.fp, fn: s.fn })}\n`,
    );
  }
  for (const field of ['name', 'email', 'seniority', 'totalExperienceMonths'] as const) {
    process.stdout.write(
      `${JSON.stringify({ bench: `resume_corpus_${field}`, resumes: fixtures.length, accuracy: +score[field].accuracy.toFixed(3) })}\n`,
    );
  }
}
