import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { SeededRandom, validateSeed } from '@epochlab/tensor/random';
import type { ColumnScaling, Standardization } from '../standardization.js';
import type { RowBlock, RowStream } from '../stream/row-stream.js';
import { shuffleRows } from '../stream/shuffle-buffer.js';
import { csvGrid } from '../table/csv-grid.js';
import { detectSeparator } from '../table/detect-separator.js';
import type { TableReadOptions } from '../table/point-table.js';
import { PointTableError } from '../table/point-table-error.js';
import { columnNames, selectColumns } from '../table/select-columns.js';
import { checkTableFile } from './check-table-file.js';
import { byteChunks } from './csv-chunks.js';
import { type CsvLayout, CsvRowReader } from './csv-row-reader.js';
import { rowDraw } from './row-draw.js';

/** The stream of a seed that shuffles each epoch's rows through the buffer. */
export const SHUFFLE_BUFFER_STREAM = 'shuffle-buffer';

/** Which rows of the file a stream gives: all, or one side of a seeded hold-out. */
export interface HoldOut {
  /** The share of rows held out for validation, in [0, 1). */
  readonly fraction: number;
  /** `train`: the rows kept; `validation`: the rows held out. */
  readonly part: 'train' | 'validation';
}

/** Options of `CsvFileRowStream.open`: how to read the CSV, and the stream's order and rows. */
export interface CsvFileRowStreamOptions extends Omit<TableReadOptions, 'format'> {
  /** Shuffle each epoch through a buffer (default true); false: file order every epoch. */
  shuffle?: boolean;
  /** Rows the shuffle buffer holds (default 65,536: 512 KiB for x, y rows). */
  shuffleBuffer?: number;
  /** Seed of the shuffling and of the hold-out (default 0). */
  seed?: number;
  /** Keep only one side of a hold-out: row i is held out when a hash of (seed, i) is below `fraction`. */
  holdOut?: HoldOut;
  /** Standardise rows as they are read (values then come out as `(v - mean) / std`). */
  scaling?: Standardization;
  /** Bytes read at a time (default 1 MiB). */
  chunkBytes?: number;
}

/** Rows per block the file's reader hands on (its two arrays are reused block after block). */
const BLOCK_ROWS = 4096;

/** Mean and variance per column in one pass (Welford), in double precision. */
class RunningStats {
  private count = 0;
  private readonly mean: Float64Array;
  private readonly squares: Float64Array;
  constructor(width: number) {
    this.mean = new Float64Array(width);
    this.squares = new Float64Array(width);
  }
  /** Adds rows of `values` (row-major, this many columns). */
  addRows(values: Float32Array): void {
    const width = this.mean.length;
    for (let start = 0; start < values.length; start += width) {
      this.count++;
      for (let k = 0; k < width; k++) {
        const value = values[start + k] as number;
        const delta = value - (this.mean[k] as number);
        this.mean[k] = (this.mean[k] as number) + delta / this.count;
        this.squares[k] = (this.squares[k] as number) + delta * (value - (this.mean[k] as number));
      }
    }
  }
  scaling(): ColumnScaling {
    const std = Array.from(this.squares, (sum) => {
      const deviation = Math.sqrt(sum / Math.max(this.count, 1));
      return deviation > 0 && Number.isFinite(deviation) ? deviation : 1;
    });
    return { mean: Array.from(this.mean), std };
  }
}

/**
 * A CSV file as an iterable-style dataset that never holds the file in
 * memory: each epoch reads it again in chunks (1 MiB by default) and, with
 * `shuffle`, mixes the rows through a bounded buffer (`shuffleRows`: the
 * same rows every epoch, each exactly once, in an order that depends only on
 * the seed and the epoch). Memory is one chunk, the buffer and one output
 * block, whatever the file's size. Batch it with `RowStreamLoader`.
 *
 * `open` reads the whole file once first: it checks every chosen cell (the
 * same `PointTableError`s as `parsePointTable`, with the path, row and
 * column), counts the rows and fits the standardisation of the rows it keeps
 * (`statistics`), so a bad file fails before training starts.
 *
 * Cells may be quoted, but a line break inside a quoted cell is not read
 * across chunks: streamed files have one row per line.
 *
 * @example
 * const train = CsvFileRowStream.open('big.csv', { seed: 1, holdOut: { fraction: 0.2, part: 'train' } });
 * const loader = new RowStreamLoader(train.withScaling(train.statistics()), { batchSize: 1024 });
 */
export class CsvFileRowStream implements RowStream {
  readonly path: string;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** Rows this stream gives per epoch. */
  readonly length: number;
  /** Rows of the file (both sides of a hold-out). */
  readonly fileRows: number;
  /** Every column's name in the file's order (the header's, or `column 1`...). */
  readonly columns: readonly string[];
  readonly inputNames: readonly string[];
  readonly targetNames: readonly string[];
  readonly inputSize: number;
  readonly targetSize: number;
  private readonly layout: CsvLayout;
  private readonly options: Required<
    Pick<CsvFileRowStreamOptions, 'shuffle' | 'shuffleBuffer' | 'seed' | 'chunkBytes'>
  > &
    Pick<CsvFileRowStreamOptions, 'holdOut' | 'scaling'>;
  private readonly fitted: Standardization;

  private constructor(
    path: string,
    bytes: number,
    layout: CsvLayout,
    options: CsvFileRowStream['options'],
    counts: { rows: number; fileRows: number; fitted: Standardization },
  ) {
    this.path = path;
    this.bytes = bytes;
    this.layout = layout;
    this.options = options;
    this.length = counts.rows;
    this.fileRows = counts.fileRows;
    this.fitted = counts.fitted;
    this.columns = layout.names;
    this.inputNames = layout.inputs.map((column) => layout.names[column] as string);
    this.targetNames = layout.targets.map((column) => layout.names[column] as string);
    this.inputSize = layout.inputs.length;
    this.targetSize = layout.targets.length;
  }

  /** Checks and scans the file (one pass), then returns the stream over it. */
  static open(path: string, options: CsvFileRowStreamOptions = {}): CsvFileRowStream {
    const settings = checkOptions(options);
    const bytes = checkTableFile(path);
    try {
      const layout = readLayout(path, options, settings.chunkBytes);
      const inputStats = new RunningStats(layout.inputs.length);
      const targetStats = new RunningStats(layout.targets.length);
      let rows = 0;
      let fileRows = 0;
      for (const chunk of chunkBlocks(path, layout, settings)) {
        fileRows += chunk.fileRows;
        rows += chunk.block.rows;
        inputStats.addRows(chunk.block.inputs);
        targetStats.addRows(chunk.block.targets);
      }
      if (fileRows === 0) {
        throw new PointTableError({
          code: 'noDataRows',
          row: 1,
          what: 'there is a header row and no data rows',
          allowed: 'at least one row of numbers after the header',
        });
      }
      const fitted = { inputs: inputStats.scaling(), targets: targetStats.scaling() };
      return new CsvFileRowStream(path, bytes, layout, settings, { rows, fileRows, fitted });
    } catch (error) {
      if (PointTableError.isInstance(error) && error.problem.source === undefined) {
        throw error.from(path);
      }
      throw error;
    }
  }

  /**
   * The mean and standard deviation of each input and target column over
   * this stream's rows (population std, 1 for a constant column), from the
   * scan: the standardisation to fit on training rows.
   */
  statistics(): Standardization {
    return this.fitted;
  }

  /** The same rows standardised with `scaling` as they are read (no new scan). */
  withScaling(scaling: Standardization | undefined): CsvFileRowStream {
    const { scaling: _, ...rest } = this.options;
    return new CsvFileRowStream(
      this.path,
      this.bytes,
      this.layout,
      scaling ? { ...rest, scaling } : rest,
      { rows: this.length, fileRows: this.fileRows, fitted: this.fitted },
    );
  }

  /** The same rows in file order every epoch (no shuffle, no new scan): for a sample or an evaluation. */
  inFileOrder(): CsvFileRowStream {
    return new CsvFileRowStream(
      this.path,
      this.bytes,
      this.layout,
      { ...this.options, shuffle: false },
      { rows: this.length, fileRows: this.fileRows, fitted: this.fitted },
    );
  }

  /** The other side of the hold-out (the validation rows of a training stream), in file order. */
  otherPart(): CsvFileRowStream {
    const holdOut = this.options.holdOut;
    if (holdOut === undefined) {
      throw new InvalidArgumentError('holdOut', 'a hold-out, to have another part', undefined);
    }
    const part = holdOut.part === 'train' ? 'validation' : 'train';
    return CsvFileRowStream.open(this.path, {
      ...this.readOptions(),
      shuffle: false,
      seed: this.options.seed,
      chunkBytes: this.options.chunkBytes,
      holdOut: { fraction: holdOut.fraction, part },
      ...(this.options.scaling ? { scaling: this.options.scaling } : {}),
    });
  }

  /** The rows of epoch `epoch`, block by block: shuffled through the buffer, or in file order. */
  blocks(epoch: number): Iterable<RowBlock> {
    const rows = this.fileBlocks();
    if (!this.options.shuffle) return rows;
    const random = new SeededRandom(this.options.seed)
      .stream(SHUFFLE_BUFFER_STREAM)
      .stream(`epoch-${epoch}`);
    return shuffleRows(rows, this.inputSize, this.targetSize, this.options.shuffleBuffer, random);
  }

  private readOptions(): TableReadOptions {
    const { separator, decimalComma, hasHeader, inputs, targets } = this.layout;
    return { separator, decimalComma, header: hasHeader, x: [...inputs], y: [...targets] };
  }

  private *fileBlocks(): Generator<RowBlock> {
    const scaling = this.options.scaling;
    for (const { block } of chunkBlocks(this.path, this.layout, this.options)) {
      if (block.rows === 0) continue;
      if (scaling) {
        scaleInPlace(block.inputs, scaling.inputs);
        scaleInPlace(block.targets, scaling.targets);
      }
      yield block;
    }
  }
}

function scaleInPlace(values: Float32Array, scaling: ColumnScaling): void {
  const width = scaling.mean.length;
  for (let i = 0; i < values.length; i++) {
    const k = i % width;
    values[i] = ((values[i] as number) - (scaling.mean[k] as number)) / (scaling.std[k] as number);
  }
}

function checkOptions(options: CsvFileRowStreamOptions): CsvFileRowStream['options'] {
  const shuffleBuffer = options.shuffleBuffer ?? 65_536;
  if (!Number.isSafeInteger(shuffleBuffer) || shuffleBuffer < 1) {
    throw new InvalidArgumentError('shuffleBuffer', 'a whole number of rows >= 1', shuffleBuffer);
  }
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 16) {
    throw new InvalidArgumentError('chunkBytes', 'a whole number of bytes >= 16', chunkBytes);
  }
  const holdOut = options.holdOut;
  if (holdOut !== undefined) {
    if (!(holdOut.fraction >= 0 && holdOut.fraction < 1)) {
      throw new InvalidArgumentError(
        'holdOut.fraction',
        'a number from 0 up to (not including) 1',
        holdOut.fraction,
      );
    }
    if (holdOut.part !== 'train' && holdOut.part !== 'validation') {
      throw new InvalidArgumentError('holdOut.part', "'train' or 'validation'", holdOut.part);
    }
  }
  return {
    shuffle: options.shuffle ?? true,
    shuffleBuffer,
    seed: validateSeed(options.seed ?? 0, 'seed'),
    chunkBytes,
    ...(holdOut ? { holdOut } : {}),
    ...(options.scaling ? { scaling: options.scaling } : {}),
  };
}

/** The separator, header and chosen columns, from the file's first chunk. */
function readLayout(path: string, options: TableReadOptions, chunkBytes: number): CsvLayout {
  let text = '';
  for (const chunk of byteChunks(path, Math.max(chunkBytes, 1 << 16))) {
    text = chunk.toString('utf8').replace(/^\uFEFF/, '');
    break;
  }
  if (/^\s*[[{]/.test(text)) {
    throw new PointTableError({
      code: 'wrongFileType',
      what: 'the file is JSON',
      allowed: 'CSV to stream (JSON files are read whole: readPointTableFile)',
    });
  }
  const separator = options.separator ?? detectSeparator(text);
  const decimalComma = options.decimalComma ?? false;
  const grid = csvGrid(text, { separator, decimalComma, header: options.header });
  const { inputs, targets } = selectColumns(grid, options.x, options.y);
  return {
    separator,
    decimalComma,
    hasHeader: grid.names !== undefined,
    width: grid.width,
    names: columnNames(grid),
    inputs,
    targets,
  };
}

/** A block of the file's kept rows, and how many data rows the file held up to it since the last. */
interface ChunkRows {
  readonly block: RowBlock;
  readonly fileRows: number;
}

/**
 * The file's data rows in blocks of `BLOCK_ROWS`, each cell of the chosen
 * columns checked (`CsvRowReader`, with its row and column), each row's
 * width checked, and only the rows of the stream's side of the hold-out
 * kept. The blocks share two arrays: one is valid until the next is asked for.
 */
function* chunkBlocks(
  path: string,
  layout: CsvLayout,
  options: CsvFileRowStream['options'],
): Generator<ChunkRows> {
  const inputSize = layout.inputs.length;
  const targetSize = layout.targets.length;
  const holdOut = options.holdOut;
  const reader = new CsvRowReader(layout);
  const values = reader.values;
  const full: RowBlock = {
    rows: BLOCK_ROWS,
    inputs: new Float32Array(BLOCK_ROWS * inputSize),
    targets: new Float32Array(BLOCK_ROWS * targetSize),
  };
  let kept = 0;
  let fileRows = 0;
  let dataRow = 0;
  for (const chunk of byteChunks(path, options.chunkBytes)) {
    reader.load(chunk);
    // Every row is checked, the kept ones are stored.
    while (reader.next()) {
      fileRows++;
      if (holdOut !== undefined) {
        const held = rowDraw(options.seed, dataRow) < holdOut.fraction;
        dataRow++;
        if (held !== (holdOut.part === 'validation')) continue;
      }
      for (let k = 0; k < inputSize; k++) full.inputs[kept * inputSize + k] = values[k] as number;
      for (let k = 0; k < targetSize; k++) {
        full.targets[kept * targetSize + k] = values[inputSize + k] as number;
      }
      kept++;
      if (kept === BLOCK_ROWS) {
        yield { block: full, fileRows };
        kept = 0;
        fileRows = 0;
      }
    }
  }
  yield {
    block: {
      rows: kept,
      inputs: full.inputs.subarray(0, kept * inputSize),
      targets: full.targets.subarray(0, kept * targetSize),
    },
    fileRows,
  };
}
