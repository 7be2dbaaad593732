/**
 * A seated delegate drawn with Graphics, in local units (the table's edge at y = 0, up is
 * negative). Mood shows in the face and the posture: trust in the brows, the mouth and the tilt
 * of the head; patience in how the delegate sits — leaning in with forearms on the table, or
 * sitting back with arms folded.
 */
import type Phaser from 'phaser';
import { STAGE_COLOURS } from '../layout.ts';

export interface Mood {
  /** 0–100. */
  trust: number;
  /** 0–100. */
  patience: number;
}

/** Below this patience the delegate folds its arms. */
export const FOLDED_BELOW = 35;

/** Width of the figure (with its chair) in local units, for layout. */
export const FIGURE_WIDTH = 230;
/** Height above the table's edge, for layout. */
export const FIGURE_HEIGHT = 250;

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

/** The chair's back, behind the delegate or at an empty place. */
export function drawChair(g: Phaser.GameObjects.Graphics): void {
  g.fillStyle(0x2e2119, 1);
  g.fillRoundedRect(-96, -236, 192, 236, { tl: 34, tr: 34, bl: 0, br: 0 });
  g.fillStyle(0x47342a, 1);
  g.fillRoundedRect(-84, -224, 168, 224, { tl: 28, tr: 28, bl: 0, br: 0 });
  g.lineStyle(2, 0x5a4234, 1);
  g.strokeRoundedRect(-70, -208, 140, 190, { tl: 20, tr: 20, bl: 4, br: 4 });
}

/** Fill a closed polygon through `points` ([x, y] pairs) in the current fill style. */
function polygon(g: Phaser.GameObjects.Graphics, points: readonly (readonly [number, number])[]): void {
  g.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? g.moveTo(x, y) : g.lineTo(x, y)));
  g.closePath();
  g.fillPath();
}

function stroke(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, width: number, colour: number): void {
  g.lineStyle(width, colour, 1);
  g.lineBetween(x1, y1, x2, y2);
  g.fillStyle(colour, 1);
  g.fillCircle(x1, y1, width / 2);
  g.fillCircle(x2, y2, width / 2);
}

/** A sleeve: a thick stroke with rounded ends and a darker edge, so it stands off the jacket. */
function limb(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, width: number, colour: number): void {
  stroke(g, x1, y1, x2, y2, width + 4, SLEEVE_EDGE);
  stroke(g, x1, y1, x2, y2, width, colour);
}

const SLEEVE_EDGE = 0x1c222c;

/** The delegate (without the chair, which stays still while the delegate breathes). */
export function drawFigure(g: Phaser.GameObjects.Graphics, mood: Mood, tie: number): void {
  const t = clamp01(mood.trust / 100);
  const p = clamp01(mood.patience / 100);
  const folded = mood.patience < FOLDED_BELOW;
  // Leaning in (patient) brings the shoulders down and forward; sitting back raises them.
  const shoulderY = -122 + (p - 0.5) * 12;
  const headY = shoulderY - 56;
  // A wary delegate turns its head a little away.
  const tilt = (0.5 - t) * 8;
  const suit = STAGE_COLOURS.suit;

  // Torso: sloping shoulders down to the table.
  g.fillStyle(suit, 1);
  polygon(g, [
    [-22, shoulderY - 6], [-58, shoulderY + 2], [-80, shoulderY + 12], [-90, shoulderY + 28], [-82, 0],
    [82, 0], [90, shoulderY + 28], [80, shoulderY + 12], [58, shoulderY + 2], [22, shoulderY - 6],
  ]);
  // Shirt, tie in the party's colour, lapels.
  g.fillStyle(0xf1ede4, 1);
  g.fillTriangle(-21, shoulderY - 5, 21, shoulderY - 5, 0, shoulderY + 52);
  g.fillStyle(tie, 1);
  g.fillTriangle(-7, shoulderY - 2, 7, shoulderY - 2, 0, shoulderY + 9);
  polygon(g, [[-5, shoulderY + 8], [5, shoulderY + 8], [9, shoulderY + 62], [0, shoulderY + 72], [-9, shoulderY + 62]]);
  g.lineStyle(3, STAGE_COLOURS.suitEdge, 1);
  g.lineBetween(-21, shoulderY - 5, 0, shoulderY + 52);
  g.lineBetween(21, shoulderY - 5, 0, shoulderY + 52);

  // Neck, ears, hair, face: the face drawn over the hair leaves a hairline.
  g.fillStyle(STAGE_COLOURS.skinShade, 1);
  g.fillRect(-12, headY + 26, 24, shoulderY - headY - 24);
  g.fillEllipse(tilt - 33, headY + 6, 11, 19);
  g.fillEllipse(tilt + 33, headY + 6, 11, 19);
  g.fillStyle(STAGE_COLOURS.hair, 1);
  g.fillEllipse(tilt, headY - 10, 74, 64);
  g.fillStyle(STAGE_COLOURS.skin, 1);
  g.fillEllipse(tilt, headY + 4, 64, 76);

  // Brows slant down toward the nose when trust is low; the mouth curves with trust.
  const eyeY = headY + 4;
  const brow = (0.5 - t) * 8;
  g.fillStyle(STAGE_COLOURS.face, 1);
  g.fillCircle(tilt - 13, eyeY, 3.5);
  g.fillCircle(tilt + 13, eyeY, 3.5);
  g.lineStyle(3, STAGE_COLOURS.face, 1);
  g.lineBetween(tilt - 21, eyeY - 10 - brow, tilt - 7, eyeY - 10 + brow);
  g.lineBetween(tilt + 7, eyeY - 10 + brow, tilt + 21, eyeY - 10 - brow);
  g.lineStyle(2, STAGE_COLOURS.skinShade, 1);
  g.lineBetween(tilt + 1, eyeY + 4, tilt - 2, eyeY + 13);
  const mouthY = headY + 25;
  const curve = (t - 0.5) * 14;
  g.lineStyle(3, STAGE_COLOURS.face, 1);
  g.beginPath();
  g.moveTo(tilt - 12, mouthY - curve * 0.3);
  for (let i = 1; i <= 8; i++) {
    const u = i / 8;
    g.lineTo(tilt - 12 + 24 * u, mouthY - curve * 0.3 + curve * 4 * u * (1 - u));
  }
  g.strokePath();

  if (folded) {
    // Sitting back, arms folded across the chest.
    limb(g, -80, shoulderY + 26, -72, shoulderY + 80, 26, suit);
    limb(g, 80, shoulderY + 26, 72, shoulderY + 80, 26, suit);
    limb(g, -72, shoulderY + 82, 54, shoulderY + 74, 24, STAGE_COLOURS.suitEdge);
    limb(g, 72, shoulderY + 90, -54, shoulderY + 84, 24, suit);
    g.fillStyle(STAGE_COLOURS.skin, 1);
    g.fillEllipse(62, shoulderY + 72, 20, 16);
    g.fillEllipse(-62, shoulderY + 84, 20, 16);
    return;
  }
  // Leaning in: upper arms down to the elbows, forearms on the table, hands nearer the more
  // patient the delegate is.
  const reach = 34 - p * 18;
  for (const side of [-1, 1]) {
    limb(g, side * 82, shoulderY + 26, side * 94, -10, 26, suit);
    limb(g, side * 94, -10, side * (reach + 10), -12, 24, suit);
    g.fillStyle(STAGE_COLOURS.skin, 1);
    g.fillEllipse(side * reach, -12, 22, 18);
  }
}
