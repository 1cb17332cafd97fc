import { BackendUnavailableError, UnknownBackendError } from '../errors.js';
import { tf } from '../tf.js';
import type { BackendCandidate, BackendLoadOptions, Platform } from './backend-candidate.js';
import { type BackendWorkload, rankCandidates } from './backend-workload.js';
import { probeTrainingStep } from './training-step-probe.js';

/** One backend `initBackend` tried, and how it went. */
export interface BackendAttempt {
  readonly name: string;
  readonly ok: boolean;
  /** Why it failed, or an empty string when it started. */
  readonly reason: string;
}

/** What `initBackend` selected and why. */
export interface BackendChoice {
  /** The name the caller asked for (`auto` or a backend name). */
  readonly requested: string;
  /** epochlab's name of the backend now active. */
  readonly name: string;
  /** tfjs's name of that backend (`tf.getBackend()`). */
  readonly tfjsName: string;
  readonly platform: Platform;
  /** One sentence: what was picked and why (the fallbacks `auto` took, if any). */
  readonly reason: string;
  /** Every backend tried, in order. */
  readonly attempts: readonly BackendAttempt[];
}

/** Options for `initBackend`. */
export interface InitBackendOptions extends BackendLoadOptions {
  /**
   * Keep tfjs's debug checks on (slower; checks every op for NaN).
   * By default epochlab runs tfjs in production mode.
   */
  debug?: boolean;
  /**
   * The work about to run (see `denseMlpWorkload`): `auto` then tries the
   * backends that run small dense networks fastest first. Without it, `auto`
   * keeps the listed order (GPU and native backends first).
   */
  workload?: BackendWorkload;
  /**
   * Backends `auto` must not try, e.g. one that started but failed a run;
   * ignored when a backend is asked for by name.
   */
  exclude?: readonly string[];
}

async function tryCandidate(
  candidate: BackendCandidate,
  options: BackendLoadOptions,
): Promise<string | undefined> {
  try {
    await candidate.load(options);
    const ok = await tf.setBackend(candidate.tfjsName);
    if (!ok) return `TensorFlow.js could not initialise the "${candidate.tfjsName}" backend`;
    await tf.ready();
    // A small training step proves the backend really computes, not just registers.
    return await probeTrainingStep();
  } catch (error) {
    return candidate.explainFailure(error);
  }
}

/**
 * Starts the backend named `requested` among `candidates` (ordered best first,
 * the order `auto` tries them in) and makes it tfjs's active backend.
 */
export async function selectBackend(
  requested: string,
  platform: Platform,
  candidates: readonly BackendCandidate[],
  options: InitBackendOptions = {},
): Promise<BackendChoice> {
  if (!options.debug) tf.enableProdMode();
  const validNames = ['auto', ...candidates.map((c) => c.name)];
  const attempts: BackendAttempt[] = [];

  if (requested !== 'auto') {
    const candidate = candidates.find((c) => c.name === requested);
    if (!candidate) throw new UnknownBackendError(requested, validNames, platform);
    const failure = await tryCandidate(candidate, options);
    if (failure !== undefined) {
      throw new BackendUnavailableError(candidate.name, failure, candidate.installHint);
    }
    attempts.push({ name: candidate.name, ok: true, reason: '' });
    return {
      requested,
      name: candidate.name,
      tfjsName: candidate.tfjsName,
      platform,
      reason: `requested by name; ${candidate.description}`,
      attempts,
    };
  }

  const excluded = options.exclude ?? [];
  const ranked = rankCandidates(
    candidates.filter((c) => !excluded.includes(c.name)),
    options.workload,
  );
  for (const candidate of ranked.order) {
    const failure = await tryCandidate(candidate, options);
    attempts.push({ name: candidate.name, ok: failure === undefined, reason: failure ?? '' });
    if (failure === undefined) {
      const skipped = attempts.filter((a) => !a.ok);
      const because = skipped.length
        ? `; skipped ${skipped.map((a) => `${a.name} (${a.reason})`).join('; ')}`
        : '';
      const left = excluded.length ? `; left out ${excluded.join(', ')}` : '';
      const why = ranked.why ? ` (${ranked.why})` : '';
      return {
        requested,
        name: candidate.name,
        tfjsName: candidate.tfjsName,
        platform,
        reason: `auto picked ${candidate.name}, the first available of ${ranked.order
          .map((c) => c.name)
          .join(' > ')}${why}${because}${left}`,
        attempts,
      };
    }
  }
  throw new BackendUnavailableError(
    'auto',
    `no backend could start: ${attempts.map((a) => `${a.name} (${a.reason})`).join('; ')}`,
    '',
  );
}

/** Short message of an unknown thrown value, first line only. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() ?? message;
}
