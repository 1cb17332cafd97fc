import {
  type TradeOffBatch,
  type TradeOffFinding,
  type TradeOffReading,
  tradeOffReadingText,
} from '@epochlab/experiments';
import { fill, type Locale } from '../i18n/messages.js';
import { formatCount, formatNumber } from '../ui/format.js';
import type { LabMessages } from './lab-messages.js';
import { seriesNameText } from './series-name-text.js';

/**
 * The words of the trade-off reading, one template per finding code of
 * `TradeOffFinding` (`{name}`, `{steps}`, `{cosine}`, `{value}`, `{loss}`,
 * `{names}`, `{best}` are filled in).
 */
interface TradeOffWords {
  readonly prefix: string;
  readonly losses: Readonly<Record<'validation' | 'training', string>>;
  readonly lowest: string;
  readonly tied: string;
  readonly smallest: string;
  readonly largest: string;
  readonly fullBatch: string;
  /** `{count} step per epoch`, singular and plural. */
  readonly steps: Readonly<Record<'one' | 'other', string>>;
  /** The last joint of a list: `a, b and c`. */
  readonly and: string;
}

const ES_WORDS: TradeOffWords = {
  prefix: 'compromiso: ',
  losses: { validation: 'validación', training: 'entrenamiento' },
  lowest: 'menor pérdida final de {loss}: {name}, {value}',
  tied: 'menor pérdida final de {loss}: {names}, a menos de una desviación típica de {best}',
  smallest: '{name}: {steps}, los gradientes más ruidosos (coseno {cosine}), acaba en {value}',
  largest: '{name}: {steps}, coseno {cosine}, acaba en {value}',
  fullBatch: '{name}: {steps}, sin ruido en el gradiente, acaba en {value}',
  steps: { one: '{count} paso por época', other: '{count} pasos por época' },
  and: ' y ',
};

/** The reading's words per language; English is the package's own text (`tradeOffReadingText`). */
const TRADE_OFF_WORDS: Readonly<Record<Locale, TradeOffWords | undefined>> = {
  en: undefined,
  es: ES_WORDS,
};

function findingText(
  finding: TradeOffFinding,
  words: TradeOffWords,
  messages: LabMessages,
  locale: Locale,
): string {
  const name = (batch: TradeOffBatch) => seriesNameText(batch.name, messages);
  const value = (loss: number) => formatNumber(loss, locale);
  const about = (batch: TradeOffBatch) => ({
    name: name(batch),
    steps: fill(words.steps[batch.stepsPerEpoch === 1 ? 'one' : 'other'], {
      count: formatCount(batch.stepsPerEpoch, locale),
    }),
    cosine: batch.cosine === null ? '—' : formatNumber(batch.cosine, locale),
    value: value(batch.finalLoss),
  });
  switch (finding.code) {
    case 'lowest-final-loss':
      return fill(words.lowest, { ...about(finding.batch), loss: words.losses[finding.loss] });
    case 'tied-lowest-final-loss': {
      const names = finding.batches.map(name);
      const list =
        names.length <= 1
          ? names.join('')
          : `${names.slice(0, -1).join(', ')}${words.and}${names.at(-1)}`;
      return fill(words.tied, {
        names: list,
        best: value(finding.best),
        loss: words.losses[finding.loss],
      });
    }
    case 'smallest-batch':
      return fill(words.smallest, about(finding.batch));
    case 'largest-batch':
      return fill(words.largest, about(finding.batch));
    case 'full-batch':
      return fill(words.fullBatch, about(finding.batch));
  }
}

/**
 * The lab's trade-off reading in the page's language: the package's English
 * line (the one the CLI prints), or its findings worded by code.
 */
export function tradeOffText(
  reading: TradeOffReading,
  messages: LabMessages,
  locale: Locale,
): string {
  const words = TRADE_OFF_WORDS[locale];
  if (words === undefined) return tradeOffReadingText(reading);
  return `${words.prefix}${reading.findings.map((finding) => findingText(finding, words, messages, locale)).join('; ')}`;
}
