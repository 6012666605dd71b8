// The model worker's end of the direct channels to the scoring worker. For each run the page makes
// a MessageChannel and hands one port here and the other to the scoring worker, so every scoring
// call and its progress go scoring worker ↔ model worker without passing through the page (two
// thread crossings per call, not four). A channel serves one loaded LM (the model worker's one
// cache of loaded models) for one run; closing it aborts its calls in flight and closes the port,
// which is how the page cancels a run whose scoring worker it has terminated. The next run gets a
// new channel.
import * as Comlink from 'comlink';
import { scorerEndpoint, type LmWorkerApi } from '../runtime/lm/service';

export interface ScorerChannelsApi {
  /** Serve LM `modelId`'s scorer (LmScorerEndpoint) on `port` until closeScorerChannel(channelId). */
  openScorerChannel(port: MessagePort, modelId: string, channelId: string): Promise<void>;
  /** Abort the channel's calls in flight and close its port (no-op for an unknown id). */
  closeScorerChannel(channelId: string): Promise<void>;
}

export function createScorerChannels(service: LmWorkerApi): ScorerChannelsApi {
  const open = new Map<string, { port: MessagePort; cancel(): void }>();
  return {
    async openScorerChannel(port, modelId, channelId) {
      const { endpoint, cancel } = scorerEndpoint(service, modelId);
      Comlink.expose(endpoint, port);
      open.set(channelId, { port, cancel });
    },
    async closeScorerChannel(channelId) {
      const channel = open.get(channelId);
      if (!channel) return;
      open.delete(channelId);
      channel.cancel();
      channel.port.close();
    },
  };
}
