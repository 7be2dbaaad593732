import Phaser from 'phaser';
import { SCENES } from '../keys.ts';
import { MARGIN, STAGE_COLOURS, TITLE, panelWidth } from '../layout.ts';
import type { Atlas } from '../map/atlas.ts';
import { arcPoint, type Point } from '../map/projection.ts';
import { announce, reducedMotion, restartOnResize } from './follow.ts';

/**
 * Capitals where talks are often held; the title backdrop draws arcs between them. Real places,
 * used only as scenery.
 */
const CAPITALS = [
  { id: 'washington', lon: -77.04, lat: 38.91 },
  { id: 'new-york', lon: -74.01, lat: 40.71 },
  { id: 'london', lon: -0.13, lat: 51.51 },
  { id: 'brussels', lon: 4.35, lat: 50.85 },
  { id: 'geneva', lon: 6.14, lat: 46.2 },
  { id: 'vienna', lon: 16.37, lat: 48.21 },
  { id: 'oslo', lon: 10.75, lat: 59.91 },
  { id: 'kyiv', lon: 30.52, lat: 50.45 },
  { id: 'moscow', lon: 37.62, lat: 55.76 },
  { id: 'istanbul', lon: 28.98, lat: 41.01 },
  { id: 'cairo', lon: 31.24, lat: 30.04 },
  { id: 'doha', lon: 51.53, lat: 25.29 },
  { id: 'abu-dhabi', lon: 54.38, lat: 24.45 },
] as const;

type Capital = (typeof CAPITALS)[number]['id'];

/** The journeys the backdrop draws, one after another, in this order. */
const JOURNEYS: readonly [Capital, Capital][] = [
  ['washington', 'geneva'],
  ['geneva', 'moscow'],
  ['london', 'kyiv'],
  ['new-york', 'vienna'],
  ['abu-dhabi', 'moscow'],
  ['brussels', 'istanbul'],
  ['oslo', 'cairo'],
  ['doha', 'geneva'],
];

/**
 * The title backdrop: a dim map of the Atlantic, Europe and the Middle East with journeys drawn
 * slowly between capitals, right of the DOM title panel, one round of them, then all of them
 * faintly and still. With reduced motion every journey is drawn at once, faintly, and nothing moves.
 */
export class TitleScene extends Phaser.Scene {
  private points = new Map<Capital, Point>();
  private journey = 0;

  constructor(private readonly atlas: Atlas) {
    super(SCENES.title);
  }

  create(): void {
    announce(this, SCENES.title);
    restartOnResize(this);
    const { width, height } = this.scale;
    this.cameras.main.setViewport(0, 0, width, height);
    const left = MARGIN + panelWidth(width) + MARGIN + TITLE.mapInset;
    const map = this.atlas.paint(this, {
      id: 'title',
      places: CAPITALS,
      width,
      height,
      margins: { top: TITLE.mapInset, right: TITLE.mapInset, bottom: TITLE.mapInset, left: Math.min(left, width * 0.6) },
      minSpanDegrees: 40,
      fineAbovePxPerDegree: Infinity,
      palette: { seaTop: STAGE_COLOURS.seaTop, seaBottom: STAGE_COLOURS.seaBottom, graticule: STAGE_COLOURS.graticule, land: STAGE_COLOURS.dimLand, border: STAGE_COLOURS.dimBorder, coast: STAGE_COLOURS.dimCoast, landShadow: STAGE_COLOURS.landShadow },
      graticule: true,
    });
    this.add.image(0, 0, map.textureKey).setOrigin(0);
    this.points = new Map(CAPITALS.map((c) => [c.id, map.projection.project(c.lon, c.lat)]));

    const dots = this.add.graphics();
    for (const p of this.points.values()) {
      dots.fillStyle(STAGE_COLOURS.marker, 0.18);
      dots.fillCircle(p.x, p.y, TITLE.dotHalo);
      dots.fillStyle(STAGE_COLOURS.marker, 0.85);
      dots.fillCircle(p.x, p.y, TITLE.dotRadius);
    }

    this.journey = 0;
    this.nextJourney();
  }

  /** Every journey at once, faintly, with nothing moving (reduced motion, or after one round). */
  private drawStill(fadeIn: boolean): void {
    const g = this.add.graphics();
    for (const [a, b] of JOURNEYS) this.drawArc(g, a, b, 1, TITLE.arcAlpha * 0.6);
    if (fadeIn) this.tweens.add({ targets: g.setAlpha(0), alpha: 1, duration: TITLE.fadeMs });
  }

  /**
   * Draw one journey: the arc grows from its start with a bright head, lingers, then fades. After
   * one round of them all, every journey stays drawn faintly and the backdrop rests, so a title
   * left open does not keep the page drawing.
   */
  private nextJourney(): void {
    if (reducedMotion()) return this.drawStill(false);
    if (this.journey >= JOURNEYS.length) return this.drawStill(true);
    const [a, b] = JOURNEYS[this.journey % JOURNEYS.length]!;
    this.journey += 1;
    const g = this.add.graphics();
    const head = this.add.graphics();
    this.tweens.addCounter({
      from: 0,
      to: 1,
      duration: TITLE.drawMs,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        const t = tween.getValue() ?? 0;
        g.clear();
        this.drawArc(g, a, b, t, TITLE.arcAlpha);
        const p = arcPoint(this.points.get(a)!, this.points.get(b)!, t);
        head.clear();
        head.fillStyle(STAGE_COLOURS.marker, 0.25);
        head.fillCircle(p.x, p.y, 7);
        head.fillStyle(0xfff3d1, 1);
        head.fillCircle(p.x, p.y, 2.5);
      },
      onComplete: () => {
        this.tweens.add({ targets: head, alpha: 0, duration: TITLE.fadeMs, onComplete: () => head.destroy() });
        this.tweens.add({ targets: g, alpha: 0, delay: TITLE.lingerMs, duration: TITLE.fadeMs, onComplete: () => g.destroy() });
        this.time.delayedCall(TITLE.gapMs, () => this.nextJourney());
      },
    });
  }

  private drawArc(g: Phaser.GameObjects.Graphics, a: Capital, b: Capital, upTo: number, alpha: number): void {
    const from = this.points.get(a)!;
    const to = this.points.get(b)!;
    g.lineStyle(TITLE.arcWidth, STAGE_COLOURS.marker, alpha);
    g.beginPath();
    g.moveTo(from.x, from.y);
    const steps = Math.max(2, Math.ceil(TITLE.arcSteps * upTo));
    for (let i = 1; i <= steps; i++) {
      const p = arcPoint(from, to, (upTo * i) / steps);
      g.lineTo(p.x, p.y);
    }
    g.strokePath();
  }
}
