import type { Points } from '@epochlab/experiments';
import type { LiveChart } from '@epochlab/plot/browser';

type View = LiveChart['view'];

/** The set of points the editor adds to: the training or the validation points. */
export type EditedSet = 'train' | 'validation';

/** The points the editor holds, both sets (an empty set has no points). */
export interface EditorPoints {
  readonly train: Points;
  readonly validation: Points;
}

/** How close (in pixels) a press must be to a point to grab it rather than add one. */
const GRAB_RADIUS = 10;

/** Significant digits kept of a drawn coordinate: finer than a pixel, short in a link. */
const DRAWN_DIGITS = 4;

/** The axes' range when the chart has no points to scale to. */
const EMPTY_DOMAIN: readonly [number, number] = [-1, 1];

interface Grab {
  readonly set: EditedSet;
  readonly index: number;
  readonly pointerId: number;
}

/**
 * Draw points with the mouse, a pen or a finger on the fit chart: a press on
 * empty space adds a point to the edited set (and keeps it under the pointer
 * while it moves), a press on a point of that set drags it, a shift-press on
 * one deletes it, and Delete or Backspace (the chart focused) deletes the
 * point last added or moved. The chart's Vega scales turn pixels into data
 * units, so the points land where they are drawn whatever the zoom. The paste
 * box is the keyboard's way to enter points.
 */
export class PointEditor {
  private points: {
    train: { x: number[]; y: number[] };
    validation: { x: number[]; y: number[] };
  } = { train: { x: [], y: [] }, validation: { x: [], y: [] } };
  private grab: Grab | undefined;
  private last: { set: EditedSet; index: number } | undefined;
  private enabled = false;
  /** The set new points go into. */
  edited: EditedSet = 'train';

  /**
   * `surface` is the fit chart's container (it outlives chart rebuilds),
   * `view` gives the chart drawn in it now, `onChange` gets every edit.
   */
  constructor(
    private readonly surface: HTMLElement,
    private readonly view: () => View | undefined,
    private readonly onChange: (points: EditorPoints) => void,
  ) {
    surface.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    surface.addEventListener('pointermove', (event) => this.onPointerMove(event));
    surface.addEventListener('pointerup', (event) => this.onPointerUp(event));
    surface.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    surface.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  /** The points as they are now. */
  get current(): EditorPoints {
    return this.points;
  }

  /** Turns drawing on (the data experiment) or off (any other experiment, or while training). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.surface.classList.toggle('drawable', enabled);
    if (enabled) this.surface.tabIndex = 0;
    else this.surface.removeAttribute('tabindex');
    if (!enabled) this.grab = undefined;
  }

  /** Replaces every point (a loaded file, pasted values, a link, Clear). */
  setPoints(points: { train: Points; validation?: Points | undefined }): void {
    this.points = {
      train: { x: [...points.train.x], y: [...points.train.y] },
      validation: { x: [...(points.validation?.x ?? [])], y: [...(points.validation?.y ?? [])] },
    };
    this.grab = undefined;
    this.last = undefined;
  }

  private changed(): void {
    // New arrays each time: the chart compares points by identity first.
    this.points = {
      train: { x: [...this.points.train.x], y: [...this.points.train.y] },
      validation: { x: [...this.points.validation.x], y: [...this.points.validation.y] },
    };
    this.onChange(this.points);
  }

  private onPointerDown(event: PointerEvent): void {
    if (!this.enabled || event.button !== 0) return;
    const at = this.pixelOf(event);
    if (!at) return;
    event.preventDefault();
    this.surface.focus({ preventScroll: true });
    const hit = this.nearest(at);
    if (hit !== undefined && event.shiftKey) {
      this.remove(this.edited, hit);
      return;
    }
    if (event.shiftKey) return;
    let index = hit;
    if (index === undefined) {
      const value = this.valueAt(at);
      if (!value) return;
      const set = this.points[this.edited];
      set.x.push(value[0]);
      set.y.push(value[1]);
      index = set.x.length - 1;
      this.changed();
    }
    this.grab = { set: this.edited, index, pointerId: event.pointerId };
    this.last = { set: this.edited, index };
    this.surface.setPointerCapture?.(event.pointerId);
  }

  private onPointerMove(event: PointerEvent): void {
    const grab = this.grab;
    if (!grab || event.pointerId !== grab.pointerId) return;
    const at = this.pixelOf(event, true);
    const value = at && this.valueAt(at);
    if (!value) return;
    const set = this.points[grab.set];
    set.x[grab.index] = value[0];
    set.y[grab.index] = value[1];
    this.changed();
  }

  private onPointerUp(event: PointerEvent): void {
    if (this.grab?.pointerId !== event.pointerId) return;
    this.grab = undefined;
    this.surface.releasePointerCapture?.(event.pointerId);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.enabled || (event.key !== 'Delete' && event.key !== 'Backspace')) return;
    const last = this.last;
    if (!last) return;
    event.preventDefault();
    this.remove(last.set, last.index);
  }

  private remove(set: EditedSet, index: number): void {
    this.points[set].x.splice(index, 1);
    this.points[set].y.splice(index, 1);
    this.last = undefined;
    this.grab = undefined;
    this.changed();
  }

  /**
   * The pointer's position in the plot area (pixels from its top left), or
   * undefined outside it (axes, legend), unless `clamp`ed into it (a drag).
   */
  private pixelOf(event: MouseEvent, clamp = false): [number, number] | undefined {
    const view = this.view();
    const drawing = this.surface.querySelector('canvas, svg');
    if (!view || !drawing) return undefined;
    const box = drawing.getBoundingClientRect();
    const [originX, originY] = view.origin();
    let x = event.clientX - box.left - originX;
    let y = event.clientY - box.top - originY;
    const inside = x >= 0 && y >= 0 && x <= view.width() && y <= view.height();
    if (!inside && !clamp) return undefined;
    x = Math.min(Math.max(x, 0), view.width());
    y = Math.min(Math.max(y, 0), view.height());
    return [x, y];
  }

  /** The data coordinates under a plot-area pixel, rounded to `DRAWN_DIGITS` significant digits. */
  private valueAt([px, py]: [number, number]): [number, number] | undefined {
    const view = this.view();
    if (!view) return undefined;
    const x = invert(view, 'x', px, view.width());
    const y = invert(view, 'y', view.height() - py, view.height());
    if (x === undefined || y === undefined) return undefined;
    return [Number(x.toPrecision(DRAWN_DIGITS)), Number(y.toPrecision(DRAWN_DIGITS))];
  }

  /** The index of the edited set's point nearest a pixel, if one is within `GRAB_RADIUS`. */
  private nearest([px, py]: [number, number]): number | undefined {
    const view = this.view();
    const scaleX = view?.scale('x');
    const scaleY = view?.scale('y');
    if (!view || !scaleX || !scaleY) return undefined;
    const set = this.points[this.edited];
    let best: number | undefined;
    let bestDistance = GRAB_RADIUS * GRAB_RADIUS;
    for (let i = 0; i < set.x.length; i++) {
      const dx = scaleX(set.x[i]) - px;
      const dy = scaleY(set.y[i]) - py;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }
}

/**
 * A plot pixel (`fromLow`: pixels from the axis' low end) in data units.
 * Through the chart's scale when it has a range to invert; across
 * `EMPTY_DOMAIN` when it has none (no points yet, or all at one value).
 */
function invert(view: View, axis: 'x' | 'y', fromLow: number, length: number): number | undefined {
  const scale = view.scale(axis);
  const domain = scale?.domain?.() as number[] | undefined;
  const [low, high] = domain ?? [];
  if (
    scale &&
    typeof low === 'number' &&
    typeof high === 'number' &&
    Number.isFinite(low) &&
    Number.isFinite(high) &&
    low !== high
  ) {
    const value = scale.invert(axis === 'x' ? fromLow : length - fromLow);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
  if (length <= 0) return undefined;
  const [min, max] = EMPTY_DOMAIN;
  const centre = typeof low === 'number' && Number.isFinite(low) ? low : 0;
  return centre + min + ((max - min) * fromLow) / length;
}
