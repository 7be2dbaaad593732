/**
 * Building DOM safely: text always goes in as text nodes (never innerHTML), so any scenario
 * string, however hostile, shows as the characters it is.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  /** Stable key: focus is put back on the element with the same key after a re-render. */
  key?: string;
  /** Key of the element focus moves to when this one is gone after a re-render (e.g. Apply → its select). */
  then?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    if (props.class) node.className = props.class;
    if (props.id) node.id = props.id;
    if (props.key) node.dataset.key = props.key;
    if (props.then) node.dataset.then = props.then;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [type, listener] of Object.entries(props.on ?? {})) {
      node.addEventListener(type, listener as EventListener);
    }
  }
  append(node, children);
  return node;
}

export function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

let counter = 0;
/** A fresh id for aria-labelledby and label/for pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A button; `label` is its text and accessible name. */
export function button(label: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const b = h('button', { ...props, attrs: { type: 'button', ...props.attrs } }, label);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A button whose visible words are completed for screen readers by hidden ones, e.g.
 * "Defer [Monitoring] to the leaders": the accessible name contains what is seen.
 */
export function buttonWith(parts: (string | { hidden: string })[], onClick: () => void, props: Props = {}): HTMLButtonElement {
  const b = h('button', { ...props, attrs: { type: 'button', ...props.attrs } },
    ...parts.map((p) => (typeof p === 'string' ? p : h('span', { class: 'visually-hidden' }, p.hidden))));
  b.addEventListener('click', onClick);
  return b;
}

/** A section that is a landmark region, named by its heading. */
export function region(headingLevel: 2 | 3, title: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const id = uid('h');
  const heading = h(`h${headingLevel}`, { id, attrs: { tabindex: -1 } }, title);
  return h('section', { ...props, attrs: { 'aria-labelledby': id, ...props.attrs } }, heading, ...children);
}

/** Replace a container's content, keeping focus on the element with the same key and the scroll position. */
export function rerender(container: HTMLElement, children: readonly Child[], scroller: HTMLElement = container): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  const then = active instanceof HTMLElement && container.contains(active) ? active.dataset.then : undefined;
  const hadFocus = active instanceof HTMLElement && container.contains(active);
  const top = scroller.scrollTop;
  const open = new Set([...container.querySelectorAll<HTMLElement>('details[open] > summary[data-key]')].map((s) => s.dataset.key));
  container.replaceChildren();
  append(container, children);
  for (const summary of container.querySelectorAll<HTMLElement>('details > summary[data-key]')) {
    if (open.has(summary.dataset.key)) (summary.parentElement as HTMLDetailsElement).open = true;
  }
  scroller.scrollTop = top;
  if (!hadFocus) return;
  const byKey = (k: string | undefined) => {
    const el = k ? container.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`) : null;
    return el && !isDisabled(el) ? el : null;
  };
  // The same control; else the one it hands focus to; else a marked or focusable heading; else the
  // first usable control: never the page itself, so the keyboard user keeps their place.
  const target = byKey(key) ?? byKey(then)
    ?? container.querySelector<HTMLElement>('[data-fallback-focus], h2[tabindex], h3[tabindex]')
    ?? [...container.querySelectorAll<HTMLElement>('button, select, input, a[href], summary')].find((el) => !isDisabled(el)) ?? null;
  target?.focus({ preventScroll: true });
}

function isDisabled(el: HTMLElement): boolean {
  return (el instanceof HTMLButtonElement || el instanceof HTMLSelectElement || el instanceof HTMLInputElement) && el.disabled;
}
