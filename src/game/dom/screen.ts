import type { AppController, AppState } from '../app/controller.ts';
import type { Announcer } from './announcer.ts';

/** One screen of the DOM layer (title, briefing, play, ending). */
export interface ScreenView {
  el: HTMLElement;
  update(state: AppState): void;
  /** Put focus at the top of the screen when it first appears. */
  focusStart(): void;
  destroy(): void;
}

export interface ScreenDeps {
  controller: AppController;
  announcer: Announcer;
  /** Open the help dialog. */
  help(): void;
  /** Open sources and credits. */
  credits(): void;
  /** Open the settings. */
  settings(): void;
}
