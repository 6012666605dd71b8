// The model worker's end of the direct channels to the scoring worker. For each run the page makes
// a MessageChannel and hands one port here and the other to the scoring worker, so every model call
// of the run (vectors, scoring, generation) and its progress go scoring worker ↔ model worker
// without passing through the page (two thread crossings per call, not four). A channel serves one
// model from the model worker's one cache of loaded models: a loaded LM as its scorer
// (LmScorerEndpoint), otherwise the word vectors of that id. Closing a channel aborts its LM calls
// in flight and closes the port, which is how the page cancels a run whose scoring worker it has
// terminated; the next run gets a new channel.
import * as Comlink from 'comlink';
import { scorerEndpoint, type LmScorerEndpoint, type LmWorkerApi, type ScorerInfo } from '../runtime/lm/service';
import type { ModelWorkerApi } from './modelProtocol';

/** Word vectors as the scoring worker reaches them over its port. */
export interface VectorsEndpoint {
  describe(): Promise<{ modality: 'vectors' }>;
  embedWords(words: string[]): Promise<(Float32Array | null)[]>;
  embedSentences(sentences: string[]): Promise<(Float32Array | null)[]>;
}

/** A language model as the scoring worker reaches it over its port. */
export type LmEndpoint = LmScorerEndpoint & { describe(): Promise<{ modality: 'lm'; info: ScorerInfo }> };

/** What a run's model port serves; `describe()` says which. */
export type ModelEndpoint = VectorsEndpoint | LmEndpoint;

export interface ModelChannelsApi {
  /** Serve model `modelId` (ModelEndpoint) on `port` until closeModelChannel(channelId). */
  openModelChannel(port: MessagePort, modelId: string, channelId: string): Promise<void>;
  /** Abort the channel's calls in flight and close its port (also when it is still opening). */
  closeModelChannel(channelId: string): Promise<void>;
}

export function createModelChannels(vectors: ModelWorkerApi, lm: LmWorkerApi): ModelChannelsApi {
  const open = new Map<string, { port: MessagePort; cancel(): void }>();
  /** Channels closed before they finished opening (a run cancelled at once): their port is closed on arrival. */
  const closedEarly = new Set<string>();
  const endpointFor = async (modelId: string): Promise<{ endpoint: ModelEndpoint; cancel(): void }> => {
    if (await lm.lmInfo(modelId)) {
      const { endpoint, cancel } = scorerEndpoint(lm, modelId);
      return { endpoint: { ...endpoint, describe: async () => ({ modality: 'lm' as const, info: await endpoint.info() }) }, cancel };
    }
    const endpoint: VectorsEndpoint = {
      describe: async () => ({ modality: 'vectors' }),
      embedWords: (words) => vectors.embedWords(modelId, words),
      embedSentences: (sentences) => vectors.embedSentences(modelId, sentences),
    };
    return { endpoint, cancel: () => undefined };
  };
  return {
    async openModelChannel(port, modelId, channelId) {
      const { endpoint, cancel } = await endpointFor(modelId);
      if (closedEarly.delete(channelId)) return port.close();
      Comlink.expose(endpoint, port);
      open.set(channelId, { port, cancel });
    },
    async closeModelChannel(channelId) {
      const channel = open.get(channelId);
      if (!channel) {
        closedEarly.add(channelId);
        return;
      }
      open.delete(channelId);
      channel.cancel();
      channel.port.close();
    },
  };
}
