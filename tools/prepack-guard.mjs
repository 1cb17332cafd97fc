// Runs as each public package's `prepack` script: refuses to pack a package
// whose build output is missing, so an unbuilt clone cannot publish a tarball
// holding only package.json and a README. Build first: `pnpm build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** Every file path the manifest points at: exports targets, types, bin. */
function manifestTargets(value) {
  if (typeof value === 'string') return value.startsWith('./') ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(manifestTargets);
}

/** Each non-test source module, as the `dist/` file the build makes of it. */
function expectedBuildOutputs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return expectedBuildOutputs(path);
    if (
      !/\.tsx?$/.test(entry.name) ||
      /\.test\.tsx?$/.test(entry.name) ||
      entry.name.endsWith('.d.ts')
    ) {
      return [];
    }
    return [`./dist/${relative(join(packageDir, 'src'), path).replace(/\.tsx?$/, '.js')}`];
  });
}

const wanted = new Set([
  ...manifestTargets(manifest.exports),
  ...manifestTargets(manifest.types ? `./${manifest.types.replace(/^\.\//, '')}` : undefined),
  ...manifestTargets(
    typeof manifest.bin === 'string'
      ? `./${manifest.bin.replace(/^\.\//, '')}`
      : Object.values(manifest.bin ?? {}).map((path) => `./${path.replace(/^\.\//, '')}`),
  ),
  ...expectedBuildOutputs(join(packageDir, 'src')),
]);
const missing = [...wanted].filter((path) => !existsSync(join(packageDir, path)));
if (missing.length > 0) {
  console.error(
    `${manifest.name}: not built, refusing to pack (missing ${missing.slice(0, 3).join(', ')}${
      missing.length > 3 ? ` and ${missing.length - 3} more` : ''
    }). Run \`pnpm build\` at the repository root first.`,
  );
  process.exit(1);
}
