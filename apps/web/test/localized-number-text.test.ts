import { findFitExperiment } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { schemaText, shownText } from '../src/state/localized-number-text.js';
import { formatCount, formatEpoch, formatNumber } from '../src/ui/format.js';

const field = (key: string) => {
  const found = findFitExperiment('line')?.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};

describe('numbers typed and shown in each language', () => {
  it('reads a decimal comma in Spanish number fields only', () => {
    expect(schemaText(field('lr'), '0,01', 'es')).toBe('0.01');
    expect(schemaText(field('lr'), '-2,5e-3', 'es')).toBe('-2.5e-3');
    expect(schemaText(field('lr'), '0.01', 'es')).toBe('0.01');
    // English keeps the comma, so the schema refuses "0,01" there.
    expect(schemaText(field('lr'), '0,01', 'en')).toBe('0,01');
    // Lists and whole numbers are left alone: their commas separate values.
    expect(schemaText(field('hidden'), '12,16', 'es')).toBe('12,16');
    expect(schemaText(field('epochs'), '2,5', 'es')).toBe('2,5');
    // Two commas are not one number.
    expect(schemaText(field('lr'), '0,1,2', 'es')).toBe('0,1,2');
  });

  it('shows number fields with the language decimal mark', () => {
    expect(shownText(field('lr'), '0.001', 'es')).toBe('0,001');
    expect(shownText(field('lr'), '1e-4', 'es')).toBe('1e-4');
    expect(shownText(field('lr'), '0.001', 'en')).toBe('0.001');
    expect(shownText(field('hidden'), '12,12,16', 'es')).toBe('12,12,16');
  });

  it('writes counts and epochs grouped from four digits, as chart axes do', () => {
    expect(formatCount(5000, 'es')).toBe('5.000');
    expect(formatCount(14580, 'en')).toBe('14,580');
    expect(formatEpoch(14580, 'es')).toBe('14.580');
    expect(formatEpoch(undefined, 'es')).toBe('—');
    expect(formatCount(999, 'es')).toBe('999');
  });

  it('writes small losses in exponent form with the language decimal mark', () => {
    expect(formatNumber(1.2346e-5, 'en')).toBe('1.235e-5');
    expect(formatNumber(1.2346e-5, 'es')).toBe('1,235e-5');
    expect(formatNumber(0.4871, 'es')).toBe('0,4871');
  });
});
