import { useCallback, useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { CATEGORIES, DIFFICULTIES, type Category, type Difficulty } from '../../../src-shared/domain';
import {
  PrivateQuestionInput,
  type ExchangeFormat,
  type ImportRowError,
  type PrivateQuestion,
} from '../../../src-shared/questions';
import { call, messageOf } from '../api';
import { Field, FormError, Options, RadioChoices, SaveOrCancel, useFormSend } from '../components/form';
import { ScreenHeading } from '../components/ScreenHeading';
import { downloadText } from '../files';
import { categoryLabel, plural } from '../format';
import { useApp } from '../store';
import { Table } from '../components/Table';

const MIME: Record<ExchangeFormat, string> = { csv: 'text/csv', json: 'application/json' };
const splitList = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

export function MyQuestions() {
  const notify = useApp((s) => s.notify);
  const [questions, setQuestions] = useState<PrivateQuestion[] | null>(null);
  const [editing, setEditing] = useState<PrivateQuestion | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [importErrors, setImportErrors] = useState<{ file: string; errors: ImportRowError[] } | null>(null);
  const [importing, setImporting] = useState(false);
  const id = useId();

  const refresh = useCallback(
    () =>
      call('questions.private.list', { search: search || undefined, tag: tag || undefined }).then(
        setQuestions,
        (err: unknown) => notify('error', messageOf(err)),
      ),
    [notify, search, tag],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const [allTags, setAllTags] = useState<string[]>([]);
  useEffect(() => {
    call('questions.private.list', {}).then(
      (all) => setAllTags([...new Set(all.flatMap((q) => q.tags))].sort()),
      () => undefined,
    );
  }, [questions]);

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const format: ExchangeFormat | null = /\.csv$/i.test(file.name)
      ? 'csv'
      : /\.json$/i.test(file.name)
        ? 'json'
        : null;
    if (!format) {
      notify('error', 'Choose a .csv or .json file.');
      return;
    }
    setImporting(true);
    setImportErrors(null);
    try {
      const result = await call('questions.private.import', { format, content: await file.text() });
      if (result.errors.length > 0) setImportErrors({ file: file.name, errors: result.errors });
      else {
        notify(
          'success',
          `Imported ${plural(result.imported, 'question')} from ${file.name}` +
            (result.skipped > 0 ? ` (${result.skipped} already in your bank).` : '.'),
        );
        void refresh();
      }
    } catch (err) {
      notify('error', messageOf(err));
    } finally {
      setImporting(false);
    }
  }

  async function exportAs(format: ExchangeFormat) {
    try {
      const out = await call('questions.private.export', { format });
      downloadText(out.fileName, MIME[format], out.content);
      notify('success', `Exported ${plural(out.count, 'question')} to ${out.fileName}.`);
    } catch (err) {
      notify('error', messageOf(err));
    }
  }

  return (
    <div className="stack">
      <ScreenHeading>My questions</ScreenHeading>
      <p className="muted">
        Questions you wrote, saved from a session or imported. They join the bank whenever you practise for
        their role.
      </p>
      {editing ? (
        <QuestionForm
          question={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              notify('success', 'Question saved.');
              void refresh();
            }
          }}
        />
      ) : (
        <div className="row">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Write a question
          </button>
          <label className="button" htmlFor={`${id}-import`}>
            {importing ? 'Importing…' : 'Import CSV or JSON'}
          </label>
          <input
            id={`${id}-import`}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="visually-hidden"
            onChange={(e) => void importFile(e)}
            disabled={importing}
          />
          <button type="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>
      )}
      {importErrors && (
        <section className="card" role="alert" aria-labelledby={`${id}-import-errors`}>
          <h2 id={`${id}-import-errors`}>Nothing was imported from {importErrors.file}</h2>
          <p>Fix these rows and import the file again:</p>
          <Table columns={['Row', 'Column', 'Problem']}>
            {importErrors.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row === 0 ? '—' : e.row}</td>
                <td>{e.field}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </Table>
          <button type="button" onClick={() => setImportErrors(null)}>
            Dismiss
          </button>
        </section>
      )}
      <div className="row">
        <Field id={`${id}-search`} label="Search">
          {(control) => (
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} {...control} />
          )}
        </Field>
        <Field id={`${id}-tag`} label="Tag">
          {(control) => (
            <select value={tag} onChange={(e) => setTag(e.target.value)} {...control}>
              <Options values={allTags} none="All tags" />
            </select>
          )}
        </Field>
      </div>
      {questions === null ? (
        <p role="status">Loading…</p>
      ) : questions.length === 0 ? (
        <p className="card">
          {search || tag
            ? 'No questions match. Clear the search or pick another tag.'
            : 'No questions of your own yet. Write one, save one from a session, or import a CSV or JSON file.'}
        </p>
      ) : (
        <ul className="stack plain-list" aria-label="My questions, newest first">
          {questions.map((q) => (
            <li key={q.id} className="card">
              <p className="question-text" style={{ marginTop: 0 }}>
                {q.text}
              </p>
              <ul className="chips" aria-label="Details">
                <li className="badge">{categoryLabel(q.category)}</li>
                <li className="badge">{q.difficulty}</li>
                <li className="badge">{Math.round(q.timeLimitSec / 60)} min</li>
                {q.role && <li className="badge">{q.role}</li>}
                {q.origin === 'generated' && <li className="badge">Written by {q.writtenBy ?? 'a model'}</li>}
                {q.tags.map((t) => (
                  <li key={t} className="badge ok">
                    #{t}
                  </li>
                ))}
              </ul>
              <div className="row">
                <button type="button" onClick={() => setEditing(q)} aria-label={`Edit: ${q.text}`}>
                  Edit
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete: ${q.text}`}
                  onClick={() => {
                    if (window.confirm('Delete this question from your bank?'))
                      call('questions.private.delete', { id: q.id }).then(
                        () => {
                          notify('success', 'Question deleted.');
                          void refresh();
                        },
                        (err: unknown) => notify('error', messageOf(err)),
                      );
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function QuestionForm({
  question,
  onDone,
}: {
  question: PrivateQuestion | null;
  onDone(saved: PrivateQuestion | null): void;
}) {
  const catalog = useApp((s) => s.catalog);
  const id = useId();
  const { fieldProps, busy, formError, send } = useFormSend(id);
  const [text, setText] = useState(question?.text ?? '');
  const [category, setCategory] = useState<Category>(question?.category ?? 'Behavioral');
  const [difficulty, setDifficulty] = useState<Difficulty>(question?.difficulty ?? 'Medium');
  const [points, setPoints] = useState((question?.expectedPoints ?? []).join('\n'));
  const [seconds, setSeconds] = useState(String(question?.timeLimitSec ?? 180));
  const [skills, setSkills] = useState((question?.skills ?? []).join(', '));
  const [tags, setTags] = useState((question?.tags ?? []).join(', '));
  const [role, setRole] = useState(question?.role ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      text,
      category,
      difficulty,
      expectedPoints: splitList(points, /\n/),
      timeLimitSec: Number(seconds),
      skills: splitList(skills, /,/),
      tags: splitList(tags, /,/),
      role: role || null,
    };
    void send(PrivateQuestionInput, input, async (data) =>
      onDone(await call('questions.private.save', { id: question?.id, question: data })),
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{question ? 'Edit question' : 'Write a question'}</h2>
      <Field {...fieldProps('text')} label="Question">
        {(control) => (
          <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} {...control} />
        )}
      </Field>
      <Field {...fieldProps('category')} label="Category">
        {(control) => (
          <select value={category} onChange={(e) => setCategory(e.target.value as Category)} {...control}>
            <Options values={CATEGORIES} label={categoryLabel} />
          </select>
        )}
      </Field>
      <RadioChoices
        {...fieldProps('difficulty')}
        legend="Difficulty"
        options={DIFFICULTIES}
        value={difficulty}
        onChange={setDifficulty}
      />
      <Field
        {...fieldProps('expectedPoints')}
        label="Expected answer points"
        hint="One per line, 3 to 6. Feedback checks your answer against them."
      >
        {(control) => (
          <textarea rows={4} value={points} onChange={(e) => setPoints(e.target.value)} {...control} />
        )}
      </Field>
      <Field {...fieldProps('timeLimitSec')} label="Time limit (seconds)" hint="From 120 to 600 seconds.">
        {(control) => (
          <input
            type="number"
            inputMode="numeric"
            min={120}
            max={600}
            step={30}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
            style={{ maxWidth: '8rem' }}
            {...control}
          />
        )}
      </Field>
      <Field {...fieldProps('skills')} label="Skills it probes (optional)" hintIds={`${id}-tags-hint`}>
        {(control) => <input value={skills} onChange={(e) => setSkills(e.target.value)} {...control} />}
      </Field>
      <Field {...fieldProps('tags')} label="Tags (optional)" hint="Separate with commas.">
        {(control) => <input value={tags} onChange={(e) => setTags(e.target.value)} {...control} />}
      </Field>
      <Field id={`${id}-role`} label="Role">
        {(control) => (
          <select value={role} onChange={(e) => setRole(e.target.value)} {...control}>
            <Options values={catalog?.roles ?? []} none="Any role" />
          </select>
        )}
      </Field>
      <FormError message={formError} />
      <SaveOrCancel busy={busy} label="Save question" onCancel={() => onDone(null)} />
    </form>
  );
}
