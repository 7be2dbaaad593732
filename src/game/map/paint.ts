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

/** Project a line, and report whether any part of it falls inside the drawing (with slack). */
function tracePath(path: Path2D, line: Line, projection: Projection, close: boolean, view: Bounds): boolean {
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
  path.moveTo(points[0]!, points[1]!);
  for (let i = 2; i < points.length; i += 2) path.lineTo(points[i]!, points[i + 1]!);
  if (close) path.closePath();
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

export function paintMap(ctx: CanvasRenderingContext2D, geography: Geography, projection: Projection, options: PaintOptions): void {
  const { width, height, palette } = options;
  const lineScale = options.lineScale ?? 1;
  const slack = 40;
  const view: Bounds = { minX: -slack, minY: -slack, maxX: width + slack, maxY: height + slack };

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
      for (const ring of polygon) {
        if (tracePath(path, ring, projection, true, view)) tracePath(all, ring, projection, true, view);
      }
    }
  }
  ctx.save();
  ctx.shadowColor = palette.landShadow;
  ctx.shadowBlur = 14 * lineScale;
  ctx.shadowOffsetY = 3 * lineScale;
  ctx.fillStyle = palette.land[0]!;
  ctx.fill(all, 'evenodd');
  ctx.restore();
  tones.forEach((path, i) => {
    ctx.fillStyle = palette.land[i]!;
    ctx.fill(path, 'evenodd');
  });

  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const coasts = new Path2D();
  for (const line of geography.coasts) tracePath(coasts, line, projection, false, view);
  ctx.strokeStyle = palette.coast;
  ctx.lineWidth = 1.2 * lineScale;
  ctx.stroke(coasts);

  const borders = new Path2D();
  for (const line of geography.borders) tracePath(borders, line, projection, false, view);
  ctx.strokeStyle = palette.border;
  ctx.lineWidth = 1 * lineScale;
  ctx.setLineDash([4 * lineScale, 3 * lineScale]);
  ctx.stroke(borders);
  ctx.setLineDash([]);
}
