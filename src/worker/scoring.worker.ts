// Scoring worker: a thin adapter that runs the pure, seeded association core off the page.
// Vectors arrive through the proxied embedder (the page forwards to the model worker), so this
// worker holds no model; the page terminates it to cancel a run (see client.ts).
import * as Comlink from 'comlink';
import { registerErrorTransfer } from './modelProtocol';
import { createScoringApi } from './scoringApi';

registerErrorTransfer(Comlink);
Comlink.expose(createScoringApi());
