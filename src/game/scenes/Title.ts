import Phaser from 'phaser';
import { SCENES } from '../keys.ts';
import { COLOURS, DOCUMENT, FONTS, documentBox, type Box } from '../layout.ts';
import { markReady } from '../ready.ts';
import { rendererName } from '../renderer.ts';

/** What the Title scene draws: the scenario title on a draft document. */
export interface TitleContent {
  kicker: string;
  title: string;
  /** Numbers of the clauses to sketch on the document, one per plan point. */
  clauses: number[];
}

/** The title screen: a drawn draft of the accord, right of the DOM panel. */
export class TitleScene extends Phaser.Scene {
  private readonly content: TitleContent;

  constructor(content: TitleContent) {
    super(SCENES.title);
    this.content = content;
  }

  create(): void {
    this.draw();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.draw, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.draw, this));
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => markReady(rendererName(this.game.renderer.type)));
  }

  private draw(): void {
    this.children.removeAll(true);
    const { width, height } = this.scale;
    this.cameras.main.setSize(width, height);
    this.drawContours(width, height);
    const box = documentBox(width, height);
    if (box) this.drawDocument(box);
  }

  /** Faint river contours across the background. */
  private drawContours(width: number, height: number): void {
    const g = this.add.graphics();
    g.lineStyle(2, COLOURS.contour, 0.55);
    const step = 56;
    for (let y = step; y < height + step; y += step) {
      const path = new Phaser.Curves.Spline([
        new Phaser.Math.Vector2(0, y),
        new Phaser.Math.Vector2(width * 0.35, y - 18),
        new Phaser.Math.Vector2(width * 0.7, y + 14),
        new Phaser.Math.Vector2(width, y - 8),
      ]);
      path.draw(g, 48);
    }
  }

  private drawDocument(box: Box): void {
    const { padding } = DOCUMENT;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.shadow, 0.55);
    g.fillRoundedRect(box.x + DOCUMENT.shadowOffset, box.y + DOCUMENT.shadowOffset, box.width, box.height, DOCUMENT.radius);
    g.fillStyle(COLOURS.paper, 1);
    g.fillRoundedRect(box.x, box.y, box.width, box.height, DOCUMENT.radius);

    const inner = box.width - 2 * padding;
    const kicker = this.add.text(box.x + padding, box.y + padding, this.content.kicker.toUpperCase(), {
      fontFamily: FONTS.sans,
      fontSize: `${DOCUMENT.kickerSize}px`,
      fontStyle: 'bold',
      color: COLOURS.kicker,
    });
    const title = this.add.text(box.x + padding, kicker.y + kicker.height + 10, this.content.title, {
      fontFamily: FONTS.serif,
      fontSize: `${DOCUMENT.titleSize}px`,
      color: COLOURS.ink,
      lineSpacing: 4,
      wordWrap: { width: inner, useAdvancedWrap: true },
    });

    const rule = title.y + title.height + DOCUMENT.ruleGap;
    g.fillStyle(COLOURS.inkLine, 1);
    g.fillRect(box.x + padding, rule, inner, 2);
    if (this.content.clauses.length === 0) return; // nothing to seal
    this.drawClauses(g, box, rule + DOCUMENT.ruleGap);
    this.drawSeal(box);
  }

  /** One numbered clause per plan point, spread between `top` and the seal. */
  private drawClauses(g: Phaser.GameObjects.Graphics, box: Box, top: number): void {
    const bottom = box.y + box.height - DOCUMENT.padding - 2 * DOCUMENT.sealRadius - DOCUMENT.clauseGap;
    const count = this.content.clauses.length;
    const clauseHeight = count > 0 ? Math.min(DOCUMENT.clauseMaxHeight, (bottom - top) / count) : 0;
    const lines = Math.floor((clauseHeight - DOCUMENT.clauseGap) / DOCUMENT.lineStep);
    if (lines < 1) return;
    const textX = box.x + DOCUMENT.padding + DOCUMENT.numeralWidth;
    const textWidth = box.width - 2 * DOCUMENT.padding - DOCUMENT.numeralWidth;
    this.content.clauses.forEach((number, i) => {
      const clauseTop = top + i * clauseHeight;
      this.add.text(box.x + DOCUMENT.padding, clauseTop - 5, `${number}.`, {
        fontFamily: FONTS.serif,
        fontSize: `${DOCUMENT.numeralSize}px`,
        color: COLOURS.numeral,
      });
      for (let line = 0; line < lines; line++) {
        // The last line of each clause is shorter, like the end of a paragraph.
        const share = line === lines - 1 ? 0.35 + 0.15 * (i % 3) : 1;
        g.fillRect(textX, clauseTop + line * DOCUMENT.lineStep, textWidth * share, DOCUMENT.lineThickness);
      }
    });
  }

  /** A wax seal in the document's bottom-right corner. */
  private drawSeal(box: Box): void {
    const x = box.x + box.width - DOCUMENT.padding - DOCUMENT.sealRadius;
    const y = box.y + box.height - DOCUMENT.padding - DOCUMENT.sealRadius;
    const g = this.add.graphics();
    g.fillStyle(COLOURS.seal, 1);
    g.fillCircle(x, y, DOCUMENT.sealRadius);
    g.lineStyle(2, COLOURS.sealRing, 0.9);
    g.strokeCircle(x, y, DOCUMENT.sealRadius - 7);
    this.add
      .text(x, y, 'A', { fontFamily: FONTS.serif, fontSize: `${DOCUMENT.sealRadius}px`, color: COLOURS.sealText })
      .setOrigin(0.5);
  }
}
