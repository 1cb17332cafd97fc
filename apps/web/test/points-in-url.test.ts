import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formConfig } from '../src/state/field-validation.js';
import {
  decodePoints,
  encodePoints,
  MAX_POINTS_PARAM_LENGTH,
  POINTS_LEFT_OUT,
  PointsParamError,
  pointsFragment,
  pointsParam,
  pointsParamOf,
} from '../src/state/points-in-url.js';
import { writeUrlState } from '../src/state/url-state.js';

/** A reproducible stream of numbers in [-1, 1) (Park and Miller's minimal standard generator). */
function numbers(count: number, seed: number, digits?: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 16807) % 2147483647;
    const value = (2 * state) / 2147483647 - 1;
    return digits === undefined ? value : Number(value.toPrecision(digits));
  });
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('points in the URL', () => {
  it('round-trips training and validation points bit for bit', async () => {
    const points = {
      train: { x: [0.1, -2.5e-8, 1e300, 3], y: [1 / 3, Math.PI, -0, 5e-324] },
      validation: { x: [0.30000000000000004], y: [-7] },
    };
    const back = await decodePoints(await encodePoints(points));
    expect(back.validation?.x).toEqual([0.30000000000000004]);
    for (const [a, b] of [
      [back.train.x, points.train.x],
      [back.train.y.slice(0, 2), points.train.y.slice(0, 2)],
      [back.train.y.slice(3), points.train.y.slice(3)],
    ] as const) {
      expect(a.every((value, i) => Object.is(value, b[i]))).toBe(true);
    }
    // JSON writes -0 as 0: the one value whose sign a link does not keep.
    expect(back.train.y[2]).toBe(0);
  });

  it('writes deflate-raw of the JSON columns, in base64url', async () => {
    const encoded = await encodePoints({ train: { x: [1, 2], y: [3, 4.5] } });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    // Node's zlib is an independent inflater.
    expect(inflateRawSync(Buffer.from(encoded, 'base64url')).toString()).toBe('[[1,2],[3,4.5]]');
  });

  it('reads a value compressed by another deflate implementation', async () => {
    const value = base64url(deflateRawSync('[[-1,0,1],[2,2.5,3],[9],[8]]'));
    expect(await decodePoints(value)).toEqual({
      train: { x: [-1, 0, 1], y: [2, 2.5, 3] },
      validation: { x: [9], y: [8] },
    });
  });

  it.each([
    ['not base64url', '%%%', 'encoding'],
    ['not deflate data', base64url(new Uint8Array([255, 255, 255, 255])), 'encoding'],
    ['not JSON', base64url(deflateRawSync('x=1')), 'encoding'],
    ['an object', base64url(deflateRawSync('{"x":[1]}')), 'shape'],
    ['three columns', base64url(deflateRawSync('[[1],[2],[3]]')), 'shape'],
    ['x and y of different lengths', base64url(deflateRawSync('[[1,2],[3]]')), 'shape'],
    ['a string among the numbers', base64url(deflateRawSync('[[1,"2"],[3,4]]')), 'shape'],
    ['an infinite number', base64url(deflateRawSync('[[1,1e999],[3,4]]')), 'notFinite'],
  ])('refuses %s with its reason', async (_, value, reason) => {
    const error = await decodePoints(value).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PointsParamError);
    expect((error as PointsParamError).reason).toBe(reason);
  });

  it('puts points in the link up to the bound, and says "left out" beyond it', async () => {
    // Drawn points keep 4 significant digits: about 7 characters a point once compressed.
    const fits = { train: { x: numbers(600, 1, 4), y: numbers(600, 2, 4) } };
    const small = await pointsParam(fits);
    expect(small).not.toBe(POINTS_LEFT_OUT);
    expect(small.length).toBeLessThanOrEqual(MAX_POINTS_PARAM_LENGTH);
    expect(await decodePoints(small)).toEqual(fits);

    // Full-precision doubles barely compress: 2,000 of them are far beyond the bound.
    const large = { train: { x: numbers(2000, 3), y: numbers(2000, 4) } };
    expect((await encodePoints(large)).length).toBeGreaterThan(MAX_POINTS_PARAM_LENGTH);
    expect(await pointsParam(large)).toBe(POINTS_LEFT_OUT);
  });
});

describe('the points fragment', () => {
  it('holds the value after #points=, which base64url keeps unescaped', async () => {
    const value = await encodePoints({ train: { x: [1], y: [2] } });
    const fragment = pointsFragment(value);
    expect(fragment).toBe(`#points=${value}`);
    expect(pointsParamOf(fragment)).toBe(value);
    expect(pointsParamOf(new URL(`https://example.org/?experiment=data${fragment}`).hash)).toBe(
      value,
    );
    expect(pointsParamOf('')).toBeUndefined();
    expect(pointsParamOf('#other=1')).toBeUndefined();
  });
});

describe('a link with points', () => {
  it('stays under 8 KB with the longest points value and every field of the data experiment', async () => {
    // Every field at a long value: the longest query the data experiment writes (the batch
    // size is checked against the points elsewhere, so the fields go on the defaults as given).
    const config = {
      ...formConfig('data'),
      hidden: Array(16).fill(4096),
      lr: 0.000123456789,
      momentum: 0.123456789,
      seed: 4294967295,
      epochs: 10000000,
      valEvery: 10000000,
      batchSize: 999999,
      valFraction: 0.123456789,
    };
    const query = `${writeUrlState(config, 'webgpu')}&lang=es`;
    const link = `https://example.github.io/epochlab/${query}${pointsFragment('A'.repeat(MAX_POINTS_PARAM_LENGTH))}`;
    expect(query.length).toBeLessThan(1024);
    expect(link.length).toBeLessThan(8192);
  });
});
