// Comparison worker: a thin adapter, nested in the scoring worker, that computes a share of a
// decision analysis's comparisons on the second core (core/lm/decision/comparisonOffload.ts). It
// dies with the scoring worker, so cancelling a run ends it too.
import * as Comlink from 'comlink';
import { compareDecisionAttribute } from '../core/lm/decision/attributeDifferences';
import { registerErrorTransfer } from './modelProtocol';
import type { ComparisonWorkerApi } from './comparisonRemote';

registerErrorTransfer(Comlink);
const api: ComparisonWorkerApi = { compare: (jobs) => jobs.map(compareDecisionAttribute) };
Comlink.expose(api);
