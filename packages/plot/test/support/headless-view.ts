import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { ChartSpec } from '../../src/chart-types.js';

/** A scenegraph item, as far as the tests read it. */
export interface SceneItem {
  datum?: Record<string, unknown>;
  fill?: string;
  stroke?: string;
  text?: string;
  align?: string;
  x?: number;
  y?: number;
}

interface SceneNode {
  marktype?: string;
  name?: string;
  items?: SceneNode[];
}

/** Compiles a Vega-Lite spec and runs it in a View with no renderer, as Node rendering does. */
export async function headlessView(spec: ChartSpec): Promise<View> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  return view;
}

/** Items of every mark whose name starts with `prefix` and whose type is `marktype`. */
export function itemsOf(view: View, prefix: string, marktype: string): SceneItem[] {
  const found: SceneItem[] = [];
  const visit = (node: SceneNode) => {
    if (node.marktype === marktype && node.name?.startsWith(prefix)) {
      found.push(...((node.items ?? []) as SceneItem[]));
    }
    for (const child of node.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root);
  return found;
}

/** Every text drawn in the scene (axis titles, tick labels, legend labels, notes). */
export function allTexts(view: View): string[] {
  const texts: string[] = [];
  const visit = (node: SceneNode & { text?: unknown }) => {
    if (typeof node.text === 'string') texts.push(node.text);
    for (const child of node.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneNode }).root);
  return texts;
}

/** Compiles with a logger that records Vega-Lite's warnings instead of printing them. */
export function compileWarnings(spec: ChartSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      warnings.push(`error: ${args.join(' ')}`);
      return logger;
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  compile(spec, { logger } as unknown as Parameters<typeof compile>[1]);
  return warnings;
}
