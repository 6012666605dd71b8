// The LM probe editor: the probe as a form read from its family's schema (./form), or, as the
// advanced view, as JSON — both edit the one draft text, so switching loses nothing — with live
// schema validation (every problem named by its path, e.g. "templates.0: unknown slot {foo}", and
// shown beside its field in the form), a short summary of what the probe contains, and
// save / share / export / import (every format the import pipeline reads for a language model, named
// on the button's help from the format table, and sent to its reader: probes/import/lmEditorFormats.ts).
// Imports are read in the import worker (progress, Cancel); a probe whose JSON would be over LARGE_LM_DRAFT_CHARS is shown
// as a summary rather than a multi-megabyte text box, and large drafts are checked in the worker.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { LmProbeForm, useReadableDraft } from './form/LmProbeForm';
import { isReservedProbeId, openLmProbe } from '../../state/lmDraft';
import { importFailedNotice, useImportTask } from '../../state/useImportTask';
import { useLmDraftValidation } from '../../state/useValidation';
import { ImportStatus } from '../components/ImportStatus';
import { familyOf } from '../../probes/families';
import { familyTitleOf, probeContentsOf } from '../families';
import { useSaveProbe } from '../../state/queries';
import { lmShareUrlFor } from '../../state/share';
import { useWorkbench, type Notice } from '../../state/store';
import { downloadText } from '../download';
import { holisticBiasBundleText, holisticBiasKeyOf } from '../../probes/import/holisticBias';
import { checkImportSize } from '../../probes/import/limits';
import { LM_EDITOR_IMPORT_LABEL, lmEditorImportHelp, lmEditorImportKind } from '../../probes/import/lmEditorFormats';

/** Rendering every issue of a 50,000-item probe would itself freeze the page: the first ones, then a count. */
const MAX_ISSUES_SHOWN = 200;

const fmtMb = (chars: number) => `${(chars / 1e6).toFixed(1)} MB`;

const VIEWS = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'Advanced: edit as JSON' },
] as const;
type EditView = (typeof VIEWS)[number]['id'];

export default function LmProbeEditor() {
  const draft = useWorkbench((s) => s.lmDraft);
  const bulk = useWorkbench((s) => s.lmBulk);
  const setText = useWorkbench((s) => s.setLmText);
  const showNotice = useWorkbench((s) => s.showNotice);
  const v = useLmDraftValidation();
  const save = useSaveProbe();
  const [shareUrl, setShareUrl] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errors = v.issues.filter((i) => i.level === 'error');
  const task = useImportTask();
  const origin = bulk?.origin ?? draft.origin;
  const [chosenView, setView] = useState<EditView>('form');
  // The form edits the language-model families; a probe of a word-vector family without a word-set form is edited as JSON.
  const formless = v.probe !== null && familyOf(v.probe.family).modality !== 'lm';
  const views = formless ? VIEWS.filter((t) => t.id !== 'form') : VIEWS;
  const view: EditView = formless ? 'json' : chosenView;
  // Stay on the JSON while an edit makes it briefly invalid (no probe, hence no family to go by).
  useEffect(() => {
    if (formless) setView('json');
  }, [formless]);
  const readable = useReadableDraft();
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const step = e.key === 'ArrowRight' ? 1 : views.length - 1;
    const next = views[(views.findIndex((x) => x.id === view) + step) % views.length]!.id;
    setView(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  // HolisticBias is several files chosen together: combined into one object, then read in the worker.
  const onImportHolisticBias = async (files: readonly File[]) => {
    const names = files.map((f) => f.name).join(', ');
    try {
      checkImportSize('holistic-bias-json', files.reduce((s, f) => s + f.size, 0), names);
      const text = holisticBiasBundleText(await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))));
      const r = await task.start('holistic-bias-json', { name: 'holistic-bias', text });
      const notice: Notice = r.skipped.length
        ? { kind: 'error', title: `Imported “${r.probe.title}” from ${names}; ${r.skipped.length.toLocaleString('en-US')} entr${r.skipped.length === 1 ? 'y' : 'ies'} skipped`, text: r.skipped.slice(0, 8).join(' · ') + (r.skipped.length > 8 ? ` · and ${r.skipped.length - 8} more` : '') }
        : { kind: 'info', title: 'HolisticBias imported', text: `“${r.probe.title}” is in the editor: choose the sample (sentences per template and descriptor, templates, seed) under "sample".` };
      openLmProbe(r.probe, { kind: 'import', id: r.probe.id }, { text: r.text, chars: r.chars, from: names, notice });
    } catch (e) {
      showNotice(importFailedNotice(names, e, 'the editor'));
    }
  };

  const onImport = async (chosen: readonly File[]) => {
    if (fileRef.current) fileRef.current.value = '';
    if (chosen.some((f) => holisticBiasKeyOf(f.name) !== null)) return onImportHolisticBias(chosen);
    const f = chosen[0];
    if (!f) return;
    try {
      const kind = lmEditorImportKind(f.name);
      if (kind === 'crows-csv') {
        const r = await task.start(kind, { name: f.name, file: f });
        const n = 'pairs' in r.probe ? r.probe.pairs.length : 0;
        const notice: Notice = r.skipped.length
          ? { kind: 'error', title: `Imported ${n.toLocaleString('en-US')} pairs from ${f.name}; ${r.skipped.length.toLocaleString('en-US')} row${r.skipped.length === 1 ? '' : 's'} skipped`, text: r.skipped.slice(0, 8).join(' · ') + (r.skipped.length > 8 ? ` · and ${r.skipped.length - 8} more` : '') }
          : { kind: 'info', title: 'CrowS-Pairs CSV imported', text: `“${r.probe.title}” (${n.toLocaleString('en-US')} pairs) is in the editor.` };
        openLmProbe(r.probe, { kind: 'import', id: r.probe.id }, { text: r.text, chars: r.chars, from: f.name, notice });
      } else if (kind === 'coref-text') {
        const r = await task.start(kind, { name: f.name, file: f });
        const n = 'items' in r.probe ? r.probe.items.length : 0;
        const notice: Notice = r.skipped.length
          ? { kind: 'error', title: `Imported ${n.toLocaleString('en-US')} sentences from ${f.name}; ${r.skipped.length.toLocaleString('en-US')} line${r.skipped.length === 1 ? '' : 's'} skipped`, text: r.skipped.slice(0, 8).join(' · ') + (r.skipped.length > 8 ? ` · and ${r.skipped.length - 8} more` : '') }
          : { kind: 'info', title: 'Pronoun-resolution file imported', text: `“${r.probe.title}” (${n.toLocaleString('en-US')} sentences) is in the editor.` };
        openLmProbe(r.probe, { kind: 'import', id: r.probe.id }, { text: r.text, chars: r.chars, from: f.name, notice });
      } else {
        const r = await task.start(kind, { name: f.name, file: f });
        const notice: Notice = r.skipped.length
          ? { kind: 'error', title: `Imported “${r.probe.title}” from ${f.name}; ${r.skipped.length.toLocaleString('en-US')} skipped`, text: r.skipped.slice(0, 8).join(' · ') + (r.skipped.length > 8 ? ` · and ${r.skipped.length - 8} more` : '') }
          : { kind: 'info', title: 'Probe imported', text: `“${r.probe.title}” from ${f.name} is in the editor.` };
        openLmProbe(r.probe, { kind: 'import', id: r.probe.id }, { text: r.text, chars: r.chars, from: f.name, notice });
      }
    } catch (e) {
      showNotice(importFailedNotice(f.name, e, 'the editor'));
    }
  };

  return (
    <div className="editor lm-editor">
      <div className="panel-head">
        <h2 id="editor-heading">Editor</h2>
        <span className="muted small-text">
          {origin.kind === 'builtin' ? `Built-in ${origin.id}` : origin.kind === 'share' ? 'From a share link' : origin.kind === 'import' ? 'Imported' : origin.kind === 'user' ? 'Saved probe' : 'New probe'}
          {bulk ? ' · too large to edit here' : ' · saved in this browser as you type'}
        </span>
      </div>
      {v.probe && (
        <p className="lm-summary">
          <strong>{familyTitleOf(v.probe.family)}</strong> · <code>{v.probe.id}</code> · {probeContentsOf(v.probe)}
          {v.probe.citation && <> · <cite>{v.probe.citation.text}</cite></>}
        </p>
      )}
      {bulk ? (
        <p className="lm-bulk" role="note" aria-label="Large probe">
          Too large to edit here ({fmtMb(bulk.chars)} of JSON): edit the source file and import it again. It runs as imported, but is not kept
          across a reload (too large for this browser&apos;s local storage): save it to My probes to keep it.
        </p>
      ) : (
        <>
          <div className="lm-edit-tabs" role="tablist" aria-label="Edit the probe as">
            {views.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`${id}-tab-${t.id}`}
                aria-selected={view === t.id}
                aria-controls={`${id}-panel`}
                tabIndex={view === t.id ? 0 : -1}
                onClick={() => setView(t.id)}
                onKeyDown={onTabKey}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${view}`}>
            {view === 'form' ? (
              <LmProbeForm draft={readable} issues={v.issues} />
            ) : (
              <>
                <label htmlFor={`${id}-json`}>Probe JSON</label>
                <textarea
                  id={`${id}-json`}
                  className="json-editor"
                  rows={22}
                  spellCheck={false}
                  value={draft.text}
                  aria-invalid={errors.length > 0}
                  aria-describedby={`${id}-checks`}
                  onChange={(e) => setText(e.target.value)}
                />
              </>
            )}
          </div>
        </>
      )}
      <section className="validation" id={`${id}-checks`} aria-labelledby={`${id}-val`} aria-live="polite">
        <h3 id={`${id}-val`}>Checks</h3>
        {v.checking ? (
          <p className="muted">Checking the probe ({fmtMb(draft.text.length)})…</p>
        ) : errors.length === 0 ? (
          <p className="ok-text">Ready to run{v.issues.length ? ` (${v.issues.length} warning${v.issues.length === 1 ? '' : 's'})` : ''}.</p>
        ) : (
          <p className="error-text">
            {errors.length} problem{errors.length === 1 ? '' : 's'} to fix before running:
          </p>
        )}
        {v.issues.length > 0 && (
          <ul className="issues">
            {v.issues.slice(0, MAX_ISSUES_SHOWN).map((i, n) => (
              <li key={n} className={`issue issue-${i.level}`}>
                <span className="issue-level">{i.level === 'error' ? 'Error' : 'Warning'}:</span> {i.path && <code>{i.path}</code>} {i.message}
              </li>
            ))}
            {v.issues.length > MAX_ISSUES_SHOWN && <li className="issue">… and {(v.issues.length - MAX_ISSUES_SHOWN).toLocaleString('en-US')} more.</li>}
          </ul>
        )}
      </section>
      <div className="row wrap">
        <button
          type="button"
          disabled={!v.probe || save.isPending}
          onClick={() => {
            const p = v.probe;
            if (!p) return;
            if (isReservedProbeId(p.id)) {
              showNotice({ kind: 'error', title: 'Choose a new id before saving', text: `“${p.id}” is a built-in probe id. Use Duplicate (or change "id") to save your own version.` });
              return;
            }
            save.mutate(p, {
              onSuccess: () => showNotice({ kind: 'info', title: 'Probe saved', text: `“${p.title}” is in My probes.` }),
              onError: (e) => showNotice({ kind: 'error', title: 'Could not save the probe', text: e.message }),
            });
          }}
        >
          Save probe
        </button>
        <button
          type="button"
          disabled={!v.probe}
          onClick={() => {
            if (!v.probe) return;
            try {
              const url = lmShareUrlFor(v.probe, window.location.href);
              setShareUrl(url);
              void navigator.clipboard?.writeText(url).catch(() => undefined);
            } catch (e) {
              showNotice({ kind: 'error', title: 'Cannot share this probe as a link', text: (e as Error).message });
            }
          }}
        >
          Share link
        </button>
        <button type="button" disabled={!v.probe} onClick={() => v.probe && downloadText(`${JSON.stringify(v.probe, null, 2)}\n`, `${v.probe.id}.probe.json`, 'application/json')}>
          Export probe JSON
        </button>
        <button type="button" className="secondary" aria-describedby={`${id}-import-help`} onClick={() => fileRef.current?.click()}>
          {LM_EDITOR_IMPORT_LABEL}
        </button>
        <input ref={fileRef} type="file" accept=".json,.jsonl,.csv,.tsv,.txt,.dev,.test,application/json,text/csv,text/tab-separated-values,text/plain" hidden aria-hidden="true" tabIndex={-1} multiple data-testid="import-lm-probe" onChange={(e) => void onImport([...(e.target.files ?? [])])} />
      </div>
      <p id={`${id}-import-help`} className="muted small-text lm-import-help">
        {lmEditorImportHelp()}
      </p>
      <ImportStatus status={task.status} onCancel={task.cancel} />
      {shareUrl && (
        <label className="share">
          Share URL (copied to the clipboard; opening it loads this probe without running it)
          <input readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
