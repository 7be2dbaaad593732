/**
 * Every layout number and colour of the title screen, in one place.
 * The DOM panel and the canvas both read these, so they never drift apart.
 */

/** Space around the page edge and between the panel and the drawing, in CSS pixels. */
export const MARGIN = 32;

/** The DOM panel (title, disclaimer, plan points) on the left. */
export const PANEL = {
  /** Share of the viewport width the panel takes, between `min` and `max`. */
  share: 0.46,
  min: 400,
  max: 580,
} as const;

/** The drawn draft document on the right of the canvas. */
export const DOCUMENT = {
  maxWidth: 460,
  minWidth: 240,
  /** Height as a multiple of width. */
  aspect: 1.28,
  padding: 32,
  radius: 6,
  shadowOffset: 10,
  kickerSize: 13,
  titleSize: 30,
  ruleGap: 20,
  /** Sketched clauses: numeral, then grey lines standing in for text. */
  numeralSize: 15,
  numeralWidth: 30,
  clauseMaxHeight: 88,
  clauseGap: 14,
  lineStep: 15,
  lineThickness: 6,
  sealRadius: 34,
} as const;

/** Loading bar shown by the Preloader. */
export const LOADING_BAR = { width: 320, height: 6 } as const;

export const FONTS = {
  serif: 'Georgia, "Times New Roman", serif',
  sans: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;

/** Colours as numbers (Phaser) and strings (Phaser text, CSS). */
export const COLOURS = {
  background: 0x0f1b2d,
  backgroundCss: '#0f1b2d',
  contour: 0x2a4263,
  paper: 0xf4efe3,
  shadow: 0x060c16,
  ink: '#15233b',
  inkLine: 0xc9c0ac,
  numeral: '#6b6252',
  kicker: '#7a5b1e',
  seal: 0x9b2c2c,
  sealRing: 0xe3b3a6,
  sealText: '#fbeee9',
  bar: 0xd9b45f,
  barTrack: 0x2a4263,
} as const;

/** Width of the DOM panel for a viewport width, in CSS pixels. */
export function panelWidth(viewportWidth: number): number {
  const wanted = Math.round(viewportWidth * PANEL.share);
  return Math.max(PANEL.min, Math.min(PANEL.max, wanted, viewportWidth - 2 * MARGIN));
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the draft document sits: centred in the space right of the panel, or null if there is no room. */
export function documentBox(viewportWidth: number, viewportHeight: number): Box | null {
  const left = MARGIN + panelWidth(viewportWidth) + MARGIN;
  const spaceX = viewportWidth - left - MARGIN;
  const spaceY = viewportHeight - 2 * MARGIN;
  const width = Math.min(DOCUMENT.maxWidth, spaceX, spaceY / DOCUMENT.aspect);
  if (width < DOCUMENT.minWidth) return null;
  const height = Math.round(width * DOCUMENT.aspect);
  return {
    x: Math.round(left + (spaceX - width) / 2),
    y: Math.round((viewportHeight - height) / 2),
    width: Math.round(width),
    height,
  };
}

/**
 * The play screen: a top bar (date, deadline, capital, main actions), the canvas stage on the
 * left (map or table), and the DOM side panel (plan, actions, answers, log) on the right.
 * Phaser scenes draw only inside `stage`; the DOM owns the rest. In CSS pixels.
 */
export const PLAY = {
  topBar: 56,
  side: { share: 0.4, min: 380, max: 560 },
  gap: 0,
} as const;

export interface PlayLayout {
  topBar: Box;
  side: Box;
  stage: Box;
}

export function playLayout(viewportWidth: number, viewportHeight: number): PlayLayout {
  const sideWidth = Math.max(PLAY.side.min, Math.min(PLAY.side.max, Math.round(viewportWidth * PLAY.side.share)));
  const below = viewportHeight - PLAY.topBar;
  return {
    topBar: { x: 0, y: 0, width: viewportWidth, height: PLAY.topBar },
    side: { x: viewportWidth - sideWidth, y: PLAY.topBar, width: sideWidth, height: below },
    stage: { x: 0, y: PLAY.topBar, width: viewportWidth - sideWidth, height: below },
  };
}
