/** Keep the DOM panels in step with the canvas layout (layout.ts) as the window resizes. */
import { MARGIN, panelWidth, playLayout } from '../layout.ts';

export function trackLayout(root: HTMLElement): void {
  const apply = (): void => {
    const { innerWidth: w, innerHeight: h } = window;
    const play = playLayout(w, h);
    root.style.setProperty('--margin', `${MARGIN}px`);
    root.style.setProperty('--panel-width', `${panelWidth(w)}px`);
    root.style.setProperty('--side-width', `${play.side.width}px`);
    root.style.setProperty('--topbar', `${play.topBar.height}px`);
  };
  apply();
  window.addEventListener('resize', apply);
}
