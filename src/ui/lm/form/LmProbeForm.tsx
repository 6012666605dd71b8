// The LM probe as a form: draws the field tree state/lmForm.ts reads from the family's schema and
// the draft's JSON, and writes every edit back into the one draft text (state/lmFormEdits.ts), so
// the JSON view shows the same probe. Each control has a label, its checks beside it
// (aria-describedby) and keyboard-only use: rows and named entries are added and removed with
// buttons. A draft that is not valid JSON keeps the form disabled with the parse error shown.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { openBlankLmProbe } from '../../../state/lmDraft';
import { lmFormFamilies, lmFormOf, pathKey, placeIssues, type FieldPath, type FormField } from '../../../state/lmForm';
import { addRow, draftTextOf, linesValue, numberValue, parseDraft, removeRow, renameEntry, setField, textValue } from '../../../state/lmFormEdits';
import type { LmIssue } from '../../../state/lmDraft';
import { useWorkbench } from '../../../state/store';
import '../../../styles/lmForm.css';

/** Rows drawn per list before "Show all" (lmFormOf's rowsShown). */
const ROWS_SHOWN = 30;

type Edit = (change: (value: unknown) => unknown) => void;

interface Env {
  idBase: string;
  edit: Edit;
  issues: Map<string, LmIssue[]>;
  showAll: (path: FieldPath) => void;
}

const domId = (env: Env, path: FieldPath, suffix = '') => `${env.idBase}-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_')).join('-') || 'root'}${suffix}`;

export interface ReadableDraft {
  /** The value the form shows: the draft's, or while it cannot be read, the last one that could. */
  shown: unknown;
  /** The parse error of a draft that is not empty and not JSON (the form is disabled), else null. */
  error: string | null;
}

/**
 * The draft's JSON value as the form needs it, remembering the last readable one. Called by the
 * editor, which stays mounted while the views switch, so a probe broken in the JSON view still
 * shows (disabled) in the form.
 */
export function useReadableDraft(): ReadableDraft {
  const text = useWorkbench((s) => s.lmDraft.text);
  const parsed = useMemo(() => parseDraft(text), [text]);
  const [lastReadable, setLastReadable] = useState<unknown>(null);
  if (parsed.error === null && parsed.value !== lastReadable) setLastReadable(parsed.value);
  if (parsed.error === null) return { shown: parsed.value, error: null };
  return text.trim() ? { shown: lastReadable, error: parsed.error } : { shown: null, error: null };
}

/** The draft as a form; `issues` are the editor's validation checks (placed beside their fields). */
export function LmProbeForm({ draft, issues }: { draft: ReadableDraft; issues: readonly LmIssue[] }) {
  const setText = useWorkbench((s) => s.setLmText);
  const idBase = useId().replace(/:/g, '');
  const unreadable = draft.error !== null;
  const shown = draft.shown;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const fields = useMemo(() => lmFormOf(shown, (path) => (expanded.has(pathKey(path)) ? Infinity : ROWS_SHOWN)), [shown, expanded]);
  const placed = useMemo(() => placeIssues(fields ?? [], unreadable ? [] : issues), [fields, issues, unreadable]);
  const edit: Edit = (change) => {
    const current = parseDraft(useWorkbench.getState().lmDraft.text);
    if (current.error === null) setText(draftTextOf(change(current.value)));
  };
  const env: Env = { idBase, edit, issues: placed, showAll: (path) => setExpanded((s) => new Set([...s, pathKey(path)])) };
  const drawn = fields?.map((f) => <Field key={pathKey(f.path)} f={f} env={env} />);

  if (unreadable) {
    return (
      <div className="lm-form">
        <p className="error-text" role="alert">
          The form is off while the JSON cannot be read: {draft.error}. Fix it in “Advanced: edit as JSON”.
        </p>
        {drawn && (
          <fieldset disabled className="lm-form-disabled">
            {drawn}
          </fieldset>
        )}
      </div>
    );
  }
  if (!drawn) return <NewProbe />;
  return (
    <div className="lm-form">
      {drawn}
      <NewProbe compact />
    </div>
  );
}

/** Start a new probe of a family (the editor asks before replacing unsaved edits). */
function NewProbe({ compact = false }: { compact?: boolean }) {
  const families = lmFormFamilies();
  const [family, setFamily] = useState(families[0]?.id ?? '');
  const id = useId();
  return (
    <div className={`lm-form-new row wrap${compact ? ' compact' : ''}`}>
      {!compact && <p>The form edits a probe of a language-model family. Start a new one:</p>}
      <label htmlFor={`${id}-family`}>{compact ? 'Start a new probe instead:' : 'Family'}</label>
      <select id={`${id}-family`} value={family} onChange={(e) => setFamily(e.target.value)}>
        {families.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" onClick={() => openBlankLmProbe(family)}>
        New blank probe
      </button>
    </div>
  );
}

function Checks({ env, path }: { env: Env; path: FieldPath }) {
  const list = env.issues.get(pathKey(path));
  if (!list?.length) return null;
  return (
    <ul className="field-checks" id={domId(env, path, '-checks')}>
      {list.map((i, n) => (
        <li key={n} className={`issue issue-${i.level}`}>
          <span className="issue-level">{i.level === 'error' ? 'Error' : 'Warning'}:</span> {i.message}
        </li>
      ))}
    </ul>
  );
}

/** The aria attributes tying a control to its hint and its checks. */
function described(env: Env, f: FormField) {
  const ids = [f.hint ? domId(env, f.path, '-hint') : '', env.issues.has(pathKey(f.path)) ? domId(env, f.path, '-checks') : ''].filter(Boolean);
  const errors = env.issues.get(pathKey(f.path))?.some((i) => i.level === 'error') ?? false;
  return { 'aria-describedby': ids.length ? ids.join(' ') : undefined, 'aria-invalid': errors || undefined };
}

function LabelText({ f }: { f: FormField }) {
  return (
    <>
      {f.label}
      {!f.required && <span className="muted"> (optional)</span>}
    </>
  );
}

function Hint({ env, f }: { env: Env; f: FormField }) {
  return f.hint ? (
    <span className="field-hint muted" id={domId(env, f.path, '-hint')}>
      {f.hint}
    </span>
  ) : null;
}

/** Text the user is typing, kept while it means the same value as the draft (a trailing dot, a new empty line). */
function useLocalText(external: string, sameValue: (local: string) => boolean): [string, (t: string) => void] {
  const [local, setLocal] = useState(external);
  useEffect(() => {
    if (!sameValue(local)) setLocal(external);
    // only a change from outside (the JSON view, a new probe) replaces what is being typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [external]);
  return [local, setLocal];
}

function Field({ f, env }: { f: FormField; env: Env }): ReactNode {
  const id = domId(env, f.path);
  const set = (value: unknown) => env.edit((v) => setField(v, f.path, value, f.ensure));
  switch (f.kind) {
    case 'text':
      return (
        <div className="field">
          <label htmlFor={id}>
            <LabelText f={f} />
          </label>
          <Hint env={env} f={f} />
          {f.multiline ? (
            <textarea id={id} rows={3} value={f.value} onChange={(e) => set(textValue(e.target.value, f.required))} {...described(env, f)} />
          ) : (
            <input id={id} type="text" value={f.value} onChange={(e) => set(textValue(e.target.value, f.required))} {...described(env, f)} />
          )}
          <Checks env={env} path={f.path} />
        </div>
      );
    case 'number':
      return <NumberField f={f} env={env} id={id} set={set} />;
    case 'lines':
      return <LinesField f={f} env={env} id={id} set={set} />;
    case 'json':
      return <JsonField f={f} env={env} id={id} set={set} />;
    case 'choice':
      return (
        <div className="field">
          <label htmlFor={id}>
            <LabelText f={f} />
          </label>
          <Hint env={env} f={f} />
          <select
            id={id}
            value={f.value}
            onChange={(e) => set(e.target.value === '' ? undefined : f.options.find((o) => String(o.value) === e.target.value)?.value)}
            {...described(env, f)}
          >
            {(!f.required || f.value === '') && <option value="">(not set)</option>}
            {f.options.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
          <Checks env={env} path={f.path} />
        </div>
      );
    case 'flag':
      return f.required ? (
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={f.value ?? false} onChange={(e) => set(e.target.checked)} {...described(env, f)} /> <LabelText f={f} />
          </label>
          <Hint env={env} f={f} />
          <Checks env={env} path={f.path} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={id}>
            <LabelText f={f} />
          </label>
          <Hint env={env} f={f} />
          <select id={id} value={f.value === undefined ? '' : String(f.value)} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === 'true')} {...described(env, f)}>
            <option value="">(not set)</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
          <Checks env={env} path={f.path} />
        </div>
      );
    case 'group':
      return (
        <fieldset className="group" aria-describedby={described(env, f)['aria-describedby']}>
          <legend>
            <LabelText f={f} />
          </legend>
          <Hint env={env} f={f} />
          <Checks env={env} path={f.path} />
          {f.present || f.fixed ? (
            <>
              {f.children.map((c) => (
                <Field key={pathKey(c.path)} f={c} env={env} />
              ))}
              {!f.fixed && (
                <button type="button" className="secondary small" onClick={() => set(undefined)}>
                  Remove {f.label.toLowerCase()}
                </button>
              )}
            </>
          ) : (
            <button type="button" className="secondary small" onClick={() => set(f.template)}>
              Add {f.label.toLowerCase()}
            </button>
          )}
        </fieldset>
      );
    case 'rows':
      return <RowsField f={f} env={env} />;
    case 'entries':
      return <EntriesField f={f} env={env} />;
  }
}

type Narrow<K extends FormField['kind']> = Extract<FormField, { kind: K }>;

function NumberField({ f, env, id, set }: { f: Narrow<'number'>; env: Env; id: string; set: (v: unknown) => void }) {
  const [local, setLocal] = useLocalText(f.value, (t) => String(numberValue(t, f.required) ?? '') === f.value);
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText f={f} />
      </label>
      <Hint env={env} f={f} />
      <input
        id={id}
        type="text"
        inputMode={f.integer ? 'numeric' : 'decimal'}
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          set(numberValue(e.target.value, f.required));
        }}
        {...described(env, f)}
      />
      <Checks env={env} path={f.path} />
    </div>
  );
}

function LinesField({ f, env, id, set }: { f: Narrow<'lines'>; env: Env; id: string; set: (v: unknown) => void }) {
  const joined = f.value.join('\n');
  const [local, setLocal] = useLocalText(joined, (t) => linesValue(t).join('\n') === joined);
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText f={f} />
      </label>
      <Hint env={env} f={f} />
      <textarea
        id={id}
        rows={Math.min(8, Math.max(3, f.value.length + 1))}
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          set(linesValue(e.target.value));
        }}
        {...described(env, f)}
      />
      <Checks env={env} path={f.path} />
    </div>
  );
}

/** A value the form has no control for, edited as JSON in place (only this value). */
function JsonField({ f, env, id, set }: { f: Narrow<'json'>; env: Env; id: string; set: (v: unknown) => void }) {
  const shown = f.value === undefined ? '' : JSON.stringify(f.value, null, 2);
  const [local, setLocal] = useLocalText(shown, (t) => {
    const p = parseDraft(t);
    return p.error === null && JSON.stringify(p.value, null, 2) === shown;
  });
  const p = local.trim() ? parseDraft(local) : null;
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText f={f} /> <span className="muted">(as JSON)</span>
      </label>
      <Hint env={env} f={f} />
      <textarea
        id={id}
        className="json-field"
        rows={4}
        spellCheck={false}
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          const q = e.target.value.trim() ? parseDraft(e.target.value) : null;
          if (!q) set(undefined);
          else if (q.error === null) set(q.value);
        }}
        {...described(env, f)}
      />
      {p?.error && <p className="error-text">Not valid JSON: {p.error}</p>}
      <Checks env={env} path={f.path} />
    </div>
  );
}

function RowsField({ f, env }: { f: Narrow<'rows'>; env: Env }) {
  const item = f.itemLabel.toLowerCase();
  return (
    <fieldset className="rows" aria-describedby={described(env, f)['aria-describedby']}>
      <legend>
        <LabelText f={f} /> <span className="muted">({f.count.toLocaleString('en-US')})</span>
      </legend>
      <Hint env={env} f={f} />
      <Checks env={env} path={f.path} />
      {f.rows.map((row, i) => (
        <div className="row-item" key={i}>
          {row.kind === 'group' ? (
            <fieldset className="group" aria-describedby={described(env, row)['aria-describedby']}>
              <legend>{row.label}</legend>
              <Checks env={env} path={row.path} />
              {row.children.map((c) => (
                <Field key={pathKey(c.path)} f={c} env={env} />
              ))}
            </fieldset>
          ) : (
            <Field f={row} env={env} />
          )}
          <button type="button" className="secondary small" onClick={() => env.edit((v) => removeRow(v, f.path, i))}>
            Remove {row.label.toLowerCase()}
          </button>
        </div>
      ))}
      {f.count > f.rows.length && (
        <button type="button" className="secondary small" onClick={() => env.showAll(f.path)}>
          Show all {f.count.toLocaleString('en-US')} {item}s
        </button>
      )}
      {(f.maxItems === undefined || f.count < f.maxItems) && (
        <button type="button" className="small" onClick={() => env.edit((v) => addRow(v, f.path, f.newItem))}>
          Add {item}
        </button>
      )}
    </fieldset>
  );
}

function EntriesField({ f, env }: { f: Narrow<'entries'>; env: Env }) {
  const item = f.itemLabel.toLowerCase();
  return (
    <fieldset className="rows" aria-describedby={described(env, f)['aria-describedby']}>
      <legend>
        <LabelText f={f} />
      </legend>
      <Hint env={env} f={f} />
      <Checks env={env} path={f.path} />
      {f.entries.map((e) => (
        <div className="row-item" key={e.key}>
          <EntryName env={env} path={f.path} name={e.key} label={`Name of ${item} “${e.key}”`} />
          <Field f={e.field} env={env} />
          <button type="button" className="secondary small" onClick={() => env.edit((v) => setField(v, [...f.path, e.key], undefined))}>
            Remove {item} “{e.key}”
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => env.edit((v) => setField(v, [...f.path, f.newKey], f.newValue, f.ensure))}>
        Add {item}
      </button>
    </fieldset>
  );
}

/** An entry's name, renamed when the field is left (renaming on each keystroke would move the focus). */
function EntryName({ env, path, name, label }: { env: Env; path: FieldPath; name: string; label: string }) {
  const [local, setLocal] = useState(name);
  const id = domId(env, [...path, name], '-name');
  const commit = () => {
    const to = local.trim();
    if (to && to !== name) env.edit((v) => renameEntry(v, path, name, to));
    else setLocal(name);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={local} onChange={(e) => setLocal(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </div>
  );
}
