import type { Points } from '@epochlab/experiments';

/**
 * The parameter that carries a link's points, in the URL's fragment
 * (`#points=...`), not its query: browsers never send the fragment to the
 * server, so opening a shared link keeps the data in the browser too.
 */
export const POINTS_PARAM = 'points';

/** Its value when the data were too large for a link: the link carries the config only. */
export const POINTS_LEFT_OUT = 'left-out';

/**
 * Longest value of the `points` parameter, in characters. The query (every
 * field of the data experiment, the backend and the language) is under 1 KB,
 * so a link with points stays under 8 KB, the length every
 * browser, server and chat client passes on. A bound on the encoded length
 * rather than on the point count: short numbers (drawn points, values typed
 * with few digits) fit many more points than full-precision ones.
 */
export const MAX_POINTS_PARAM_LENGTH = 7000;

/** The training points and, when there are any, the separate validation points. */
export interface PointSets {
  readonly train: Points;
  readonly validation?: Points | undefined;
}

/** Why a link's `points` parameter could not be read. */
export type PointsParamProblem = 'encoding' | 'shape' | 'notFinite';

/** Thrown by `decodePoints` for a value no page wrote. */
export class PointsParamError extends Error {
  constructor(readonly reason: PointsParamProblem) {
    super(`the points parameter could not be read (${reason})`);
    this.name = 'PointsParamError';
  }
}

/**
 * The points as a URL parameter value: JSON (`[[x...],[y...]]`, then the
 * validation x and y when given; numbers in JavaScript's shortest exact
 * form, so they come back bit for bit), compressed with deflate-raw
 * (`CompressionStream`, in every browser and Node 20) and written in
 * base64url, which needs no escaping in a query string.
 */
export async function encodePoints(points: PointSets): Promise<string> {
  const columns: (readonly number[])[] = [points.train.x, points.train.y];
  if (points.validation) columns.push(points.validation.x, points.validation.y);
  const bytes = new TextEncoder().encode(JSON.stringify(columns));
  return toBase64Url(await pipeBytes(bytes, new CompressionStream('deflate-raw')));
}

/** The points a value written by `encodePoints` holds; throws `PointsParamError` for any other. */
export async function decodePoints(value: string): Promise<PointSets> {
  let columns: unknown;
  try {
    const bytes = await pipeBytes(fromBase64Url(value), new DecompressionStream('deflate-raw'));
    columns = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PointsParamError('encoding');
  }
  if (!Array.isArray(columns) || (columns.length !== 2 && columns.length !== 4)) {
    throw new PointsParamError('shape');
  }
  const [x, y, validationX, validationY] = columns.map((column: unknown) => {
    if (!Array.isArray(column) || !column.every((value) => typeof value === 'number')) {
      throw new PointsParamError('shape');
    }
    return column as number[];
  });
  const pair = (xs: number[] | undefined, ys: number[] | undefined): Points => {
    if (!xs || !ys || xs.length !== ys.length) throw new PointsParamError('shape');
    // JSON has no NaN or Infinity, but 1e999 parses as Infinity.
    if (![...xs, ...ys].every(Number.isFinite)) throw new PointsParamError('notFinite');
    return { x: xs, y: ys };
  };
  const train = pair(x, y);
  return validationX ? { train, validation: pair(validationX, validationY) } : { train };
}

/**
 * The `points` parameter for these points: the encoded points when they fit
 * in `MAX_POINTS_PARAM_LENGTH` characters, otherwise `POINTS_LEFT_OUT` (the
 * link then carries the config only, and says so).
 */
export async function pointsParam(points: PointSets): Promise<string> {
  const encoded = await encodePoints(points);
  return encoded.length <= MAX_POINTS_PARAM_LENGTH ? encoded : POINTS_LEFT_OUT;
}

async function pipeBytes(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack for long inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The `points` value of a URL fragment (`#points=...`), if it has one. */
export function pointsParamOf(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(POINTS_PARAM) ?? undefined;
}

/** The URL fragment that carries a `points` value. */
export function pointsFragment(value: string): string {
  return `#${POINTS_PARAM}=${value}`;
}
