/**
 * Hooks on `window` for the end-to-end tests and the browser bench. They only report; nothing in
 * the game reads them back.
 *
 * - `__accordReady`: true once a scene that follows the controller has drawn its first frame.
 * - `__accordStage`: which canvas scene is up, how many frames it has rendered, where the
 *   envoy tokens are (map scene) — see {@link StageHook}.
 * - `__accordFrameTimes`: main-thread work per frame (Phaser's pre-step to post-render), a ring
 *   buffer of the most recent frames — see {@link FrameTimes}.
 * - `__accordController`: the app controller, only in the test build (`vite build --mode test`,
 *   dist-test/; see game.ts), so tests can drive a game without the DOM screens. The production
 *   build has no such hook: it would hand anyone the hidden truth.
 */
import type { AppController } from './app/controller.ts';
import type { SceneKey } from './keys.ts';
import type { RendererName } from './renderer.ts';

/** An envoy token as drawn, in canvas (page) pixels. */
export interface EnvoyMark {
  id: string;
  x: number;
  y: number;
  /** Between venues (travelling), or moving along a tween right now. */
  travelling: boolean;
  moving: boolean;
}

export interface StageHook {
  /** The scene that follows the controller now (Title, Briefing, Map, Table, Ending). */
  scene: SceneKey | null;
  /** Frames rendered since that scene started. */
  frames: number;
  /** The canvas size the scene was laid out for, e.g. "1280x720" (it redraws after a resize). */
  size: string;
  renderer: RendererName;
  /** Envoy tokens on the map; empty in other scenes. */
  envoys: () => EnvoyMark[];
  /** Venue markers on the map, in canvas (page) pixels; empty in other scenes. */
  venues: () => { id: string; x: number; y: number }[];
  /** The news ticker's text on the map; empty in other scenes. */
  ticker: () => string;
  /** The game loop sleeps: nothing on the stage moves, so nothing is redrawn (rest.ts). */
  resting: boolean;
  /** How many times it has gone to rest since the page opened. */
  sleeps: number;
}

/** Per-frame main-thread milliseconds, newest last, for the last `capacity` frames. */
export class FrameTimes {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity = 600) {
    this.values = new Float64Array(capacity);
  }

  push(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** The recorded frames, oldest first. */
  recent(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.values[(this.next - this.count + i + this.capacity) % this.capacity]!);
    return out;
  }

  clear(): void {
    this.next = 0;
    this.count = 0;
  }
}

declare global {
  interface Window {
    /** Set once the first canvas scene has rendered its first frame; tests wait for it. */
    __accordReady?: boolean;
    __accordStage?: StageHook;
    __accordFrameTimes?: FrameTimes;
    /** Only in the test build (dist-test/). */
    __accordController?: AppController;
  }
}

let resolveInteractive: () => void = () => undefined;
/**
 * Settles once the title (or whichever scene the page opens on) has drawn its first frame: what
 * is not needed to show it (sounds, the finer map) waits for this.
 */
export const interactive: Promise<void> = new Promise((resolve) => (resolveInteractive = resolve));

/**
 * Run `task` once the page is interactive and then idle (within a second at most): for what the
 * title does not need to show itself (the game's code, a file checker standing by).
 */
export function afterInteractive(task: () => void): void {
  void interactive.then(() => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => task(), { timeout: 1000 });
    else setTimeout(task, 200);
  });
}

/** Mark the page ready for tests, and record which renderer actually ran. */
export function markReady(renderer: RendererName): void {
  document.documentElement.dataset.renderer = renderer;
  window.__accordReady = true;
  resolveInteractive();
}

/** The stage hook, created on first use. */
export function stageHook(renderer: RendererName): StageHook {
  window.__accordStage ??= { scene: null, frames: 0, size: '', renderer, envoys: () => [], venues: () => [], ticker: () => '', resting: false, sleeps: 0 };
  return window.__accordStage;
}
