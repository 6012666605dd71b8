// Types of cliBundle.mjs for the TypeScript that imports it (tests, bench).
/** The folder holding the bundle and its stamp (.cache/cli). */
export const CLI_BUNDLE_DIR: string;
/** The inputs named on the first line of the bundle in `dir` ({ file: [mtime, size] }), or null. */
export function bundleInputs(dir?: string): Record<string, [number, number]> | null;
/** Whether the bundle in `dir` was built from its inputs as they are now. */
export function bundleIsFresh(dir?: string): boolean;
/** Build the bundle into `dir`, its inputs on its first line. */
export function buildCliBundle(dir?: string): Promise<void>;
/** The CLI's main module (the bundle, rebuilt first when stale; tsx when it cannot be built). */
export function loadCliMain(): Promise<{ main(argv: string[]): Promise<number> }>;
/** The permutation worker as one CommonJS script (for a worker started with `eval: true`), and the files it was built from. */
export function buildPermutationWorkerSource(): Promise<{ source: string; inputs: string[] }>;
