/**
 * Paint the geography once onto a 2D canvas (which becomes a Phaser texture): sea, graticule,
 * countries filled in calm tones, borders and coasts. Nothing here runs per frame.
 */
import type { Geography, Line } from './geography.ts';
import type { Projection } from './projection.ts';

export interface MapPalette {
  seaTop: string;
  seaBottom: string;
  graticule: string;
  /** Country fills, chosen per country so neighbours differ a little. */
  land: readonly string[];
  border: string;
  coast: string;
  /** Soft shadow under the land, for depth. */
  landShadow: string;
}

export interface PaintOptions {
  width: number;
  height: number;
  palette: MapPalette;
  /** Draw parallels and meridians. */
  graticule: boolean;
  /** Scale of line widths (1 at full detail). */
  lineScale?: number;
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The lon/lat box a drawing shows (Mercator keeps longitude and latitude each in order on screen). */
interface DegreeBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The drawing's box, with slack, in degrees: lines wholly outside it are not projected at all. */
function viewWindow(projection: Projection, view: Bounds): DegreeBox {
  const nw = projection.invert(view.minX, view.minY);
  const se = projection.invert(view.maxX, view.maxY);
  return { west: nw.lon, east: se.lon, south: se.lat, north: nw.lat };
}

/** Whether a line's box in degrees overlaps the drawing's. */
function mayShow(line: Line, box: DegreeBox): boolean {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of line) {
    if (lon === undefined || lat === undefined) continue;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return east >= box.west && west <= box.east && north >= box.south && south <= box.north;
}

/**
 * Project a line into each of `paths`, and report whether any part of it falls inside the
 * drawing (with slack). Lines whose box in degrees is outside the drawing are skipped unprojected.
 */
function tracePath(paths: readonly Path2D[], line: Line, projection: Projection, close: boolean, view: Bounds, box: DegreeBox): boolean {
  if (!mayShow(line, box)) return false;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const points: number[] = [];
  for (const [lon, lat] of line) {
    if (lon === undefined || lat === undefined) continue;
    const p = projection.project(lon, lat);
    points.push(p.x, p.y);
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  if (points.length < 4 || maxX < view.minX || minX > view.maxX || maxY < view.minY || minY > view.maxY) return false;
  for (const path of paths) {
    path.moveTo(points[0]!, points[1]!);
    for (let i = 2; i < points.length; i += 2) path.lineTo(points[i]!, points[i + 1]!);
    if (close) path.closePath();
  }
  return true;
}

/** A small stable hash of a country id, to pick its tone. */
function tone(id: string, tones: number): number {
  let h = 7;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % tones;
}

/** Degrees between graticule lines so they fall roughly every 90–200 px. */
export function graticuleStep(pixelsPerDegree: number): number {
  for (const step of [1, 2, 5, 10, 15, 20, 30]) if (step * pixelsPerDegree >= 90) return step;
  return 30;
}

/** The land's shadow is drawn at this fraction of the map's resolution, then scaled up. */
const SHADOW_SCALE = 4;
/** Far enough left that a path drawn there is off any canvas; its shadow is cast back over the map. */
const OFF_CANVAS = 100_000;

/**
 * A soft shadow under `land` (Canvas's shadowBlur, a Gaussian of half that deviation), offset
 * down by `drop`. A full-resolution blur of the whole land was the costliest step of painting a
 * map (about half the raster time of the title's); blurred at a quarter of the resolution and
 * scaled up, the shadow is as soft, at a sixteenth of the pixels. Only the shadow is drawn: the
 * land itself is painted over it.
 */
function paintShadow(ctx: Context2D, land: Path2D, colour: string, blur: number, drop: number, width: number, height: number): void {
  const small = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(Math.ceil(width / SHADOW_SCALE), Math.ceil(height / SHADOW_SCALE));
  const sctx = small?.getContext('2d');
  const target = small && sctx ? sctx : ctx;
  const scale = target === ctx ? 1 : SHADOW_SCALE;
  target.save();
  // The land is drawn off the canvas and only its shadow, cast back by the offset, lands on it.
  target.setTransform(1 / scale, 0, 0, 1 / scale, -OFF_CANVAS, 0);
  target.shadowColor = colour;
  target.shadowBlur = blur / scale;
  target.shadowOffsetX = OFF_CANVAS;
  target.shadowOffsetY = drop / scale;
  target.fillStyle = '#000';
  target.fill(land, 'evenodd');
  target.restore();
  // Scaled by exactly the factor it was drawn at (its size was rounded up to whole pixels).
  if (small && target !== ctx) ctx.drawImage(small, 0, 0, small.width * SHADOW_SCALE, small.height * SHADOW_SCALE);
}

/** A page canvas's 2D context, or an OffscreenCanvas's (the shadow's). */
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export function paintMap(ctx: Context2D, geography: Geography, projection: Projection, options: PaintOptions): void {
  const { width, height, palette } = options;
  const lineScale = options.lineScale ?? 1;
  const slack = 40;
  const view: Bounds = { minX: -slack, minY: -slack, maxX: width + slack, maxY: height + slack };
  const box = viewWindow(projection, view);

  const sea = ctx.createLinearGradient(0, 0, 0, height);
  sea.addColorStop(0, palette.seaTop);
  sea.addColorStop(1, palette.seaBottom);
  ctx.fillStyle = sea;
  ctx.fillRect(0, 0, width, height);

  if (options.graticule) {
    const pxPerDegree = (projection.scale * Math.PI) / 180;
    const step = graticuleStep(pxPerDegree);
    const west = projection.invert(0, 0).lon;
    const east = projection.invert(width, 0).lon;
    const north = projection.invert(0, 0).lat;
    const south = projection.invert(0, height).lat;
    const g = new Path2D();
    for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
      const x = projection.project(lon, 0).x;
      g.moveTo(x, 0);
      g.lineTo(x, height);
    }
    for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
      const y = projection.project(0, lat).y;
      g.moveTo(0, y);
      g.lineTo(width, y);
    }
    ctx.strokeStyle = palette.graticule;
    ctx.lineWidth = 1;
    ctx.stroke(g);
  }

  // Land: one path per tone, each country's polygons with holes (even-odd).
  const tones = palette.land.map(() => new Path2D());
  const all = new Path2D();
  for (const country of geography.countries) {
    const path = tones[tone(country.id, tones.length)]!;
    for (const polygon of country.polygons) {
      for (const ring of polygon) tracePath([path, all], ring, projection, true, view, box);
    }
  }
  paintShadow(ctx, all, palette.landShadow, 14 * lineScale, 3 * lineScale, width, height);
  tones.forEach((path, i) => {
    ctx.fillStyle = palette.land[i]!;
    ctx.fill(path, 'evenodd');
  });

  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const coasts = new Path2D();
  for (const line of geography.coasts) tracePath([coasts], line, projection, false, view, box);
  ctx.strokeStyle = palette.coast;
  ctx.lineWidth = 1.2 * lineScale;
  ctx.stroke(coasts);

  const borders = new Path2D();
  for (const line of geography.borders) tracePath([borders], line, projection, false, view, box);
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1 * lineScale;
  ctx.setLineDash([4 * lineScale, 3 * lineScale]);
  ctx.stroke(borders);
  ctx.setLineDash([]);
}
