/**
 * Captions for sounds that carry meaning ("Bells: the accord is signed"), shown for a few
 * seconds near the bottom of the canvas stage, clear of the side panel. A polite status region
 * that is always in the page, so screen readers hear each new caption once.
 */
import type { CaptionSink } from '../audio/soundDirector.ts';
import { h } from './h.ts';

/** How long a caption stays up. */
export const CAPTION_MS = 3200;

export interface Captions extends CaptionSink {
  el: HTMLElement;
  clear(): void;
}

export function createCaptions(): Captions {
  const el = h('div', { class: 'captions', attrs: { role: 'status', 'aria-live': 'polite', 'aria-label': 'Sound captions', 'data-testid': 'captions' } });
  let timer = 0;
  const clear = () => {
    window.clearTimeout(timer);
    el.replaceChildren();
  };
  return {
    el,
    clear,
    show(lines) {
      window.clearTimeout(timer);
      el.replaceChildren(...lines.map((line) => h('p', { class: 'caption' }, h('span', { class: 'caption-mark', attrs: { 'aria-hidden': 'true' } }, '♪ '), line)));
      timer = window.setTimeout(clear, CAPTION_MS);
    },
  };
}
