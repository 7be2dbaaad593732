import Phaser from 'phaser';
import countriesCoarseUrl from 'world-atlas/countries-110m.json?url';
import countriesFineUrl from 'world-atlas/countries-50m.json?url';
import { ASSETS, SCENES } from '../keys.ts';
import { COLOURS, FONTS, LOADING_BAR, STAGE_COLOURS, documentBox } from '../layout.ts';

/**
 * Loads the map's geography (Natural Earth countries from world-atlas) through the Phaser
 * loader behind a progress bar driven by the loader's progress, then hands over to the Director.
 */
export class PreloaderScene extends Phaser.Scene {
  constructor() {
    super(SCENES.preloader);
  }

  preload(): void {
    const { width, height } = this.scale;
    // Where the title's document will appear, so the bar is not hidden behind the DOM panel.
    const box = documentBox(width, height);
    const cx = box ? box.x + box.width / 2 : width / 2;
    const cy = box ? box.y + box.height / 2 : height / 2;
    const x = Math.round(cx - LOADING_BAR.width / 2);
    const y = Math.round(cy - LOADING_BAR.height / 2);
    this.add
      .text(cx, y - 18, 'ACCORD', { fontFamily: FONTS.sans, fontSize: '13px', fontStyle: 'bold', color: STAGE_COLOURS.accent, letterSpacing: 2 })
      .setOrigin(0.5, 1);
    this.add.rectangle(x, y, LOADING_BAR.width, LOADING_BAR.height, COLOURS.barTrack).setOrigin(0);
    const bar = this.add.rectangle(x, y, 0, LOADING_BAR.height, COLOURS.bar).setOrigin(0);
    const caption = this.add
      .text(cx, y + LOADING_BAR.height + 14, 'Loading the map… 0%', { fontFamily: FONTS.sans, fontSize: '13px', color: STAGE_COLOURS.muted })
      .setOrigin(0.5, 0);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      bar.width = LOADING_BAR.width * progress;
      caption.setText(`Loading the map… ${Math.round(progress * 100)}%`);
    });
    this.load.json(ASSETS.countriesCoarse, countriesCoarseUrl);
    this.load.json(ASSETS.countriesFine, countriesFineUrl);
  }

  create(): void {
    this.scene.start(SCENES.director);
  }
}
