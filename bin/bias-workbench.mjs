#!/usr/bin/env node
// CLI entry. The CLI is TypeScript sharing src/core, src/probes and src/runtime with the browser,
// so it runs through tsx's loader rather than a separate build that could drift from the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
