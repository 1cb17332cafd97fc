import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages.js';
import { networkLayout } from '../src/ui/network-layout.js';
import { networkText } from '../src/ui/network-text.js';

describe('networkText', () => {
  it("names the notebook's 1-12-12-16-1 network and its 405 parameters", () => {
    const widths = [1, 12, 12, 16, 1];
    // Weights 1*12 + 12*12 + 12*16 + 16*1 = 364, biases 12 + 12 + 16 + 1 = 41.
    expect(networkText(widths, 'leakyRelu', networkLayout(widths), MESSAGES.en)).toBe(
      '1 → 12 → 12 → 16 → 1 units, inputs first (leakyRelu after each hidden layer): 405 parameters, 364 weights and 41 biases. Each line is a weight: orange positive, blue negative, thicker the larger.',
    );
  });

  it('groups large counts the Spanish way and says why a wide network has no lines', () => {
    const widths = [1, 256, 256, 1];
    // Weights 256 + 65536 + 256 = 66048, biases 256 + 256 + 1 = 513: 66561 parameters.
    const text = networkText(widths, 'tanh', networkLayout(widths), MESSAGES.es);
    expect(text).toMatch(/^1 → 256 → 256 → 1 unidades/);
    expect(text).toContain('66.561 parámetros, 66.048 pesos y 513 sesgos');
    expect(text.endsWith(MESSAGES.es.networkTooLarge)).toBe(true);
  });
});
