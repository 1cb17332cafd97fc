#!/usr/bin/env node
/**
 * Finds Debian's chromium for the end-to-end tests, installing it with apt-get
 * when it is missing and we are root (CI). Never downloads a browser from a
 * test tool. Prints the executable's path; exits 1 with a message otherwise.
 *
 *   node scripts/ensure-chromium.mjs
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = process.env.EPOCHLAB_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Returns the path of a usable chromium, installing Debian's package first if
 * needed and possible. Throws an Error whose message says what to do.
 */
export function ensureChromium(log = (line) => process.stderr.write(`${line}\n`)) {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(
      `The browser tests need Debian's chromium at ${CHROMIUM_PATH}. Install it with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium` ' +
        '(or set EPOCHLAB_CHROMIUM to another Chromium executable).',
    );
  }
  log(`chromium is missing: installing Debian's chromium package (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing.`);
  }
  return CHROMIUM_PATH;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
