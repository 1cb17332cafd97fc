import {
  defaultLocalMinimaConfig,
  LOCAL_MINIMA,
  LOCAL_MINIMA_FIELDS,
  type LocalMinimaConfig,
  parseLocalMinimaConfig,
} from '@epochlab/experiments';
import type { FieldProblem } from '../state/field-validation.js';
import { parseFlagParams, problemFlag } from '../state/flag-params.js';

/** Whether a query string opens the local-minima page (`?experiment=local-minima`). */
export function isMinimaUrl(search: string): boolean {
  return new URLSearchParams(search).get('experiment') === LOCAL_MINIMA;
}

/** The study's config from a link, and what was wrong with it. */
export interface MinimaUrlState {
  readonly config: LocalMinimaConfig;
  /** One entry per bad field (`key` is the field path, `lrs[1]`); when there are any, the page runs the defaults. */
  readonly problems: readonly FieldProblem[];
}

/**
 * Reads the study's config from a query string whose parameters are the
 * CLI's flags (`?experiment=local-minima&lrs=0.3&seeds=100`), validated by
 * the study's own schema. A link with a bad value is reported field by field
 * (named by its flag) and the page falls back to the defaults as a whole, so
 * that it never runs a mix the user did not write.
 */
export function readMinimaUrl(search: string): MinimaUrlState {
  const { config, problems } = parseFlagParams(
    LOCAL_MINIMA_FIELDS,
    new URLSearchParams(search),
    { experiment: LOCAL_MINIMA },
    parseLocalMinimaConfig,
  );
  return { config: config ?? defaultLocalMinimaConfig(), problems };
}

/** A problem's field as the link writes it: `pathLr` -> `path-lr`, `batchSizes[1]` -> `batch-sizes[1]`. */
export function minimaFlagOf(field: string): string {
  return problemFlag(LOCAL_MINIMA_FIELDS, field);
}
