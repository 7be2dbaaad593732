import Phaser from 'phaser';
import { SCENES } from '../keys.ts';

/** First scene: settle the canvas for assistive technology, then hand over to the Preloader. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    // The DOM layer carries every word the canvas shows; screen readers skip the drawing.
    this.game.canvas.setAttribute('aria-hidden', 'true');
    this.scene.start(SCENES.preloader);
  }
}
