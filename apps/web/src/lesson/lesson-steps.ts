import type { ExperimentConfigInput } from '@epochlab/experiments';

/** The part of the page a lesson step points at ("what to look for"). */
export type LessonFocus = 'fit' | 'loss' | 'network' | 'summary';

/** One step of the guided lesson: the run that shows one claim of the notebook. */
export interface LessonStep {
  /** Key into the lesson's messages, and `?lesson=<id>` in a link. */
  readonly id: string;
  /** The run that shows it; absent for a step that sends the student elsewhere. */
  readonly config?: ExperimentConfigInput;
  /** What "what to look for" points at. */
  readonly focus: LessonFocus;
  /** A page the step leads on to (the batch-size lab). */
  readonly link?: string;
}

/**
 * The notebook's story as steps, in its order: the data, the model and its
 * 405 parameters, training, validation, overfitting and the best epoch,
 * more data, batch size, then the lab. The numbers quoted in the step texts
 * (`lesson-messages.ts`) are those of these configs on the cpu backend: the
 * CLI prints the same (`epochlab run line`, and the flags of each config).
 */
export const LESSON_STEPS: readonly LessonStep[] = [
  { id: 'data', config: { experiment: 'line', valN: 0, epochs: 1 }, focus: 'fit' },
  { id: 'model', config: { experiment: 'line', valN: 0, epochs: 1 }, focus: 'network' },
  { id: 'training', config: { experiment: 'line', valN: 0 }, focus: 'loss' },
  { id: 'validation', config: { experiment: 'line' }, focus: 'loss' },
  { id: 'best-epoch', config: { experiment: 'line' }, focus: 'fit' },
  { id: 'more-data', config: { experiment: 'line', n: 50, valN: 50, epochs: 5000 }, focus: 'loss' },
  {
    id: 'batch-size',
    config: { experiment: 'line', n: 50, valN: 50, epochs: 200, batchSize: 50 },
    focus: 'summary',
  },
  { id: 'lab', focus: 'summary', link: '?experiment=batch-size' },
];
