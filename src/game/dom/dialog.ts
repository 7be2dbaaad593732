/**
 * Modal dialogs on the native <dialog>: showModal() makes the page behind inert (focus stays
 * inside), Esc closes it, and focus goes back to where it was.
 */
import { button, h, uid, type Child } from './h.ts';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export interface Dialog {
  el: HTMLDialogElement;
  open(): void;
  close(): void;
  isOpen(): boolean;
}

export function createDialog(title: string, body: (close: () => void) => Child[], props: { class?: string } = {}): Dialog {
  const headingId = uid('dlg');
  const el = h('dialog', { class: `dialog ${props.class ?? ''}`.trim(), attrs: { 'aria-labelledby': headingId } });
  let returnTo: HTMLElement | null = null;
  const close = () => el.close();
  const render = () => {
    el.replaceChildren(
      h('div', { class: 'dialog-head' }, h('h2', { id: headingId }, title), button('Close', close, { class: 'quiet', attrs: { 'aria-label': `Close ${title}` } })),
      // Focusable so that a long body (the help's glossary) scrolls from the keyboard too.
      h('div', { class: 'dialog-body', attrs: { tabindex: '0', role: 'region', 'aria-label': title } }, ...body(close)),
    );
  };
  el.addEventListener('close', () => {
    const target = returnTo;
    returnTo = null;
    // A screen re-rendered behind the dialog has a new element for the same control: focus that.
    const key = target?.dataset.key;
    const again = target?.isConnected ? target : key ? document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
    again?.focus();
  });
  // Tab wraps around inside the dialog instead of leaving for the browser's own controls.
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const focusable = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => !n.hasAttribute('disabled') && n.offsetParent !== null);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && (document.activeElement === first || !el.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  // A click on the backdrop (the dialog element itself, outside its box) closes it.
  el.addEventListener('click', (e) => {
    if (e.target === el) close();
  });
  document.body.append(el);
  return {
    el,
    open() {
      if (el.open) return;
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      render();
      el.showModal();
    },
    close,
    isOpen: () => el.open,
  };
}

/** Is any modal dialog open? Shortcuts wait while one is. */
export function anyDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
