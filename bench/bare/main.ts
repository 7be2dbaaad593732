/**
 * The baseline for "navigation → interactive title": a bare Phaser 4 page with one scene
 * drawing one line of text, marked ready on its first rendered frame like the game is.
 */
import Phaser from 'phaser';

declare global {
  interface Window {
    __accordReady?: boolean;
    /** Main-thread ms per frame, pre-step to post-render, as the game records it. */
    __bareFrames?: number[];
  }
}

class Bare extends Phaser.Scene {
  constructor() {
    super('Bare');
  }
  create(): void {
    this.add.text(40, 40, 'Bare Phaser page', { fontFamily: 'system-ui, sans-serif', fontSize: '28px', color: '#eef2f8' });
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      window.__accordReady = true;
    });
    // The same measure the game takes, for a side-by-side baseline; a moving token like an envoy's.
    const frames: number[] = (window.__bareFrames = []);
    let start = 0;
    this.game.events.on(Phaser.Core.Events.PRE_STEP, () => (start = performance.now()));
    this.game.events.on(Phaser.Core.Events.POST_RENDER, () => frames.push(performance.now() - start));
    const token = this.add.circle(100, 400, 14, 0xe0bd6a);
    this.tweens.add({ targets: token, x: 1100, duration: 1500, yoyo: true, repeat: -1 });
  }
}

const renderer = new URLSearchParams(location.search).get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;
new Phaser.Game({ type: renderer, width: 1280, height: 720, backgroundColor: '#0f1b2d', banner: false, scene: [Bare] });
