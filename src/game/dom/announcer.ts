/**
 * The polite live region: answers, events and the new day are read out after each action.
 * It lives outside the screens so re-rendering never interrupts it.
 */
import { h } from './h.ts';

export interface Announcer {
  el: HTMLElement;
  say(text: string): void;
  /** Empty the region (and drop what is queued): a new game must not repeat the last one's news. */
  clear(): void;
}

export function createAnnouncer(): Announcer {
  const el = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'announcer' } });
  let pending: string[] = [];
  let scheduled = false;
  return {
    el,
    say(text: string) {
      if (text.trim() === '') return;
      pending.push(text);
      if (scheduled) return;
      scheduled = true;
      // Everything one action caused is read as one message.
      queueMicrotask(() => {
        if (!scheduled) return;
        el.textContent = pending.join(' ');
        pending = [];
        scheduled = false;
      });
    },
    clear() {
      pending = [];
      scheduled = false;
      el.textContent = '';
    },
  };
}
