import { RowStreamLoader, sampleRows, type TableReadOptions } from '@epochlab/data';
import { CsvFileRowStream, fileDigest } from '@epochlab/data/node';
import type { StreamedData, StreamedDataConfig } from '@epochlab/experiments';
import { SeededRandom } from '@epochlab/tensor';
import { type DataFileRecord, inputColumnsRecord } from './data-flags.js';

/** CSV files from this size on (16 MiB) are streamed, not read whole. */
export const STREAM_FROM_BYTES = 16 * 1024 * 1024;

/** Points drawn on the fit chart of a streamed run (a uniform sample of the file). */
const CHART_SAMPLE = 2000;

/** A streamed run's batches and sample, and where its rows came from. */
export interface OpenedStreams {
  readonly data: StreamedData;
  readonly files: { readonly data: DataFileRecord; readonly valData?: DataFileRecord };
}

function record(stream: CsvFileRowStream): DataFileRecord {
  return {
    ...fileDigest(stream.path),
    rows: stream.fileRows,
    x: inputColumnsRecord(stream.inputNames),
    y: stream.targetNames[0] as string,
  };
}

function points(stream: CsvFileRowStream, random: SeededRandom) {
  const sample = sampleRows(stream.inFileOrder().withScaling(undefined), CHART_SAMPLE, random);
  const several = stream.inputSize > 1 ? { inputNames: [...stream.inputNames] } : {};
  return { x: sample.inputs, y: sample.targets, ...several };
}

/**
 * Opens a CSV file too large to read whole as streams (each checked and
 * counted by one pass first): the training rows shuffled through a bounded
 * buffer every epoch, validation rows from `--val-data` or held out by the
 * seed's hash with `valFraction`, standardised with the training rows'
 * statistics when `standardize`, and a sample of each for the charts.
 */
export function openStreamedData(
  path: string,
  valPath: string | undefined,
  options: TableReadOptions,
  config: StreamedDataConfig,
): OpenedStreams {
  const holdOut =
    valPath === undefined && config.valFraction > 0
      ? { fraction: config.valFraction, part: 'train' as const }
      : undefined;
  const train = CsvFileRowStream.open(path, {
    ...options,
    seed: config.seed,
    shuffle: config.shuffle,
    ...(holdOut ? { holdOut } : {}),
  });
  const validation =
    valPath !== undefined
      ? CsvFileRowStream.open(valPath, { ...options, shuffle: false })
      : holdOut
        ? train.otherPart()
        : undefined;
  const scaling = config.standardize ? train.statistics() : undefined;
  const random = new SeededRandom(config.seed).stream('chart-sample');
  const loader = (stream: CsvFileRowStream) =>
    new RowStreamLoader(stream.withScaling(scaling), { batchSize: config.batchSize });
  return {
    data: {
      train: loader(train),
      validation:
        validation && validation.length > 0 ? loader(validation.inFileOrder()) : undefined,
      rowsUsed: { train: train.length, validation: validation?.length ?? 0 },
      scaling,
      sample: {
        train: points(train, random.stream('train')),
        validation: validation ? points(validation, random.stream('validation')) : undefined,
      },
    },
    files: {
      data: record(train),
      ...(valPath !== undefined && validation ? { valData: record(validation) } : {}),
    },
  };
}
