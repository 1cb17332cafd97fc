import { fill, type Messages } from '../i18n/messages.js';
import type { FieldProblem } from '../state/field-validation.js';
import type { UrlProblemLine } from './page-shell.js';

/**
 * The shell's alert lines for a link's bad values, worded as
 * `invalidField` ("<field> <problem>; got "<text>""). `describe` gives a
 * problem's field label and translated reason in the page's language.
 */
export function urlProblemLines(
  problems: readonly FieldProblem[],
  m: Pick<Messages, 'invalidField'>,
  describe: (problem: FieldProblem) => { readonly field: string; readonly problem: string },
): UrlProblemLine[] {
  return problems.map((problem) => ({
    key: problem.key,
    text: fill(m.invalidField, { ...describe(problem), text: problem.text }),
  }));
}
