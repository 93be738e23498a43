// Question engine bench: a 10-question résumé- and job-aware builtin set, through the same handler the app calls.
import { randomUUID } from 'node:crypto';
import { startRuntime } from '../src-main/core/runtime';
import { memorySecrets } from '../tests/support/memory-secrets';
import { report } from './stats';
import { ok } from '../tests/support/invoke';

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

PROJECTS
Tidewatch — a tide-table API in Rust used by 3 harbours.

SKILLS
Python, Redis, Kafka, PostgreSQL, Docker
`;

const JOB = `Backend Engineer at Harbourline
Requirements:
- 3+ years with Python and PostgreSQL
- Experience with Kubernetes, Terraform and Kafka
`;

export async function benchQuestionSet(dataDir: string): Promise<void> {
  const runtime = await startRuntime({ dataDir, host: 'cli', secrets: memorySecrets() });
  try {
    await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: RESUME });
    const job = await ok(runtime, 'jobs.create', { title: 'Backend Engineer', description: JOB });
    // Five earlier sessions, so the no-repeat exclusion has real history to read.
    for (let i = 0; i < 5; i++)
      await ok(runtime, 'sessions.create', {
        role: 'Backend Engineer',
        difficulty: 'Medium',
        questionCount: 10,
      });
    const input = {
      role: 'Backend Engineer',
      difficulty: 'Medium' as const,
      questionCount: 10,
      jobId: job.id,
    };
    for (let i = 0; i < 20; i++) await ok(runtime, 'questions.plan', input);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await ok(runtime, 'questions.plan', input);
      samples.push(performance.now() - t);
    }
    report('question_set_10_resume_job_aware_builtin', 'ms', samples, { target_p95: 50 });
  } finally {
    await runtime.close();
  }
}
