// `npm start`: install what is missing, prepare the embedded models, build, and serve the app on
// 127.0.0.1 with the COOP/COEP headers multi-threaded WASM needs. Prints the URL to open.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureEmbeddedModels, root, run, step } from './lib/setup.mjs';

const port = process.env.PORT ?? '4173';

ensureDependencies();
ensureEmbeddedModels();
step('Building the app (vite build)');
run('npx', ['vite', 'build', '--logLevel', 'warn']);

step('Serving');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let announced = false;
server.stdout.on('data', (chunk) => {
  if (!announced && String(chunk).includes(port)) {
    announced = true;
    console.log(`\nBias Probe Workbench is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
  }
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
