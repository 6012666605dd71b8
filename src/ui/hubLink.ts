// `?hubHost=<url>&hubModel=<org/name>` in the page address: a mirror, a colleague's model, or the
// mock Hub in tests. The request is only held for the user to confirm (HubLinkPrompt); a host that
// is not an http(s) address is refused with the reason. The parameters are then removed from the
// address, so a reload or a bookmark does not ask again.
import { parseHubHost } from '../state/hubHost';
import { useWorkbench } from '../state/store';

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

export function readHubLink(): void {
  const url = new URL(window.location.href);
  const rawHost = url.searchParams.get('hubHost');
  const rawModel = url.searchParams.get('hubModel');
  if (rawHost === null && rawModel === null) return;
  url.searchParams.delete('hubHost');
  url.searchParams.delete('hubModel');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  const st = useWorkbench.getState();
  const host = rawHost === null ? null : parseHubHost(rawHost);
  if (host && !host.ok) {
    st.showNotice({ kind: 'error', title: 'The link’s Hub host was not used', text: host.message });
    return;
  }
  const model = rawModel !== null && HUB_ID.test(rawModel.trim()) ? rawModel.trim() : null;
  if (rawModel !== null && !model) {
    st.showNotice({ kind: 'error', title: 'The link’s model was not used', text: `“${rawModel.slice(0, 80)}” is not a Hub model id (org/name).` });
    return;
  }
  st.setPendingHubLink({ host: host?.host ?? null, model });
}
