import Phaser from 'phaser';
import { ASSETS, SCENES } from '../keys.ts';
import { COLOURS, FONTS, LOADING_BAR, STAGE_COLOURS, documentBox } from '../layout.ts';
import { coarseCountries } from '../map/mapData.ts';

/**
 * Waits for the map's geography (Natural Earth countries from world-atlas at 1:110m, the map the
 * title draws; its download started with the page's scripts, see map/mapData.ts) behind a
 * progress bar, puts it in Phaser's JSON cache, then hands over to the Director. The finer map
 * joins the cache later (game.ts), once the title is interactive.
 */
export class PreloaderScene extends Phaser.Scene {
  private bar: Phaser.GameObjects.Rectangle | null = null;
  private caption: Phaser.GameObjects.Text | null = null;

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
    // Two steps: the scripts (done, since this runs) and the map.
    const bar = this.add.rectangle(x, y, LOADING_BAR.width / 2, LOADING_BAR.height, COLOURS.bar).setOrigin(0);
    const caption = this.add
      .text(cx, y + LOADING_BAR.height + 14, 'Loading the map…', { fontFamily: FONTS.sans, fontSize: '13px', color: STAGE_COLOURS.muted })
      .setOrigin(0.5, 0);
    this.bar = bar;
    this.caption = caption;
  }

  create(): void {
    void coarseCountries().then((data) => {
      if (data !== null && !this.cache.json.exists(ASSETS.countriesCoarse)) this.cache.json.add(ASSETS.countriesCoarse, data);
      if (this.bar) this.bar.width = LOADING_BAR.width;
      this.scene.start(SCENES.director);
    });
  }
}
