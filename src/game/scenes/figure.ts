/**
 * A seated delegate drawn with Graphics, in local units (the table's edge at y = 0, up is
 * negative). Mood shows in the face and the posture: trust in the brows, the mouth and the tilt
 * of the head; patience in how the delegate sits — leaning in with forearms on the table, or
 * sitting back with arms folded. What the delegate looks like (face, hair, build, attire) comes
 * from the scenario (look.ts).
 */
import type Phaser from 'phaser';
import { STAGE_COLOURS } from '../layout.ts';
import { shade, tint, type Look } from './look.ts';

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

/** The figure drawn when a caller gives no look: the plain delegate in a suit. */
export function plainLook(tie: number): Look {
  return {
    face: 'oval', skin: STAGE_COLOURS.skin, hair: 'short', hairColour: STAGE_COLOURS.hair, beard: 'none', glasses: false,
    build: 'medium', age: 'middle', attire: 'suit', attireColour: STAGE_COLOURS.suit, tie,
  };
}

const BUILD_WIDTH: Record<Look['build'], number> = { slim: 0.88, medium: 1, broad: 1.12 };
const FACE_SIZE: Record<Look['face'], readonly [number, number]> = { oval: [64, 76], round: [70, 72], long: [58, 82], square: [66, 76] };

/** Relative luminance 0–1 of a colour, to keep the eyes and mouth readable on any skin. */
function luminance(colour: number): number {
  return (0.2126 * ((colour >> 16) & 0xff) + 0.7152 * ((colour >> 8) & 0xff) + 0.0722 * (colour & 0xff)) / 255;
}

/** Where the head is, for the hair, the face and its features. */
interface Head {
  cx: number;
  cy: number;
  w: number;
  h: number;
  top: number;
}

/** Hair behind the face (the face drawn over it leaves a hairline). */
function hairBehind(g: Phaser.GameObjects.Graphics, look: Look, head: Head, shoulderY: number): void {
  const { cx, w, top } = head;
  g.fillStyle(look.hairColour, 1);
  switch (look.hair) {
    case 'short':
    case 'side-part':
      g.fillEllipse(cx, top + 22, w + 10, 60);
      break;
    case 'swept':
      g.fillEllipse(cx, top + 20, w + 14, 62);
      break;
    case 'crew':
      g.fillEllipse(cx, top + 18, w + 4, 44);
      break;
    case 'receding':
    case 'bald':
      // Only at the sides and back, above the ears.
      g.fillEllipse(cx - w * 0.44, head.cy - 6, 16, look.hair === 'bald' ? 26 : 36);
      g.fillEllipse(cx + w * 0.44, head.cy - 6, 16, look.hair === 'bald' ? 26 : 36);
      break;
    case 'curly':
      g.fillEllipse(cx, top + 20, w + 16, 62);
      for (let i = 0; i < 7; i++) {
        const a = Math.PI * (0.05 + (0.9 * i) / 6);
        g.fillCircle(cx - Math.cos(a) * (w / 2 + 4), top + 24 - Math.sin(a) * 28, 12);
      }
      break;
    case 'bob':
      g.fillRoundedRect(cx - w / 2 - 10, top - 8, w + 20, head.h * 0.9 + 8, { tl: 30, tr: 30, bl: 10, br: 10 });
      break;
    case 'long':
      g.fillRoundedRect(cx - w / 2 - 11, top - 8, w + 22, shoulderY + 34 - (top - 8), { tl: 30, tr: 30, bl: 12, br: 12 });
      break;
    case 'bun':
      g.fillCircle(cx, top - 6, 15);
      g.fillEllipse(cx, top + 20, w + 6, 56);
      break;
  }
}

/** Hair over the face: a fringe, a swept front, a part. */
function hairFront(g: Phaser.GameObjects.Graphics, look: Look, head: Head): void {
  const { cx, w, top } = head;
  g.fillStyle(look.hairColour, 1);
  switch (look.hair) {
    case 'side-part':
      g.fillEllipse(cx + 7, top + 6, w * 0.86, 18);
      g.lineStyle(2, shade(look.hairColour, 0.35), 1);
      g.lineBetween(cx - w * 0.18, top - 2, cx - w * 0.16, top + 8);
      break;
    case 'swept':
      g.fillEllipse(cx - 3, top + 3, w + 8, 24);
      g.fillEllipse(cx + w * 0.3, top + 7, 26, 16);
      break;
    case 'receding':
      g.fillStyle(look.hairColour, 0.45);
      g.fillEllipse(cx, top + 4, w * 0.6, 12);
      break;
    case 'curly':
      g.fillEllipse(cx, top + 5, w * 0.9, 16);
      break;
    case 'bob':
    case 'long':
      g.fillEllipse(cx - 8, top + 6, w * 0.8, 18);
      break;
    case 'bun':
    case 'short':
    case 'crew':
    case 'bald':
      break;
  }
}

/** The delegate (without the chair, which stays still while the delegate breathes), as `look` says. */
export function drawFigure(g: Phaser.GameObjects.Graphics, mood: Mood, tie: number, look: Look = plainLook(tie)): void {
  const t = clamp01(mood.trust / 100);
  const p = clamp01(mood.patience / 100);
  const folded = mood.patience < FOLDED_BELOW;
  // Leaning in (patient) brings the shoulders down and forward; sitting back raises them.
  const shoulderY = -122 + (p - 0.5) * 12;
  const headY = shoulderY - 56;
  // A wary delegate turns its head a little away.
  const tilt = (0.5 - t) * 8;
  const wide = BUILD_WIDTH[look.build];
  const x = (n: number) => n * wide;
  const cloth = look.attireColour;
  const clothEdge = tint(cloth, 0.1);
  const skinShade = shade(look.skin, 0.13);
  const features = luminance(look.skin) < 0.42 ? 0x1a120e : STAGE_COLOURS.face;

  // Torso: sloping shoulders down to the table.
  g.fillStyle(cloth, 1);
  polygon(g, [
    [-22, shoulderY - 6], [x(-58), shoulderY + 2], [x(-80), shoulderY + 12], [x(-90), shoulderY + 28], [x(-82), 0],
    [x(82), 0], [x(90), shoulderY + 28], [x(80), shoulderY + 12], [x(58), shoulderY + 2], [22, shoulderY - 6],
  ]);
  if (look.attire === 'sweater') {
    // A plain crew neck, ribbed.
    g.fillStyle(shade(cloth, 0.18), 1);
    g.fillEllipse(0, shoulderY - 3, 44, 16);
  } else {
    // Shirt, lapels, and a tie (suit) or an open collar.
    g.fillStyle(0xf1ede4, 1);
    g.fillTriangle(-21, shoulderY - 5, 21, shoulderY - 5, 0, shoulderY + 52);
    if (look.attire === 'suit') {
      g.fillStyle(look.tie, 1);
      g.fillTriangle(-7, shoulderY - 2, 7, shoulderY - 2, 0, shoulderY + 9);
      polygon(g, [[-5, shoulderY + 8], [5, shoulderY + 8], [9, shoulderY + 62], [0, shoulderY + 72], [-9, shoulderY + 62]]);
    } else {
      g.fillStyle(skinShade, 1);
      g.fillTriangle(-8, shoulderY - 5, 8, shoulderY - 5, 0, shoulderY + 14);
      g.fillStyle(0xe2ddd2, 1);
      g.fillTriangle(-14, shoulderY - 6, -4, shoulderY - 6, -10, shoulderY + 8);
      g.fillTriangle(14, shoulderY - 6, 4, shoulderY - 6, 10, shoulderY + 8);
    }
    g.lineStyle(3, clothEdge, 1);
    g.lineBetween(-21, shoulderY - 5, 0, shoulderY + 52);
    g.lineBetween(21, shoulderY - 5, 0, shoulderY + 52);
  }

  // Neck, ears, hair, face: the face drawn over the hair leaves a hairline.
  const [fw, fh] = FACE_SIZE[look.face];
  const head: Head = { cx: tilt, cy: headY + 4, w: fw, h: fh, top: headY + 4 - fh / 2 };
  hairBehind(g, look, head, shoulderY);
  g.fillStyle(skinShade, 1);
  g.fillRect(-12, headY + 26, 24, shoulderY - headY - 24);
  g.fillEllipse(tilt - fw / 2 - 1, headY + 6, 11, 19);
  g.fillEllipse(tilt + fw / 2 + 1, headY + 6, 11, 19);
  g.fillStyle(look.skin, 1);
  if (look.face === 'square') g.fillRoundedRect(tilt - fw / 2, head.top, fw, fh, 22);
  else g.fillEllipse(tilt, head.cy, fw, fh);
  hairFront(g, look, head);

  // A beard under the mouth; stubble as a shadow on the jaw.
  if (look.beard !== 'none') {
    if (look.beard === 'stubble') {
      g.fillStyle(look.hairColour, 0.2);
      g.fillEllipse(tilt, head.cy + fh * 0.33, fw * 0.8, fh * 0.36);
    } else {
      g.fillStyle(look.hairColour, 1);
      g.fillEllipse(tilt, head.cy + fh * 0.31, fw * 0.82, fh * 0.4);
    }
  }

  // Brows slant down toward the nose when trust is low; the mouth curves with trust.
  const eyeY = headY + 4;
  const brow = (0.5 - t) * 8;
  g.fillStyle(features, 1);
  g.fillCircle(tilt - 13, eyeY, 3.5);
  g.fillCircle(tilt + 13, eyeY, 3.5);
  g.lineStyle(3, features, 1);
  g.lineBetween(tilt - 21, eyeY - 10 - brow, tilt - 7, eyeY - 10 + brow);
  g.lineBetween(tilt + 7, eyeY - 10 + brow, tilt + 21, eyeY - 10 - brow);
  g.lineStyle(2, skinShade, 1);
  g.lineBetween(tilt + 1, eyeY + 4, tilt - 2, eyeY + 13);
  if (look.age === 'older') {
    // Lines: the forehead and from the nose to the mouth.
    g.lineStyle(1.5, skinShade, 1);
    g.lineBetween(tilt - 12, eyeY - 20, tilt + 12, eyeY - 20);
    g.lineBetween(tilt - 10, eyeY + 14, tilt - 15, eyeY + 24);
    g.lineBetween(tilt + 10, eyeY + 14, tilt + 15, eyeY + 24);
  }
  if (look.glasses) {
    g.lineStyle(2.5, 0x24201e, 1);
    g.strokeCircle(tilt - 13, eyeY, 9);
    g.strokeCircle(tilt + 13, eyeY, 9);
    g.lineBetween(tilt - 4, eyeY - 1, tilt + 4, eyeY - 1);
    g.lineBetween(tilt - 22, eyeY - 2, tilt - fw / 2, eyeY - 4);
    g.lineBetween(tilt + 22, eyeY - 2, tilt + fw / 2, eyeY - 4);
  }
  const mouthY = headY + 25;
  const curve = (t - 0.5) * 14;
  g.lineStyle(3, look.beard === 'short' ? tint(look.skin, 0.1) : features, 1);
  g.beginPath();
  g.moveTo(tilt - 12, mouthY - curve * 0.3);
  for (let i = 1; i <= 8; i++) {
    const u = i / 8;
    g.lineTo(tilt - 12 + 24 * u, mouthY - curve * 0.3 + curve * 4 * u * (1 - u));
  }
  g.strokePath();

  if (folded) {
    // Sitting back, arms folded across the chest.
    limb(g, x(-80), shoulderY + 26, x(-72), shoulderY + 80, 26, cloth);
    limb(g, x(80), shoulderY + 26, x(72), shoulderY + 80, 26, cloth);
    limb(g, x(-72), shoulderY + 82, x(54), shoulderY + 74, 24, clothEdge);
    limb(g, x(72), shoulderY + 90, x(-54), shoulderY + 84, 24, cloth);
    g.fillStyle(look.skin, 1);
    g.fillEllipse(x(62), shoulderY + 72, 20, 16);
    g.fillEllipse(x(-62), shoulderY + 84, 20, 16);
    return;
  }
  // Leaning in: upper arms down to the elbows, forearms on the table, hands nearer the more
  // patient the delegate is.
  const reach = 34 - p * 18;
  for (const side of [-1, 1]) {
    limb(g, side * x(82), shoulderY + 26, side * x(94), -10, 26, cloth);
    limb(g, side * x(94), -10, side * (reach + 10), -12, 24, cloth);
    g.fillStyle(look.skin, 1);
    g.fillEllipse(side * reach, -12, 22, 18);
  }
}
