// zod, as the browser build sees it: the same API, switched to jitless mode before any schema is built.
// zod 4 compiles its object parsers with `new Function`, after probing whether it may. The page's
// security policy allows no eval (script-src without 'unsafe-eval'), so the probe fails — and the
// browser reports even that caught attempt as a Content-Security-Policy violation, on every load of
// the page and of each worker. In jitless mode zod neither probes nor compiles. The flag is read when
// a schema is built, and bundling may run a chunk's schemas before an entry's first line, so the flag
// cannot be set from an entry point: the build resolves `zod` to this module instead
// (scripts/server/securityPolicy.ts), whose body runs before any module that imports zod.
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
