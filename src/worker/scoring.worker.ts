// Scoring worker: a thin adapter that runs the pure, seeded association core off the page.
// Vectors arrive through the proxied embedder (the page forwards to the model worker), so this
// worker holds no model; the page terminates it to cancel a run (see client.ts). A decision
// analysis's comparisons are shared with a nested worker on the second core (comparisonRemote.ts).
import * as Comlink from 'comlink';
import { registerErrorTransfer } from './modelProtocol';
import { createScoringApi } from './scoringApi';
import { setComparisonRemote } from '../core/lm/decision/comparisonOffload';
import { nestedComparisonRemote } from './comparisonRemote';

registerErrorTransfer(Comlink);
setComparisonRemote(nestedComparisonRemote());
Comlink.expose(createScoringApi());
