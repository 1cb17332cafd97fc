// Loaded with `node --import` into a process under test: appends every module the process
// loads to the file named by MODULE_LOG, one a line: `import <url>` for what the ES-module
// loader loads (a loader hook), `require <url>` for what CommonJS `require` loads. The tests
// that check what a command, a worker thread or an entry point loads read it; the code under
// test knows nothing of it.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by a test for the process it starts, never by a turbo task
const log = process.env.MODULE_LOG;
if (log !== undefined) {
  register('./module-log-hooks.mjs', import.meta.url, { data: { log } });
  const require = Module.prototype.require;
  Module.prototype.require = function logRequire(id) {
    const exported = require.call(this, id);
    const path = Module._resolveFilename(id, this);
    appendFileSync(log, `require ${path.startsWith('node:') ? path : pathToFileURL(path).href}\n`);
    return exported;
  };
}
