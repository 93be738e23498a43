import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedQuestion } from '../../src-shared/questions';
import { BIN, requireBuild } from '../support/built';
import { tempDir } from '../support/runtime';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RESUME = `Marta Quintero
marta@example.org

EXPERIENCE
Senior Backend Engineer, Lumenfield Logistics
Jan 2020 – Present
- Cut checkout latency by 45% by adding Redis caching in front of the pricing service.
- Built the order event pipeline on Kafka, handling 3 million events a day.

Backend Engineer, Parcelbird
Mar 2016 – Dec 2019
- Wrote the PostgreSQL schema for parcel tracking and its migration tooling.

SKILLS
Python, Redis, Kafka, PostgreSQL
`;

const JOB = `Backend Engineer at Harbourline

Requirements:
- 3+ years with Python
- Experience with Kubernetes and Terraform
- Kafka or another event streaming platform
`;

describe('rehearse questions', () => {
  beforeAll(requireBuild);

  it('prints résumé-, job- and company-aware questions with every field and why each was chosen', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.txt'), RESUME);
    writeFileSync(join(dir, 'job.txt'), JOB);
    const { code, stdout, stderr } = run([
      'questions',
      '--role',
      'Backend Engineer',
      '--difficulty',
      'Medium',
      '--count',
      '10',
      '--resume',
      join(dir, 'resume.txt'),
      '--job',
      join(dir, 'job.txt'),
      '--company',
      'GitLab',
      '--json',
      '--data-dir',
      join(dir, 'data'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { questions } = JSON.parse(stdout) as { questions: PlannedQuestion[] };
    expect(questions).toHaveLength(10);
    for (const q of questions) {
      expect(Object.keys(q).sort()).toEqual(
        [
          'category',
          'difficulty',
          'expectedPoints',
          'questionId',
          'reason',
          'skills',
          'source',
          'text',
          'timeLimitSec',
        ].sort(),
      );
      expect(q.expectedPoints.length).toBeGreaterThanOrEqual(3);
    }
    const sources = new Set(questions.map((q) => q.source));
    for (const s of ['resume', 'job', 'company']) expect(sources).toContain(s);
    const all = questions.map((q) => `${q.text}\n${q.reason}`).join('\n');
    expect(all).toMatch(/Lumenfield Logistics|Parcelbird/);
    // A question probes the posting's required skills, saying so (which skill comes first varies by set).
    expect(all).toMatch(/The job asks for |which the job asks for/);
    expect(all).toMatch(/Kubernetes|Terraform|Kafka|stream processing/i);
    expect(all).toContain('GitLab');
  });

  it('refuses bad values with the message a candidate would see, and unknown companies with the list', () => {
    const dir = tempDir();
    const bad = run([
      'questions',
      '--role',
      'Sales',
      '--difficulty',
      'Brutal',
      '--count',
      '3',
      '--data-dir',
      dir,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('rehearse: Difficulty must be one of Easy, Medium, Hard, Expert.');
    const unknown = run([
      'questions',
      '--role',
      'Sales',
      '--difficulty',
      'Easy',
      '--count',
      '3',
      '--company',
      'Initech',
      '--data-dir',
      dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^rehearse: No company profile named "Initech"\. Known: .*Amazon.*\.\n$/);
    const usage = run(['questions', '--role', 'Sales', '--data-dir', dir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('questions needs --role, --difficulty and --count');
  });
});

describe('rehearse evaluate', () => {
  beforeAll(requireBuild);

  it('prints scores, reasons, STAR parts with quotes, coverage, advice and the example answer', () => {
    const dir = tempDir();
    const answer =
      'Last year our checkout API timed out for 15% of requests. I was responsible for fixing it before the sale. I traced the slow calls and found the connection pool had shrunk from 50 to 10, so I restored it and added a CI check. Errors fell to 0.2% within a day.';
    writeFileSync(join(dir, 'answer.txt'), answer);
    const { code, stdout, stderr } = run([
      'evaluate',
      '--question',
      'Tell me about a time you fixed a production incident.',
      '--category',
      'Behavioral',
      '--points',
      'What was failing|How you found the cause|The measurable result',
      '--answer-file',
      join(dir, 'answer.txt'),
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(Object.keys(r.criteria).sort()).toEqual([
      'clarity',
      'confidence',
      'content_quality',
      'technical_accuracy',
    ]);
    expect(r.relevance).toMatchObject({ verdict: 'answers', cap: 100 });
    // The weighted mean, which delivery may lift at most 15 points above the content's own scores.
    const weighted = Math.round(
      r.criteria.content_quality.score * 0.4 +
        r.criteria.clarity.score * 0.2 +
        r.criteria.confidence.score * 0.2 +
        r.criteria.technical_accuracy.score * 0.2,
    );
    const content = (r.criteria.content_quality.score + r.criteria.technical_accuracy.score) / 2;
    expect(r.overall).toBe(Math.min(weighted, Math.round(content + 15)));
    expect(r.star.result.present).toBe(true);
    for (const q of r.star.result.quotes) expect(answer).toContain(q);
    expect(r.expectedPoints).toHaveLength(3);
    expect(typeof r.exampleAnswer).toBe('string');
    const human = run([
      'evaluate',
      '--question',
      'Tell me about a fix.',
      '--answer-file',
      join(dir, 'answer.txt'),
    ]);
    expect(human.stdout).toMatch(/^Overall \d+\n/);
  });

  it('says first when the text does not answer the question, and prints no stronger version', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'pizza.txt'),
      'My favourite food is pizza, especially with mushrooms. On weekends I like to go hiking in the mountains with my dog. Dolphins sleep with one half of their brain at a time.',
    );
    const { code, stdout } = run([
      'evaluate',
      '--question',
      'Tell me about a time you resolved a conflict within your team.',
      '--category',
      'Behavioral',
      '--points',
      'Describes the disagreement and what was at stake|Explains the steps they personally took to resolve it|Shows they listened to both sides|States the outcome and what they learned',
      '--answer-file',
      join(dir, 'pizza.txt'),
    ]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Overall (\d|1\d|2[0-5])$/);
    expect(lines.slice(2, 5)).toEqual([
      "This doesn't answer the question: it is about food, pizza and mushrooms.",
      'What an answer needs: Answer what was asked: re-read the question and speak to its subject directly.',
      'Capped at 25.',
    ]);
    expect(stdout).not.toContain('A stronger version');
    expect(stdout).not.toContain('Strengths:');
  });

  it('refuses a short answer and an unknown category with the messages the app uses', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'short.txt'), 'Too short');
    const short = run(['evaluate', '--question', 'Why?', '--answer-file', join(dir, 'short.txt')]);
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe('rehearse: Your answer must be at least 10 characters.');
    const cat = run([
      'evaluate',
      '--question',
      'Why?',
      '--category',
      'Trivia',
      '--answer-file',
      join(dir, 'short.txt'),
    ]);
    expect(cat.stderr.trim()).toBe(
      'rehearse: Category must be one of Technical, Behavioral, Situational, Domain_Specific, System_Design, Coding.',
    );
  });
});
