/**
 * A Mercator projection fitted to a set of places: the smallest region that holds them all,
 * widened to a minimum span and to the drawing's aspect, then centred inside margins.
 * Pure: no Phaser, no DOM.
 */

export interface LonLat {
  lon: number;
  lat: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Projection {
  /** Pixels per radian of longitude. */
  readonly scale: number;
  /** Screen position of a place, in the drawing's pixels (y down). */
  project(lon: number, lat: number): Point;
  /** The place at a screen position. */
  invert(x: number, y: number): LonLat;
}

/** Mercator runs to infinity at the poles; the map never needs more than this. */
const MAX_LAT = 85;
const RAD = Math.PI / 180;

/** Mercator's y for a latitude in degrees (north positive), in radians of longitude. */
export function mercatorY(lat: number): number {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * RAD;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

function latitudeOf(y: number): number {
  return (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;
}

/**
 * Fit `places` into a `width` × `height` drawing with `margins` kept clear (for labels, the date
 * card, the ticker). The region spans at least `minSpan` degrees of longitude so a cluster of
 * nearby places still shows its surroundings, and is drawn at most `maxPxPerDegree` pixels a
 * degree so a large window shows more of the region rather than the same few towns larger.
 */
export function fitMercator(places: readonly LonLat[], width: number, height: number, margins: Margins, minSpan: number, maxPxPerDegree = Infinity): Projection {
  const xs = places.map((p) => p.lon * RAD);
  const ys = places.map((p) => -mercatorY(p.lat));
  let x0 = xs.length ? Math.min(...xs) : 0;
  let x1 = xs.length ? Math.max(...xs) : 0;
  let y0 = ys.length ? Math.min(...ys) : 0;
  let y1 = ys.length ? Math.max(...ys) : 0;
  const innerW = Math.max(1, width - margins.left - margins.right);
  const innerH = Math.max(1, height - margins.top - margins.bottom);
  // Widen to the minimum span, then to the inner box's aspect, keeping the centre.
  const min = minSpan * RAD;
  const grow = (lo: number, hi: number, span: number): [number, number] => {
    const mid = (lo + hi) / 2;
    const half = Math.max(hi - lo, span) / 2;
    return [mid - half, mid + half];
  };
  [x0, x1] = grow(x0, x1, min);
  [y0, y1] = grow(y0, y1, min * (innerH / innerW));
  const scale = Math.min(innerW / (x1 - x0), innerH / (y1 - y0), maxPxPerDegree / RAD);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const ox = margins.left + innerW / 2;
  const oy = margins.top + innerH / 2;
  return {
    scale,
    project(lon, lat) {
      return { x: ox + (lon * RAD - cx) * scale, y: oy + (-mercatorY(lat) - cy) * scale };
    },
    invert(x, y) {
      return { lon: ((x - ox) / scale + cx) / RAD, lat: latitudeOf(-((y - oy) / scale + cy)) };
    },
  };
}

/**
 * A gentle arc from `a` to `b` (a quadratic Bézier bowed to the north, like a flight path),
 * and the point a share `t` (0–1) of the way along it.
 */
export function arcPoint(a: Point, b: Point, t: number, bend = 0.18): Point {
  const c = arcControl(a, b, bend);
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** The control point of the arc from `a` to `b`: off the midpoint, on the upper side. */
export function arcControl(a: Point, b: Point, bend = 0.18): Point {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // The perpendicular to (dx, dy) that points up the screen.
  const [px, py] = dx >= 0 ? [dy, -dx] : [-dy, dx];
  return { x: mx + px * bend, y: my + py * bend };
}
