import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { EXPERIENCE_LEVELS, type ExperienceLevel } from '../../../src-shared/domain';
import { andList } from '../../../src-shared/format';
import { JobInput, type Job, type JobProposal, type MatchReport } from '../../../src-shared/jobs';
import { call, fieldOf, messageOf } from '../api';
import { Field, FormError, Options, SaveOrCancel, useFormSend } from '../components/form';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime } from '../format';
import { useApp } from '../store';
import { useLoaded } from '../components/loaded';

export function Jobs() {
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState<Job | 'new' | null>(null);
  // "Add skills" opens the edit form with the cursor in the Required skills field.
  const [toSkills, setToSkills] = useState(false);
  const [open, setOpen] = useState<Job | null>(null);

  const [jobs] = useLoaded('jobs.list', 'jobs.changed');
  // Where the cursor goes when the form closes: the saved posting, or back where the candidate was. A new
  // posting's heading appears once the list reloads, so this waits for it.
  const focusTarget = useRef<string | null>(null);
  useEffect(() => {
    const el = focusTarget.current ? document.getElementById(focusTarget.current) : null;
    if (!el) return;
    el.focus();
    focusTarget.current = null;
  }, [editing, jobs]);

  return (
    <div className="stack">
      <ScreenHeading>Job postings</ScreenHeading>
      <p className="muted">
        Add the jobs you are preparing for. Rehearse compares each with your résumé and asks about the gaps.
      </p>
      {editing ? (
        <JobForm
          job={editing === 'new' ? null : editing}
          focusSkills={toSkills}
          onDone={(saved) => {
            focusTarget.current = saved
              ? `job-${saved.id}`
              : editing === 'new'
                ? 'add-job'
                : `edit-job-${editing.id}`;
            setEditing(null);
            setToSkills(false);
            if (saved) {
              notify('success', `Saved “${saved.title}”.`);
              setOpen(saved);
            }
          }}
        />
      ) : (
        <button type="button" id="add-job" className="primary" onClick={() => setEditing('new')}>
          Add a job posting
        </button>
      )}
      {jobs === undefined ? (
        <p role="status">Loading…</p>
      ) : jobs.length === 0 ? (
        !editing && (
          <p className="card">
            No job postings yet. Paste one and Rehearse will pick out the skills it asks for.
          </p>
        )
      ) : (
        <ul className="stack plain-list" aria-label="Job postings, newest first">
          {jobs.map((job) => (
            <li key={job.id} className="card">
              <div className="row spread">
                <div>
                  <h2 id={`job-${job.id}`} tabIndex={-1} style={{ marginBottom: 0 }}>
                    {job.title}
                  </h2>
                  <p className="muted" style={{ margin: 0 }}>
                    {[job.company, job.experienceLevel, `added ${dateTime(job.createdAt)}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <JobSkills job={job} />
                </div>
                <div className="row">
                  <button
                    type="button"
                    onClick={() => setOpen(open?.id === job.id ? null : job)}
                    aria-expanded={open?.id === job.id}
                    aria-label={`${open?.id === job.id ? 'Hide match' : 'Match my résumé'} for ${job.title}`}
                  >
                    {open?.id === job.id ? 'Hide match' : 'Match my résumé'}
                  </button>
                  <button
                    type="button"
                    id={`edit-job-${job.id}`}
                    onClick={() => setEditing(job)}
                    aria-label={`Edit ${job.title}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete ${job.title}`}
                    onClick={() => {
                      if (window.confirm(`Delete the posting “${job.title}”?`)) {
                        call('jobs.delete', { id: job.id }).then(
                          () => notify('success', `Deleted “${job.title}”.`),
                          (err: unknown) => notify('error', messageOf(err)),
                        );
                      }
                    }}
                  >
                    Delete
                  </button>
                </div>
              </div>
              {open?.id === job.id && (
                <Match
                  job={job}
                  onAddSkills={() => {
                    setToSkills(true);
                    setEditing(job);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the posting asks for: as read from it, or as the candidate corrected it. */
function JobSkills({ job }: { job: Job }) {
  if (job.requiredSkills.length + job.niceToHaveSkills.length === 0)
    return <p style={{ margin: 0 }}>No skills found in this posting yet.</p>;
  return (
    <p style={{ margin: 0 }}>
      {job.requiredSkills.length > 0 && <>Asks for: {job.requiredSkills.join(', ')}.</>}
      {job.requiredSkills.length > 0 && job.niceToHaveSkills.length > 0 && ' '}
      {job.niceToHaveSkills.length > 0 && <>Nice to have: {job.niceToHaveSkills.join(', ')}.</>}
    </p>
  );
}

function Match({ job, onAddSkills }: { job: Job; onAddSkills(): void }) {
  const go = useApp((s) => s.go);
  const [report, setReport] = useState<MatchReport | null>(null);
  // With several résumé versions, the candidate needs to know which one was compared.
  const [resume, setResume] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    Promise.all([call('jobs.match', { jobId: job.id }), call('resumes.list', {})]).then(
      ([match, versions]) => {
        setResume(versions.find((v) => v.isActive)?.label ?? '');
        setReport(match);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  }, [job.id, job.updatedAt]);
  if (error) {
    return (
      <div>
        <p role="alert">{error}</p>
        <button type="button" onClick={() => go({ name: 'resume' })}>
          Add your résumé
        </button>
      </div>
    );
  }
  if (!report) return <p role="status">Comparing…</p>;
  if (report.coverage === null) {
    // Nothing to cover: a percentage here would read as a perfect match.
    return (
      <section aria-label={`How your résumé matches ${job.title}`} className="stack">
        <h3>No skills found in this posting</h3>
        <p>
          Rehearse could not find the skills this posting asks for, so there is nothing to compare with your
          résumé yet. Add them (the tools, languages and methods it names) and the match will show what you
          have and what is missing.
        </p>
        <div>
          <button type="button" className="primary" onClick={onAddSkills}>
            Add the skills it asks for
          </button>
        </div>
      </section>
    );
  }
  return (
    <section aria-label={`How your résumé matches ${job.title}`} className="stack">
      <p>
        <span className="meter">{report.coverage}%</span> of the{' '}
        {job.requiredSkills.length > 0 ? 'required' : 'listed'} skills are on your résumé.
      </p>
      {resume && <p className="muted">Compared with your résumé “{resume}”, the version in use.</p>}
      <SkillList title="On your résumé" items={report.matched} kind="ok" />
      <SkillList title="Missing — required" items={report.missingRequired} kind="warn" />
      <SkillList title="Missing — nice to have" items={report.missingNiceToHave} kind="" />
      <h3>What to do</h3>
      <ul>
        {report.suggestions.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

function SkillList({ title, items, kind }: { title: string; items: string[]; kind: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="chips">
          {items.map((s) => (
            <li key={s} className={`badge ${kind}`}>
              {s}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function JobForm({
  job,
  focusSkills,
  onDone,
}: {
  job: Job | null;
  focusSkills: boolean;
  onDone(saved: Job | null): void;
}) {
  const id = useId();
  const skillsRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSkills) skillsRef.current?.focus();
  }, [focusSkills]);
  const { show, fieldProps, busy, formError, send } = useFormSend(id);
  const [title, setTitle] = useState(job?.title ?? '');
  const [company, setCompany] = useState(job?.company ?? '');
  const [level, setLevel] = useState<ExperienceLevel | ''>(job?.experienceLevel ?? '');
  const [required, setRequired] = useState((job?.requiredSkills ?? []).join(', '));
  const [nice, setNice] = useState((job?.niceToHaveSkills ?? []).join(', '));
  // A saved posting's lists, once filled in or typed, are the candidate's: saved as they stand, so a skill the
  // reader got wrong stays removed. Until then, saving lets the reader find the skills in the posting.
  const [skillsSet, setSkillsSet] = useState(job !== null);
  const [description, setDescription] = useState(job?.description ?? '');
  const [status, setStatus] = useState('');
  const [reading, setReading] = useState(false);

  async function propose() {
    if (reading) return;
    setReading(true);
    setStatus('Reading the posting…');
    let slow: ReturnType<typeof setTimeout> | undefined;
    try {
      const p = await call('jobs.propose', { text: description });
      // Only empty fields are filled; what the candidate typed is theirs.
      const filled = {
        required: !required.trim() ? p.requiredSkills.join(', ') : null,
        nice: !nice.trim() ? p.niceToHaveSkills.join(', ') : null,
      };
      if (p.title && !title) setTitle(p.title);
      if (p.company && !company) setCompany(p.company);
      if (p.experienceLevel && !level) setLevel(p.experienceLevel);
      if (filled.required !== null) setRequired(filled.required);
      if (filled.nice !== null) setNice(filled.nice);
      setSkillsSet(true);
      // Lists the candidate already has are theirs; say so, or "Found …" reads as if the fields now held it.
      const kept = [
        p.requiredSkills.length > 0 && filled.required === null && !sameSkills(required, p.requiredSkills)
          ? 'Required skills'
          : '',
        p.niceToHaveSkills.length > 0 && filled.nice === null && !sameSkills(nice, p.niceToHaveSkills)
          ? 'Nice-to-have skills'
          : '',
      ].filter(Boolean);
      const builtinStatus = proposalStatus(p, kept);
      setStatus(builtinStatus);
      // The builtin reading shows at once; a configured model reads it after and can only add to it. A model
      // can take many seconds, so the candidate is told it is at work rather than left with a still screen.
      slow = setTimeout(
        () => setStatus(`${builtinStatus} A model is reading the posting too; what it adds will show here.`),
        400,
      );
      const m = await call('jobs.propose', { text: description, model: true });
      clearTimeout(slow);
      if (!m.readBy || m.readBy.provider === 'builtin') {
        setStatus(builtinStatus);
        return;
      }
      const added = [...m.requiredSkills, ...m.niceToHaveSkills].filter(
        (s) => !p.requiredSkills.includes(s) && !p.niceToHaveSkills.includes(s),
      );
      if (m.title && !p.title && !title) setTitle(m.title);
      if (m.company && !p.company && !company) setCompany(m.company);
      if (m.experienceLevel && !p.experienceLevel && !level) setLevel(m.experienceLevel);
      // Only a list this form filled, and the candidate has not changed since, is refilled.
      const refill = (mine: string | null, next: string[]) => (current: string) =>
        mine !== null && current === mine ? next.join(', ') : current;
      setRequired(refill(filled.required, m.requiredSkills));
      setNice(refill(filled.nice, m.niceToHaveSkills));
      const by = [m.readBy.provider, m.readBy.model].filter(Boolean).join(' · ');
      setStatus(
        [
          proposalStatus(m, kept),
          added.length > 0
            ? `The model (${by}) added ${added.join(', ')}.`
            : `The model (${by}) added nothing.`,
          m.dropped?.length
            ? `It also proposed ${m.dropped.join(', ')}, which the posting does not say, so they were left out.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (err) {
      const field = fieldOf(err);
      setStatus('');
      if (field) show({ description: messageOf(err) });
      else setStatus(messageOf(err));
    } finally {
      clearTimeout(slow);
      setReading(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      title,
      description,
      company: company.trim() || undefined,
      experienceLevel: level || undefined,
      ...(skillsSet ? { requiredSkills: commaList(required), niceToHaveSkills: commaList(nice) } : {}),
    };
    void send(JobInput, input, async (data) =>
      onDone(job ? await call('jobs.update', { id: job.id, job: data }) : await call('jobs.create', data)),
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{job ? `Edit “${job.title}”` : 'Add a job posting'}</h2>
      <Field
        {...fieldProps('description')}
        label="Posting text"
        hint="Paste the whole posting; “Fill in from the posting” proposes the fields below."
        after={
          <button type="button" aria-disabled={reading || undefined} onClick={() => void propose()}>
            Fill in from the posting
          </button>
        }
      >
        {(control) => (
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} {...control} />
        )}
      </Field>
      <Field {...fieldProps('title')} label="Job title">
        {(control) => (
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...control} />
        )}
      </Field>
      <Field id={`${id}-company`} label="Company (optional)">
        {(control) => (
          <input type="text" value={company} onChange={(e) => setCompany(e.target.value)} {...control} />
        )}
      </Field>
      <Field id={`${id}-level`} label="Experience level (optional)">
        {(control) => (
          <select
            value={level}
            onChange={(e) => setLevel(e.target.value as ExperienceLevel | '')}
            {...control}
          >
            <Options values={EXPERIENCE_LEVELS} none="Not stated" />
          </select>
        )}
      </Field>
      {(
        [
          [
            'requiredSkills',
            'Required skills',
            required,
            setRequired,
            'Remove any the posting does not ask for; what you save here is kept.',
          ],
          [
            'niceToHaveSkills',
            'Nice-to-have skills',
            nice,
            setNice,
            'Missing ones count against you less than required ones.',
          ],
        ] as const
      ).map(([name, label, value, setValue, hint]) => (
        <Field key={name} {...fieldProps(name)} label={label} hint={`Separate with commas. ${hint}`}>
          {(control) => (
            <input
              ref={name === 'requiredSkills' ? skillsRef : undefined}
              type="text"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setSkillsSet(true);
              }}
              {...control}
            />
          )}
        </Field>
      ))}
      {status && <p role="status">{status}</p>}
      <FormError message={formError} />
      <SaveOrCancel busy={busy} label="Save posting" onCancel={() => onDone(null)} />
    </form>
  );
}

/** Whether a comma list names the same skills as a list, in any order and case. */
const sameSkills = (text: string, skills: string[]) => {
  const key = (list: string[]) =>
    list
      .map((x) => x.toLowerCase())
      .sort()
      .join('\n');
  return key(commaList(text)) === key(skills);
};

const commaList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** What "Fill in from the posting" found, said so the candidate knows what to check or add. */
function proposalStatus(p: JobProposal, kept: string[] = []): string {
  const names = (list: string[]) => list.slice(0, 8).join(', ') + (list.length > 8 ? ', …' : '');
  // What the posting asks for in words the skills list does not know is offered, not listed: most such phrases
  // are not skills, so the candidate adds the ones that are.
  const offered = p.asWritten?.length
    ? ` It also asks for ${andList(p.asWritten, 8)}, which Rehearse's skills list has no name for; add any that matter.`
    : '';
  if (p.requiredSkills.length + p.niceToHaveSkills.length === 0)
    return `No skills found in the posting.${offered} Add the skills it asks for under Required skills, separated by commas.`;
  const parts = [];
  if (p.requiredSkills.length > 0)
    parts.push(`${p.requiredSkills.length} required (${names(p.requiredSkills)})`);
  if (p.niceToHaveSkills.length > 0)
    parts.push(`${p.niceToHaveSkills.length} nice to have (${names(p.niceToHaveSkills)})`);
  const found = `Found ${parts.join(' and ')}.${offered}`;
  if (kept.length === 0) return `${found} Check the fields above.`;
  const [they, them] = kept.length > 1 ? ['they were', 'them'] : ['it was', 'it'];
  return `${found} ${kept.join(' and ')} already had your entries, so ${they} kept; empty ${them} and fill in again to use what was found.`;
}
