// A model is downloaded only after a click in this tab that showed where it comes from: "Use Hub
// model" in the picker, "Load" in the model status, or "Load from this host" on a link's prompt.
// Nothing in a URL or in stored state counts, so a crafted link or a stale setting never starts a
// download by itself. Approvals are per (model id, host) and last for the tab.
import { downloadHostFor } from './models';
import { useWorkbench, type WorkbenchState } from './store';

export const downloadKey = (modelId: string, host: string) => `${modelId}@${host}`;

export interface DownloadConsent {
  /** Where the model's files would come from; null for models that need no download. */
  host: string | null;
  approved: boolean;
}

export function downloadConsentIn(s: Pick<WorkbenchState, 'approvedDownloads' | 'hubHost'>, modelId: string): DownloadConsent {
  const host = downloadHostFor(modelId, s.hubHost);
  return { host, approved: host === null || s.approvedDownloads.includes(downloadKey(modelId, host)) };
}

export const downloadConsentNow = (modelId: string) => downloadConsentIn(useWorkbench.getState(), modelId);

/** Record the user's click to download `modelId` from the current host. */
export function approveDownloadNow(modelId: string): void {
  const { host } = downloadConsentNow(modelId);
  if (host) useWorkbench.getState().approveDownload(downloadKey(modelId, host));
}

export const useDownloadConsent = (modelId: string): DownloadConsent => {
  const approvedDownloads = useWorkbench((s) => s.approvedDownloads);
  const hubHost = useWorkbench((s) => s.hubHost);
  return downloadConsentIn({ approvedDownloads, hubHost }, modelId);
};
