import type { Locale } from '../i18n/messages.js';
import type { GpuReport, RendererKind } from './gpu-report.js';

/** Every text of the hardware page, in one language. */
export interface HardwareMessages {
  readonly title: string;
  readonly intro: string;
  readonly badLink: string;
  readonly badForm: string;
  readonly run: string;
  readonly stop: string;
  readonly fields: {
    readonly batchSizes: string;
    readonly seconds: string;
    readonly hidden: string;
    readonly targetLoss: string;
    readonly backends: string;
  };
  readonly checking: string;
  /** The sentence above the chart: what graphics hardware the page found. */
  readonly hardware: (report: GpuReport) => string;
  readonly running: (done: number, total: number, where: string) => string;
  readonly done: (cells: number, seconds: string) => string;
  readonly stopped: (cells: number) => string;
  readonly failed: (message: string) => string;
  readonly notMeasured: (backend: string, reason: string) => string;
  readonly model: (model: 'notebook' | 'wide') => string;
  readonly batch: (size: number) => string;
  /** Where larger batches stop paying off on one backend and model. */
  readonly knee: (
    series: string,
    batch: number,
    samples: string,
    best: string,
    bestBatch: number,
  ) => string;
  readonly chartTitle: string;
  readonly batchAxis: string;
  readonly samplesAxis: string;
  readonly kneeNote: string;
  readonly legendTitle: string;
  readonly table: {
    readonly caption: string;
    readonly backend: string;
    readonly model: string;
    readonly batch: string;
    readonly samples: string;
    readonly toTarget: (loss: number) => string;
    readonly path: string;
    readonly notReached: string;
  };
}

/** The renderer's name for a sentence: SwiftShader, llvmpipe... */
function softwareName(found: { readonly kind: RendererKind } | null): string | undefined {
  return found?.kind.kind === 'software' ? found.kind.name : undefined;
}

const en: HardwareMessages = {
  title: 'Batch size and the hardware',
  intro:
    "How many training samples per second each of this browser's backends gets through, against the batch size, for the notebook's MLP (12,12,16) and a wider one; and how long each takes to reach a target loss. Larger batches share each step's fixed cost among more samples until the hardware is full: the knee is where that stops paying off.",
  badLink: 'This link has values that are not allowed; the page uses the defaults:',
  badForm: 'Some values are not allowed; nothing was run:',
  run: 'Measure',
  stop: 'Stop',
  fields: {
    batchSizes: 'Batch sizes',
    seconds: 'Seconds per measurement',
    hidden: "Wide model's hidden layers",
    targetLoss: 'Target loss',
    backends: 'Backends',
  },
  checking: 'Looking at the graphics hardware…',
  hardware: (report) => {
    const webgl = softwareName(report.webgl);
    const webgpu = softwareName(report.webgpu);
    const gpuText =
      report.webgpu === null
        ? 'This browser offers no WebGPU adapter.'
        : webgpu
          ? `WebGPU's adapter is ${webgpu === 'a fallback adapter' ? 'a software fallback' : webgpu}, on the CPU too.`
          : `WebGPU adapter: ${report.webgpu.adapter || 'unnamed'}.`;
    if (report.webgl === null) return `This browser has no WebGL. ${gpuText}`;
    if (webgl) {
      const noGpu = report.webgpu?.kind.kind === 'gpu' ? 'WebGL has no GPU here' : 'No GPU here';
      return `${noGpu}: WebGL runs on the CPU through ${webgl}, so it cannot win. ${gpuText}`;
    }
    return `GPU: ${report.webgl.renderer || 'unnamed'} (WebGL). ${gpuText}`;
  },
  running: (done, total, where) => `Measuring: ${done} of ${total} (${where})`,
  done: (cells, seconds) => `Done: ${cells} measurement${cells === 1 ? '' : 's'} in ${seconds} s`,
  stopped: (cells) => `Stopped after ${cells} measurement${cells === 1 ? '' : 's'}`,
  failed: (message) => `The measurement failed: ${message}`,
  notMeasured: (backend, reason) => `${backend}: not measured: ${reason}`,
  model: (model) => (model === 'notebook' ? 'notebook' : 'wide'),
  batch: (size) => `batch ${size}`,
  knee: (series, batch, samples, best, bestBatch) =>
    batch === bestBatch
      ? `${series}: larger batches pay off up to ${batch}, the fastest measured (${samples} samples/s).`
      : `${series}: larger batches stop paying off at ${batch} (${samples} samples/s, within 90% of the best, ${best} at ${bestBatch}).`,
  chartTitle: 'Training throughput against batch size',
  batchAxis: 'Batch size (log scale)',
  samplesAxis: 'Samples per second (log scale)',
  kneeNote: '◆ the knee: the smallest batch within 90% of the best throughput',
  legendTitle: 'Backend, model',
  table: {
    caption: 'Every measurement, with the training path that ran',
    backend: 'Backend',
    model: 'Model',
    batch: 'Batch',
    samples: 'Samples/s',
    toTarget: (loss) => `Seconds to loss ${loss.toLocaleString('en')}`,
    path: 'Path that ran',
    notReached: 'not reached',
  },
};

const es: HardwareMessages = {
  title: 'Tamaño de lote y hardware',
  intro:
    'Cuántas muestras de entrenamiento por segundo procesa cada backend de este navegador según el tamaño de lote, para el MLP del cuaderno (12,12,16) y uno más ancho, y cuánto tarda cada uno en llegar a una pérdida objetivo. Los lotes grandes reparten el coste fijo de cada paso entre más muestras hasta que el hardware se llena: el codo es donde deja de compensar.',
  badLink: 'Este enlace tiene valores no permitidos; la página usa los valores por defecto:',
  badForm: 'Hay valores no permitidos; no se ha ejecutado nada:',
  run: 'Medir',
  stop: 'Parar',
  fields: {
    batchSizes: 'Tamaños de lote',
    seconds: 'Segundos por medición',
    hidden: 'Capas ocultas del modelo ancho',
    targetLoss: 'Pérdida objetivo',
    backends: 'Backends',
  },
  checking: 'Mirando el hardware gráfico…',
  hardware: (report) => {
    const webgl = softwareName(report.webgl);
    const webgpu = softwareName(report.webgpu);
    const gpuText =
      report.webgpu === null
        ? 'Este navegador no ofrece ningún adaptador WebGPU.'
        : webgpu
          ? `El adaptador WebGPU es ${webgpu === 'a fallback adapter' ? 'uno de respaldo por software' : webgpu}, también en la CPU.`
          : `Adaptador WebGPU: ${report.webgpu.adapter || 'sin nombre'}.`;
    if (report.webgl === null) return `Este navegador no tiene WebGL. ${gpuText}`;
    if (webgl) {
      const noGpu =
        report.webgpu?.kind.kind === 'gpu' ? 'WebGL no tiene GPU aquí' : 'Aquí no hay GPU';
      const name = webgl === 'a software renderer' ? 'un renderizador por software' : webgl;
      return `${noGpu}: WebGL se ejecuta en la CPU mediante ${name}, así que no puede ganar. ${gpuText}`;
    }
    return `GPU: ${report.webgl.renderer || 'sin nombre'} (WebGL). ${gpuText}`;
  },
  running: (done, total, where) => `Midiendo: ${done} de ${total} (${where})`,
  done: (cells, seconds) =>
    `Hecho: ${cells} ${cells === 1 ? 'medición' : 'mediciones'} en ${seconds} s`,
  stopped: (cells) => `Parado tras ${cells} ${cells === 1 ? 'medición' : 'mediciones'}`,
  failed: (message) => `La medición falló: ${message}`,
  notMeasured: (backend, reason) => `${backend}: sin medir: ${reason}`,
  model: (model) => (model === 'notebook' ? 'cuaderno' : 'ancho'),
  batch: (size) => `lote ${size}`,
  knee: (series, batch, samples, best, bestBatch) =>
    batch === bestBatch
      ? `${series}: los lotes grandes compensan hasta ${batch}, el más rápido medido (${samples} muestras/s).`
      : `${series}: los lotes más grandes dejan de compensar en ${batch} (${samples} muestras/s, a menos del 10% del mejor, ${best} con ${bestBatch}).`,
  chartTitle: 'Velocidad de entrenamiento según el tamaño de lote',
  batchAxis: 'Tamaño de lote (escala log.)',
  samplesAxis: 'Muestras por segundo (escala log.)',
  kneeNote: '◆ el codo: el lote más pequeño a menos del 10% de la mejor velocidad',
  legendTitle: 'Backend, modelo',
  table: {
    caption: 'Todas las mediciones, con el camino de entrenamiento que se ejecutó',
    backend: 'Backend',
    model: 'Modelo',
    batch: 'Lote',
    samples: 'Muestras/s',
    toTarget: (loss) => `Segundos hasta pérdida ${loss.toLocaleString('es')}`,
    path: 'Camino ejecutado',
    notReached: 'no alcanzada',
  },
};

/** The page's texts by language. */
export const HARDWARE_MESSAGES: Readonly<Record<Locale, HardwareMessages>> = { en, es };
