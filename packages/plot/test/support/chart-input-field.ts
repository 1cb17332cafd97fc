import { ChartInputError } from '../../src/errors.js';

/** The field a `ChartInputError` thrown by `run` names, or `'no error'`; other errors propagate. */
export function chartInputField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (ChartInputError.isInstance(error)) return error.field;
    throw error;
  }
  return 'no error';
}
