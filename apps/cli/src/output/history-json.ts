import type { ExperimentResult } from '@epochlab/experiments';

type TrainingHistory = ExperimentResult['history'];

/** Points per chunk: big enough to write fast, small enough to stay a few hundred kB. */
const POINTS_PER_CHUNK = 8192;

/** A number as JSON writes it: finite numbers in JavaScript's shortest form, anything else `null`. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

function* pointChunks(points: TrainingHistory['train']): Generator<string> {
  for (let start = 0; start < points.length; start += POINTS_PER_CHUNK) {
    let text = start === 0 ? '' : ',';
    const end = Math.min(points.length, start + POINTS_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const point = points[i] as TrainingHistory['train'][number];
      text += `${i === start ? '' : ','}{"epoch":${jsonNumber(point.epoch)},"loss":${jsonNumber(point.loss)}}`;
    }
    yield text;
  }
}

/**
 * `history.json` in pieces: `{"train":[{"epoch":0,"loss":...},...],"val":[...]}`
 * and a newline, the same bytes as `JSON.stringify(history)`, but as chunks of
 * a few thousand points, so a history of millions of epochs never has to be
 * one string (JavaScript strings stop at about 512 MB).
 */
export function* historyJsonChunks(history: TrainingHistory): Generator<string> {
  yield '{"train":[';
  yield* pointChunks(history.train);
  yield '],"val":[';
  yield* pointChunks(history.val);
  yield ']}\n';
}
