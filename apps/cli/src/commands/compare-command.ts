import { resolve } from 'node:path';
import { compareRuns, type RunComparison } from '@epochlab/experiments';
import { initBackend } from '@epochlab/tensor';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../config/usage-error.js';
import { renderCompareCharts } from '../output/compare/compare-charts.js';
import { compareTableFiles } from '../output/compare/compare-tables.js';
import { type RunFolderContents, readRunFolder } from '../output/compare/read-run-folder.js';
import { formatLoss } from '../progress/format.js';
import { commitRunFolder, prepareRunFolder } from './run-session.js';

/** Flags of `epochlab compare`. */
export interface CompareFlags {
  out?: string;
  json?: boolean;
  logScale?: boolean;
  quiet?: boolean;
}

/**
 * Reads every folder, checking them all before anything is written: at least
 * two, none twice, each a single-model run folder. Runs are named by their
 * folder's name, or by the path as given when two names are alike.
 */
function readFolders(paths: readonly string[]): RunFolderContents[] {
  if (paths.length < 2) {
    throw new UsageError(
      `compare needs at least two run folders; got ${paths.length === 0 ? 'none' : `only ${paths[0]}`}`,
    );
  }
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    if (seen.has(absolute)) throw new UsageError(`${path} is given twice; give each run once`);
    seen.add(absolute);
  }
  const folders = paths.map((path) => readRunFolder(path));
  const labels = folders.map(({ run }) => run.label);
  if (new Set(labels).size === labels.length) return folders;
  return paths.map((path) => readRunFolder(path, path));
}

/** The lines printed after a comparison, for people. */
function comparisonText(comparison: RunComparison, folder: string | undefined): string {
  const lines = comparison.outcomes.map(
    (outcome) =>
      `${outcome.label}: ${outcome.status}, ${outcome.epochsRun} epochs, best validation loss ${formatLoss(outcome.bestValLoss)}${outcome.bestValEpoch === null ? '' : ` at epoch ${outcome.bestValEpoch}`}, final train loss ${formatLoss(outcome.finalTrainLoss)}`,
  );
  if (comparison.differences.length > 0) {
    lines.push(
      `differences: ${comparison.differences.map((d) => `${d.field} ${d.values.map((v) => v ?? '-').join(' / ')}`).join('; ')}`,
    );
  } else {
    lines.push('differences: none, the configs are the same');
  }
  for (const note of comparison.leftOut) lines.push(`left out: ${note}`);
  if (folder !== undefined) lines.push(`compare folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `epochlab compare <run folder>...`: the runs' loss curves overlaid, their
 * final models over the shared points (when they share them), and tables
 * of the config fields that differ and of the outcomes, written to a folder
 * (default `runs/compare-<date>-<time>`, committed by rename like a run
 * folder) or printed as JSON with `--json` (nothing written). Bad folders
 * are a `UsageError` before anything is written. Returns the exit code.
 */
export async function compareCommand(
  paths: readonly string[],
  flags: CompareFlags,
  io: CliIo,
): Promise<number> {
  const folders = readFolders(paths);
  const comparison = compareRuns(folders.map(({ run }) => run));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    return 0;
  }
  const folder = prepareRunFolder(flags, 'compare', io);
  // Models load on cpu: the reference backend, the same numbers as the runs' own fit charts.
  await initBackend('cpu');
  let full = comparison;
  await commitRunFolder(folder, async () => {
    const charts = await renderCompareCharts(folders, comparison, flags.logScale ?? false);
    full = { ...comparison, leftOut: [...comparison.leftOut, ...charts.leftOut] };
    return [...compareTableFiles(full), ...charts.files];
  });
  if (!flags.quiet) io.stdout.write(comparisonText(full, folder.path));
  return 0;
}
