// Checks a project's node_modules after `npm install` of the epochlab tarballs:
// no dependency has an install script (npm would have run it: a download, a
// native build), no native TensorFlow package was installed, every installed
// package supports the oldest Node epochlab declares, each epochlab package
// carries its licence and links, and every source map of the epochlab packages
// points at files that exist in the package.
// Usage: node check-installed.mjs <project-dir>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import semver from 'semver';

const project = resolve(process.argv[2] ?? '.');
const nodeModules = join(project, 'node_modules');
const problems = [];

/** Every installed package folder (scoped and nested ones included). */
function packageFolders(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith('.')) return [];
    const path = join(folder, entry.name);
    if (entry.name.startsWith('@')) return packageFolders(path);
    return [path, ...packageFolders(join(path, 'node_modules'))];
  });
}

/** The repository's Node range, which every epochlab package declares. */
const declaredNode = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).engines.node;
/** The oldest Node version epochlab declares (`>=20.19` gives 20.19.0). */
const oldestNode = semver.minVersion(declaredNode).version;

const installScripts = ['preinstall', 'install', 'postinstall'];
for (const folder of packageFolders(nodeModules)) {
  const manifestPath = join(folder, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const nodeRange = manifest.engines?.node;
  if (nodeRange && !semver.satisfies(oldestNode, nodeRange)) {
    problems.push(
      `${manifest.name}@${manifest.version} needs Node ${nodeRange}, not ${oldestNode}`,
    );
  }
  if (manifest.name?.startsWith('@epochlab/')) {
    for (const field of ['license', 'repository', 'homepage', 'bugs', 'engines']) {
      if (!manifest[field]) problems.push(`${manifest.name} has no "${field}"`);
    }
    if (manifest.engines?.node !== declaredNode) {
      problems.push(
        `${manifest.name} declares Node ${manifest.engines?.node}, not ${declaredNode}`,
      );
    }
    if (!existsSync(join(folder, 'LICENSE'))) problems.push(`${manifest.name} has no LICENSE file`);
  }
  const scripts = installScripts.filter((name) => manifest.scripts?.[name]);
  // npm runs `node-gyp rebuild` for a package with a binding.gyp and no install script.
  if (existsSync(join(folder, 'binding.gyp'))) scripts.push('binding.gyp');
  if (scripts.length > 0) {
    problems.push(
      `${manifest.name}@${manifest.version} has an install step: ${scripts.join(', ')}`,
    );
  }
  if (/^@tensorflow\/tfjs-node(-gpu)?$/.test(manifest.name)) {
    problems.push(`${manifest.name} was installed: it is an optional peer and must not be`);
  }
}

/** Every `.map` file under `folder`. */
function mapFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : mapFiles(path);
    return entry.name.endsWith('.map') ? [path] : [];
  });
}

let maps = 0;
let sources = 0;
const epochlab = join(nodeModules, '@epochlab');
for (const name of readdirSync(epochlab)) {
  for (const map of mapFiles(join(epochlab, name))) {
    maps++;
    const { sources: mapped = [], sourceRoot = '' } = JSON.parse(readFileSync(map, 'utf8'));
    for (const source of mapped) {
      sources++;
      const target = resolve(dirname(map), sourceRoot, source);
      if (!existsSync(target)) {
        problems.push(
          `${relative(nodeModules, map)} points at ${source}, which is not in the package`,
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.slice(0, 20).join('\n'));
  if (problems.length > 20) console.error(`... and ${problems.length - 20} more`);
  process.exit(1);
}
console.log(
  `no install scripts, no native TensorFlow package, every package runs on Node ${oldestNode}; ${maps} source maps, all ${sources} sources present`,
);
