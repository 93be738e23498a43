import { useId, useState, type FormEvent } from 'react';
import { CATEGORIES } from '../../../src-shared/domain';
import {
  CompanyProfileInput,
  type CompanyProfile,
  type CompanyValue,
  type InterviewStage,
} from '../../../src-shared/companies';
import type { StorySuggestion } from '../../../src-shared/questions';
import { call, fieldOf, messageOf } from '../api';
import {
  CategoryChecks,
  Field,
  FormError,
  SaveOrCancel,
  useFieldErrors,
  useFormSend,
} from '../components/form';
import { ScreenHeading } from '../components/ScreenHeading';
import { categoryLabel, plural } from '../format';
import { useApp } from '../store';
import { useLoaded } from '../components/loaded';

type Draft = {
  id?: string;
  name: string;
  summary: string;
  values: CompanyValue[];
  stages: InterviewStage[];
  focusAreas: string[];
};

export function Companies() {
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState<Draft | 'paste' | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const [companies, , refresh] = useLoaded('companies.list');

  const own = companies?.filter((c) => !c.builtin) ?? [];
  const shipped = companies?.filter((c) => c.builtin) ?? [];

  return (
    <div className="stack">
      <ScreenHeading>Companies</ScreenHeading>
      <p className="muted">
        Practise for one company: each value it states becomes a behavioural question, and its interview
        stages set the mix of questions.
      </p>
      {editing === 'paste' ? (
        <PasteForm onCancel={() => setEditing(null)} onExtracted={(draft) => setEditing(draft)} />
      ) : editing ? (
        <CompanyForm
          draft={editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              notify('success', `Saved “${saved.name}”.`);
              setOpen(saved.id);
              void refresh();
            }
          }}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setEditing('paste')}>
          Add a company from its careers page
        </button>
      )}
      {companies === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <section aria-labelledby="own-companies" className="stack">
            <h2 id="own-companies">Your profiles</h2>
            {own.length === 0 ? (
              <p className="card">
                None yet. Paste a company’s values or careers page and Rehearse will pick out what it states.
              </p>
            ) : (
              <CompanyList
                companies={own}
                open={open}
                setOpen={setOpen}
                onEdit={(c) => setEditing(draftOf(c))}
                onChanged={refresh}
              />
            )}
          </section>
          <section aria-labelledby="shipped-companies" className="stack">
            <h2 id="shipped-companies">Published profiles</h2>
            <p className="muted">
              What these companies publish about their values and hiring, with links to where they say it.
              Copy one to add your own notes.
            </p>
            <CompanyList
              companies={shipped}
              open={open}
              setOpen={setOpen}
              onEdit={(c) => setEditing({ ...draftOf(c), id: undefined, name: `${c.name} (my notes)` })}
              onChanged={refresh}
            />
          </section>
        </>
      )}
    </div>
  );
}

const draftOf = (c: CompanyProfile): Draft => ({
  id: c.id,
  name: c.name,
  summary: c.summary,
  values: c.values,
  stages: c.stages,
  focusAreas: c.focusAreas,
});

function CompanyList(props: {
  companies: CompanyProfile[];
  open: string | null;
  setOpen(id: string | null): void;
  onEdit(c: CompanyProfile): void;
  onChanged(): void;
}) {
  const { go, notify } = useApp();
  return (
    <ul className="stack plain-list">
      {props.companies.map((c) => {
        const isOpen = props.open === c.id;
        return (
          <li key={c.id} className="card">
            <div className="row spread">
              <div>
                <h3 style={{ margin: 0 }}>{c.name}</h3>
                <p className="muted" style={{ margin: 0 }}>
                  {plural(c.values.length, 'value')} · {plural(c.stages.length, 'interview stage')}
                </p>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="primary"
                  onClick={() => go({ name: 'setup', companyId: c.id })}
                >
                  Practise for {c.name}
                </button>
                <button
                  type="button"
                  aria-expanded={isOpen}
                  aria-label={`${isOpen ? 'Hide' : 'Show'} ${c.name}’s profile`}
                  onClick={() => props.setOpen(isOpen ? null : c.id)}
                >
                  {isOpen ? 'Hide' : 'Show'}
                </button>
                <button
                  type="button"
                  onClick={() => props.onEdit(c)}
                  aria-label={`${c.builtin ? 'Copy' : 'Edit'} ${c.name}`}
                >
                  {c.builtin ? 'Copy' : 'Edit'}
                </button>
                {!c.builtin && (
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete ${c.name}`}
                    onClick={() => {
                      if (window.confirm(`Delete your profile of ${c.name}?`))
                        call('companies.delete', { id: c.id }).then(
                          () => {
                            notify('success', `Deleted “${c.name}”.`);
                            props.onChanged();
                          },
                          (err: unknown) => notify('error', messageOf(err)),
                        );
                    }}
                  >
                    Delete
                  </button>
                )}
              </div>
            </div>
            {isOpen && <CompanyDetail company={c} />}
          </li>
        );
      })}
    </ul>
  );
}

function CompanyDetail({ company }: { company: CompanyProfile }) {
  const [stories, setStories] = useState<{ stories: StorySuggestion[]; note: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const mix = CATEGORIES.filter((c) => company.categoryWeights[c] > 0)
    .map((c) => `${categoryLabel(c)} ${Math.round(company.categoryWeights[c] * 100)}%`)
    .join(', ');
  return (
    <div className="stack">
      {company.summary && <p>{company.summary}</p>}
      <h4>Stated values</h4>
      <dl>
        {company.values.map((v) => (
          <div key={v.name}>
            <dt>
              <strong>{v.name}</strong>
            </dt>
            {v.description && <dd>{v.description}</dd>}
          </div>
        ))}
      </dl>
      <h4>Interview stages</h4>
      {company.stages.length === 0 ? (
        <p className="muted">The company does not publish its stages, so none are listed.</p>
      ) : (
        <ol>
          {company.stages.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong>
              {s.description ? ` — ${s.description}` : ''}
            </li>
          ))}
        </ol>
      )}
      {company.focusAreas.length > 0 && (
        <>
          <h4>Focus areas</h4>
          <ul className="chips">
            {company.focusAreas.map((f) => (
              <li key={f} className="badge">
                {f}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">Question mix in company mode: {mix}.</p>
      {company.sources.length > 0 && (
        <>
          <h4>Sources</h4>
          <ul>
            {company.sources.map((s) => (
              <li key={s.url}>
                {s.title}: <code>{s.url}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <div>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError('');
            call('companies.stories', { id: company.id })
              .then(setStories, (err: unknown) => setError(messageOf(err)))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? 'Reading your résumé…' : 'Suggest STAR stories from my résumé'}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {stories && (
        <section aria-label={`Stories to prepare for ${company.name}`} className="stack">
          {stories.note && <p role="status">{stories.note}</p>}
          <ol>
            {stories.stories.map((s) => (
              <li key={s.evidence}>
                <strong>{s.title}</strong> <span className="muted">({s.from})</span>
                <p style={{ margin: '0.25rem 0' }}>“{s.evidence}”</p>
                <p className="muted" style={{ margin: 0 }}>
                  {s.prompt}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function PasteForm({ onCancel, onExtracted }: { onCancel(): void; onExtracted(d: Draft): void }) {
  const id = useId();
  const { show, fieldProps } = useFieldErrors(id);
  const [valuesText, setValuesText] = useState('');
  const [postingText, setPostingText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const draft = await call('companies.extract', { valuesText, postingText: postingText || undefined });
      if (draft.values.length === 0) setNotes(draft.notes);
      else onExtracted(draft);
    } catch (err) {
      const field = fieldOf(err);
      if (field) show({ [field]: messageOf(err) });
      else setNotes([messageOf(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a company</h2>
      <Field
        {...fieldProps('valuesText')}
        label="The company’s values or careers page"
        hint="Copy the text of the page where the company lists its values and how it hires."
      >
        {(control) => (
          <textarea
            rows={8}
            value={valuesText}
            onChange={(e) => setValuesText(e.target.value)}
            {...control}
          />
        )}
      </Field>
      <Field {...fieldProps('postingText')} label="A job posting from them (optional)">
        {(control) => (
          <textarea
            rows={5}
            value={postingText}
            onChange={(e) => setPostingText(e.target.value)}
            {...control}
          />
        )}
      </Field>
      {notes.map((n) => (
        <p key={n} role="alert">
          {n}
        </p>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Reading…' : 'Pick out values and stages'}
        </button>
        <button
          type="button"
          onClick={() =>
            onExtracted({
              name: '',
              summary: '',
              values: [{ name: '', description: '' }],
              stages: [],
              focusAreas: [],
            })
          }
        >
          Write it myself
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CompanyForm({ draft, onDone }: { draft: Draft; onDone(saved: CompanyProfile | null): void }) {
  const id = useId();
  const { describedBy, errorText, fieldProps, busy, formError, send } = useFormSend(id);
  const [name, setName] = useState(draft.name);
  const [summary, setSummary] = useState(draft.summary);
  const [values, setValues] = useState<CompanyValue[]>(
    draft.values.length ? draft.values : [{ name: '', description: '' }],
  );
  const [stages, setStages] = useState<InterviewStage[]>(draft.stages);
  const [focus, setFocus] = useState(draft.focusAreas.join(', '));

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      name,
      summary,
      values: values.filter((v) => v.name.trim() || v.description.trim()),
      stages: stages.filter((s) => s.name.trim()),
      focusAreas: focus
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    };
    void send(CompanyProfileInput, input, async (data) =>
      onDone(await call('companies.save', { id: draft.id, profile: data })),
    );
  }

  const setValue = (i: number, patch: Partial<CompanyValue>) =>
    setValues(values.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const setStage = (i: number, patch: Partial<InterviewStage>) =>
    setStages(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Check and edit the profile</h2>
      <p className="muted">Keep only what the company states. Everything here is yours to change.</p>
      <Field {...fieldProps('name')} label="Company name">
        {(control) => <input value={name} onChange={(e) => setName(e.target.value)} {...control} />}
      </Field>
      <Field id={`${id}-summary`} label="Notes (optional)">
        {(control) => (
          <textarea rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} {...control} />
        )}
      </Field>
      <fieldset className="card" aria-describedby={describedBy('values')}>
        <legend id={`${id}-values`} tabIndex={-1}>
          Values
        </legend>
        {errorText('values')}
        {values.map((v, i) => (
          <div key={i} className="row" style={{ alignItems: 'flex-end' }}>
            <Field id={`${id}-value-${i}`} label={`Value ${i + 1}`}>
              {(control) => (
                <input value={v.name} onChange={(e) => setValue(i, { name: e.target.value })} {...control} />
              )}
            </Field>
            <Field id={`${id}-value-${i}-description`} label="What it means" style={{ flex: 1 }}>
              {(control) => (
                <input
                  value={v.description}
                  onChange={(e) => setValue(i, { description: e.target.value })}
                  {...control}
                />
              )}
            </Field>
            <button
              type="button"
              aria-label={`Remove value ${i + 1}`}
              onClick={() => setValues(values.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setValues([...values, { name: '', description: '' }])}>
          Add a value
        </button>
      </fieldset>
      <fieldset className="card">
        <legend>Interview stages</legend>
        {stages.length === 0 && <p className="muted">No stages. Add the ones the company describes.</p>}
        {stages.map((s, i) => (
          <div key={i} className="stack">
            <div className="row" style={{ alignItems: 'flex-end' }}>
              <Field id={`${id}-stage-${i}`} label={`Stage ${i + 1}`}>
                {(control) => (
                  <input
                    value={s.name}
                    onChange={(e) => setStage(i, { name: e.target.value })}
                    {...control}
                  />
                )}
              </Field>
              <Field id={`${id}-stage-${i}-description`} label="Description" style={{ flex: 1 }}>
                {(control) => (
                  <input
                    value={s.description}
                    onChange={(e) => setStage(i, { description: e.target.value })}
                    {...control}
                  />
                )}
              </Field>
              <button
                type="button"
                aria-label={`Remove stage ${i + 1}`}
                onClick={() => setStages(stages.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
            <fieldset>
              <legend>Question types in stage {i + 1}</legend>
              <CategoryChecks value={s.categories} onChange={(categories) => setStage(i, { categories })} />
            </fieldset>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setStages([...stages, { name: '', description: '', categories: ['Behavioral'] }])}
        >
          Add a stage
        </button>
      </fieldset>
      <Field {...fieldProps('focusAreas')} label="Focus areas (optional)" hint="Separate with commas.">
        {(control) => <input value={focus} onChange={(e) => setFocus(e.target.value)} {...control} />}
      </Field>
      <FormError message={formError} />
      <SaveOrCancel busy={busy} label="Save profile" onCancel={() => onDone(null)} />
    </form>
  );
}
