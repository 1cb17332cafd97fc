import wabtInit from 'wabt';

/**
 * The WebAssembly bytes of `wat` (SIMD enabled, relaxed SIMD for the FMA
 * variant's `f32x4.relaxed_madd`, threads for the shared-memory variant),
 * after wabt validates it.
 */
export async function compileWat(wat) {
  const wabt = await wabtInit();
  const features = { simd: true, relaxed_simd: true, threads: true };
  const module = wabt.parseWat('mlp-passes.wat', wat, features);
  try {
    module.validate(features);
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The marker of a float32 product's multiply-add in mlp-passes.wat. */
const MADD_MARKER = ';; madd';

/**
 * The index just past the s-expression that opens at `start` in `text`
 * (skipping `;;` comments).
 */
function expressionEnd(text, start) {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === ';' && text[index + 1] === ';') {
      index = text.indexOf('\n', index);
      if (index < 0) break;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  throw new Error(`unbalanced expression at ${start}`);
}

/** The top-level children of the s-expression `expression`, `(` ... `)`, comments dropped. */
function children(expression) {
  const inner = expression.slice(1, -1).replace(/;;[^\n]*/g, ' ');
  const parts = [];
  let index = 0;
  while (index < inner.length) {
    if (/\s/.test(inner[index])) {
      index++;
    } else if (inner[index] === '(') {
      const end = expressionEnd(inner, index);
      parts.push(inner.slice(index, end).replace(/\s+/g, ' '));
      index = end;
    } else {
      const match = /^[^\s()]+/.exec(inner.slice(index));
      parts.push(match[0]);
      index += match[0].length;
    }
  }
  return parts;
}

/**
 * mlp-passes.wat with each float32 product's multiply-add, the expression
 * `(f32x4.add ACC (f32x4.mul X Y))` that opens on a line whose code ends in
 * the comment `;; madd` (a line that is only a comment does not count),
 * as `(f32x4.relaxed_madd X Y ACC)`: the FMA variant of the module (one
 * rounding per multiply-add where the hardware fuses it). Everything else,
 * the exact precision's passes included, is the same text. Throws unless
 * every marked line holds exactly that form.
 */
export function fmaVariant(wat) {
  let result = '';
  let from = 0;
  let searchFrom = 0;
  let count = 0;
  for (;;) {
    const marker = wat.indexOf(MADD_MARKER, searchFrom);
    if (marker < 0) break;
    const lineStart = wat.lastIndexOf('\n', marker) + 1;
    searchFrom = marker + MADD_MARKER.length;
    // A comment line that mentions the marker is not one.
    if (wat.slice(lineStart, marker).trim() === '') continue;
    const start = wat.indexOf('(f32x4.add', lineStart);
    if (start < from || start > marker) {
      throw new Error(`no (f32x4.add before the marker at ${marker}`);
    }
    const end = expressionEnd(wat, start);
    const [op, accumulator, product, extra] = children(wat.slice(start, end));
    const productParts = product === undefined ? [] : children(product);
    if (op !== 'f32x4.add' || extra !== undefined || productParts[0] !== 'f32x4.mul') {
      throw new Error(`the madd at ${marker} is not (f32x4.add ACC (f32x4.mul X Y))`);
    }
    const [, x, y, more] = productParts;
    if (x === undefined || y === undefined || more !== undefined) {
      throw new Error(`the madd at ${marker} does not multiply two operands`);
    }
    result += `${wat.slice(from, start)}(f32x4.relaxed_madd ${x} ${y} ${accumulator})`;
    from = end;
    count++;
  }
  if (count === 0) throw new Error('mlp-passes.wat marks no multiply-add');
  return result + wat.slice(from);
}

/** The memory mlp-passes.wat defines and exports, exactly as written there. */
const OWN_MEMORY = '(memory (export "memory") 1)';

/**
 * mlp-passes.wat with its memory imported from `env.memory` and shared (at
 * most 65536 pages, 4 GiB), still exported: the variant several threads
 * instantiate on one memory, each running its part of a pass (see "forward"
 * in the .wat). Everything else is the same text. Throws unless the .wat
 * defines its memory as `OWN_MEMORY`, once.
 */
export function sharedMemoryVariant(wat) {
  const at = wat.indexOf(OWN_MEMORY);
  if (at < 0 || wat.indexOf(OWN_MEMORY, at + 1) >= 0) {
    throw new Error(`mlp-passes.wat must define its memory once as ${OWN_MEMORY}`);
  }
  const shared = '(memory (export "memory") (import "env" "memory") 1 65536 shared)';
  return wat.slice(0, at) + shared + wat.slice(at + OWN_MEMORY.length);
}

/** The constants of the two generated modules: own memory, shared memory. */
export const MODULE_NAMES = {
  own: {
    plain: 'MLP_PASSES_WASM_BASE64',
    plainDoc: '/** The WebAssembly module of mlp-passes.wat, base64. */',
    fma: 'MLP_PASSES_FMA_WASM_BASE64',
    fmaDoc:
      "/** The same module with the float32 products' multiply-adds as `f32x4.relaxed_madd` (relaxed SIMD), base64. */",
  },
  shared: {
    plain: 'MLP_PASSES_SHARED_WASM_BASE64',
    plainDoc: '/** mlp-passes.wat on an imported shared memory (`sharedMemoryVariant`), base64. */',
    fma: 'MLP_PASSES_SHARED_FMA_WASM_BASE64',
    fmaDoc: '/** Its FMA variant (`fmaVariant`, then `sharedMemoryVariant`), base64. */',
  },
};

/** The TypeScript module that carries a plain and an FMA variant's bytes, base64. */
export function moduleSourceFor(bytes, fmaBytes, names = MODULE_NAMES.own) {
  const constant = (name, doc, value) => {
    const base64 = Buffer.from(value).toString('base64');
    const lines = base64.match(/.{1,96}/g) ?? [];
    return [
      doc,
      `export const ${name} =`,
      ...lines.map((line, index) => `  '${line}'${index === lines.length - 1 ? ';' : ' +'}`),
    ];
  };
  return [
    '// Generated by scripts/build-wasm.mjs from mlp-passes.wat: edit the .wat and run',
    '// `pnpm --filter @epochlab/train build:wasm`. A test checks this file matches the .wat.',
    '',
    ...constant(names.plain, names.plainDoc, bytes),
    '',
    ...constant(names.fma, names.fmaDoc, fmaBytes),
    '',
  ].join('\n');
}
