import { describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { answerFor } from '../../../tests/support/answers';
import { extractPdf } from '../resume/extract-pdf';
import { analyseDelivery } from '../voice/delivery';
import { reportMarkdown, reportPdf } from './export';

// The strong answer speaks to the question drawn (a fixed story would not answer most of them).
const STRONG = answerFor;
const WEAK = () => 'I think maybe I would kind of look into it, I guess.';
type Answer = (q: { text: string; expectedPoints: string[] }) => string;

async function session(runtime: Awaited<ReturnType<typeof testRuntime>>, answers: Answer[]) {
  const s = await ok(runtime, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: answers.length,
  });
  for (const [i, answer] of answers.entries())
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[i]!.id,
      text: answer(s.questions[i]!),
      elapsedMs: 60_000 + i * 1000,
    });
  return s.id;
}

describe('the session report', () => {
  it('averages each criterion over the answers, and compares with the previous comparable session', async () => {
    let t = Date.parse('2026-11-01T10:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((t += 60_000)) });
    const weak = await session(runtime, [WEAK, WEAK]);
    const strong = await session(runtime, [STRONG, STRONG]);
    const first = await ok(runtime, 'sessions.report', { sessionId: weak });
    const report = await ok(runtime, 'sessions.report', { sessionId: strong });
    expect(first.previous).toBeNull();
    const detail = await ok(runtime, 'sessions.get', { sessionId: strong });
    const overall = detail.questions.map((q) => q.feedback!.result.overall);
    expect(report.averages!.overall).toBeCloseTo((overall[0]! + overall[1]!) / 2, 1);
    expect(report.previous!.sessionId).toBe(weak);
    const expected = ((report.averages!.overall - first.averages!.overall) / first.averages!.overall) * 100;
    expect(report.previous!.change.overall).toBeCloseTo(expected, 0);
    expect(report.previous!.change.overall!).toBeGreaterThan(0);
    expect(report.questions.map((q) => q.timeTakenMs)).toEqual([60_000, 61_000]);
    expect(report.strengths.length).toBeGreaterThan(0);
    expect(report.categories.reduce((n, c) => n + c.answers, 0)).toBe(2);
  });

  it('shows each criterion’s change against the previous and the first attempt of a retake', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: WEAK(),
      elapsedMs: 1,
    });
    const two = await ok(runtime, 'sessions.retake', { sessionId: s.id });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: two.questions[0]!.id,
      text: WEAK() + ' Then I would call them.',
      elapsedMs: 1,
    });
    const three = await ok(runtime, 'sessions.retake', { sessionId: two.id });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: three.questions[0]!.id,
      text: STRONG(three.questions[0]!),
      elapsedMs: 1,
    });
    const report = await ok(runtime, 'sessions.report', { sessionId: three.id });
    expect(report.title).toContain('Attempt #3');
    expect(report.previousAttempt).toMatchObject({ sessionId: two.id, label: 'attempt #2' });
    expect(report.firstAttempt).toMatchObject({ sessionId: s.id, label: 'attempt #1' });
    expect(report.firstAttempt!.change.overall!).toBeGreaterThan(0);
  });

  it('exports Markdown and PDF with the answers and scores', async () => {
    const runtime = await testRuntime();
    const id = await session(runtime, [STRONG]);
    const md = await ok(runtime, 'sessions.exportReport', { sessionId: id, format: 'md' });
    expect(md.fileName).toMatch(/^rehearse-backend-engineer-\d{4}-\d{2}-\d{2}\.md$/);
    const text = Buffer.from(md.dataBase64, 'base64').toString('utf8');
    expect(text).toMatch(/^# Backend Engineer · Medium\n/);
    expect(text).toContain('| Overall |');
    expect(text).toContain('> Last year I faced this at work:');
    const pdf = await ok(runtime, 'sessions.exportReport', { sessionId: id, format: 'pdf' });
    const bytes = Buffer.from(pdf.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const extracted = await extractPdf(new Uint8Array(bytes));
    const all = extracted.lines.map((l) => l.text).join(' ');
    expect(all).toContain('Backend Engineer');
    expect(all).toContain('Errors fell to 0.2% within a day.');
  });

  it('says how a spoken answer sounded, figure by figure with its target, and nothing for a typed one', async () => {
    const runtime = await testRuntime();
    const id = await session(runtime, [STRONG, STRONG]);
    const report = await ok(runtime, 'sessions.report', { sessionId: id });
    const detail = await ok(runtime, 'sessions.get', { sessionId: id });
    // The first answer was spoken: 60 s with one pause of 3 s, two fillers in its transcript.
    const delivery = analyseDelivery({
      durationSec: 60,
      segments: [
        { start: 0.5, end: 20 },
        { start: 23, end: 59 },
      ],
      transcript: {
        text: `Um, ${detail.questions[0]!.answer!.text} Uh, that is it.`,
        words: [],
        transcriber: 'cloud',
      },
      limitSec: 120,
    });
    detail.questions[0]!.spoken = { recordingId: 'r1', transcript: 'said', delivery };

    const text = reportMarkdown(report, detail);
    const sounded = text.split('**How you sounded**');
    expect(sounded).toHaveLength(2);
    // It belongs to the first question: the second question's heading comes after it.
    expect(sounded[0]).toContain('### 1. ');
    expect(sounded[1]).toContain('### 2. ');
    expect(sounded[1]).toContain('- Pauses over 2 seconds: 1 (on target); aim for at most 1.');
    expect(sounded[1]).toContain('- Longest pause: 3 s (on target); aim for at most 3 s.');
    expect(sounded[1]).toContain('- Filler words: 2 (2 a minute) (on target); aim for at most 3 a minute.');
    expect(sounded[1]).toContain(`- ${delivery.fillerNote}`);

    const lines = (await extractPdf(new Uint8Array(await reportPdf(report, detail)))).lines.map(
      (l) => l.text,
    );
    expect(lines.filter((l) => l === 'How you sounded')).toHaveLength(1);
    // The bullet is drawn apart from its text.
    expect(lines.map((l) => l.replace(/^• ?/, ''))).toContain(
      'Pauses over 2 seconds: 1 (on target); aim for at most 1.',
    );
  });
});
