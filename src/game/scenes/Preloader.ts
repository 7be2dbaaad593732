import Phaser from 'phaser';
import { ASSETS, SCENES } from '../keys.ts';
import { COLOURS, FONTS, LOADING_BAR, STAGE_COLOURS, documentBox } from '../layout.ts';
import { coarseCountries, coarseCountriesNow } from '../map/mapData.ts';

/**
 * Waits for the map's geography (Natural Earth countries from world-atlas at 1:110m, the map the
 * title draws; its download started with the page's scripts, see map/mapData.ts) behind a
 * progress bar, puts it in Phaser's JSON cache, then hands over to the Director. Usually the map
 * has arrived before Phaser boots: then there is no bar, and the Director (and the scene it puts
 * up) starts at once, so the title is drawn in Phaser's first frame. The finer map joins the
 * cache later (game.ts), once the title is interactive.
 */
export class PreloaderScene extends Phaser.Scene {
  private bar: Phaser.GameObjects.Rectangle | null = null;

  constructor() {
    super(SCENES.preloader);
  }

  preload(): void {
    this.bar = null;
    if (coarseCountriesNow() !== undefined) return;
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
    this.bar = this.add.rectangle(x, y, LOADING_BAR.width / 2, LOADING_BAR.height, COLOURS.bar).setOrigin(0);
    this.add
      .text(cx, y + LOADING_BAR.height + 14, 'Loading the map…', { fontFamily: FONTS.sans, fontSize: '13px', color: STAGE_COLOURS.muted })
      .setOrigin(0.5, 0);
  }

  create(): void {
    const arrived = coarseCountriesNow();
    if (arrived !== undefined) this.handOver(arrived);
    else void coarseCountries().then((data) => this.handOver(data));
  }

  private handOver(data: unknown): void {
    if (data !== null && !this.cache.json.exists(ASSETS.countriesCoarse)) this.cache.json.add(ASSETS.countriesCoarse, data);
    if (this.bar) this.bar.width = LOADING_BAR.width;
    this.scene.stop();
    // Through the scene manager rather than this scene's queue: the Director starts now, not a frame later.
    this.game.scene.start(SCENES.director);
  }
}
