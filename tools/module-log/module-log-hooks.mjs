// The loader hooks of module-log.mjs (they run on the loader's own thread).
import { appendFileSync } from 'node:fs';

let log;

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, nextLoad) {
  appendFileSync(log, `import ${url}\n`);
  return nextLoad(url, context);
}
