type Child = Node | string | null | undefined | false;

/** Attributes and properties of an element made by `h`; `on*` functions become listeners. */
type Props = Record<string, string | number | boolean | EventListener | undefined>;

/**
 * Makes an element: `h('button', { type: 'button', onclick: go }, 'Train')`.
 * String and number props become attributes (`true` an empty attribute, `false`
 * or `undefined` none); functions under `on<event>` become listeners.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** The element with this id; throws if the page lacks it (a bug, not a user error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

/** Enables or disables every input and select inside `root`. */
export function setControlsDisabled(root: ParentNode, disabled: boolean): void {
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'input, select',
  )) {
    control.disabled = disabled;
  }
}
