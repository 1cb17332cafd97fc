// Loaded with `node --import` into the CLI under test: appends the URL of every module the
// process loads (ES modules through a loader hook, CommonJS through `require`) to the file
// named by MODULE_LOG, one a line. The CLI itself knows nothing of it.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.MODULE_LOG;
if (log !== undefined) {
  register('./module-log-hooks.mjs', import.meta.url, { data: { log } });
  const require = Module.prototype.require;
  Module.prototype.require = function logRequire(id) {
    const exported = require.call(this, id);
    const path = Module._resolveFilename(id, this);
    appendFileSync(log, `${path.startsWith('node:') ? path : pathToFileURL(path).href}\n`);
    return exported;
  };
}
