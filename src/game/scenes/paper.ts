/**
 * The draft document drawn by the Title and Ending scenes: paper with a shadow, a kicker and a
 * title, sketched clauses, and a wax seal.
 */
import Phaser from 'phaser';
import { COLOURS, DOCUMENT, FONTS, type Box } from '../layout.ts';

export interface PaperContent {
  kicker: string;
  title: string;
}

export interface Paper {
  graphics: Phaser.GameObjects.Graphics;
  /** Where the body (clauses or signatures) may start, below the title's rule. */
  bodyTop: number;
  /** Width inside the padding. */
  inner: number;
}

/** Paper, kicker, title and rule; `faded` greys the paper for an accord that was never signed. */
export function drawPaper(scene: Phaser.Scene, box: Box, content: PaperContent, faded = false): Paper {
  const { padding } = DOCUMENT;
  const g = scene.add.graphics();
  g.fillStyle(COLOURS.shadow, 0.55);
  g.fillRoundedRect(box.x + DOCUMENT.shadowOffset, box.y + DOCUMENT.shadowOffset, box.width, box.height, DOCUMENT.radius);
  g.fillStyle(faded ? 0xd9d5cc : COLOURS.paper, 1);
  g.fillRoundedRect(box.x, box.y, box.width, box.height, DOCUMENT.radius);

  const inner = box.width - 2 * padding;
  const kicker = scene.add.text(box.x + padding, box.y + padding, content.kicker.toUpperCase(), {
    fontFamily: FONTS.sans,
    fontSize: `${DOCUMENT.kickerSize}px`,
    fontStyle: 'bold',
    color: faded ? '#6b6252' : COLOURS.kicker,
  });
  const title = scene.add.text(box.x + padding, kicker.y + kicker.height + 10, content.title, {
    fontFamily: FONTS.serif,
    fontSize: `${DOCUMENT.titleSize}px`,
    color: COLOURS.ink,
    lineSpacing: 4,
    wordWrap: { width: inner, useAdvancedWrap: true },
  });
  // Long titles shrink until they take at most three lines.
  for (let size = DOCUMENT.titleSize - 2; title.height > DOCUMENT.titleSize * 4 && size >= 18; size -= 2) title.setFontSize(size);
  const rule = title.y + title.height + DOCUMENT.ruleGap;
  g.fillStyle(COLOURS.inkLine, 1);
  g.fillRect(box.x + padding, rule, inner, 2);
  return { graphics: g, bodyTop: rule + DOCUMENT.ruleGap, inner };
}

/** One numbered clause per number, grey lines standing in for text, between `top` and `bottom`. */
export function drawClauses(scene: Phaser.Scene, paper: Paper, box: Box, top: number, bottom: number, clauses: readonly number[]): void {
  const count = clauses.length;
  const clauseHeight = count > 0 ? Math.min(DOCUMENT.clauseMaxHeight, (bottom - top) / count) : 0;
  const lines = Math.floor((clauseHeight - DOCUMENT.clauseGap) / DOCUMENT.lineStep);
  if (lines < 1) return;
  const g = paper.graphics;
  g.fillStyle(COLOURS.inkLine, 1);
  const textX = box.x + DOCUMENT.padding + DOCUMENT.numeralWidth;
  const textWidth = paper.inner - DOCUMENT.numeralWidth;
  clauses.forEach((number, i) => {
    const clauseTop = top + i * clauseHeight;
    scene.add.text(box.x + DOCUMENT.padding, clauseTop - 5, `${number}.`, {
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

/** A wax seal centred on (x, y), as a container so it can be stamped in. */
export function drawSeal(scene: Phaser.Scene, x: number, y: number, radius = DOCUMENT.sealRadius): Phaser.GameObjects.Container {
  const g = scene.add.graphics();
  g.fillStyle(COLOURS.shadow, 0.25);
  g.fillCircle(2, 3, radius);
  g.fillStyle(COLOURS.seal, 1);
  g.fillCircle(0, 0, radius);
  g.lineStyle(2, COLOURS.sealRing, 0.9);
  g.strokeCircle(0, 0, radius - 7);
  const letter = scene.add
    .text(0, 0, 'A', { fontFamily: FONTS.serif, fontSize: `${radius}px`, color: COLOURS.sealText })
    .setOrigin(0.5);
  return scene.add.container(x, y, [g, letter]);
}
