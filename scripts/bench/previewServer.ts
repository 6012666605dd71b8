// `vite preview` of a production build for the browser bench sections: started on 127.0.0.1 with
// the app's COOP/COEP headers (vite.config.ts), and awaited until it answers, so a section's clock
// never includes the server's start-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error('vite preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

/** Serve `outDir` (default dist/) on 127.0.0.1:`port`; resolves once it answers. Kill the returned process when done. */
export async function startPreview(root: string, port: number, outDir?: string): Promise<{ url: string; server: ChildProcess }> {
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])];
  // vite itself, not through npx: killing npx would leave the server running on the port.
  const server = spawn(join(root, 'node_modules', '.bin', 'vite'), args, { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url, server);
  } catch (e) {
    server.kill();
    throw e;
  }
  return { url, server };
}
