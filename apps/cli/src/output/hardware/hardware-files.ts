import { type HardwareResult, throughputChartPoints } from '@epochlab/experiments';
import { bandChart, type ChartSpec, throughputChart } from '@epochlab/plot';
import type { RunFile } from '../run-folder.js';
import { csvFile } from '../table-files.js';

/** `cells.csv`: a row per backend, model and batch size, with the path that ran. */
export function hardwareFiles(result: HardwareResult): RunFile[] {
  return [
    csvFile(
      'cells.csv',
      [
        'backend',
        'model',
        'hidden',
        'parameters',
        'batch_size',
        'training_path',
        'epochs',
        'seconds',
        'samples_per_second',
        'seconds_to_target',
        'final_train_loss',
      ],
      result.cells.map((cell) => [
        cell.backend,
        cell.model,
        cell.hidden.join(' '),
        cell.parameters,
        cell.batchSize,
        cell.trainingPath,
        cell.epochs,
        cell.seconds,
        cell.samplesPerSecond,
        cell.secondsToTarget,
        cell.finalTrainLoss,
      ]),
    ),
  ];
}

/** A series per backend and model: `value` over the batch size, cells without it left out. */
function seriesOf(
  result: HardwareResult,
  value: (cell: HardwareResult['cells'][number]) => number | null,
) {
  const names = [...new Set(result.cells.map((cell) => `${cell.backend}, ${cell.model}`))];
  return names.map((name) => ({
    name,
    points: result.cells
      .filter((cell) => `${cell.backend}, ${cell.model}` === name)
      .flatMap((cell) => {
        const y = value(cell);
        return y === null ? [] : [{ x: cell.batchSize, mean: y, low: y, high: y }];
      }),
  }));
}

/** The throughput and time-to-target charts, by file name without extension. */
export function hardwareChartSpecs(result: HardwareResult): [string, ChartSpec][] {
  const paths = [...new Set(result.cells.map((cell) => cell.trainingPath))].join(', ');
  return [
    [
      'throughput',
      throughputChart({
        title: `Training throughput against batch size (path: ${paths})`,
        ...throughputChartPoints(result.cells, (backend, model) => `${backend}, ${model}`),
        xTitle: 'Batch size (log scale)',
        yTitle: 'Samples per second (log scale)',
        kneeNote: '◆ the knee: the smallest batch within 90% of the best throughput',
        legendTitle: 'Backend, model',
      }),
    ],
    [
      'time-to-target',
      bandChart({
        title: `Seconds to a training loss of ${result.config.targetLoss} (missing: not reached)`,
        series: seriesOf(result, (cell) => cell.secondsToTarget),
        xTitle: 'Batch size (log scale)',
        yTitle: 'Seconds (log scale)',
        logX: true,
        logScale: true,
        legendTitle: 'Backend, model',
      }),
    ],
  ];
}
