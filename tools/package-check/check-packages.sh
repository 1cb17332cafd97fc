#!/usr/bin/env bash
# The packages as a user gets them: pack every public package, lint the
# tarballs (publint, @arethetypeswrong/cli), install them with npm into a fresh
# project, then type-check (NodeNext and bundler resolution) and run a small
# port of the notebook against them, as an ES module and from CommonJS.
# Run after `pnpm build`, from anywhere: bash tools/package-check/check-packages.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tools/package-check"
work="$(mktemp -d "${TMPDIR:-/tmp}/epochlab-package-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tarballs="$work/tarballs"
project="$work/project"
mkdir -p "$tarballs"
pnpm() { npx -y pnpm@10.34.9 "$@"; }

echo "-- pack every public package (prepack refuses an unbuilt one)"
mapfile -t public_dirs < <(cd "$root" && node -e '
  const { readFileSync, readdirSync, existsSync } = require("node:fs");
  for (const group of ["packages", "apps"]) for (const name of readdirSync(group).sort()) {
    const manifest = `${group}/${name}/package.json`;
    if (existsSync(manifest) && !JSON.parse(readFileSync(manifest, "utf8")).private) console.log(`${group}/${name}`);
  }')
for dir in "${public_dirs[@]}"; do
  (cd "$root/$dir" && pnpm pack --pack-destination "$tarballs" > /dev/null)
done
ls -1 "$tarballs"

echo "-- packing an unbuilt package fails (prepack build guard)"
mkdir -p "$work/unbuilt/packages/data" "$work/unbuilt/tools"
cp "$root/tools/prepack-guard.mjs" "$work/unbuilt/tools/"
cp -r "$root/packages/data/package.json" "$root/packages/data/README.md" "$root/packages/data/src" \
  "$work/unbuilt/packages/data/"
if (cd "$work/unbuilt/packages/data" && pnpm pack --pack-destination "$work/unbuilt" > "$work/unbuilt.log" 2>&1); then
  echo "an unbuilt package was packed"
  exit 1
fi
grep -o "@epochlab/data: not built, refusing to pack.*" "$work/unbuilt.log"

echo "-- publint and attw on each tarball"
for tarball in "$tarballs"/*.tgz; do
  "$root/node_modules/.bin/publint" run --strict "$tarball" | tail -n +4
  # ESM-only packages: CommonJS require() and node10 resolution are not promised (see the guide).
  "$root/node_modules/.bin/attw" "$tarball" --profile esm-only --format ascii > "$work/attw.txt" ||
    { cat "$work/attw.txt"; exit 1; }
  echo "attw $(basename "$tarball"): no problems"
done

echo "-- npm install into a fresh project (native downloads pointed at a closed port)"
cp -r "$here/fixture" "$project"
cd "$project"
# Were a native TensorFlow package installed after all, its download would fail
# at once instead of waiting on the network.
TFJS_NODE_CDN_STORAGE=http://127.0.0.1:9/ npm install --no-audit --no-fund --engine-strict \
  --foreground-scripts "$tarballs"/*.tgz > "$work/npm-install.log" 2>&1 ||
  { cat "$work/npm-install.log"; exit 1; }
if grep -E "EBADENGINE" "$work/npm-install.log"; then
  echo "npm warned about an engine while installing (above)"
  exit 1
fi
tail -n 1 "$work/npm-install.log"
node "$here/check-installed.mjs" "$project"
echo "installed size: $(du -sh --exclude=typescript --exclude=@types node_modules | cut -f1) (without the project's own typescript)"

echo "-- typecheck the notebook port: NodeNext, then bundler resolution"
npx tsc -p tsconfig.nodenext.json
npx tsc -p tsconfig.bundler.json --noEmit

echo "-- run it (ES module), then the CommonJS story"
node dist/notebook-port.js | tee "$work/output.txt"
diff -u expected-output.txt "$work/output.txt"
node notebook-port.cjs
npx epochlab run line --epochs 200 --quiet --out cli-run
test -s cli-run/summary.json && echo "epochlab run line: run folder written"

echo "-- a wide network's steps split over a worker thread (the installed worker file runs)"
node --input-type=module -e "
  const { DataLoader, samplePolynomial, TensorDataset } = await import('@epochlab/data');
  const { createMlp } = await import('@epochlab/models');
  const { initBackend, SeededRandom } = await import('@epochlab/tensor');
  const { trainModel } = await import('@epochlab/train');
  await initBackend('cpu');
  const random = new SeededRandom(0);
  const [x, y] = samplePolynomial({ coefficients: [1, 0], n: 2048, sigma: 0.1, range: 1, random: random.stream('data') }).toTensors();
  const run = (fusedThreads) => trainModel({
    model: createMlp({ inputSize: 1, hiddenSizes: [512, 512], outputSize: 1, activation: 'leakyRelu' }, new SeededRandom(1).stream('init')),
    train: new DataLoader(new TensorDataset(x, y), { batchSize: 64, shuffle: true, seed: 0 }),
    epochs: 4, loss: 'l1', optimizer: { name: 'sgd', learningRate: 0.01 }, fusedThreads,
  });
  const two = await run(2);
  const one = await run(1);
  const same = JSON.stringify(two.history.train) === JSON.stringify(one.history.train);
  console.log('threads:', two.trainingThreads, 'same losses as one thread:', same);
  if (two.trainingThreads !== 2 || !same) process.exit(1);
"

echo "-- next to the user's own @tensorflow/tfjs: one copy of tfjs-core"
npm install --no-audit --no-fund --ignore-scripts @tensorflow/tfjs@4.22.0 > "$work/npm-tfjs.log" 2>&1 ||
  { cat "$work/npm-tfjs.log"; exit 1; }
copies="$(npm ls @tensorflow/tfjs-core --all --parseable | sort -u | wc -l)"
if [ "$copies" != 1 ]; then
  npm ls @tensorflow/tfjs-core --all
  exit 1
fi
node --input-type=module -e "
  await import('@tensorflow/tfjs');
  const { initBackend, tf } = await import('@epochlab/tensor');
  await initBackend('cpu');
  console.log('tfjs-core copies: 1; 2 + 3 =', tf.add(2, 3).dataSync()[0]);
" 2> "$work/tfjs-stderr.txt"
if grep -E "already (been set|registered)" "$work/tfjs-stderr.txt"; then exit 1; fi
echo "package check passed"
