/**
 * The baseline for "navigation → interactive title": a bare Phaser 4 page with one scene
 * drawing one line of text, marked ready on its first rendered frame like the game is.
 */
import Phaser from 'phaser';

declare global {
  interface Window {
    __accordReady?: boolean;
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
  }
}

const renderer = new URLSearchParams(location.search).get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;
new Phaser.Game({ type: renderer, width: 1280, height: 720, backgroundColor: '#0f1b2d', banner: false, scene: [Bare] });
