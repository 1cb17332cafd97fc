import {
  type KernelPrecision,
  type MlpShape,
  type MlpWorkspace,
  ROW_BLOCK,
} from './mlp-workspace.js';
import { hasRelaxedMadd, withRelaxedSimd } from './relaxed-simd.js';
import { CONTROL, PASS_OPS } from './threads/pass-control.js';
import { PassTeam } from './threads/pass-team.js';
import type { PassThreadHost } from './threads/pass-thread-host.js';
import { descendPart } from './threads/run-pass-thread.js';
import { MLP_PASSES_FMA_WASM_BASE64, MLP_PASSES_WASM_BASE64 } from './wasm/mlp-passes-wasm.js';

/** The first arguments of every pass: the layer table, its length, rows, activation and precision codes, scratch. */
type PassHead = [
  table: number,
  layers: number,
  rows: number,
  activation: number,
  precision: number,
  scratch: number,
];

/** The forward pass of `wasm/mlp-passes.wat`: {@link PassHead}, then this thread's part and the number of parts (0 and 1 on one thread). */
type ForwardPass = (...args: [...PassHead, part: number, parts: number]) => void;

/** The backward pass: {@link PassHead}, the bias sums' carry (0: none) and resume (0 or 1), then part and parts. */
type BackwardPass = (
  ...args: [...PassHead, carry: number, resume: number, part: number, parts: number]
) => void;

/** The exports of `wasm/mlp-passes.wat`. */
export interface MlpPassesExports {
  readonly memory: WebAssembly.Memory;
  forward: ForwardPass;
  backward: BackwardPass;
  descend: (parameters: number, gradients: number, count: number, rate: number) => void;
}

/**
 * The activations `wasm/mlp-passes.wat` computes, by the index its `br_table`s
 * take: its SIMD loops mirror these entries of `@epochlab/models`'
 * `ACTIVATIONS` bit for bit. A model with another activation trains on the
 * JavaScript passes, which call the entry's own functions.
 */
const WASM_ACTIVATION_CODES: ReadonlyMap<string, number> = new Map([
  ['leakyRelu', 0],
  ['relu', 1],
  ['tanh', 2],
  ['sigmoid', 3],
  ['linear', 4],
]);

const PAGE_BYTES = 65536;
/** Buffers start at multiples of 16 bytes, the width of a SIMD load. */
const ALIGN_BYTES = 16;
/** i32 words per layer in the module's layer table. */
const TABLE_WORDS = 10;
/** Words of a layer's entry: its input, pre-activations, activations, deltas. */
const TABLE_INPUT_WORD = 2;
const TABLE_PRE_WORD = 5;
const TABLE_ACT_WORD = 6;
const TABLE_DELTA_WORD = 7;
/** Byte address of the layer table: the start of the memory. */
const TABLE_ADDRESS = 0;
/** The `precision` argument of the module's passes. */
const PRECISION_CODES: Readonly<Record<KernelPrecision, number>> = { exact: 0, float32: 1 };
/** Columns in a panel of the float32 products' packed matrices (`$packColumns`). */
const PANEL_COLUMNS = 8;
/** Floats after the last buffer that `$gemm` may read (and drop) past a narrow matrix's last row. */
const NARROW_READ_SLACK_FLOATS = 8;
/** Floats of the float32 micro-kernel's edge tile, before the packed matrix in scratch. */
const EDGE_TILE_FLOATS = 32;

/** `count` rounded up to whole panels. */
function panelled(count: number): number {
  return Math.ceil(count / PANEL_COLUMNS) * PANEL_COLUMNS;
}

/**
 * Floats of scratch the passes need for `rows` rows: exact transposes the
 * largest kernel there; float32 packs each product's second matrix there in
 * whole panels (the kernel, its transpose, or a layer's deltas), and a
 * kernel gradient's transposed inputs after it (see `$packRowQuads`).
 */
function scratchFloats(shape: MlpShape, rows: number, precision: KernelPrecision): number {
  const { layout } = shape;
  if (precision === 'exact') return Math.max(...layout.map(({ fanIn, fanOut }) => fanIn * fanOut));
  const packed = layout.map(({ fanIn, fanOut }) =>
    Math.max(
      fanIn * panelled(fanOut),
      fanOut * panelled(fanIn),
      // A kernel gradient: the deltas packed, then the inputs' transpose in quads of rows.
      rows * panelled(fanOut) + Math.ceil(fanIn / 4) * 4 * rows,
    ),
  );
  return EDGE_TILE_FLOATS + Math.max(...packed);
}

/** Byte addresses of one layer's buffers: pre-activations, activations, deltas. */
interface LayerAddresses {
  readonly pre: number;
  readonly act: number;
  readonly delta: number;
}

/**
 * Multiply-adds of one pass (a batch's rows times the network's multiply-adds
 * per row) from which a kernel with threads splits it over them: below it
 * (about 50 µs of products on one core) the barriers between layers cost
 * more than the second core saves. The notebook's network never reaches it;
 * two layers of 256 at batch 32 (2.1M) do.
 */
export const THREADS_FROM_MACS = 1_000_000;

/** Parameters from which `descend` is split over the threads too. */
const THREADED_DESCENT_FROM = 65_536;

/** Where a workspace's passes may run on several threads (see `PassTeam`). */
export interface WorkspaceThreads {
  readonly host: PassThreadHost;
  /** Threads besides the caller's, at least 1. */
  readonly helpers: number;
}

/**
 * `base64`'s bytes, in a plain loop: Uint8Array.from with a mapping function
 * took 16 ms in a fresh Node process, the loop well under 1 ms.
 */
export function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

let compiled: WebAssembly.Module | null | undefined;
let compiledFma: WebAssembly.Module | null | undefined;

/**
 * `wasm/mlp-passes.wat` compiled once per process, or `null` where it cannot
 * run: no WebAssembly, no SIMD (compiling fails), or a page whose
 * Content-Security-Policy forbids compiling it. The module (about 6 KB)
 * compiles synchronously anywhere but on the main thread of Chrome 114 and
 * older, which refuse modules over 4 KB there (newer ones allow 8 MB); such a
 * page gets `null` and the JavaScript passes (the web app trains in workers).
 */
export function mlpPassesModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    // Compiling validates (and throws on a runtime without SIMD), so there is
    // no separate validate.
    if (typeof WebAssembly === 'object') {
      compiled = new WebAssembly.Module(decode(MLP_PASSES_WASM_BASE64));
    }
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * The FMA variant of `wasm/mlp-passes.wat` (its float32 products'
 * multiply-adds are `f32x4.relaxed_madd`, see `scripts/compile-wat.mjs`),
 * compiled once per process, or `null` where `relaxedSimd` is false (by
 * default {@link hasRelaxedMadd}, asked at the first call) or compiling
 * fails: the plain module's float32 products then run. `relaxedSimd` false
 * gives `null` without compiling or caching anything.
 */
export function fmaPassesModule(relaxedSimd?: boolean): WebAssembly.Module | null {
  if (relaxedSimd === false) return null;
  if (compiledFma !== undefined) return compiledFma;
  compiledFma = null;
  if (!(relaxedSimd ?? hasRelaxedMadd())) return compiledFma;
  try {
    const bytes = decode(MLP_PASSES_FMA_WASM_BASE64);
    compiledFma = withRelaxedSimd(() => new WebAssembly.Module(bytes));
  } catch {
    compiledFma = null;
  }
  return compiledFma;
}

/**
 * {@link MlpWorkspace} in the memory of one instance of `wasm/mlp-passes.wat`:
 * each pass is one call into WebAssembly (SIMD matrix products in `precision`,
 * activations in the same module; `tanh` and `exp` are JavaScript's `Math`
 * functions).
 *
 * Memory: the layer table, then parameters, gradients, scratch (see
 * `scratchFloats`, one per thread), inputs and, per layer, pre-activations,
 * activations (hidden layers) and deltas, each 16-byte aligned.
 *
 * With `threads` (float32 only, `module` a shared-memory variant: see
 * `sharedPassesModule`), the memory is shared and `threads.helpers` more
 * threads run parts of each pass of {@link THREADS_FROM_MACS} multiply-adds
 * or more: each computes its share of every product (columns; a kernel
 * gradient's rows), and the bits are those of one thread. The views then stay valid for the workspace's life
 * (a shared memory grows without detaching them), {@link parameters} and
 * {@link gradients} are the same arrays from construction on, and
 * {@link dispose} stops the threads.
 */
export class WasmWorkspace implements MlpWorkspace {
  readonly kind = 'wasm-simd' as const;
  readonly precision: KernelPrecision;
  /** Whether the float32 products' multiply-adds are `f32x4.relaxed_madd` (the FMA module, float32 only). */
  readonly fma: boolean;
  /** Float32 batches run in blocks of {@link ROW_BLOCK} rows; exact ones in one pass. */
  readonly rowBlock?: number;
  parameters: Float32Array = new Float32Array(0);
  gradients: Float32Array = new Float32Array(0);
  inputs: Float32Array = new Float32Array(0);
  outputs: Float32Array = new Float32Array(0);
  outputDeltas: Float32Array = new Float32Array(0);
  private readonly shape: MlpShape;
  private readonly passes: MlpPassesExports;
  private readonly activationIndex: number;
  /** The helper threads, with `threads`. */
  private readonly team: PassTeam | undefined;
  /** Threads of the pass running now (its barriers wait for as many). */
  private parts = 1;
  /** Multiply-adds of one row's forward pass. */
  private readonly macsPerRow: number;
  private capacity = 0;
  /** Bytes of one thread's scratch. */
  private scratchBytes = 0;
  /** Byte address of the passes' scratch (see `scratchFloats`). */
  private scratch = 0;
  /** Byte address of one double per parameter: the bias sums carried between row blocks. */
  private carry = 0;
  /** The layer table's words, to point the first input and last outputs at a row block. */
  private tableWords: Int32Array = new Int32Array(0);
  /** Byte addresses of the inputs and of the last layer's outputs and deltas (row 0). */
  private rowsAt = { inputs: 0, outputs: 0, deltas: 0 };

  /**
   * `fma`: `module` is {@link fmaPassesModule}'s; it only counts for
   * `float32` (the exact passes have no multiply-add to fuse).
   */
  constructor(
    shape: MlpShape,
    module: WebAssembly.Module,
    precision: KernelPrecision = 'exact',
    fma = false,
    threads?: WorkspaceThreads,
  ) {
    const activationCode = WASM_ACTIVATION_CODES.get(shape.activation.name);
    if (activationCode === undefined) {
      throw new Error(`mlp-passes.wat has no ${shape.activation.name} activation`);
    }
    this.shape = shape;
    this.precision = precision;
    this.fma = fma && precision === 'float32';
    if (precision === 'float32') this.rowBlock = ROW_BLOCK;
    this.activationIndex = activationCode;
    this.macsPerRow = shape.layout.reduce((sum, { fanIn, fanOut }) => sum + fanIn * fanOut, 0);
    const math = { tanh: Math.tanh, exp: Math.exp };
    if (threads === undefined || precision !== 'float32') {
      const imports = { math, threads: { barrier: () => {} } };
      this.passes = new WebAssembly.Instance(module, imports)
        .exports as unknown as MlpPassesExports;
      return;
    }
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    const imports = {
      env: { memory },
      math,
      threads: { barrier: () => this.team?.barrier(this.parts) },
    };
    this.passes = new WebAssembly.Instance(module, imports).exports as unknown as MlpPassesExports;
    this.team = new PassTeam(threads.host, module, memory, threads.helpers);
    // The parameters' and gradients' addresses do not depend on the rows: their views from here on.
    this.reserve(1);
  }

  /** Threads the workspace splits its large passes over (1: none). */
  get threads(): number {
    return this.team === undefined ? 1 : 1 + this.team.helpers;
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    const { layout, inputSize, parameterCount } = this.shape;
    const last = layout.length - 1;
    // Byte addresses, after the layer table.
    let end = TABLE_ADDRESS;
    const take = (floats: number) => {
      const start = end;
      end += Math.ceil((4 * floats) / ALIGN_BYTES) * ALIGN_BYTES;
      return start;
    };
    const table = take(layout.length * TABLE_WORDS); // = TABLE_ADDRESS
    const parameters = take(parameterCount);
    const gradients = take(parameterCount);
    // One scratch per thread, each a whole number of 16-byte blocks.
    const scratchBytes =
      Math.ceil((4 * scratchFloats(this.shape, capacity, this.precision)) / ALIGN_BYTES) *
      ALIGN_BYTES;
    const scratch = take((this.threads * scratchBytes) / 4);
    const carry = this.rowBlock === undefined ? 0 : take(2 * parameterCount);
    const inputs = take(capacity * inputSize);
    const layers = layout.map(({ fanOut }, index): LayerAddresses => {
      const pre = take(capacity * fanOut);
      const act = index === last ? pre : take(capacity * fanOut);
      return { pre, act, delta: take(capacity * fanOut) };
    });
    // The float32 products read a narrow matrix's rows 8 floats at a time, up to 7 past its end.
    take(NARROW_READ_SLACK_FLOATS);
    const outputLayer = layers[last] as LayerAddresses;
    const { memory } = this.passes;
    const missing = end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
    const words = new Int32Array(memory.buffer, table, layout.length * TABLE_WORDS);
    layout.forEach(({ fanIn, fanOut, kernelOffset, biasOffset }, index) => {
      const { pre, act, delta } = layers[index] as LayerAddresses;
      const input = index === 0 ? inputs : (layers[index - 1] as LayerAddresses).act;
      words.set(
        [
          fanIn,
          fanOut,
          input,
          parameters + 4 * kernelOffset,
          parameters + 4 * biasOffset,
          pre,
          act,
          delta,
          gradients + 4 * kernelOffset,
          gradients + 4 * biasOffset,
        ],
        index * TABLE_WORDS,
      );
    });
    const view = (address: number, floats: number) =>
      new Float32Array(memory.buffer, address, floats);
    const outputFloats = capacity * this.shape.outputSize;
    // A shared memory's views never detach: the parameters' stay the same arrays.
    if (this.team === undefined || this.parameters.length === 0) {
      this.parameters = view(parameters, parameterCount);
      this.gradients = view(gradients, parameterCount);
    }
    this.inputs = view(inputs, capacity * inputSize);
    this.outputs = view(outputLayer.pre, outputFloats);
    this.outputDeltas = view(outputLayer.delta, outputFloats);
    this.scratch = scratch;
    this.scratchBytes = scratchBytes;
    this.carry = carry;
    this.tableWords = new Int32Array(memory.buffer, table, layout.length * TABLE_WORDS);
    this.rowsAt = { inputs, outputs: outputLayer.pre, deltas: outputLayer.delta };
    this.capacity = capacity;
  }

  forward(rows: number): void {
    this.forwardBlock(0, rows);
  }

  backward(rows: number): void {
    this.runBackward(0, rows, 0, 0);
  }

  forwardBlock(start: number, rows: number): void {
    this.pointAt(start);
    const layers = this.shape.layout.length;
    const precision = PRECISION_CODES[this.precision];
    const parts = this.startPass(PASS_OPS.FORWARD, rows, 0, 0);
    const { activationIndex, scratch } = this;
    this.passes.forward(TABLE_ADDRESS, layers, rows, activationIndex, precision, scratch, 0, parts);
  }

  backwardBlock(start: number, rows: number, resume: boolean): void {
    this.runBackward(start, rows, this.carry, resume ? 1 : 0);
  }

  descend(rate: number): void {
    const { parameters, gradients, team } = this;
    const count = parameters.length;
    const parts = team !== undefined && count >= THREADED_DESCENT_FROM ? team.readyParts : 1;
    if (parts === 1 || team === undefined) {
      this.passes.descend(parameters.byteOffset, gradients.byteOffset, count, rate);
      return;
    }
    const { control } = team;
    team.rate[0] = rate;
    control[CONTROL.PARAMETERS] = parameters.byteOffset;
    control[CONTROL.GRADIENTS] = gradients.byteOffset;
    control[CONTROL.COUNT] = count;
    team.post(PASS_OPS.DESCEND, parts);
    descendPart(this.passes, team.control, Math.fround(rate), 0, parts);
    team.barrier(parts);
  }

  /** Stops the helper threads, if any; the workspace then runs on the caller's thread alone. */
  dispose(): void {
    this.team?.dispose();
  }

  private runBackward(start: number, rows: number, carry: number, resume: number): void {
    this.pointAt(start);
    const { activationIndex, scratch } = this;
    const layers = this.shape.layout.length;
    const precision = PRECISION_CODES[this.precision];
    const parts = this.startPass(PASS_OPS.BACKWARD, rows, carry, resume);
    this.passes.backward(
      TABLE_ADDRESS,
      layers,
      rows,
      activationIndex,
      precision,
      scratch,
      carry,
      resume,
      0,
      parts,
    );
  }

  /**
   * The threads a pass over `rows` rows runs on: 1 below
   * {@link THREADS_FROM_MACS} or until the helpers have started; otherwise
   * `op`'s words are written and the helpers woken first. Allocates nothing.
   */
  private startPass(op: number, rows: number, carry: number, resume: number): number {
    const { team } = this;
    const parts =
      team !== undefined && rows * this.macsPerRow >= THREADS_FROM_MACS ? team.readyParts : 1;
    this.parts = parts;
    if (parts === 1 || team === undefined) return parts;
    const { control } = team;
    control[CONTROL.ROWS] = rows;
    control[CONTROL.LAYERS] = this.shape.layout.length;
    control[CONTROL.ACTIVATION] = this.activationIndex;
    control[CONTROL.PRECISION] = PRECISION_CODES[this.precision];
    control[CONTROL.SCRATCH] = this.scratch;
    control[CONTROL.SCRATCH_BYTES] = this.scratchBytes;
    control[CONTROL.CARRY] = carry;
    control[CONTROL.RESUME] = resume;
    team.post(op, parts);
    return parts;
  }

  /**
   * Points the layer table's first input and last outputs and deltas at row
   * `start` (the hidden layers' buffers always start at their row 0, so a
   * block's activations are the same few kilobytes block after block).
   */
  private pointAt(start: number): void {
    const { tableWords, rowsAt } = this;
    const { inputSize, outputSize } = this.shape;
    const lastEntry = (this.shape.layout.length - 1) * TABLE_WORDS;
    tableWords[TABLE_INPUT_WORD] = rowsAt.inputs + 4 * start * inputSize;
    const outputs = rowsAt.outputs + 4 * start * outputSize;
    tableWords[lastEntry + TABLE_PRE_WORD] = outputs;
    tableWords[lastEntry + TABLE_ACT_WORD] = outputs;
    tableWords[lastEntry + TABLE_DELTA_WORD] = rowsAt.deltas + 4 * start * outputSize;
  }
}
