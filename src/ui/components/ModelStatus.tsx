// Which model is selected, whether it is loaded (with progress), and which backend runs it —
// WebGPU, WASM, or plain JS for user vectors — with the reason when WebGPU fell back to WASM; for a
// causal LM, whether its tokenizer has a chat template (what the prompt families need). It records
// in the store which model loaded and which failed (a reload does not retry a failed one); the
// failure itself, with Retry and the way back, is shown beside the Model field (ModelPicker).
import { useEffect } from 'react';
import { backendLabel } from '../../core/backends';
import { approveDownloadNow, useDownloadConsent } from '../../state/downloadConsent';
import { hubHostLabel, hubHostShort, isDefaultHubHost } from '../../state/hubHost';
import { modelName } from '../../state/models';
import { useModel } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import type { ModelProgress } from '../../worker/client';
import { ProgressBar } from './ProgressBar';

const loadText = (p: ModelProgress | null) => {
  if (!p) return 'Loading model…';
  if (p.status === 'progress' && p.progress !== undefined) return `Loading ${p.file}: ${Math.round(p.progress)}%`;
  if (p.status === 'progress') return `Loading ${p.file}: ${(p.loaded / 1e6).toFixed(1)} MB`;
  if (p.status === 'ready') return 'Starting model…';
  return `Loading ${'file' in p ? p.file : 'model'}…`;
};

export function ModelStatus() {
  const modelId = useWorkbench((s) => s.modelId);
  const device = useWorkbench((s) => s.device);
  const progress = useWorkbench((s) => s.modelProgress);
  const model = useModel(modelId, device);
  const consent = useDownloadConsent(modelId);
  const modelLoaded = useWorkbench((s) => s.modelLoaded);
  const modelFailed = useWorkbench((s) => s.modelFailed);
  const loaded = !!model.data;
  const failed = model.isError;
  useEffect(() => {
    if (loaded) modelLoaded(modelId, device);
    else if (failed) modelFailed(modelId);
  }, [loaded, failed, modelId, device, modelLoaded, modelFailed]);
  return (
    <div className="model-status" aria-label="Model status">
      {!consent.approved && consent.host && (
        <span className="pill pill-wait download-consent">
          {modelName(modelId)} is not loaded: it downloads from <strong>{hubHostLabel(consent.host)}</strong>.{' '}
          <button type="button" className="small" onClick={() => approveDownloadNow(modelId)}>
            Load from {hubHostShort(consent.host)}
          </button>
        </span>
      )}
      {consent.host && !isDefaultHubHost(consent.host) && consent.approved && (
        <span className="pill pill-warn" role="note">
          Hub host: {consent.host} (not the Hugging Face Hub)
        </span>
      )}
      {consent.approved && model.isPending && (
        <span className="pill pill-wait">
          {loadText(progress)}{' '}
          <ProgressBar
            className="load-progress"
            label="Model load progress"
            max={100}
            value={progress?.status === 'progress' && progress.progress !== undefined ? progress.progress : undefined}
          />
        </span>
      )}
      {model.isError && <span className="pill pill-error">{modelName(modelId)} did not load (see Model)</span>}
      {model.data && (
        <>
          <span className="pill pill-ok" title={model.data.title}>
            {model.data.title}
          </span>
          <span className="pill">
            Backend:{' '}
            <output aria-label="Backend" className="backend">
              {backendLabel(model.data.backend)}
            </output>
          </span>
          {'lm' in model.data && model.data.lm && <span className="pill">dtype {model.data.lm.dtype}</span>}
          {model.data.lm?.kind === 'causal-lm' && <span className="pill">{model.data.lm.chatTemplate ? 'Chat template' : 'No chat template'}</span>}
          {model.data.fallbackReason && (
            <span className="pill pill-warn" role="note">
              WebGPU not used: {model.data.fallbackReason}
            </span>
          )}
        </>
      )}
    </div>
  );
}
