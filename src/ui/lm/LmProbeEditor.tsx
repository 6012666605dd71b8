// The LM probe editor: the probe as JSON with live schema validation (every problem named by its
// path, e.g. "templates.0: unknown slot {foo}"), a short summary of what the probe contains, and
// save / share / export / import (probe JSON or a CrowS-Pairs CSV). A form per family is not
// needed to edit these probes; the JSON is exactly what the CLI reads.
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { lmDraftFromProbe, lmProbeFromCrowsCsv, lmProbeFromJsonFile, validateLmDraft, isReservedProbeId } from '../../state/lmDraft';
import { FAMILY_TITLE } from '../../state/lmFormat';
import { useSaveProbe } from '../../state/queries';
import { lmShareUrlFor } from '../../state/share';
import { useWorkbench } from '../../state/store';
import type { LmProbe } from '../../probes/lmSchema';
import { downloadText } from '../download';

/** "24 pairs", "40 questions × 4 options"… from the probe's data (counting, no statistics). */
function contents(p: LmProbe): string {
  switch (p.family) {
    case 'counterfactual-pairs':
      return `${p.pairs.length} sentence pairs, scoring ${p.scoring}`;
    case 'mcq-position':
      return `${p.questions.length} questions × ${p.labels.length} options`;
    case 'pairwise-position':
      return `${p.items.length} comparisons`;
    case 'decision-template':
      return `${p.questions.length} question templates`;
    default:
      return FAMILY_TITLE[p.family] ?? p.family;
  }
}

export default function LmProbeEditor() {
  const draft = useWorkbench((s) => s.lmDraft);
  const setText = useWorkbench((s) => s.setLmText);
  const loadLmDraft = useWorkbench((s) => s.loadLmDraft);
  const showNotice = useWorkbench((s) => s.showNotice);
  const deferred = useDeferredValue(draft.text);
  const v = useMemo(() => validateLmDraft(deferred), [deferred]);
  const save = useSaveProbe();
  const [shareUrl, setShareUrl] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errors = v.issues.filter((i) => i.level === 'error');

  const onImport = async (f: File | undefined) => {
    if (!f) return;
    try {
      const text = await f.text();
      if (/\.csv$/i.test(f.name)) {
        const r = lmProbeFromCrowsCsv(text, f.name);
        loadLmDraft(lmDraftFromProbe(r.probe, { kind: 'import', id: r.probe.id }));
        if (r.skipped.length)
          showNotice({ kind: 'error', title: `Imported ${r.probe.family === 'counterfactual-pairs' ? r.probe.pairs.length : 0} pairs from ${f.name}; ${r.skipped.length} row${r.skipped.length === 1 ? '' : 's'} skipped`, text: r.skipped.slice(0, 8).join(' · ') + (r.skipped.length > 8 ? ` · and ${r.skipped.length - 8} more` : '') });
        else showNotice({ kind: 'info', title: 'CrowS-Pairs CSV imported', text: `“${r.probe.title}” is in the editor.` });
      } else {
        const p = lmProbeFromJsonFile(text, f.name);
        loadLmDraft(lmDraftFromProbe(p, { kind: 'import', id: p.id }));
        showNotice({ kind: 'info', title: 'Probe imported', text: `“${p.title}” from ${f.name} is in the editor.` });
      }
    } catch (e) {
      showNotice({ kind: 'error', title: `Could not import ${f.name}`, text: (e as Error).message });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <div className="editor lm-editor">
      <div className="panel-head">
        <h2 id="editor-heading">Editor</h2>
        <span className="muted small-text">
          {draft.origin.kind === 'builtin' ? `Built-in ${draft.origin.id}` : draft.origin.kind === 'share' ? 'From a share link' : draft.origin.kind === 'import' ? 'Imported' : draft.origin.kind === 'user' ? 'Saved probe' : 'New probe'} · LM probe as JSON · saved in this browser as you type
        </span>
      </div>
      {v.probe && (
        <p className="lm-summary">
          <strong>{FAMILY_TITLE[v.probe.family]}</strong> · <code>{v.probe.id}</code> · {contents(v.probe)}
          {v.probe.citation && <> · <cite>{v.probe.citation.text}</cite></>}
        </p>
      )}
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
      <section className="validation" id={`${id}-checks`} aria-labelledby={`${id}-val`} aria-live="polite">
        <h3 id={`${id}-val`}>Checks</h3>
        {errors.length === 0 ? (
          <p className="ok-text">Ready to run{v.issues.length ? ` (${v.issues.length} warning${v.issues.length === 1 ? '' : 's'})` : ''}.</p>
        ) : (
          <p className="error-text">
            {errors.length} problem{errors.length === 1 ? '' : 's'} to fix before running:
          </p>
        )}
        {v.issues.length > 0 && (
          <ul className="issues">
            {v.issues.map((i, n) => (
              <li key={n} className={`issue issue-${i.level}`}>
                <span className="issue-level">{i.level === 'error' ? 'Error' : 'Warning'}:</span> {i.path && <code>{i.path}</code>} {i.message}
              </li>
            ))}
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
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          Import LM probe JSON or CrowS-Pairs CSV…
        </button>
        <input ref={fileRef} type="file" accept=".json,.csv,application/json,text/csv" hidden aria-hidden="true" tabIndex={-1} data-testid="import-lm-probe" onChange={(e) => void onImport(e.target.files?.[0])} />
      </div>
      {shareUrl && (
        <label className="share">
          Share URL (copied to the clipboard; opening it loads this probe without running it)
          <input readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
