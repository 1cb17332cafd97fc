import { fill, type Messages } from '../i18n/messages.js';
import { formatCount } from './format.js';
import type { NetworkLayout } from './network-layout.js';

/**
 * The network diagram's text alternative: the layer sizes (inputs first),
 * the hidden activation and the parameter count split into weights and
 * biases, then the key to the picture, or why it has no weight lines.
 */
export function networkText(
  widths: readonly number[],
  activation: string,
  layout: Pick<NetworkLayout, 'weightCount' | 'biasCount' | 'lines'>,
  m: Messages,
): string {
  const locale = m.locale;
  const text = fill(m.networkText, {
    sizes: widths.map((width) => formatCount(width, locale)).join(' → '),
    activation,
    parameters: formatCount(layout.weightCount + layout.biasCount, locale),
    weights: formatCount(layout.weightCount, locale),
    biases: formatCount(layout.biasCount, locale),
  });
  return `${text} ${layout.lines === undefined ? m.networkTooLarge : m.networkKey}`;
}
