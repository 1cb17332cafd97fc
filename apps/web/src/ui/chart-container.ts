/**
 * A chart's container: Vega draws into it and replaces its children, so it
 * is a plain element that templates place but never render into. An image
 * named by its figure's caption (`${id}-title`), described by `describedBy`.
 */
export function chartContainer(id: string, describedBy?: string): HTMLElement {
  const element = document.createElement('div');
  element.id = id;
  element.className = 'chart';
  element.setAttribute('role', 'img');
  element.setAttribute('aria-labelledby', `${id}-title`);
  if (describedBy) element.setAttribute('aria-describedby', describedBy);
  return element;
}

/** Chart width (axes and legend included) for the container: fits a phone, caps on wide screens. */
export function chartWidth(element: HTMLElement): number {
  const available = element.clientWidth || 480;
  return Math.max(260, Math.min(900, Math.floor(available)));
}
