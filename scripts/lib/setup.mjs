// Shared steps of `npm start` and `npm test`: make a fresh checkout runnable with nothing but Node.
// Only Node built-ins are imported here, because this runs before dependencies are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment for every npm install the project runs: onnxruntime-node must not try to download. */
export const installEnv = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' };

export function step(title) {
  console.log(`\n▶ ${title}`);
}

/** Run a command in the project root, inheriting stdio; exit the process on failure. */
export function run(cmd, args, { env = process.env, allowFailure = false } = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0 && !allowFailure) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  return result.status ?? 1;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Install dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(lock)) return;
  step('Installing dependencies (npm ci, ONNXRUNTIME_NODE_INSTALL=skip)');
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'], { env: installEnv });
}

/** Build the embedded GloVe asset from the npm package (skips itself when up to date). */
export function ensureEmbeddedModels() {
  step('Preparing embedded models (GloVe 6B 100-d → 13-bit ONNX asset)');
  run('npx', ['tsx', 'scripts/build-glove.ts']);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another apt process may hold the dpkg lock for a while: wait for it rather than fail.
const aptLockWait = ['-o', 'DPkg::Lock::Timeout=600'];
const canApt = () => isRoot() && spawnSync('which', ['apt-get']).status === 0;
let aptUpdated = false;

/** apt-get install; returns whether it succeeded (exits only when `required`). */
function aptInstall(packages, { required }) {
  step(`Installing Debian packages: ${packages.join(' ')} (apt-get)`);
  if (!aptUpdated) {
    if (run('apt-get', [...aptLockWait, 'update', '-qq'], { env: aptEnv, allowFailure: !required }) !== 0) return false;
    aptUpdated = true;
  }
  return run('apt-get', [...aptLockWait, 'install', '-y', '-qq', ...packages], { env: aptEnv, allowFailure: !required }) === 0;
}

/**
 * Find a Chromium for the browser tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * installing it with apt when missing and running as root. Returns the path or exits with advice.
 */
export function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  if (process.env.CHROMIUM_PATH) {
    console.error(`✖ CHROMIUM_PATH=${wanted} does not exist.`);
    process.exit(1);
  }
  if (!canApt()) {
    console.error(
      '✖ The browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`)\n' +
        '  or point the tests at one: CHROMIUM_PATH=/path/to/chrome npm test',
    );
    process.exit(1);
  }
  aptInstall(['chromium'], { required: true });
  if (!existsSync(wanted)) {
    console.error('✖ apt-get installed chromium but /usr/bin/chromium is missing.');
    process.exit(1);
  }
  return wanted;
}

/**
 * Debian's python3-onnx lets one unit test validate the hand-written GloVe ONNX graph with
 * onnx.checker, independently of ONNX Runtime. Optional: without it (not root, no apt) that one
 * test is skipped and says why.
 */
export function ensureOnnxChecker() {
  const hasOnnx = () => spawnSync('/usr/bin/python3', ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;
  if (hasOnnx() || !canApt()) return;
  if (!aptInstall(['python3-onnx'], { required: false })) console.warn('⚠ python3-onnx could not be installed; the onnx.checker test will be skipped.');
}
