#!/usr/bin/env node
// CLI entry. The CLI is TypeScript sharing src/core, src/probes and src/runtime with the browser;
// it runs as one esbuild bundle of that source, rebuilt whenever the source changes (cliBundle.mjs),
// so it starts without compiling TypeScript and cannot drift from src.
import { loadCliMain } from './cliBundle.mjs';

const { main } = await loadCliMain();
process.exitCode = await main(process.argv.slice(2));
