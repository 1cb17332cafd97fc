import {
  FIT_EXPERIMENTS,
  findFitExperiment,
  parseSweepSpec,
  type SweepSpec,
  sweepValuesFromText,
} from '@epochlab/experiments';
import { readConfigFile } from './config-file.js';
import { UsageError } from './usage-error.js';

/** The sweep's own options (not fields): how many seeds, random search. */
export interface SweepSpecFlags {
  readonly seeds?: string;
  readonly random?: string;
  readonly randomSeed?: string;
}

/**
 * `--lr 0.1,0.2` and `--lr=0.1,0.2` among the arguments after the experiment,
 * by flag name; a flag followed by another flag or by nothing has no value
 * (`undefined`): a yes/no field given so means yes (`--early-stopping`).
 */
export function gridFlagsFromArguments(args: readonly string[]): Map<string, string | undefined> {
  const flags = new Map<string, string | undefined>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      throw new UsageError(`unexpected argument "${arg}"; give each field as --<field> <values>`);
    }
    const equals = arg.indexOf('=');
    if (equals > 0) {
      flags.set(arg.slice(2, equals), arg.slice(equals + 1));
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('--') && value.length > 2)) {
      flags.set(arg.slice(2), undefined);
      continue;
    }
    flags.set(arg.slice(2), value);
    i++;
  }
  return flags;
}

/** `8` -> 8; other text stays text, so that `parseSweepSpec` names the flag and the value. */
function wholeNumberText(text: string): unknown {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

/**
 * The sweep of `epochlab sweep <experiment|sweep.json> [--<field> a,b,c ...]`:
 * a sweep file's grid (a JSON object such as `{"experiment": "line", "grid":
 * {"lr": [0.001, 0.01]}, "seeds": 8}`) or the experiment's name, then each
 * field flag's values (`;` between list values: `--hidden "12,12,16;32,32"`; a
 * yes/no field's flag alone is yes: `--early-stopping`),
 * then `--seeds`, `--random`, `--random-seed`; validated by `parseSweepSpec`,
 * naming flags as typed.
 */
export function resolveSweepSpec(
  experimentOrFile: string,
  gridFlags: ReadonlyMap<string, string | undefined>,
  flags: SweepSpecFlags,
): SweepSpec {
  const looksLikeFile = experimentOrFile.endsWith('.json') || experimentOrFile.includes('/');
  const base: Record<string, unknown> = looksLikeFile
    ? readConfigFile(experimentOrFile)
    : { experiment: experimentOrFile };
  const experiment = findFitExperiment(base.experiment);
  if (experiment === undefined && !looksLikeFile) {
    const names = FIT_EXPERIMENTS.map((candidate) => candidate.name).join(', ');
    throw new UsageError(
      `a sweep runs one of the experiments ${names}, or a sweep file (.json); got "${experimentOrFile}"`,
    );
  }
  const grid: Record<string, unknown> = {
    ...(typeof base.grid === 'object' && base.grid !== null ? base.grid : {}),
  };
  for (const [flag, given] of gridFlags) {
    const field = experiment?.fields.find((candidate) => candidate.flag === flag);
    if (given === undefined && field?.kind !== 'boolean') {
      throw new UsageError(`--${flag} needs a list of values, such as --${flag} 0.001,0.01`);
    }
    const text = given ?? 'true';
    if (field === undefined) {
      grid[flag] = [text]; // not a field: parseSweepSpec names it and lists the fields
      continue;
    }
    delete grid[field.key]; // the flag replaces the file's list
    grid[field.flag] = sweepValuesFromText(field, text);
  }
  const input = {
    ...base,
    ...(base.grid === undefined && gridFlags.size === 0 ? {} : { grid }),
    ...(flags.seeds === undefined ? {} : { seeds: wholeNumberText(flags.seeds) }),
    ...(flags.random === undefined ? {} : { random: wholeNumberText(flags.random) }),
    ...(flags.randomSeed === undefined ? {} : { randomSeed: wholeNumberText(flags.randomSeed) }),
  };
  return parseSweepSpec(input, looksLikeFile && gridFlags.size === 0 ? 'key' : 'flag');
}
