import { Fragment, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { DEGREES, ParsedResume, SKILL_CATEGORIES, type ResumeDetail } from '../../../src-shared/resume';
import { call, messageOf } from '../api';
import { guardLeaving } from '../store';
import { Field, Options } from './form';

/** Where a skill was found, as the review screen says it. */
const FOUND_IN: Record<Resume['skills'][number]['sources'][number], string> = {
  skills: 'listed',
  recent_experience: 'latest job',
  experience: 'earlier roles',
  projects: 'projects',
  summary: 'summary',
  other: 'other sections',
};

type Resume = ParsedResume;

/** "also in latest job, earlier roles" for a listed skill; "in projects" for one found only in the text. */
function foundIn(s: Resume['skills'][number]): string {
  const places = s.sources.filter((source) => source !== 'skills').map((source) => FOUND_IN[source]);
  if (places.length === 0) return '';
  return `${s.sources.includes('skills') ? 'also in' : 'in'} ${places.join(', ')}`;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s);

function Text({
  id: given,
  label,
  value,
  onChange,
  hint,
  multiline,
  error,
}: {
  id?: string;
  label: string;
  value: string | null;
  onChange(v: string): void;
  hint?: string;
  multiline?: boolean;
  error?: string;
}) {
  const own = useId();
  const id = given ?? own;
  return (
    <Field id={id} label={label} hint={hint || undefined} error={error}>
      {(control) =>
        multiline ? (
          <textarea
            value={value ?? ''}
            onChange={(e) => onChange(e.target.value)}
            style={{ minHeight: '6rem' }}
            {...control}
          />
        ) : (
          <input type="text" value={value ?? ''} onChange={(e) => onChange(e.target.value)} {...control} />
        )
      }
    </Field>
  );
}

/**
 * A year typed digit by digit: the text is the candidate's until it is a year, so "201" stays on screen
 * (a number field that dropped it would make a year impossible to type). `onDraft` says whether the text
 * is not yet a year, so saving can stop and point here.
 */
function YearField({
  id,
  value,
  onChange,
  onDraft,
  error,
}: {
  id: string;
  value: number | null;
  onChange(v: number | null): void;
  onDraft(id: string, unfinished: boolean): void;
  error?: string;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A value changed from outside (Undo, an entry above removed) replaces the text.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value === null ? '' : String(value));
  }
  const unfinished = text.trim() !== '' && !/^\d{4}$/.test(text.trim());
  useEffect(() => {
    onDraft(id, unfinished);
    return () => onDraft(id, false);
  }, [id, unfinished, onDraft]);
  return (
    <Text
      id={id}
      label="Graduation year"
      hint="Four digits, like 2015."
      value={text}
      error={error}
      onChange={(v) => {
        setText(v);
        const year = v.trim();
        if (year === '') onChange(null);
        else if (/^\d{4}$/.test(year)) onChange(Number(year));
      }}
    />
  );
}

/** What a field of an entry is called on screen, for an error that points at it. */
const FIELD_LABELS: Record<string, string> = {
  start: 'Start',
  end: 'End',
  graduationYear: 'Graduation year',
};

function Group({
  title,
  onAdd,
  addId,
  addLabel,
  children,
}: {
  title: string;
  onAdd?(): void;
  addId?: string;
  addLabel?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="card" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="group-title">
        {title}
      </legend>
      {children}
      {onAdd && (
        <button type="button" id={addId} onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}

/** "Software Engineer at SBE Vision, 2022-04 – 2022-09": a role as the review names it, for headings and buttons. */
function roleName(e: Resume['experience'][number], i: number): string {
  const what = [e.title, e.company].filter(Boolean).join(' at ') || `Role ${i + 1}`;
  const when =
    e.start || e.end || e.current ? `${e.start ?? '?'} – ${e.current ? 'now' : (e.end ?? '?')}` : '';
  return when ? `${what}, ${when}` : what;
}

function educationName(e: Resume['education'][number], i: number): string {
  return [e.degreeRaw ?? e.degree, e.institution].filter(Boolean).join(', ') || `Education ${i + 1}`;
}

/** Runs `focus` after the next render, when the element it looks for exists (or no longer does). */
function useFocusAfterRender() {
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    const focus = pending.current;
    pending.current = null;
    focus?.();
  });
  return (focus: () => void) => {
    pending.current = focus;
  };
}

const focusId = (...ids: string[]) => {
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      return;
    }
  }
};

/** Everything the parser found, editable; what is saved here is what the rest of the app uses. */
export function ResumeReview({ detail, onSaved }: { detail: ResumeDetail; onSaved(d: ResumeDetail): void }) {
  const [r, setR] = useState<Resume>(detail.effective);
  const [skill, setSkill] = useState('');
  const [category, setCategory] = useState<Resume['skills'][number]['category']>('technical');
  const [error, setError] = useState('');
  // The field a failed save points at: its id, and what to fix there.
  const [fieldError, setFieldError] = useState<{ id: string; message: string } | null>(null);
  const errorFor = (id: string) => (fieldError?.id === id ? fieldError.message : undefined);
  // Fields whose text is not yet a value (a year half typed), by id.
  const unfinished = useRef(new Set<string>());
  const onDraft = useCallback((id: string, open: boolean) => {
    if (open) unfinished.current.add(id);
    else unfinished.current.delete(id);
  }, []);
  // Bumped by Undo, so fields holding their own text start again from the saved values.
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
  // A save brings the version back as stored; the form shows that, and the cursor stays where it was.
  const [savedAt, setSavedAt] = useState(detail.updatedAt);
  if (detail.updatedAt !== savedAt) {
    setSavedAt(detail.updatedAt);
    setR(detail.effective);
    setGeneration((g) => g + 1);
  }
  const focusLater = useFocusAfterRender();
  const set = (patch: Partial<Resume>) => setR({ ...r, ...patch });
  const setAt = <K extends 'experience' | 'education' | 'projects'>(
    key: K,
    i: number,
    patch: Partial<Resume[K][number]>,
  ) => set({ [key]: r[key].map((x, j) => (j === i ? { ...x, ...patch } : x)) } as Partial<Resume>);
  /** Removes an entry and puts the cursor on the heading of the one that took its place, or on "Add". */
  const removeAt = (key: 'experience' | 'education' | 'projects', i: number) => {
    set({ [key]: r[key].filter((_, j) => j !== i) } as Partial<Resume>);
    focusLater(() => focusId(`${key}-${i}`, `${key}-${i - 1}`, `${key}-add`));
  };
  /** Adds an entry and puts the cursor in its first field. */
  const FIRST_FIELD = { experience: 'title', education: 'degree', projects: 'name' } as const;
  const addTo = <K extends 'experience' | 'education' | 'projects'>(key: K, blank: Resume[K][number]) => {
    set({ [key]: [...r[key], blank] } as Partial<Resume>);
    focusLater(() => focusId(`${key}-${r[key].length}-${FIRST_FIELD[key]}`));
  };

  // Unsaved corrections are lost if the candidate leaves, so the app asks first.
  const dirty = JSON.stringify(r) !== JSON.stringify(detail.effective);
  useEffect(
    () =>
      guardLeaving(() =>
        dirty ? `Leave without saving your corrections to “${detail.label}”? They will be lost.` : null,
      ),
    [dirty, detail.label],
  );

  /** Says what to fix in words the screen uses, marks the field and puts the cursor in it. */
  function refuse(id: string, message: string) {
    const [key, i, field] = id.split('-') as ['experience' | 'education', string, string];
    const entry = key === 'experience' ? r.experience[Number(i)] : r.education[Number(i)];
    const where = !entry
      ? ''
      : key === 'experience'
        ? roleName(entry as Resume['experience'][number], Number(i))
        : educationName(entry as Resume['education'][number], Number(i));
    setFieldError({ id, message });
    setError(`Not saved. Check ${where ? `“${where}”, ` : ''}${FIELD_LABELS[field] ?? field}: ${message}`);
    document.getElementById(id)?.focus();
  }

  async function save() {
    setError('');
    setFieldError(null);
    const [draft] = unfinished.current;
    if (draft) {
      refuse(draft, 'write the year in four digits, like 2015.');
      return;
    }
    // Blank lines typed between points are spacing, not points: questions must not ask about them.
    const parsed = ParsedResume.safeParse({
      ...r,
      experience: r.experience.map((e) => ({ ...e, bullets: e.bullets.filter((b) => b.trim() !== '') })),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const [key, i, field] = issue.path;
      if ((key === 'experience' || key === 'education') && typeof i === 'number' && typeof field === 'string')
        refuse(
          `${key}-${i}-${field}`,
          field === 'start' || field === 'end'
            ? 'write the date as YYYY-MM or YYYY, like 2022-04.'
            : `${issue.message}.`,
        );
      else setError(`Not saved. Check ${issue.path.join(' › ')}: ${issue.message}.`);
      return;
    }
    setSaving(true);
    try {
      onSaved(await call('resumes.saveCorrections', { id: detail.id, resume: parsed.data }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  const removeSkill = (s: Resume['skills'][number], list: Resume['skills'], listId: string) => {
    const i = list.indexOf(s);
    set({ skills: r.skills.filter((x) => x.name !== s.name) });
    focusLater(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`#${CSS.escape(listId)} button`);
      (buttons[Math.min(i, buttons.length - 1)] ?? document.getElementById('new-skill'))?.focus();
    });
  };
  const listed = r.skills.filter((s) => s.sources.includes('skills'));
  const inText = r.skills.filter((s) => !s.sources.includes('skills'));

  return (
    <section aria-labelledby="review-title" className="stack">
      <h2 id="review-title" tabIndex={-1}>
        What Rehearse found in “{detail.label}”{detail.corrected ? ' (with your corrections)' : ''}
      </h2>
      <p className="muted">
        {r.seniority} level, {(r.totalExperienceMonths / 12).toFixed(1)} years of experience (from the dates
        of your roles; saved corrections update it). Fix anything that is wrong and save.
      </p>
      <Group title="Contact">
        <Text
          label="Name"
          value={r.contact.name}
          onChange={(v) => set({ contact: { ...r.contact, name: orNull(v) } })}
        />
        <Text
          label="Email"
          value={r.contact.email}
          onChange={(v) => set({ contact: { ...r.contact, email: orNull(v) } })}
        />
        <Text
          label="Phone"
          value={r.contact.phone}
          onChange={(v) => set({ contact: { ...r.contact, phone: orNull(v) } })}
        />
        <Text
          label="Location"
          value={r.contact.location}
          onChange={(v) => set({ contact: { ...r.contact, location: orNull(v) } })}
        />
        <Text
          label="Links"
          hint="Separate links with commas."
          value={r.contact.links.join(', ')}
          onChange={(v) => set({ contact: { ...r.contact, links: list(v) } })}
        />
      </Group>
      <Group title="Summary">
        <Text label="Summary" multiline value={r.summary} onChange={(v) => set({ summary: orNull(v) })} />
      </Group>
      <Group title={`Skills (${r.skills.length})`}>
        <SkillChips
          id="skills-listed"
          title={`You listed (${listed.length})`}
          hint="A skill Rehearse knows goes by its usual name; any other is kept as you wrote it."
          empty="No skills list was found. Add the skills you would list below."
          skills={listed}
          onRemove={(s) => removeSkill(s, listed, 'skills-listed')}
        />
        <SkillChips
          id="skills-in-text"
          title={`Found in your text (${inText.length})`}
          hint="Named in your roles, projects or summary. Remove any you would not claim."
          empty="None."
          skills={inText}
          onRemove={(s) => removeSkill(s, inText, 'skills-in-text')}
        />
        <div className="row">
          <Text id="new-skill" label="Add a skill" value={skill} onChange={setSkill} />
          <Field id="new-skill-category" label="Kind">
            {(control) => (
              <select
                value={category}
                onChange={(e) => setCategory(e.target.value as typeof category)}
                {...control}
              >
                <Options values={SKILL_CATEGORIES} />
              </select>
            )}
          </Field>
          <button
            type="button"
            onClick={() => {
              if (!skill.trim() || r.skills.some((s) => s.name.toLowerCase() === skill.trim().toLowerCase()))
                return;
              set({
                skills: [
                  ...r.skills,
                  {
                    name: skill.trim(),
                    asWritten: skill.trim(),
                    category,
                    confidence: 1,
                    sources: ['skills'],
                  },
                ],
              });
              setSkill('');
            }}
          >
            Add skill
          </button>
        </div>
      </Group>
      <Group
        title={`Experience (${r.experience.length})`}
        addId="experience-add"
        addLabel="Add a role"
        onAdd={() =>
          addTo('experience', {
            title: '',
            company: '',
            location: null,
            start: null,
            end: null,
            current: false,
            months: null,
            bullets: [],
          })
        }
      >
        {r.experience.length === 0 && (
          <p className="muted">No roles were found. Add each job you want to be asked about.</p>
        )}
        {r.experience.map((e, i) => (
          <div key={i} className="entry" role="group" aria-labelledby={`experience-${i}`}>
            <h3 id={`experience-${i}`} tabIndex={-1}>
              {roleName(e, i)}
            </h3>
            <Text
              id={`experience-${i}-title`}
              label="Title"
              value={e.title}
              onChange={(v) => setAt('experience', i, { title: orNull(v) })}
            />
            <Text
              label="Company"
              value={e.company}
              onChange={(v) => setAt('experience', i, { company: orNull(v) })}
            />
            <Text
              label="Location"
              value={e.location}
              onChange={(v) => setAt('experience', i, { location: orNull(v) })}
            />
            <div className="row">
              <Text
                id={`experience-${i}-start`}
                error={errorFor(`experience-${i}-start`)}
                label="Start"
                hint="YYYY-MM or YYYY"
                value={e.start}
                onChange={(v) => setAt('experience', i, { start: orNull(v) })}
              />
              <Text
                id={`experience-${i}-end`}
                error={errorFor(`experience-${i}-end`)}
                label="End"
                hint="YYYY-MM or YYYY; empty if current"
                value={e.end}
                onChange={(v) => setAt('experience', i, { end: orNull(v) })}
              />
              <label className="choice">
                <input
                  type="checkbox"
                  checked={e.current}
                  onChange={(ev) =>
                    setAt('experience', i, {
                      current: ev.target.checked,
                      end: ev.target.checked ? null : e.end,
                    })
                  }
                />
                I work here now
              </label>
            </div>
            <Text
              label="What you did"
              hint="One point per line."
              multiline
              value={e.bullets.join('\n')}
              onChange={(v) => setAt('experience', i, { bullets: v.split('\n') })}
            />
            <button
              type="button"
              className="danger"
              aria-label={`Remove this role: ${roleName(e, i)}`}
              onClick={() => removeAt('experience', i)}
            >
              Remove this role
            </button>
          </div>
        ))}
      </Group>
      {/* Keyed by Undo: a year field's own text starts again from the saved value. */}
      <Fragment key={generation}>
        <Group
          title={`Education (${r.education.length})`}
          addId="education-add"
          addLabel="Add education"
          onAdd={() =>
            addTo('education', {
              degree: null,
              degreeRaw: null,
              field: null,
              institution: null,
              graduationYear: null,
              gpa: null,
            })
          }
        >
          {r.education.length === 0 && (
            <p className="muted">No education was found. Add your degrees, diplomas or certificates.</p>
          )}
          {r.education.map((e, i) => (
            <div key={i} className="entry" role="group" aria-labelledby={`education-${i}`}>
              <h3 id={`education-${i}`} tabIndex={-1}>
                {educationName(e, i)}
              </h3>
              <Field id={`education-${i}-degree`} label="Degree">
                {(control) => (
                  <select
                    value={e.degree ?? ''}
                    onChange={(ev) =>
                      setAt('education', i, { degree: (ev.target.value || null) as typeof e.degree })
                    }
                    {...control}
                  >
                    <Options values={DEGREES} none="Not stated" />
                  </select>
                )}
              </Field>
              <Text
                label="As written"
                value={e.degreeRaw}
                onChange={(v) => setAt('education', i, { degreeRaw: orNull(v) })}
              />
              <Text
                label="Field of study"
                value={e.field}
                onChange={(v) => setAt('education', i, { field: orNull(v) })}
              />
              <Text
                label="Institution"
                value={e.institution}
                onChange={(v) => setAt('education', i, { institution: orNull(v) })}
              />
              <YearField
                id={`education-${i}-graduationYear`}
                value={e.graduationYear}
                error={errorFor(`education-${i}-graduationYear`)}
                onDraft={onDraft}
                onChange={(v) => setAt('education', i, { graduationYear: v })}
              />
              <Text label="GPA" value={e.gpa} onChange={(v) => setAt('education', i, { gpa: orNull(v) })} />
              <button
                type="button"
                className="danger"
                aria-label={`Remove this entry: ${educationName(e, i)}`}
                onClick={() => removeAt('education', i)}
              >
                Remove this entry
              </button>
            </div>
          ))}
        </Group>
      </Fragment>
      <Group
        title={`Projects (${r.projects.length})`}
        addId="projects-add"
        addLabel="Add a project"
        onAdd={() => addTo('projects', { name: 'New project', technologies: [], description: '' })}
      >
        {r.projects.length === 0 && <p className="muted">No projects were found.</p>}
        {r.projects.map((p, i) => (
          <div key={i} className="entry" role="group" aria-labelledby={`projects-${i}`}>
            <h3 id={`projects-${i}`} tabIndex={-1}>
              {p.name.trim() || `Project ${i + 1}`}
            </h3>
            <Text
              id={`projects-${i}-name`}
              label="Project name"
              value={p.name}
              onChange={(v) => setAt('projects', i, { name: v })}
            />
            <Text
              label="Technologies"
              hint="Separate with commas."
              value={p.technologies.join(', ')}
              onChange={(v) => setAt('projects', i, { technologies: list(v) })}
            />
            <Text
              label="Description"
              multiline
              value={p.description}
              onChange={(v) => setAt('projects', i, { description: v })}
            />
            <button
              type="button"
              className="danger"
              aria-label={`Remove this project: ${p.name.trim() || `Project ${i + 1}`}`}
              onClick={() => removeAt('projects', i)}
            >
              Remove this project
            </button>
          </div>
        ))}
      </Group>
      {/* Stays in view while the candidate scrolls a long résumé, so a fix near the top is saved from there. */}
      <div className={`save-bar${dirty ? ' dirty' : ''}`} role="region" aria-label="Save your corrections">
        <p role="status" className={dirty ? '' : 'muted'}>
          {dirty ? 'You have unsaved corrections.' : 'No unsaved corrections.'}
        </p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          {/* Not disabled while saving: a disabled button drops the keyboard's focus. */}
          <button
            type="button"
            className="primary"
            aria-disabled={saving || undefined}
            onClick={() => {
              if (!saving) void save();
            }}
          >
            {saving ? 'Saving…' : 'Save corrections'}
          </button>
          {dirty && (
            <button
              type="button"
              onClick={() => {
                setR(detail.effective);
                setFieldError(null);
                setError('');
                setGeneration((g) => g + 1);
              }}
            >
              Undo unsaved changes
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

/** A list of skills, each saying what it is, how the candidate wrote it, and where it was found. */
function SkillChips({
  id,
  title,
  hint,
  empty,
  skills,
  onRemove,
}: {
  id: string;
  title: string;
  hint?: string;
  empty: string;
  skills: Resume['skills'];
  onRemove(s: Resume['skills'][number]): void;
}) {
  return (
    <div>
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {skills.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul
          className="chips"
          id={id}
          aria-labelledby={`${id}-title`}
          aria-describedby={hint ? `${id}-hint` : undefined}
        >
          {skills.map((s) => (
            <li key={s.name} className="chip">
              <span>{s.name}</span>
              {s.known === false ? (
                <span className="badge">as written</span>
              ) : s.asWritten && s.asWritten.toLowerCase() !== s.name.toLowerCase() ? (
                <span className="muted"> (you wrote “{s.asWritten}”)</span>
              ) : null}{' '}
              <span className="muted">
                · {s.category}
                {foundIn(s) && ` · ${foundIn(s)}`}
              </span>
              <button type="button" aria-label={`Remove ${s.name}`} onClick={() => onRemove(s)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
