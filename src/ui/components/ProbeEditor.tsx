// The editor: family, id, title, citation, the four word sets (one per line), SEAT templates, and
// live validation (schema, lint, OOV for the selected model) shown next to each set — an empty set
// only once it was touched (the empty editor says what a probe needs and offers a built-in to start
// from instead of greeting a newcomer with errors). Save keeps the
// probe in IndexedDB; Share puts it in a URL; Export/Import use the probe JSON the CLI reads.
// Every import (and a paste over PASTE_IN_WORKER_CHARS) is read in the import worker, with its
// progress and a Cancel button beside the button that started it.
import { lazy, useId, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { LazyBoundary } from './LazyBoundary';
import type { SetKey } from '../../core/association/types';
import { exportProbeJson } from '../../probes/import';
import { draftFromProbe, stimulusLines } from '../../state/draft';
import { getBuiltinProbe, isBuiltinProbeId } from '../../probes/builtin';
import type { AssociationProbe } from '../../probes/schema';
import { probeFromWefe, type ProbeImport } from '../../state/importers';
import { importFailedNotice, useImportTask } from '../../state/useImportTask';
import { ImportStatus } from './ImportStatus';
import { useSaveProbe } from '../../state/queries';
import { shareUrlFor } from '../../state/share';
import { useWorkbench } from '../../state/store';
import { useDraftValidation } from '../../state/useValidation';
import type { Issue } from '../../state/validation';
import { downloadText } from '../download';
import { EDITOR_CHECKS_ID } from './RunBar';

/** The built-in the empty editor offers to start from. */
const STARTER_PROBE_ID = 'caliskan-weat-1';

/** Pastes longer than this (characters) are split into words in the import worker. */
const PASTE_IN_WORKER_CHARS = 200_000;

const SET_META: Record<SetKey, { role: string }> = {
  X: { role: 'Target X' },
  Y: { role: 'Target Y' },
  A: { role: 'Attribute A' },
  B: { role: 'Attribute B' },
};

function IssueList({ issues, id }: { issues: Issue[]; id?: string }) {
  if (!issues.length) return null;
  return (
    <ul className="issues" id={id}>
      {issues.map((i, n) => (
        <li key={n} className={`issue issue-${i.level}`}>
          <span className="issue-level">{i.level === 'error' ? 'Error' : 'Warning'}:</span> {i.message}
        </li>
      ))}
    </ul>
  );
}

function SetEditor({ k, issues, oov, helpId }: { k: SetKey; issues: Issue[]; oov: string[]; helpId: string }) {
  const label = useWorkbench((s) => s.draft.labels[k]);
  const text = useWorkbench((s) => s.draft.words[k]);
  const setWords = useWorkbench((s) => s.setWords);
  const setLabel = useWorkbench((s) => s.setLabel);
  const touch = useWorkbench((s) => s.touch);
  const showNotice = useWorkbench((s) => s.showNotice);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const count = useMemo(() => stimulusLines(text).length, [text]);
  const task = useImportTask();
  const failed = (what: string, e: unknown) => showNotice(importFailedNotice(what, e, `set ${k}`));
  const onFile = async (f: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!f) return;
    try {
      const words = await task.start('word-list', { name: f.name, file: f });
      setWords(k, words.join('\n'));
      showNotice({ kind: 'info', title: `Imported ${words.length.toLocaleString('en-US')} words into ${k}`, text: `From ${f.name}.` });
    } catch (e) {
      failed(f.name, e);
    }
  };
  // A large paste is split into words in the import worker (the browser would otherwise insert
  // megabytes into the box and re-split them on every render); small pastes go in as usual.
  const onPaste = async (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (pasted.length <= PASTE_IN_WORKER_CHARS) return;
    e.preventDefault();
    const box = e.currentTarget;
    const before = box.value.slice(0, box.selectionStart).replace(/\s+$/, '');
    const after = box.value.slice(box.selectionEnd).replace(/^\s+/, '');
    try {
      const words = await task.start('pasted-words', { name: 'the pasted text', text: pasted });
      setWords(k, [before, words.join('\n'), after].filter((part) => part.length > 0).join('\n'));
      showNotice({ kind: 'info', title: `Pasted ${words.length.toLocaleString('en-US')} words into ${k}`, text: `${(pasted.length / 1e6).toFixed(1)} MB of text, split into words off the page.` });
    } catch (err) {
      failed('the pasted text', err);
    }
  };
  const errs = issues.filter((i) => i.level === 'error').length;
  return (
    <fieldset className={`set-editor${errs ? ' has-error' : ''}`}>
      <legend>
        {SET_META[k].role} <span className="muted">({k})</span>
      </legend>
      <label htmlFor={`${id}-label`}>Label for {k}</label>
      <input id={`${id}-label`} value={label} onChange={(e) => setLabel(k, e.target.value)} />
      <label htmlFor={`${id}-words`}>Words in {k}</label>
      <textarea
        id={`${id}-words`}
        rows={7}
        value={text}
        spellCheck={false}
        aria-invalid={errs > 0}
        aria-describedby={`${helpId} ${id}-meta ${id}-issues`}
        onChange={(e) => {
          setWords(k, e.target.value);
          touch(k);
        }}
        onBlur={() => touch(k)}
        onPaste={(e) => void onPaste(e)}
        placeholder="one word or phrase per line"
      />
      <div className="set-meta" id={`${id}-meta`}>
        <span>
          {count.toLocaleString('en-US')} word{count === 1 ? '' : 's'}
          {oov.length > 0 && ` · ${oov.length} not in the model`}
        </span>
        <button type="button" className="small link" onClick={() => fileRef.current?.click()} aria-label={`Import list into ${k}`}>
          Import list…
        </button>
        <input ref={fileRef} type="file" accept=".txt,.csv,text/plain,text/csv" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void onFile(e.target.files?.[0])} data-testid={`import-${k}`} />
      </div>
      <ImportStatus status={task.status} onCancel={task.cancel} />
      {oov.length > 0 && (
        <div className="chips" role="group" aria-label={`Not in the model (${k})`}>
          {oov.slice(0, 30).map((w) => (
            <span key={w} className="chip chip-oov">
              {w}
            </span>
          ))}
          {oov.length > 30 && <span className="chip">+{oov.length - 30} more</span>}
        </div>
      )}
      <IssueList issues={issues} id={`${id}-issues`} />
    </fieldset>
  );
}

/** What the empty editor shows instead of errors: what a probe needs, and a built-in to start from. */
function StartHere() {
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const starter = getBuiltinProbe(STARTER_PROBE_ID) as AssociationProbe;
  const id = useId();
  return (
    <section className="start-here" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>What a probe needs</h3>
      <p>
        An association test compares two <strong>target</strong> sets (X and Y, e.g. flowers and insects) by how close their words sit to two <strong>attribute</strong> sets (A and
        B, e.g. pleasant and unpleasant words). Give each set a label and at least two words, one per line; a word belongs to one set only.
      </p>
      <button type="button" onClick={() => offerDraft({ editor: 'association', draft: draftFromProbe(starter, { kind: 'builtin', id: starter.id }), title: starter.title, from: 'the editor', notice: null })}>
        Start from “{starter.title}”
      </button>
    </section>
  );
}

function WefeMapper({ imp, onDone }: { imp: Extract<ProbeImport, { kind: 'wefe' }>; onDone: () => void }) {
  const keys = Object.keys(imp.sets);
  const [map, setMap] = useState<Record<SetKey, string>>(imp.suggested ?? { X: keys[0] ?? '', Y: keys[1] ?? '', A: keys[2] ?? '', B: keys[3] ?? '' });
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const showNotice = useWorkbench((s) => s.showNotice);
  return (
    <div className="wefe-mapper" role="group" aria-label="Map WEFE word lists to sets">
      <p>This WEFE file has {keys.length} word lists. Choose which list fills each set:</p>
      <div className="grid4">
        {(['X', 'Y', 'A', 'B'] as SetKey[]).map((k) => (
          <label key={k}>
            {SET_META[k].role}
            <select value={map[k]} onChange={(e) => setMap({ ...map, [k]: e.target.value })}>
              {keys.map((key) => (
                <option key={key} value={key}>
                  {key} ({imp.sets[key]!.length})
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            try {
              const probe = probeFromWefe(imp.sets, map, imp.id);
              offerDraft({
                editor: 'association',
                draft: draftFromProbe(probe, { kind: 'import', id: probe.id }),
                title: probe.title,
                from: 'a WEFE file',
                notice: { kind: 'info', title: 'WEFE word sets imported', text: `“${probe.title}” is in the editor.` },
              });
              onDone();
            } catch (e) {
              showNotice({ kind: 'error', title: 'Could not build a probe from the WEFE file', text: (e as Error).message });
            }
          }}
        >
          Use these lists
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel import
        </button>
      </div>
    </div>
  );
}

const LmProbeEditor = lazy(() => import('../lm/LmProbeEditor'));

/** The word-vector form or (lazily) the LM probe JSON editor, whichever the library opened. */
export function ProbeEditor() {
  const mode = useWorkbench((s) => s.editorMode);
  if (mode === 'lm')
    return (
      <LazyBoundary what="LM probe editor">
        <LmProbeEditor />
      </LazyBoundary>
    );
  return <AssociationEditor />;
}

function AssociationEditor() {
  const draft = useWorkbench((s) => s.draft);
  const setField = useWorkbench((s) => s.setDraftField);
  const setSetTemplates = useWorkbench((s) => s.setSetTemplates);
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const showNotice = useWorkbench((s) => s.showNotice);
  const v = useDraftValidation();
  const save = useSaveProbe();
  const [shareUrl, setShareUrl] = useState('');
  const [wefe, setWefe] = useState<Extract<ProbeImport, { kind: 'wefe' }> | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const byWhere = (w: Issue['where']) => v.shown.filter((i) => i.where === w);
  const general = v.shown.filter((i) => !['X', 'Y', 'A', 'B'].includes(i.where));
  const shownErrors = v.shown.filter((i) => i.level === 'error').length;
  const noWords = Object.values(draft.words).every((t) => t.trim() === '');
  const builtinId = isBuiltinProbeId(draft.id.trim());

  const task = useImportTask();
  const onImport = async (f: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!f) return;
    try {
      const r = await task.start('association-probe', { name: f.name, file: f });
      if (r.kind === 'probe') {
        offerDraft({
          editor: 'association',
          draft: draftFromProbe(r.probe, { kind: 'import', id: r.probe.id }),
          title: r.probe.title,
          from: f.name,
          notice: { kind: 'info', title: 'Probe imported', text: `“${r.probe.title}” from ${f.name} is in the editor.` },
        });
      } else setWefe(r);
    } catch (e) {
      showNotice(importFailedNotice(f.name, e, 'the editor'));
    }
  };

  return (
    <div className="editor">
      <div className="panel-head">
        <h2 id="editor-heading">Editor</h2>
        <span className="muted small-text">
          {draft.origin.kind === 'builtin' ? `Built-in ${draft.origin.id}` : draft.origin.kind === 'share' ? 'From a share link' : draft.origin.kind === 'import' ? 'Imported' : draft.origin.kind === 'user' ? 'Saved probe' : 'New probe'} · saved in this browser as you type
        </span>
      </div>
      <div className="grid3">
        <label>
          Test family
          <select value={draft.family} onChange={(e) => setField('family', e.target.value as 'weat' | 'seat')}>
            <option value="weat">WEAT (words)</option>
            <option value="seat">SEAT (sentences)</option>
          </select>
        </label>
        <label>
          Probe id
          <input value={draft.id} onChange={(e) => setField('id', e.target.value)} spellCheck={false} aria-invalid={byWhere('id').length > 0} />
        </label>
        <label>
          Title
          <input value={draft.title} onChange={(e) => setField('title', e.target.value)} />
        </label>
      </div>
      <div className="grid2">
        <label>
          Citation
          <input value={draft.citationText} onChange={(e) => setField('citationText', e.target.value)} placeholder="Author (year). Title. Venue." />
        </label>
        <label>
          Citation link
          <input value={draft.citationUrl} onChange={(e) => setField('citationUrl', e.target.value)} placeholder="https://doi.org/…" />
        </label>
      </div>
      {draft.description && <p className="description">{draft.description}</p>}
      {noWords && <StartHere />}
      <p className="muted small-text" id={`${id}-words-help`}>
        Enter one word or phrase per line. A comma does not separate words: “lily, daisy” on one line is one stimulus, as in a probe file. A .txt list is read the same way (lines
        starting with # are skipped); a .csv list takes its “word” column, or its first.
      </p>
      <div className="sets">
        {(['X', 'Y', 'A', 'B'] as SetKey[]).map((k) => (
          <SetEditor key={k} k={k} issues={byWhere(k)} oov={v.oov[k]} helpId={`${id}-words-help`} />
        ))}
      </div>
      {draft.family === 'seat' && (
        <fieldset className="templates">
          <legend>SEAT templates</legend>
          <label htmlFor={`${id}-tpl`}>Templates (one per line, each with {'{term}'})</label>
          <textarea id={`${id}-tpl`} rows={4} value={draft.templates} onChange={(e) => setField('templates', e.target.value)} spellCheck={false} />
          <details>
            <summary>Per-set templates (override the list above)</summary>
            {(['X', 'Y', 'A', 'B'] as SetKey[]).map((k) => (
              <label key={k}>
                Templates for {k}
                <textarea rows={3} value={draft.setTemplates?.[k] ?? ''} onChange={(e) => setSetTemplates(k, e.target.value)} spellCheck={false} />
              </label>
            ))}
          </details>
        </fieldset>
      )}
      <section id={EDITOR_CHECKS_ID} tabIndex={-1} className="validation" aria-labelledby={`${id}-val`} aria-live="polite">
        <h3 id={`${id}-val`}>Checks</h3>
        {v.errors === 0 ? (
          <p className="ok-text">
            {v.checkingVocabulary ? 'No problems so far; checking the vocabulary…' : `Ready to run${v.issues.length ? ` (${v.issues.length} warning${v.issues.length === 1 ? '' : 's'})` : ''}.`}
          </p>
        ) : shownErrors === 0 ? (
          <p className="muted">Add at least two words to each of the four sets to run.</p>
        ) : (
          <p className="error-text">
            {shownErrors} problem{shownErrors === 1 ? '' : 's'} to fix before running (see the sets above).
          </p>
        )}
        <IssueList issues={general} />
      </section>
      <div className="row wrap">
        <button
          type="button"
          disabled={!v.probe || save.isPending}
          onClick={() => {
            if (!v.probe) return;
            if (builtinId) {
              showNotice({ kind: 'error', title: 'Choose a new id before saving', text: `“${draft.id}” is a built-in probe id. Use Duplicate (or change the id) to save your own version.` });
              return;
            }
            save.mutate(v.probe, {
              onSuccess: () => showNotice({ kind: 'info', title: 'Probe saved', text: `“${v.probe!.title}” is in My probes.` }),
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
              const url = shareUrlFor(v.probe, window.location.href);
              setShareUrl(url);
              void navigator.clipboard?.writeText(url).catch(() => undefined);
            } catch (e) {
              showNotice({ kind: 'error', title: 'Cannot share this probe as a link', text: (e as Error).message });
            }
          }}
        >
          Share link
        </button>
        <button type="button" disabled={!v.probe} onClick={() => v.probe && downloadText(exportProbeJson(v.probe), `${v.probe.id}.probe.json`, 'application/json')}>
          Export probe JSON
        </button>
        <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
          Import probe or word sets…
        </button>
        <input ref={fileRef} type="file" accept=".json,.jsonl,.csv,application/json,text/csv" hidden aria-hidden="true" tabIndex={-1} data-testid="import-probe" onChange={(e) => void onImport(e.target.files?.[0])} />
      </div>
      <ImportStatus status={task.status} onCancel={task.cancel} />
      {shareUrl && (
        <label className="share">
          Share URL (copied to the clipboard; opening it loads this probe without running it)
          <input readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
        </label>
      )}
      {wefe && <WefeMapper imp={wefe} onDone={() => setWefe(null)} />}
    </div>
  );
}
