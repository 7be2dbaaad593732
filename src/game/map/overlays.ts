/**
 * What the Map scene draws over the geography: the date card, the envoys' legend and the news
 * ticker. Each redraws only when the view changes (the cards, with the Canvas renderer, into one
 * image each: see StillGroup); the ticker's scroll is one tween.
 */
import Phaser from 'phaser';
import type { PlayerView } from '../../engine/view.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { addDays } from '../../engine/calendar.ts';
import { DATE_CARD, FONTS, LEGEND, MAP, STAGE_COLOURS, TICKER } from '../layout.ts';
import { initials } from './envoys.ts';
import { deadlineText, longDate, shortDate } from './format.ts';
import type { Rect } from './labels.ts';
import type { StillGroup } from '../scenes/still.ts';

function card(g: Phaser.GameObjects.Graphics, r: Rect, radius: number): void {
  g.clear();
  g.fillStyle(STAGE_COLOURS.card, 0.88);
  g.fillRoundedRect(r.x, r.y, r.width, r.height, radius);
  g.lineStyle(1, STAGE_COLOURS.cardEdge, 1);
  g.strokeRoundedRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1, radius);
}

/** The date and the days to the deadline, top-left of the map. */
export class DateCard {
  private readonly plate: Phaser.GameObjects.Graphics;
  private readonly date: Phaser.GameObjects.Text;
  private readonly sub: Phaser.GameObjects.Text;
  /** The card's area, for labels to avoid. */
  rect: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    scene: Phaser.Scene,
    private readonly group: StillGroup,
  ) {
    const layer = group.layer;
    const { x, y, padding } = DATE_CARD;
    this.plate = scene.add.graphics();
    this.date = scene.add.text(x + padding, y + padding - 2, '', { fontFamily: FONTS.serif, fontSize: `${DATE_CARD.dateSize}px`, color: STAGE_COLOURS.label });
    this.sub = scene.add.text(x + padding, 0, '', { fontFamily: FONTS.sans, fontSize: `${DATE_CARD.subSize}px`, color: STAGE_COLOURS.accent });
    layer.add([this.plate, this.date, this.sub]);
    // Measure with the longest date so the card never jumps in size.
    this.show('2025-09-30', 99, 99);
  }

  show(date: string, day: number, daysLeft: number): void {
    const { x, y, padding } = DATE_CARD;
    this.date.setText(longDate(date));
    this.sub.setText(`Day ${day + 1}  ·  ${deadlineText(daysLeft)}`).setY(this.date.y + this.date.height + 2);
    this.sub.setColor(daysLeft <= 3 ? '#f0a58f' : STAGE_COLOURS.accent);
    const width = Math.max(this.date.width, this.sub.width, this.rect.width - 2 * padding) + 2 * padding;
    this.rect = { x, y, width, height: this.sub.y + this.sub.height + padding - 2 - y };
    card(this.plate, this.rect, DATE_CARD.radius);
    this.group.refresh(this.rect);
  }
}

/** Who each token is and where it is going, top-right of the map. */
export class EnvoyLegend {
  private readonly plate: Phaser.GameObjects.Graphics;
  private readonly rows: Phaser.GameObjects.Container;
  rect: Rect = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly group: StillGroup,
    private readonly scenario: Scenario,
    private readonly colour: number,
    private readonly stageWidth: number,
    private readonly minLeft: number,
  ) {
    this.plate = scene.add.graphics();
    this.rows = scene.add.container(0, 0);
    group.layer.add([this.plate, this.rows]);
  }

  show(view: PlayerView): void {
    this.rows.removeAll(true);
    // Short venue names: "Lakeside (Commission seat)" → "Lakeside"; the map's labels have the rest.
    const venue = (id: string) => (this.scenario.venues.find((v) => v.id === id)?.name ?? id).replace(/\s*\(.*\)\s*$/, '');
    const { padding, rowHeight } = LEGEND;
    const maxText = Math.min(LEGEND.maxWidth, this.stageWidth - this.minLeft - 2 * LEGEND.margin) - 2 * padding - 2 * MAP.tokenRadius;
    let width = 0;
    view.envoys.forEach((e, i) => {
      const y = padding + i * rowHeight + rowHeight / 2;
      const g = this.scene.add.graphics();
      const r = MAP.tokenRadius * 0.72;
      g.fillStyle(STAGE_COLOURS.tokenEdge, 1);
      g.fillCircle(padding + r, y, r);
      g.fillStyle(this.colour, 1);
      g.fillCircle(padding + r, y, r - 1.5);
      const ini = this.scene.add
        .text(padding + r, y, initials(e.name), { fontFamily: FONTS.sans, fontSize: '9px', fontStyle: 'bold', color: STAGE_COLOURS.tokenText })
        .setOrigin(0.5);
      const where = e.to === null ? venue(e.at) : `→ ${venue(e.to)}, ${e.arrives !== null ? shortDate(addDays(view.date, e.arrives - view.day)) : ''}`;
      const text = this.scene.add
        .text(padding + 2 * r + 8, y, `${e.name} · ${where}`, { fontFamily: FONTS.sans, fontSize: `${LEGEND.nameSize}px`, color: STAGE_COLOURS.label })
        .setOrigin(0, 0.5);
      while (text.width > maxText && text.text.length > 4) text.setText(`${text.text.slice(0, -2)}…`);
      width = Math.max(width, text.x + text.width + padding);
      this.rows.add([g, ini, text]);
    });
    const height = 2 * padding + view.envoys.length * rowHeight;
    const x = this.stageWidth - LEGEND.margin - width;
    this.rect = { x, y: LEGEND.margin, width, height };
    this.rows.setPosition(x, LEGEND.margin);
    card(this.plate, this.rect, LEGEND.radius);
    this.group.refresh(this.rect);
  }
}

/**
 * The latest news along the bottom of the stage, scrolled through once from right to left when it
 * changes, then still and cut to fit (at once with reduced motion). The same text is in the DOM log; the canvas is hidden from readers.
 */
export class NewsTicker {
  private readonly text: Phaser.GameObjects.Text;
  private readonly pill: Phaser.GameObjects.Graphics;
  private scroll: Phaser.Tweens.Tween | null = null;
  private shown = '';
  readonly rect: Rect;

  /** The whole line the ticker shows (before any cut for reduced motion). */
  get line(): string {
    return this.shown;
  }

  constructor(
    private readonly scene: Phaser.Scene,
    layer: Phaser.GameObjects.Container,
    private readonly width: number,
    height: number,
    /** Asked whenever the line changes: scroll, or stand still cut to fit (reduced motion). */
    private readonly animate: () => boolean,
  ) {
    const y = height - TICKER.height;
    this.rect = { x: 0, y, width, height: TICKER.height };
    const band = scene.add.graphics();
    band.fillStyle(STAGE_COLOURS.tickerBand, 0.94);
    band.fillRect(0, y, width, TICKER.height);
    band.fillStyle(STAGE_COLOURS.tickerLabel, 0.5);
    band.fillRect(0, y, width, 1);
    this.text = scene.add
      .text(TICKER.labelWidth + 14, y + TICKER.height / 2, '', { fontFamily: FONTS.sans, fontSize: `${TICKER.textSize}px`, color: STAGE_COLOURS.label })
      .setOrigin(0, 0.5);
    // The label is drawn after the text so scrolling text passes under it.
    const cover = scene.add.graphics();
    cover.fillStyle(STAGE_COLOURS.tickerBand, 1);
    cover.fillRect(0, y + 1, TICKER.labelWidth + 8, TICKER.height - 1);
    this.pill = scene.add.graphics();
    this.pill.fillStyle(STAGE_COLOURS.tickerLabel, 1);
    this.pill.fillRoundedRect(10, y + 8, TICKER.labelWidth - 10, TICKER.height - 16, 4);
    const word = scene.add
      .text(10 + (TICKER.labelWidth - 10) / 2, y + TICKER.height / 2, 'NEWS', { fontFamily: FONTS.sans, fontSize: `${TICKER.labelSize}px`, fontStyle: 'bold', color: STAGE_COLOURS.tickerLabelText })
      .setOrigin(0.5);
    layer.add([band, this.text, cover, this.pill, word]);
  }

  /** The latest items, newest first. */
  show(items: readonly string[]): void {
    const line = items.length > 0 ? items.join(TICKER.separator) : 'No news yet.';
    if (line === this.shown) return;
    this.shown = line;
    this.scroll?.stop();
    this.scroll = null;
    const left = TICKER.labelWidth + 14;
    this.text.setText(line).setX(left);
    if (!this.animate() || items.length === 0) return this.rest();
    // Start readable at the left, pause, scroll away past the label, come round once from the
    // right edge, and rest where it started (cut to fit, as with reduced motion): the ticker does
    // not keep the page drawing while nothing new happens.
    const speed = TICKER.pxPerSecond / 1000;
    const away = left - this.text.width - TICKER.gap;
    this.scroll = this.scene.tweens.add({
      targets: this.text,
      x: away,
      delay: TICKER.holdMs,
      duration: (left - away) / speed,
      ease: 'Linear',
      onComplete: () => {
        this.text.setX(this.width);
        this.scroll = this.scene.tweens.add({
          targets: this.text,
          x: left,
          duration: (this.width - left) / speed,
          ease: 'Linear',
          onComplete: () => {
            this.scroll = null;
            this.rest();
          },
        });
      },
    });
  }

  /** Still at the left, the line cut to fit the band. */
  private rest(): void {
    const left = TICKER.labelWidth + 14;
    this.text.setX(left);
    // Cut at a word where one fits, so the line never stops mid-word.
    while (this.text.width > this.width - left - 12 && this.text.text.length > 4) {
      const t = this.text.text.replace(/…$/, '');
      const space = t.lastIndexOf(' ');
      this.text.setText(`${(space > 0 ? t.slice(0, space) : t.slice(0, -6)).replace(/[\s,;:·•]+$/, '')}…`);
    }
  }

  /** The label blinks gently when news breaks. */
  flash(): void {
    if (!this.animate()) return;
    this.scene.tweens.add({ targets: this.pill, alpha: 0.45, duration: 220, yoyo: true, repeat: 2 });
  }
}

/** News items for the ticker from the view's journal, newest first. */
export function tickerItems(view: PlayerView): string[] {
  return view.journal
    .filter((n) => n.kind === 'news.reported')
    .slice(-TICKER.items)
    .reverse()
    .map((n) => `${shortDate(n.date)}: ${n.text}`);
}
