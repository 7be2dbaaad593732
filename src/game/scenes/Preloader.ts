import Phaser from 'phaser';
import { SCENES } from '../keys.ts';
import { COLOURS, LOADING_BAR } from '../layout.ts';

/** Loads the game's assets (none yet) behind a progress bar, then starts the Title. */
export class PreloaderScene extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
  }

  preload(): void {
    const { width, height } = this.scale;
    const x = (width - LOADING_BAR.width) / 2;
    const y = (height - LOADING_BAR.height) / 2;
    this.add.rectangle(x, y, LOADING_BAR.width, LOADING_BAR.height, COLOURS.barTrack).setOrigin(0);
    const bar = this.add.rectangle(x, y, 0, LOADING_BAR.height, COLOURS.bar).setOrigin(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      bar.width = LOADING_BAR.width * progress;
    });
  }

  create(): void {
    this.scene.start(SCENES.title);
  }
}
