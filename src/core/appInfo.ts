// The app's name and version as they go into every run record (browser and CLI alike), read from
// package.json so a release bump cannot leave a stale number in the records.
import pkg from '../../package.json';

export const APP_INFO = Object.freeze({ name: pkg.name, version: pkg.version });
