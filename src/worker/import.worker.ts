// Import worker: a thin adapter that reads and parses imports off the page (see importApi.ts), so a
// 50,000-row CSV or a 600,000-word paste never blocks typing or clicks. The page terminates it to
// cancel an import (see importClient.ts).
import * as Comlink from 'comlink';
import { registerErrorTransfer } from './modelProtocol';
import { createImportApi } from './importApi';

registerErrorTransfer(Comlink);
Comlink.expose(createImportApi());
