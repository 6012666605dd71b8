// The model picker: word vectors (embedded GloVe, the user's own vectors), language models
// (embedded tiny GPT-2 / tiny BERT; curated Hub repos marked "needs internet"), a free Hub id with
// its host (a mirror, or a mock Hub in tests; a link's `?hubHost=` only after the user confirms it),
// labelled whenever it is not the Hugging Face Hub, and a model
// folder from disk (config.json + tokenizer.json + onnx/*.onnx). LMs also get a dtype choice, each
// with its download size; curated models show a facts line (for LMs: architecture, parameters, chat
// template, the fixture row that tests the layout offline, whether it was verified online).
// Load progress (typed events from the worker) shows as a progress bar in ModelStatus; a failed
// load is reported here, under the Model field it belongs to (its aria-describedby), with Retry and
// the way back to the last model that loaded. A Hub model shows whether it is stored for offline use
// (OfflineCopy).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { HUB_PREFIX, PICKER_MODELS, findPickerModel, isLmModelId, lmSourceFor, localFolderIds, modelName, modelTitle } from '../../state/models';
import { approveDownloadNow } from '../../state/downloadConsent';
import { isDefaultHubHost, parseHubHost } from '../../state/hubHost';
import { useModel, useOpenModelFolder, useUserModels } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { OfflineCopy } from './OfflineCopy';
import type { LmDtype } from '../../worker/client';

const DTYPES: LmDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];
const VECTOR_MODELS = PICKER_MODELS.filter((m) => m.modality === 'vectors');
const LANGUAGE_MODELS = PICKER_MODELS.filter((m) => m.modality === 'lm');

export function ModelPicker() {
  const modelId = useWorkbench((s) => s.modelId);
  const setModelId = useWorkbench((s) => s.setModelId);
  const lmDtype = useWorkbench((s) => s.lmDtype);
  const setLmDtype = useWorkbench((s) => s.setLmDtype);
  const hubHost = useWorkbench((s) => s.hubHost);
  const setHubHost = useWorkbench((s) => s.setHubHost);
  const device = useWorkbench((s) => s.device);
  const lastWorking = useWorkbench((s) => s.lastWorking);
  const model = useModel(modelId, device);
  const qc = useQueryClient();
  const backTo = model.isError && lastWorking && lastWorking.modelId !== modelId ? lastWorking.modelId : null;
  const userModels = useUserModels();
  const folder = useOpenModelFolder();
  const [hubId, setHubId] = useState(modelId.startsWith(HUB_PREFIX) ? modelId.slice(HUB_PREFIX.length) : '');
  const dirRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const lm = isLmModelId(modelId);
  const entry = findPickerModel(modelId);
  const freeHub = modelId.startsWith(HUB_PREFIX);
  const hubIdValid = /^[\w.-]+\/[\w.-]+$/.test(hubId.trim());
  const host = parseHubHost(hubHost);
  const dtypes = entry?.dtypes ?? DTYPES;
  const source = lmSourceFor(modelId, hubHost);
  const hubSource = source?.type === 'hub' ? source : null;

  return (
    <div className="model-picker">
      <label htmlFor={`${id}-model`}>Model</label>
      <select id={`${id}-model`} value={modelId} onChange={(e) => setModelId(e.target.value)} aria-invalid={model.isError} aria-describedby={model.isError ? `${id}-model-error` : undefined}>
        <optgroup label="Word vectors (WEAT, SEAT)">
          {VECTOR_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
          {(userModels.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} (your vectors)
            </option>
          ))}
        </optgroup>
        <optgroup label="Language models (LM probes)">
          {LANGUAGE_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
          {freeHub && <option value={modelId}>{modelTitle(modelId)}</option>}
          {localFolderIds().map((fid) => (
            <option key={fid} value={fid}>
              {modelTitle(fid)}
            </option>
          ))}
        </optgroup>
      </select>
      {model.isError && (
        <div id={`${id}-model-error`} className="model-error" role="alert">
          <p>
            <strong>Model failed to load:</strong> {model.error.message}
          </p>
          <div className="row wrap">
            <button type="button" className="small" onClick={() => void qc.resetQueries({ queryKey: ['model', modelId, device] })}>
              Retry
            </button>
            {backTo && (
              <button type="button" className="small" onClick={() => setModelId(backTo)}>
                Back to {modelName(backTo)}
              </button>
            )}
          </div>
        </div>
      )}
      {entry?.facts && <small className="model-facts">{entry.facts}</small>}
      <small className="muted">
        {entry?.note ?? (freeHub ? 'A Hub model you named: downloaded from the Hub host (needs internet unless the host is local).' : lm ? 'A model folder you opened (kept in this tab only).' : 'Your own word vectors (kept in this tab only).')}
      </small>
      {hubSource && <OfflineCopy repoId={hubSource.id} loaded={model.isSuccess} />}
      {lm && (
        <div className="field">
          <label htmlFor={`${id}-dtype`}>Weights (dtype)</label>
          <select id={`${id}-dtype`} value={lmDtype} onChange={(e) => setLmDtype(e.target.value as 'auto' | LmDtype)}>
            <option value="auto">Auto (fp32 when offered)</option>
            {dtypes.map((d) => (
              <option key={d} value={d}>
                {d === 'q8' ? 'q8 (int8, quantized)' : d === 'q4' ? 'q4 (4-bit)' : d}
                {entry?.sizes?.[d] ? ` — ${entry.sizes[d]}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <details className="hub-model" open={freeHub || undefined}>
        <summary>Hub model or local folder</summary>
        <div className="field">
          <label htmlFor={`${id}-hubid`}>Hub model id</label>
          <input id={`${id}-hubid`} value={hubId} placeholder="org/name, e.g. Xenova/gpt2" spellCheck={false} onChange={(e) => setHubId(e.target.value)} aria-invalid={hubId.trim() !== '' && !hubIdValid} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-hubhost`}>Hub host</label>
          <input
            id={`${id}-hubhost`}
            value={hubHost}
            placeholder="https://huggingface.co/"
            spellCheck={false}
            onChange={(e) => setHubHost(e.target.value)}
            aria-invalid={!host.ok}
            aria-describedby={`${id}-hubhost-note`}
          />
          <small id={`${id}-hubhost-note`} className={host.ok && isDefaultHubHost(host.host) ? 'muted' : 'error-text'}>
            {!host.ok ? host.message : isDefaultHubHost(host.host) ? 'Models download from the Hugging Face Hub.' : `Not the Hugging Face Hub: models you load come from ${host.host}.`}
          </small>
        </div>
        <button
          type="button"
          className="small"
          disabled={!hubIdValid || !host.ok}
          onClick={() => {
            const chosen = `${HUB_PREFIX}${hubId.trim()}`;
            setModelId(chosen);
            approveDownloadNow(chosen);
          }}
        >
          Use Hub model
        </button>
        {hubId.trim() !== '' && !hubIdValid && <small className="error-text">A Hub id looks like “org/name”.</small>}
        <div className="folder">
          <button type="button" className="small secondary" disabled={folder.isPending} onClick={() => dirRef.current?.click()}>
            Open local model folder…
          </button>
          <input
            ref={dirRef}
            type="file"
            hidden
            aria-hidden="true"
            tabIndex={-1}
            data-testid="model-folder"
            multiple
            {...({ webkitdirectory: '' } as Record<string, string>)}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) folder.mutate(files);
            }}
          />
          <small className="muted">A transformers.js model folder: config.json, tokenizer.json, onnx/model.onnx. Nothing is uploaded.</small>
          {folder.isError && (
            <p className="error-text" role="alert">
              Could not load the model folder: {folder.error.message}
            </p>
          )}
        </div>
      </details>
    </div>
  );
}
