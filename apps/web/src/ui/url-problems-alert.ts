import { fill, type Messages } from '../i18n/messages.js';
import type { FieldProblem } from '../state/field-validation.js';
import { h } from './dom.js';

/**
 * Fills the alert that lists a link's bad values (one `<li data-field>` each,
 * under the `invalidUrl` heading), or empties and hides it when there are none.
 * `describe` gives a problem's field label and translated reason.
 */
export function renderUrlProblemsAlert(
  alert: HTMLElement,
  problems: readonly FieldProblem[],
  m: Pick<Messages, 'invalidUrl' | 'invalidField'>,
  describe: (problem: FieldProblem) => { readonly field: string; readonly problem: string },
): void {
  if (problems.length === 0) {
    alert.replaceChildren();
    alert.hidden = true;
    return;
  }
  alert.hidden = false;
  alert.replaceChildren(
    h('p', {}, m.invalidUrl),
    h(
      'ul',
      {},
      ...problems.map((problem) =>
        h(
          'li',
          { 'data-field': problem.key },
          fill(m.invalidField, { ...describe(problem), text: problem.text }),
        ),
      ),
    ),
  );
}
