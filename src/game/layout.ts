/**
 * Every layout number and colour of the title screen, in one place.
 * The DOM panel and the canvas both read these, so they never drift apart.
 */
import type { Margins } from './map/projection.ts';

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
  /** Below this width the top bar takes two rows (status, then the buttons), so nothing overlaps. */
  narrow: 600,
  topBarNarrow: 92,
  side: { share: 0.4, min: 380, max: 560 },
  gap: 0,
} as const;

export interface PlayLayout {
  topBar: Box;
  side: Box;
  stage: Box;
}

/**
 * Below `PLAY.narrow` (a phone) the side panel and the stage each take the whole width, one at
 * a time: the panel covers the stage until the player opens the map (playScreen.ts), since a
 * stage beside a 380 px panel would be a sliver.
 */
export function isPhoneWidth(viewportWidth: number): boolean {
  return viewportWidth < PLAY.narrow;
}

export function playLayout(viewportWidth: number, viewportHeight: number): PlayLayout {
  const narrow = isPhoneWidth(viewportWidth);
  const sideWidth = narrow ? viewportWidth : Math.max(PLAY.side.min, Math.min(PLAY.side.max, Math.round(viewportWidth * PLAY.side.share)));
  const bar = narrow ? PLAY.topBarNarrow : PLAY.topBar;
  const below = viewportHeight - bar;
  return {
    topBar: { x: 0, y: 0, width: viewportWidth, height: bar },
    side: { x: viewportWidth - sideWidth, y: bar, width: sideWidth, height: below },
    stage: { x: 0, y: bar, width: narrow ? viewportWidth : viewportWidth - sideWidth, height: below },
  };
}

/* ---- Canvas scenes: the map, the table, the ending and the title backdrop ------------------ */

/**
 * How the map of a stage `width` wide is fitted: the space kept clear around the venues and the
 * least span shown. The side margins leave room for a label beside an outer venue on a wide stage;
 * on a phone's 390 px they would leave the venues 200 px and crowd their labels over each other,
 * and there a label can as well go below or above.
 */
export function mapFit(width: number, extraBottom = 0): { margins: Margins; minSpanDegrees: number } {
  const phone = isPhoneWidth(width);
  const side = phone ? Math.round(width * MAP.narrowSideShare) : null;
  return {
    margins: { top: MAP.margins.top, bottom: MAP.margins.bottom + extraBottom, left: side ?? MAP.margins.left, right: side ?? MAP.margins.right },
    minSpanDegrees: phone ? MAP.narrowMinSpanDegrees : MAP.minSpanDegrees,
  };
}

/** The title backdrop: journeys drawn slowly between capitals, right of the DOM panel. */
export const TITLE = {
  mapInset: 48,
  dotRadius: 2.5,
  dotHalo: 6,
  arcWidth: 1.5,
  arcAlpha: 0.75,
  arcSteps: 48,
  drawMs: 2600,
  lingerMs: 2200,
  fadeMs: 1400,
  /** Time from one journey being fully drawn to the next one starting. */
  gapMs: 3400,
} as const;

/** The map of the region (Map and Briefing scenes), in CSS pixels of the stage. */
export const MAP = {
  /** Space kept clear around the venues when the map is fitted: the date card, labels, the ticker. */
  margins: { top: 104, right: 96, bottom: 78, left: 96 },
  /** The fitted region spans at least this many degrees of longitude. */
  minSpanDegrees: 7,
  /** On a phone the side margins are this share of the width, and the span shown this much less. */
  narrowSideShare: 0.08,
  narrowMinSpanDegrees: 5,
  /** …and is never drawn larger than this, so big windows show more of the region. */
  maxPxPerDegree: 60,
  /** Above this many pixels per degree the finer 1:50m countries are drawn (else 1:110m). */
  fineAbovePxPerDegree: 14,
  markerRadius: 6,
  markerHalo: 13,
  labelGap: 14,
  labelSize: 15,
  partySize: 12,
  partySwatch: 9,
  /** Envoy tokens: initials in a circle. */
  tokenRadius: 15,
  tokenFontSize: 12,
  tokenSpacing: 33,
  tokenLift: 26,
  tokenOutline: 2,
  routeWidth: 1.5,
  activeRouteWidth: 2.5,
  routeDash: 6,
  /** How fast a token travels on screen, and the bounds of one move, in ms. */
  travelMsPerPx: 4,
  travelMinMs: 700,
  travelMaxMs: 1800,
  arrivalPulseMs: 900,
} as const;

/** The briefing backdrop: the region, fitted right of the DOM briefing panel. */
/** The briefing's backdrop; the venues glow `glows` times, then rest. */
export const BRIEFING = { inset: 48, glowMs: 2400, glows: 3 } as const;

/** The date card in the map's top-left corner. */
export const DATE_CARD = { x: 16, y: 14, padding: 12, dateSize: 20, subSize: 13, radius: 8 } as const;

/** The envoys' legend in the map's top-right corner. */
export const LEGEND = { margin: 16, padding: 10, rowHeight: 24, nameSize: 13, maxWidth: 300, radius: 8 } as const;

/** The news ticker along the bottom of the stage. */
export const TICKER = {
  height: 38,
  labelWidth: 82,
  textSize: 15,
  labelSize: 12,
  pxPerSecond: 55,
  /** How long new news stands still, readable, before it scrolls. */
  holdMs: 4000,
  /** Space after the line before it comes round again. */
  gap: 40,
  items: 4,
  separator: '   •   ',
} as const;

/** The table scene: a party's figure behind its nameplate, its mood, and its last answer. */
export const TABLE = {
  /** Where the figure sits, as a share of the stage's width (less if the answer card needs room). */
  figureX: 0.34,
  /** The figure is drawn at most this much larger than its local units. */
  maxFigureScale: 2,
  /** The table's far edge, as a share of the stage's height. */
  tableTop: 0.64,
  nameplateWidth: 250,
  nameplateHeight: 64,
  nameSize: 20,
  leaderSize: 13,
  /** The mood card, top-left of the stage (the answer card mirrors it top-right). */
  mood: { x: 20, y: 18, padding: 14, radius: 8, textSize: 13, stateSize: 15 },
  gaugeWidth: 170,
  gaugeHeight: 8,
  gaugeGap: 34,
  moodMs: 700,
  breatheMs: 2600,
  /** Breaths (in and out) after the delegate sits down or anything at the table changes; then still. */
  breaths: 3,
  card: { width: 270, minWidth: 210, padding: 18, kickerSize: 12, headlineSize: 26, bodySize: 13, radius: 6, tilt: -0.015 },
  cardInMs: 450,
} as const;

/** The ending scene: the signed accord, or the unsigned one. */
export const ENDING = {
  signatureSize: 26,
  signerSize: 12,
  signatureGap: 16,
  signatureMs: 700,
  signatureDelayMs: 350,
  sealMs: 500,
  stampSize: 22,
} as const;

/** Colours of the canvas scenes (numbers for Phaser, strings for text and Canvas 2D). */
export const STAGE_COLOURS = {
  seaTop: '#13243b',
  seaBottom: '#0d1829',
  graticule: 'rgba(140, 170, 210, 0.10)',
  land: ['#2a3f5c', '#2d4461', '#283c57', '#304866'],
  border: 'rgba(196, 212, 236, 0.38)',
  coast: 'rgba(170, 196, 230, 0.55)',
  landShadow: 'rgba(3, 8, 16, 0.65)',
  /** The title backdrop's map: darker, behind the panel and the document. */
  dimLand: ['#1c2c43', '#1e2f47', '#1a2a40', '#203249'],
  dimBorder: 'rgba(150, 175, 210, 0.22)',
  dimCoast: 'rgba(140, 170, 210, 0.35)',
  accent: '#e0bd6a',
  route: 0x8fa7c8,
  marker: 0xe0bd6a,
  markerEdge: 0x0f1b2d,
  halo: 0xe0bd6a,
  label: '#f2f5fa',
  labelStroke: '#0b1523',
  muted: '#b8c4d6',
  card: 0x0f1b2d,
  cardEdge: 0x2f4a70,
  tickerBand: 0x0a1322,
  tickerLabel: 0xe0bd6a,
  tickerLabelText: '#14213d',
  tokenText: '#ffffff',
  tokenEdge: 0xf4efe3,
  fallbackParty: ['#5a4fcf', '#b7791f', '#2f855a', '#2c7a9b', '#c53030', '#805ad5'],
  wall: 0x1a2a40,
  wallLow: 0x14213a,
  panelLine: 0x223550,
  table: 0x5b3a24,
  tableEdge: 0x7a5034,
  tableShadow: 0x2c1b10,
  suit: 0x2b3442,
  suitEdge: 0x3a4656,
  skin: 0xd2a987,
  skinShade: 0xb88d6c,
  hair: 0x4a4a52,
  face: 0x3b2a22,
  good: 0x68b36b,
  fair: 0xe0bd6a,
  poor: 0xd0605e,
  gaugeTrack: 0x2a4263,
  accepted: '#2f7d4f',
  rejected: '#a33a36',
  stalled: '#9a6b14',
  absent: '#5e6b7d',
  unsigned: 0x8a8478,
} as const;
