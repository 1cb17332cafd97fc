import { RUNNABLE_EXPERIMENTS, type RunConfig } from '@epochlab/experiments';
import { formConfig, isExperimentName } from './field-validation.js';

/** A starting point offered in the form: one of the notebook's scenes or an experiment. */
export interface Preset {
  /** Key into the UI messages' `presets`: `scene1`..., or the experiment's name. */
  readonly id: string;
  /** The experiment and the fields that differ from its defaults. */
  readonly config: { readonly experiment: string } & Readonly<Record<string, unknown>>;
}

/**
 * The notebook's scenes, then every experiment of the list with its defaults.
 * Scene 1 fits the line through a DataLoader with no validation set; scene 2
 * adds 5 validation points and shows overfitting (validation loss turns up
 * after about epoch 5000); scene 3 is scene 2 with ten times the data, where
 * the validation loss keeps following the training loss.
 */
export const PRESETS: readonly Preset[] = [
  { id: 'scene1', config: { experiment: 'line', valN: 0 } },
  { id: 'scene2', config: { experiment: 'line' } },
  { id: 'scene3', config: { experiment: 'line', n: 50, valN: 50, epochs: 5000 } },
  ...RUNNABLE_EXPERIMENTS.map((experiment) => ({
    id: experiment.name,
    config: { experiment: experiment.name },
  })),
];

/**
 * Whether `config` is still the preset `id` (every field equal to the
 * preset's parsed config), so the preset menu can stop naming it once a
 * field is changed. An empty or unknown id matches nothing.
 */
export function matchesPreset(id: string, config: RunConfig): boolean {
  const preset = PRESETS.find((p) => p.id === id);
  if (preset === undefined || !isExperimentName(preset.config.experiment)) return false;
  const presetConfig = formConfig(preset.config.experiment, preset.config);
  return JSON.stringify(presetConfig) === JSON.stringify(config);
}
