import type { RendererName } from './renderer.ts';

declare global {
  interface Window {
    /** Set once the title screen has rendered its first frame; tests wait for it. */
    __accordReady?: boolean;
  }
}

/** Mark the page ready for tests, and record which renderer actually ran. */
export function markReady(renderer: RendererName): void {
  document.documentElement.dataset.renderer = renderer;
  window.__accordReady = true;
}
