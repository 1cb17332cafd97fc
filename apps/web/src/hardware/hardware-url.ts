import {
  BATCH_SIZE_HARDWARE,
  HARDWARE_FIELDS,
  type HardwareConfig,
  parseHardwareConfig,
} from '@epochlab/experiments';
import type { FieldProblem } from '../state/field-validation.js';
import { parseFlagParams, problemFlag } from '../state/flag-params.js';

/** The browser's backends the page can time, in the order it times them. */
export const HARDWARE_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;

/** One of the browser's backends. */
export type HardwareBackend = (typeof HARDWARE_BACKENDS)[number];

/** The URL parameter that lists the backends to time (`backends=cpu,webgl`). */
export const BACKENDS_PARAM = 'backends';

/**
 * The page's defaults where they differ from the CLI's: 256 points, batch
 * sizes 4 to 256 and half a second each, so that the four backends and two
 * models finish in about a minute. A measurement lasts at least one epoch, and
 * on a software WebGL or WebGPU an epoch of batch 4 over the CLI's 4096 points
 * takes over a minute by itself.
 */
export const BROWSER_HARDWARE_DEFAULTS = {
  n: 256,
  batchSizes: [4, 16, 64, 256],
  seconds: 0.5,
} as const;

/** The measurement's config and backends from a link, and what was wrong with it. */
export interface HardwareUrlState {
  readonly config: HardwareConfig;
  readonly backends: readonly HardwareBackend[];
  /** One entry per bad field (`key` is the field path, `batchSizes[1]`); when there are any, the page uses the defaults. */
  readonly problems: readonly FieldProblem[];
}

/** Whether a query string opens the hardware page (`?experiment=batch-size-hardware`). */
export function isHardwareUrl(search: string): boolean {
  return new URLSearchParams(search).get('experiment') === BATCH_SIZE_HARDWARE;
}

/** The page's default config: the experiment's own defaults with the browser's shorter run. */
export function browserHardwareConfig(): HardwareConfig {
  return parseHardwareConfig({ experiment: BATCH_SIZE_HARDWARE, ...BROWSER_HARDWARE_DEFAULTS });
}

/**
 * Reads the measurement from a query string whose parameters are the CLI's
 * flags (`?experiment=batch-size-hardware&batch-sizes=1,64&seconds=1`) plus
 * `backends`, validated by the experiment's own schema. A link with a bad
 * value is reported field by field and the page falls back to its defaults as
 * a whole, so that it never runs a mix the user did not write.
 */
export function readHardwareUrl(search: string): HardwareUrlState {
  const params = new URLSearchParams(search);
  const { config, problems } = parseFlagParams(
    HARDWARE_FIELDS,
    params,
    { experiment: BATCH_SIZE_HARDWARE, ...BROWSER_HARDWARE_DEFAULTS },
    parseHardwareConfig,
  );
  const backends = readBackends(params.get(BACKENDS_PARAM), problems);
  if (config === undefined || problems.length > 0) {
    return { config: browserHardwareConfig(), backends: HARDWARE_BACKENDS, problems };
  }
  return { config, backends, problems };
}

function readBackends(text: string | null, problems: FieldProblem[]): readonly HardwareBackend[] {
  if (text === null) return HARDWARE_BACKENDS;
  const names = text.split(',').map((name) => name.trim());
  const choices = [...HARDWARE_BACKENDS];
  if (text.trim() === '') {
    problems.push({ key: BACKENDS_PARAM, text, problem: { code: 'oneOf', choices } });
    return HARDWARE_BACKENDS;
  }
  names.forEach((name, index) => {
    if (!choices.includes(name as HardwareBackend) || names.indexOf(name) !== index) {
      problems.push({
        key: `${BACKENDS_PARAM}[${index}]`,
        text,
        problem: { code: 'oneOf', choices },
      });
    }
  });
  // Timed in the page's order whatever order the link lists them in.
  return HARDWARE_BACKENDS.filter((name) => names.includes(name));
}

/**
 * The query string of a measurement: `experiment`, each field whose text is
 * given (the form's texts, or the link's) and `backends`, with `lang`, so a
 * link reopens the same measurement and a form's texts are checked by the
 * same `readHardwareUrl` as a link's.
 */
export function hardwareSearch(
  fieldTexts: Readonly<Record<string, string>>,
  backends: readonly string[],
  lang: string,
): string {
  const params = new URLSearchParams({ experiment: BATCH_SIZE_HARDWARE });
  for (const field of HARDWARE_FIELDS) {
    const text = fieldTexts[field.flag];
    if (text !== undefined) params.set(field.flag, text);
  }
  params.set(BACKENDS_PARAM, backends.join(','));
  params.set('lang', lang);
  return `?${params.toString()}`;
}

/** A problem's field as the link writes it: `targetLoss` -> `target-loss`, `batchSizes[1]` -> `batch-sizes[1]`. */
export function hardwareFlagOf(field: string): string {
  return problemFlag(HARDWARE_FIELDS, field);
}
