import { type Tensor, tf, type Variable } from '@epochlab/tensor';

/**
 * A copy of some variables' values, kept on the device. `tf.clone` shares the
 * variable's buffer until the optimizer assigns a new one, so capturing costs
 * no copy and no device sync.
 */
export class WeightSnapshot {
  private readonly variables: readonly Variable[];
  private values: Tensor[] | undefined;

  constructor(variables: readonly Variable[]) {
    this.variables = variables;
  }

  /** Whether `capture` has been called. */
  get captured(): boolean {
    return this.values !== undefined;
  }

  /** Remembers the variables' current values, replacing the previous snapshot. */
  capture(): void {
    const values = this.variables.map((variable) => tf.keep(tf.clone(variable)));
    this.release();
    this.values = values;
  }

  /** Assigns the remembered values back to the variables. */
  restore(): void {
    const values = this.values;
    if (values === undefined) return;
    this.variables.forEach((variable, index) => {
      variable.assign(values[index] as Tensor);
    });
  }

  /** The remembered values as plain arrays, in the variables' order (empty before `capture`). */
  read(): Float32Array[] {
    return (this.values ?? []).map((value) => value.dataSync() as Float32Array);
  }

  /** Frees the remembered values. */
  release(): void {
    if (this.values !== undefined) tf.dispose(this.values);
    this.values = undefined;
  }
}
