#!/usr/bin/env bash
# The release path, without releasing: in a throwaway clone of HEAD, apply the
# pending changesets (`changeset version`: versions, CHANGELOGs, internal
# ranges), then `pnpm publish -r --dry-run`, which packs exactly what
# `changeset publish` would upload (it runs `pnpm publish` for each package).
# Run after `pnpm build`: bash tools/package-check/release-dry-run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clone="$(mktemp -d "${TMPDIR:-/tmp}/epochlab-release.XXXXXX")"
trap 'rm -rf "$clone"' EXIT

git clone --quiet --no-hardlinks "$root" "$clone"
ln -s "$root/node_modules" "$clone/node_modules"
cd "$clone"
for dir in packages/* apps/*; do
  if [ -d "$root/$dir/dist" ]; then
    cp -r "$root/$dir/dist" "$dir/dist"
    [ -d "$root/$dir/node_modules" ] && ln -s "$root/$dir/node_modules" "$dir/node_modules"
  fi
done

echo "-- changeset version"
node_modules/.bin/changeset version
pending="$(find .changeset -name '*.md' ! -name README.md | wc -l)"
[ "$pending" = 0 ] || { echo "changesets left after version: $pending"; exit 1; }
public_count="$(node -e '
  const { readFileSync, existsSync } = require("node:fs");
  let count = 0;
  for (const dir of process.argv.slice(1)) {
    const manifest = JSON.parse(readFileSync(`${dir}/package.json`, "utf8"));
    if (manifest.private) continue;
    if (!existsSync(`${dir}/CHANGELOG.md`)) throw new Error(`${manifest.name}: no CHANGELOG.md`);
    console.error(`${manifest.name}@${manifest.version}`);
    count++;
  }
  console.log(count);' packages/* apps/*)"

echo "-- pnpm publish -r --dry-run (what changeset publish uploads)"
npx -y pnpm@10.34.9 publish -r --dry-run --no-git-checks > publish.log 2>&1 ||
  { cat publish.log; exit 1; }
for file in CHANGELOG.md LICENSE README.md package.json; do
  count="$(grep -cE "^npm notice [0-9.]+k?B +$file$" publish.log || true)"
  echo "$file in $count of $public_count tarballs"
  [ "$count" = "$public_count" ] || exit 1
done
grep -E "^npm notice (name|version|total files):" publish.log | paste - - - | sed 's/npm notice //g'
