import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Job } from '../../../src-shared/jobs';
import { PLAN_LENGTHS, PlanInput, type PlanTask, type StudyPlan as Plan } from '../../../src-shared/progress';
import { call, messageOf } from '../api';
import { Field, FormError, JobOptions, RadioChoices, useFormSend } from '../components/form';
import { ScreenHeading } from '../components/ScreenHeading';
import { categoryLabel, modelLabel } from '../format';
import { useApp } from '../store';
import { ProgressLinks } from '../components/ProgressLinks';
import { practiceTime } from '../format';
import { useLoaded } from '../components/loaded';

const localToday = () =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const dayLabel = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

export function StudyPlan() {
  const notify = useApp((s) => s.notify);
  const [making, setMaking] = useState(false);
  const [plan, setPlan] = useLoaded('progress.plan.get');

  return (
    <div className="stack">
      <ScreenHeading>Study plan</ScreenHeading>
      <ProgressLinks current="plan" />
      {plan === undefined ? (
        <p role="status">Loading…</p>
      ) : plan === null || making ? (
        <PlanForm
          replacing={plan !== null}
          onMade={(p) => {
            setPlan(p);
            setMaking(false);
            notify('success', `Your ${p.lengthDays}-day plan is ready.`);
          }}
          onCancel={plan ? () => setMaking(false) : undefined}
        />
      ) : (
        <PlanView
          plan={plan}
          onChange={setPlan}
          onNew={() => setMaking(true)}
          onDeleted={() => setPlan(null)}
        />
      )}
    </div>
  );
}

function PlanForm(props: { replacing: boolean; onMade(plan: Plan): void; onCancel?: () => void }) {
  const id = useId();
  const { fieldProps, busy: working, formError, send } = useFormSend(id);
  const [length, setLength] = useState<'30' | '60' | '90'>('30');
  const [hours, setHours] = useState('3');
  const [interviewDate, setInterviewDate] = useState('');
  const [jobId, setJobId] = useState('');
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(() => {
    call('jobs.list', {}).then(setJobs, () => undefined);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      lengthDays: Number(length),
      hoursPerWeek: hours.trim() === '' ? Number.NaN : Number(hours),
      interviewDate: interviewDate || undefined,
      jobId: jobId || undefined,
    };
    void send(PlanInput, input, async (data) => props.onMade(await call('progress.plan.create', data)));
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{props.replacing ? 'Make a new plan' : 'Make a plan'}</h2>
      <p className="muted">
        Rehearse plans daily practice around the question types you score lowest in, the skills your chosen
        job asks for that your résumé does not show, your interview date and the time you have.
        {props.replacing && ' The new plan replaces the current one.'}
      </p>
      <form onSubmit={submit} noValidate>
        <RadioChoices
          {...fieldProps('lengthDays')}
          legend="Plan length"
          options={PLAN_LENGTHS.map(String) as ('30' | '60' | '90')[]}
          labels={{ '30': '30 days', '60': '60 days', '90': '90 days' }}
          value={length}
          onChange={setLength}
        />
        <Field
          {...fieldProps('hoursPerWeek')}
          label="Hours per week"
          hint="From 1 to 40. Short sessions on most days work better than one long one."
        >
          {(control) => (
            <input
              type="number"
              inputMode="decimal"
              min={1}
              max={40}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              style={{ maxWidth: '8rem' }}
              {...control}
            />
          )}
        </Field>
        <Field
          {...fieldProps('interviewDate')}
          label="Interview date (optional)"
          hint="The plan ends on this day, with mock interviews just before it."
        >
          {(control) => (
            <input
              type="date"
              min={localToday()}
              value={interviewDate}
              onChange={(e) => setInterviewDate(e.target.value)}
              style={{ maxWidth: '12rem' }}
              {...control}
            />
          )}
        </Field>
        <Field
          {...fieldProps('jobId')}
          label="Job posting (optional)"
          hint="Practice leans toward the job, and study tasks cover the skills it needs that your résumé lacks."
        >
          {(control) => (
            <select value={jobId} onChange={(e) => setJobId(e.target.value)} {...control}>
              <JobOptions jobs={jobs} none="None" />
            </select>
          )}
        </Field>
        <FormError message={formError} />
        {working && <p role="status">Writing your plan…</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={working}>
            Make my plan
          </button>
          {props.onCancel && (
            <button type="button" onClick={props.onCancel}>
              Keep the current plan
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function PlanView(props: { plan: Plan; onChange(plan: Plan): void; onNew(): void; onDeleted(): void }) {
  const { plan } = props;
  const { notify } = useApp();
  const tasks = plan.weeks.flatMap((w) => w.tasks);
  const done = tasks.filter((t) => t.doneAt !== null);
  const minutes = (list: PlanTask[]) => list.reduce((n, t) => n + t.minutes, 0);
  const today = localToday();
  const todays = tasks.filter((t) => t.date === today);
  const by =
    plan.source.provider === 'builtin'
      ? 'Made by the built-in planner.'
      : `Milestones and resources by ${modelLabel(plan.source.provider, plan.source.model)}.`;

  return (
    <>
      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">
          Your {plan.lengthDays}-day plan{plan.job ? ` for ${plan.job.title}` : ''}
        </h2>
        <p>
          {dayLabel(plan.startDate)} to {dayLabel(plan.endDate)}
          {plan.interviewDate ? ` (interview on ${dayLabel(plan.interviewDate)})` : ''}, about{' '}
          {plan.hoursPerWeek} {plan.hoursPerWeek === 1 ? 'hour' : 'hours'} a week. {by}
        </p>
        <p>
          <label htmlFor="plan-done">
            {done.length} of {tasks.length} tasks done ({practiceTime(minutes(done) * 60_000)} of{' '}
            {practiceTime(minutes(tasks) * 60_000)})
          </label>{' '}
          <progress id="plan-done" value={done.length} max={Math.max(1, tasks.length)} />
        </p>
        <h3>Focus</h3>
        <ul>
          {plan.focus.map((f) => (
            <li key={f.category}>
              <strong>{categoryLabel(f.category)}</strong>: {f.reason}
            </li>
          ))}
        </ul>
        {plan.skillGaps.length > 0 && (
          <p>Skills the job asks for that your résumé does not show: {plan.skillGaps.join(', ')}.</p>
        )}
        {plan.notes.map((n) => (
          <p key={n} className="muted">
            {n}
          </p>
        ))}
        {plan.changes.length > 0 && (
          <>
            <h3>How the plan has adapted</h3>
            <ul>
              {plan.changes.map((c, i) => (
                <li key={i}>
                  {dayLabel(c.date)}: {c.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="today-heading">
        <h2 id="today-heading">Today</h2>
        {todays.length === 0 ? (
          <p>No task today: rest, or practise anything you like.</p>
        ) : (
          <TaskList idPrefix="today" tasks={todays} plan={plan} onChange={props.onChange} />
        )}
      </section>
      {plan.weeks.map((w) => (
        <section key={w.index} className="card" aria-labelledby={`week-${w.index}`}>
          <h2 id={`week-${w.index}`}>
            Week {w.index + 1}: {dayLabel(w.start)} to {dayLabel(w.end)}
          </h2>
          <p>
            <strong>Milestone:</strong> {w.milestone}
          </p>
          <p className="muted">About {practiceTime(w.minutes * 60_000)} this week.</p>
          <details open={w.start <= today && today <= w.end}>
            <summary>
              {w.tasks.length} {w.tasks.length === 1 ? 'task' : 'tasks'} in week {w.index + 1}
            </summary>
            <TaskList idPrefix="week" tasks={w.tasks} plan={plan} onChange={props.onChange} />
          </details>
        </section>
      ))}
      <section className="card" aria-labelledby="resources-heading">
        <h2 id="resources-heading">Resources</h2>
        <ul>
          {plan.resources.map((r) => (
            <li key={r.title}>
              <strong>{r.title}</strong>: {r.detail}
            </li>
          ))}
        </ul>
      </section>
      <div className="row">
        <button type="button" onClick={props.onNew}>
          Make a new plan
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (!window.confirm('Delete this study plan?')) return;
            call('progress.plan.delete', {}).then(
              () => {
                notify('success', 'Study plan deleted.');
                props.onDeleted();
              },
              (err: unknown) => notify('error', messageOf(err)),
            );
          }}
        >
          Delete plan
        </button>
      </div>
    </>
  );
}

function TaskList(props: { idPrefix: string; tasks: PlanTask[]; plan: Plan; onChange(plan: Plan): void }) {
  const { idPrefix, tasks, plan, onChange } = props;
  const { go, notify } = useApp();
  return (
    <ul className="stack plain-list">
      {tasks.map((t) => {
        const box = `${idPrefix}-task-${t.id}`;
        return (
          <li key={t.id} className="entry">
            <div className="row" style={{ alignItems: 'baseline' }}>
              <input
                id={box}
                type="checkbox"
                checked={t.doneAt !== null}
                disabled={t.doneBySession}
                aria-describedby={`${box}-detail`}
                onChange={(e) =>
                  call('progress.plan.setDone', { taskId: t.id, done: e.target.checked }).then(
                    onChange,
                    (err: unknown) => notify('error', messageOf(err)),
                  )
                }
              />
              <label htmlFor={box}>
                {dayLabel(t.date)}: {t.title} ({t.minutes} min)
              </label>
            </div>
            <p id={`${box}-detail`} className="muted" style={{ margin: '0.25rem 0' }}>
              {t.detail}
              {t.doneBySession && ' Done by the session you completed that day.'}
            </p>
            {t.practice && t.doneAt === null && (
              <button
                type="button"
                onClick={() =>
                  go({
                    name: 'setup',
                    categories: t.practice!.categories,
                    jobId: t.practice!.jobId ?? plan.job?.id ?? undefined,
                    questionCount: t.practice!.questionCount,
                  })
                }
                aria-label={`Start: ${t.title}, ${dayLabel(t.date)}`}
              >
                Start
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
