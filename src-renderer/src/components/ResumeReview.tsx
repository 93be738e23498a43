import { useId, useState, type ReactNode } from 'react';
import { DEGREES, ParsedResume, SKILL_CATEGORIES, type ResumeDetail } from '../../../src-shared/resume';
import { call, messageOf } from '../api';
import { Field, Options } from './form';

/** Where a skill was found, as the review screen says it. */
const FOUND_IN: Record<Resume['skills'][number]['sources'][number], string> = {
  skills: 'listed',
  recent_experience: 'latest job',
  experience: 'experience',
  projects: 'projects',
  summary: 'summary',
  other: 'elsewhere',
};

type Resume = ParsedResume;

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s);

function Text({
  label,
  value,
  onChange,
  hint,
  multiline,
}: {
  label: string;
  value: string | null;
  onChange(v: string): void;
  hint?: string;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint || undefined}>
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

function Group({
  title,
  onAdd,
  addLabel,
  children,
}: {
  title: string;
  onAdd?(): void;
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
        <button type="button" onClick={onAdd}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}

/** Everything the parser found, editable; what is saved here is what the rest of the app uses. */
export function ResumeReview({ detail, onSaved }: { detail: ResumeDetail; onSaved(d: ResumeDetail): void }) {
  const [r, setR] = useState<Resume>(detail.effective);
  const [skill, setSkill] = useState('');
  const [category, setCategory] = useState<Resume['skills'][number]['category']>('technical');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<Resume>) => setR({ ...r, ...patch });
  const setAt = <K extends 'experience' | 'education' | 'projects'>(
    key: K,
    i: number,
    patch: Partial<Resume[K][number]>,
  ) => set({ [key]: r[key].map((x, j) => (j === i ? { ...x, ...patch } : x)) } as Partial<Resume>);
  const removeAt = (key: 'experience' | 'education' | 'projects', i: number) =>
    set({ [key]: r[key].filter((_, j) => j !== i) } as Partial<Resume>);

  async function save() {
    setError('');
    const parsed = ParsedResume.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError(`Check ${issue.path.join(' › ')}: ${issue.message}`);
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

  return (
    <section aria-labelledby="review-title" className="stack">
      <h2 id="review-title">
        What Rehearse found in “{detail.label}”{detail.corrected ? ' (with your corrections)' : ''}
      </h2>
      <p className="muted">
        {r.seniority} level, {(r.totalExperienceMonths / 12).toFixed(1)} years of experience. Fix anything
        that is wrong and save.
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
        <ul className="chips" aria-label="Skills found">
          {r.skills.map((s) => (
            <li key={s.name} className="chip">
              <span>{s.name}</span>
              {s.asWritten && s.asWritten.toLowerCase() !== s.name.toLowerCase() ? (
                <span className="muted"> (you wrote “{s.asWritten}”)</span>
              ) : null}{' '}
              <span className="muted">
                · {s.category} · {s.sources.map((source) => FOUND_IN[source]).join(', ')}
              </span>
              <button
                type="button"
                aria-label={`Remove ${s.name}`}
                onClick={() => set({ skills: r.skills.filter((x) => x.name !== s.name) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <Text label="Add a skill" value={skill} onChange={setSkill} />
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
                skills: [...r.skills, { name: skill.trim(), category, confidence: 1, sources: ['skills'] }],
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
        addLabel="Add a role"
        onAdd={() =>
          set({
            experience: [
              ...r.experience,
              {
                title: '',
                company: '',
                location: null,
                start: null,
                end: null,
                current: false,
                months: null,
                bullets: [],
              },
            ],
          })
        }
      >
        {r.experience.map((e, i) => (
          <div key={i} className="entry" role="group" aria-labelledby={`role-${i}`}>
            <h3 id={`role-${i}`}>{[e.title, e.company].filter(Boolean).join(' at ') || `Role ${i + 1}`}</h3>
            <Text
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
                label="Start"
                hint="YYYY-MM or YYYY"
                value={e.start}
                onChange={(v) => setAt('experience', i, { start: orNull(v) })}
              />
              <Text
                label="End"
                hint="Leave empty if current"
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
            <button type="button" className="danger" onClick={() => removeAt('experience', i)}>
              Remove this role
            </button>
          </div>
        ))}
      </Group>
      <Group
        title={`Education (${r.education.length})`}
        addLabel="Add education"
        onAdd={() =>
          set({
            education: [
              ...r.education,
              {
                degree: null,
                degreeRaw: null,
                field: null,
                institution: null,
                graduationYear: null,
                gpa: null,
              },
            ],
          })
        }
      >
        {r.education.map((e, i) => (
          <div key={i} className="entry" role="group" aria-labelledby={`education-${i}`}>
            <h3 id={`education-${i}`}>{e.institution ?? `Education ${i + 1}`}</h3>
            <Field id={`degree-${i}`} label="Degree">
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
            <Text
              label="Graduation year"
              value={e.graduationYear === null ? '' : String(e.graduationYear)}
              onChange={(v) =>
                setAt('education', i, { graduationYear: /^\d{4}$/.test(v) ? Number(v) : null })
              }
            />
            <Text label="GPA" value={e.gpa} onChange={(v) => setAt('education', i, { gpa: orNull(v) })} />
            <button type="button" className="danger" onClick={() => removeAt('education', i)}>
              Remove this entry
            </button>
          </div>
        ))}
      </Group>
      <Group
        title={`Projects (${r.projects.length})`}
        addLabel="Add a project"
        onAdd={() =>
          set({ projects: [...r.projects, { name: 'New project', technologies: [], description: '' }] })
        }
      >
        {r.projects.map((p, i) => (
          <div key={i} className="entry" role="group" aria-label={`Project ${i + 1}`}>
            <Text label="Project name" value={p.name} onChange={(v) => setAt('projects', i, { name: v })} />
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
            <button type="button" className="danger" onClick={() => removeAt('projects', i)}>
              Remove this project
            </button>
          </div>
        ))}
      </Group>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
        {saving ? 'Saving…' : 'Save corrections'}
      </button>
    </section>
  );
}
