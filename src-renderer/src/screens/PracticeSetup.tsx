import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  DIFFICULTIES,
  type Category,
  type Difficulty,
  MAX_QUESTIONS_PER_SESSION,
  SESSION_MODES,
  type SessionMode,
} from '../../../src-shared/domain';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { Job } from '../../../src-shared/jobs';
import type { ResumeVersion } from '../../../src-shared/resume';
import { PlanInput, SessionCreateInput } from '../../../src-shared/questions';
import { call } from '../api';
import {
  CategoryChecks,
  Field,
  FormError,
  JobOptions,
  Options,
  RadioChoices,
  useFormSend,
} from '../components/form';
import { ScreenHeading } from '../components/ScreenHeading';
import { SetNotice } from '../components/SetNotice';
import { useApp } from '../store';

const MODE_LABELS: Record<SessionMode, string> = {
  practice: 'Practice',
  mock: 'Mock interview',
  spoken: 'Spoken mock interview',
  company: 'Company',
};
const MODE_HINTS: Record<SessionMode, string> = {
  practice: 'Feedback after each answer, so you can improve as you go.',
  mock: 'Like the real thing: no feedback until the end, and follow-up questions after your answers.',
  spoken:
    'A mock interview out loud: each question and follow-up is read to you, and you answer by voice (typing still works). Feedback at the end, with how you sounded.',
  company:
    'Questions shaped by a company profile: its values, its interview stages. Choose the company below.',
};

const DEFAULT_DIFFICULTY: Record<string, Difficulty> = {
  Entry: 'Easy',
  Mid: 'Medium',
  Senior: 'Hard',
  Staff: 'Expert',
  Principal: 'Expert',
};

export function PracticeSetup(props: {
  companyId?: string;
  jobId?: string;
  categories?: Category[];
  questionCount?: number;
}) {
  const { profile, catalog, go } = useApp();
  const id = useId();
  const { describedBy, errorText, fieldProps, busy: starting, formError, send } = useFormSend(id);
  const roles = catalog?.roles ?? [];
  const [role, setRole] = useState(profile?.targetRole ?? roles[0] ?? '');
  const [difficulty, setDifficulty] = useState<Difficulty>(
    DEFAULT_DIFFICULTY[profile?.experienceLevel ?? 'Mid'] ?? 'Medium',
  );
  const [count, setCount] = useState(String(props.questionCount ?? 5));
  const [categories, setCategories] = useState<Category[]>(props.categories ?? []);
  const [jobId, setJobId] = useState(props.jobId ?? '');
  const [companyId, setCompanyId] = useState(props.companyId ?? '');
  const [mode, setMode] = useState<SessionMode>(props.companyId ? 'company' : 'practice');
  // The form waits for both lists: a select whose chosen job or company has no option yet shows "None"
  // while the session would start with that job or company.
  const [lists, setLists] = useState<{
    jobs: Job[];
    companies: CompanyProfile[];
    resume: ResumeVersion | undefined;
  } | null>(null);
  useEffect(() => {
    let live = true;
    const orNone = <T,>(p: Promise<T[]>) => p.catch(() => [] as T[]);
    void Promise.all([
      orNone(call('jobs.list', {})),
      orNone(call('companies.list', {})),
      orNone(call('resumes.list', {})),
    ]).then(([jobs, companies, resumes]) => {
      if (live) setLists({ jobs, companies, resume: resumes.find((r) => r.isActive) });
    });
    return () => {
      live = false;
    };
  }, []);
  const [allowRepeats, setAllowRepeats] = useState(false);
  const roleOptions = roles.includes(role) || role === '' ? roles : [role, ...roles];

  const planned = {
    role,
    difficulty,
    questionCount: Number(count),
    categories,
    jobId: jobId || undefined,
    companyId: companyId || undefined,
    allowRepeats,
  };
  // Only a set the form would accept is worth asking the bank about.
  const previewable = PlanInput.safeParse(planned).success ? planned : null;

  function start(e: FormEvent) {
    e.preventDefault();
    void send(SessionCreateInput, { ...planned, mode }, async (data) => {
      const session = await call('sessions.create', data);
      go({ name: 'room', sessionId: session.id });
    });
  }

  if (!lists)
    return (
      <div className="card">
        <ScreenHeading>Set up a practice session</ScreenHeading>
        <p role="status">Loading your job postings and company profiles…</p>
      </div>
    );
  const { jobs, companies, resume } = lists;
  return (
    <div className="card">
      <ScreenHeading>Set up a practice session</ScreenHeading>
      <form onSubmit={start} noValidate>
        <Field {...fieldProps('role')} label="Role">
          {(control) => (
            <select value={role} onChange={(e) => setRole(e.target.value)} {...control}>
              <Options values={roleOptions} />
            </select>
          )}
        </Field>
        <RadioChoices
          {...fieldProps('mode')}
          legend="Mode"
          options={SESSION_MODES}
          labels={MODE_LABELS}
          value={mode}
          onChange={setMode}
          hint={MODE_HINTS[mode]}
        />
        <RadioChoices
          {...fieldProps('difficulty')}
          legend="Difficulty"
          options={DIFFICULTIES}
          value={difficulty}
          onChange={setDifficulty}
        />
        <Field
          {...fieldProps('questionCount')}
          label="Number of questions"
          hint={`From 1 to ${MAX_QUESTIONS_PER_SESSION}. Each question has its own time limit.`}
        >
          {(control) => (
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_QUESTIONS_PER_SESSION}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              style={{ maxWidth: '8rem' }}
              {...control}
            />
          )}
        </Field>
        <fieldset className="field" aria-describedby={describedBy('categories', `${id}-categories-hint`)}>
          <legend id={`${id}-categories`} tabIndex={-1}>
            Question types
          </legend>
          <p className="hint" id={`${id}-categories-hint`}>
            Leave all unticked for an interview-style mix: technical, then behavioural, then situational.
          </p>
          <CategoryChecks value={categories} onChange={setCategories} />
          {errorText('categories')}
        </fieldset>
        <Field
          {...fieldProps('jobId')}
          label="Job posting"
          hint="Questions lean toward the skills it asks for, and ask how you would close the gaps."
        >
          {(control) => (
            <select value={jobId} onChange={(e) => setJobId(e.target.value)} {...control}>
              <JobOptions jobs={jobs} none="None" />
            </select>
          )}
        </Field>
        {/* Sessions use the résumé in use; the candidate should know which, or that there is none. */}
        <fieldset className="field">
          <legend>Résumé</legend>
          <p className="hint">
            {resume
              ? `“${resume.label}” is in use: some questions ask about your own roles and skills, and each says why.`
              : 'No résumé yet: questions come from the question bank and the job posting only.'}
          </p>
          <button type="button" onClick={() => go({ name: 'resume' })}>
            {resume ? 'Change résumé' : 'Add your résumé'}
          </button>
        </fieldset>
        <Field
          {...fieldProps('companyId')}
          label="Company profile"
          hint="Company mode: its stated values become behavioural questions and its interview stages set the mix."
        >
          {(control) => (
            <select value={companyId} onChange={(e) => setCompanyId(e.target.value)} {...control}>
              <option value="">None</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SetNotice plan={previewable} allowRepeats={allowRepeats} onAllowRepeats={setAllowRepeats} />
        <FormError message={formError} />
        <button type="submit" className="primary" disabled={starting}>
          {starting ? 'Starting…' : 'Start'}
        </button>
      </form>
    </div>
  );
}
