/**
 * What every scene that follows the controller shares: subscribing for as long as the scene
 * runs, announcing itself to the test hook, redrawing on resize, and the reduced-motion setting.
 */
import Phaser from 'phaser';
import type { AppController, AppState } from '../app/controller.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import type { SceneKey } from '../keys.ts';
import { markReady, stageHook } from '../ready.ts';
import { rendererName } from '../renderer.ts';
import { currentMotionReduced } from '../settings/motion.ts';

/**
 * Less motion wanted now (the player's setting, or the system's prefers-reduced-motion when the
 * setting follows the system): no tweens, instant changes. Asked each time a tween would start.
 */
export function reducedMotion(): boolean {
  return currentMotionReduced();
}

/** Listen to the controller (state and notices) until the scene shuts down. */
export function follow(scene: Phaser.Scene, controller: AppController, onState: (s: AppState) => void, onNotice?: (n: Notice) => void): void {
  const off = [controller.subscribe(onState)];
  if (onNotice) off.push(controller.onNotice(onNotice));
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => off.forEach((f) => f()));
}

/** Tell the test hook which scene is up, and mark the page ready after its first frame. */
export function announce(scene: Phaser.Scene, key: SceneKey): void {
  const renderer = rendererName(scene.game.renderer.type);
  const hook = stageHook(renderer);
  hook.scene = key;
  hook.frames = 0;
  hook.size = `${scene.scale.width}x${scene.scale.height}`;
  hook.envoys = () => [];
  hook.venues = () => [];
  hook.ticker = () => '';
  scene.game.events.once(Phaser.Core.Events.POST_RENDER, () => markReady(renderer));
}

/** Milliseconds to wait after the last resize event before redrawing. */
const RESIZE_SETTLE_MS = 120;

/**
 * Restart the scene (same data) once the window has settled on a new size: every scene draws
 * from its layout in `create()`, so a restart is its redraw.
 */
export function restartOnResize(scene: Phaser.Scene): void {
  let pending: Phaser.Time.TimerEvent | null = null;
  const onResize = (): void => {
    pending?.remove(false);
    pending = scene.time.delayedCall(RESIZE_SETTLE_MS, () => scene.scene.restart(scene.sys.settings.data));
  };
  scene.scale.on(Phaser.Scale.Events.RESIZE, onResize);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.scale.off(Phaser.Scale.Events.RESIZE, onResize));
}
