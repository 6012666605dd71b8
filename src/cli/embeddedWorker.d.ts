// The permutation worker's bundled source, embedded in the CLI bundle by bin/cliBundle.mjs; absent
// when the CLI runs unbundled (through tsx), where the import fails and tests run on one thread.
declare module 'virtual:permutation-worker' {
  const source: string;
  export default source;
}
