// A link's request (`?hubHost=…&hubModel=…`) to download a model or to switch the Hub host. Nothing
// is fetched and nothing is stored until the user confirms here, with the host spelled out; "Don't
// load" (or Escape) leaves the current settings as they were.
import { approveDownloadNow } from '../../state/downloadConsent';
import { hubHostLabel, hubHostShort, isDefaultHubHost, parseHubHost } from '../../state/hubHost';
import { HUB_PREFIX } from '../../state/models';
import { useWorkbench } from '../../state/store';
import { ConfirmDialog } from './ConfirmDialog';

export function HubLinkPrompt() {
  const request = useWorkbench((s) => s.pendingHubLink);
  const currentHost = useWorkbench((s) => s.hubHost);
  if (!request) return null;
  const current = parseHubHost(currentHost);
  const host = request.host ?? (current.ok ? current.host : null);
  const answer = (yes: boolean) => {
    const st = useWorkbench.getState();
    st.setPendingHubLink(null);
    if (!yes) {
      st.showNotice({ kind: 'info', title: 'Nothing was loaded', text: 'The link’s model and host were not used. Your settings are unchanged.' });
      return;
    }
    if (request.host) st.setHubHost(isDefaultHubHost(request.host) ? '' : request.host);
    if (request.model) {
      const id = `${HUB_PREFIX}${request.model}`;
      st.setModelId(id);
      approveDownloadNow(id);
    }
  };
  const foreign = host !== null && !isDefaultHubHost(host);
  return (
    <ConfirmDialog
      title={request.model ? 'This link asks to load a model' : 'This link asks to change the Hub host'}
      confirmLabel={request.model ? `Load from ${host ? hubHostShort(host) : currentHost}` : 'Use this host'}
      cancelLabel={request.model ? 'Don’t load' : 'Keep my host'}
      onAnswer={answer}
    >
      <dl className="link-request">
        {request.model && (
          <>
            <dt>Model</dt>
            <dd>
              <code>{request.model}</code>
            </dd>
          </>
        )}
        <dt>{request.model ? 'Downloaded from' : 'New Hub host'}</dt>
        <dd>
          <strong>{host ? hubHostLabel(host) : currentHost}</strong>
          {foreign && <span className="error-text"> — not the Hugging Face Hub</span>}
        </dd>
      </dl>
      <p>
        Nothing has been downloaded yet.{' '}
        {request.model
          ? 'Loading fetches the model’s files from this host into your browser and runs them here.'
          : 'Hub models you load later will be downloaded from this host.'}{' '}
        {foreign && 'Only continue if you trust this address.'}
      </p>
    </ConfirmDialog>
  );
}
