import { countTensors, type Tensor, type Tensor1D, type Tensor2D, tf } from '@epochlab/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { hasBatchAccess, TensorDataset } from '../src/index.js';
import { BACKENDS, column, expectInvalid, useBackend, values } from './helpers.js';

describe.each(BACKENDS)('TensorDataset on %s', (backend) => {
  useBackend(backend);

  it('has the common length and per-item rows of one rank less', () => {
    const x = column(5) as Tensor2D;
    const y = column(5, 10) as Tensor2D;
    const dataset = new TensorDataset(x, y);
    expect(dataset.length).toBe(5);
    expect(hasBatchAccess(dataset)).toBe(true);
    const before = countTensors();
    const [xi, yi] = dataset.get(3);
    expectTypeOf(xi).toEqualTypeOf<Tensor1D>();
    expect(xi.shape).toEqual([1]);
    expect(values(xi)).toEqual([3]);
    expect(values(yi)).toEqual([30]);
    expect(countTensors()).toBe(before + 2);
    tf.dispose([xi, yi, x, y]);
  });

  it('gathers a batch in the given order, repeats allowed, keeping the rank', () => {
    const x = column(6) as Tensor2D;
    const labels = tf.tensor1d([0, 1, 2, 3, 4, 5], 'int32');
    const images = tf.tensor3d(
      Array.from({ length: 24 }, (_, i) => i),
      [6, 2, 2],
    );
    const dataset = new TensorDataset(x, labels, images);
    const before = countTensors();
    const [xb, lb, ib] = dataset.getBatch(Int32Array.of(4, 0, 4, 2));
    expectTypeOf(xb).toEqualTypeOf<Tensor2D>();
    expect(xb.shape).toEqual([4, 1]);
    expect(values(xb)).toEqual([4, 0, 4, 2]);
    expect(lb.dtype).toBe('int32');
    expect(values(lb)).toEqual([4, 0, 4, 2]);
    expect(ib.shape).toEqual([4, 2, 2]);
    expect(values(ib).slice(0, 4)).toEqual([16, 17, 18, 19]);
    // only the three batch tensors remain: the indices tensor was freed
    expect(countTensors()).toBe(before + 3);
    tf.dispose([xb, lb, ib, x, labels, images]);
  });

  it('reads consecutive indices, shuffled ones and none alike', () => {
    const x = column(8) as Tensor2D;
    const dataset = new TensorDataset(x);
    const before = countTensors();
    const [consecutive] = dataset.getBatch(Int32Array.of(2, 3, 4));
    const [shuffled] = dataset.getBatch(Int32Array.of(2, 4, 3));
    const [none] = dataset.getBatch(new Int32Array(0));
    expect(values(consecutive)).toEqual([2, 3, 4]);
    expect(values(shuffled)).toEqual([2, 4, 3]);
    expect(consecutive.shape).toEqual([3, 1]);
    expect(none.shape).toEqual([0, 1]);
    tf.dispose([consecutive, shuffled, none]);
    expect(countTensors()).toBe(before);
    x.dispose();
  });

  it('rejects bad tensors and indices, naming them', () => {
    const x = column(5);
    const y = column(4);
    expectInvalid(() => new TensorDataset(x, y), 'tensors');
    expectInvalid(() => new TensorDataset(), 'tensors');
    expectInvalid(() => new TensorDataset(x, tf.scalar(1)), 'tensors[1]');
    expectInvalid(() => new TensorDataset([1, 2] as unknown as Tensor), 'tensors[0]');
    const dataset = new TensorDataset(x);
    expectInvalid(() => dataset.get(5), 'index');
    expectInvalid(() => dataset.get(-1), 'index');
    expectInvalid(() => dataset.get(1.5), 'index');
    expectInvalid(() => dataset.getBatch(Int32Array.of(0, 5)), 'indices[1]');
    expectInvalid(() => dataset.getBatch(Int32Array.of(-1)), 'indices[0]');
    tf.dispose([x, y]);
  });

  it('never disposes the tensors it was given', () => {
    const x = column(3);
    const dataset = new TensorDataset(x);
    tf.dispose(dataset.getBatch(Int32Array.of(0, 1, 2)));
    tf.dispose(dataset.get(0));
    expect(x.isDisposed).toBe(false);
    x.dispose();
  });
});
