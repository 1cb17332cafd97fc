import { describe, expect, it } from 'vitest';
import type * as errors from '../dist/errors.js';
import {
  BackendNotInitialisedError,
  BackendUnavailableError,
  describeValue,
  EpochlabError,
  InvalidArgumentError,
  UnknownBackendError,
} from '../dist/errors.js';

/** A second copy of the module, as a duplicate install gives: other classes, same markers. */
// @ts-expect-error: the query string makes it another module; TypeScript has no file for that name.
const copy = (await import('../dist/errors.js?copy')) as typeof errors;

const samples = {
  InvalidArgumentError: () => new copy.InvalidArgumentError('batchSize', 'a whole number', 0),
  UnknownBackendError: () => new copy.UnknownBackendError('tpu', ['auto', 'cpu'], 'node'),
  BackendUnavailableError: () => new copy.BackendUnavailableError('wasm', 'no wasm', ''),
  BackendNotInitialisedError: () => new copy.BackendNotInitialisedError(),
} as const;
type Name = keyof typeof samples;
const names = Object.keys(samples) as Name[];
/** The classes of this copy, by name. */
const classes = {
  InvalidArgumentError,
  UnknownBackendError,
  BackendUnavailableError,
  BackendNotInitialisedError,
} as const;

describe('error markers', () => {
  it('a second copy of the module defines different classes', () => {
    expect(copy.InvalidArgumentError).not.toBe(InvalidArgumentError);
    expect(samples.InvalidArgumentError()).not.toBeInstanceOf(InvalidArgumentError);
  });

  it.each(names)(
    '%s.isInstance recognises its errors from another copy, and only those',
    (name) => {
      for (const other of names) {
        expect(classes[name].isInstance(samples[other]())).toBe(other === name);
      }
      expect(EpochlabError.isInstance(samples[name]())).toBe(true);
    },
  );

  it('rejects plain errors and non-objects', () => {
    for (const value of [new Error('x'), null, undefined, 'InvalidArgumentError', 3]) {
      expect(EpochlabError.isInstance(value)).toBe(false);
      expect(InvalidArgumentError.isInstance(value)).toBe(false);
    }
  });
});

describe('describeValue', () => {
  it('quotes strings, prints numbers as JavaScript does and cuts long values at 60 characters', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, 2])).toBe('[1,2]');
    const long = describeValue('x'.repeat(100));
    expect(long).toHaveLength(60);
    expect(long.endsWith('...')).toBe(true);
  });
});
