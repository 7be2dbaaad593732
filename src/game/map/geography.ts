/**
 * Natural Earth countries (world-atlas TopoJSON) as plain lon/lat rings and lines, ready to
 * project. Pure: no Phaser, no DOM.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Position } from 'geojson';

/** A ring or line of [lon, lat] pairs, in degrees. */
export type Line = readonly Position[];

export interface Country {
  /** ISO 3166-1 numeric code as a string, e.g. "756" for Switzerland. */
  id: string;
  name: string;
  /** Polygons, each an outer ring followed by its holes. */
  polygons: Line[][];
}

export interface Geography {
  countries: Country[];
  /** Borders between two countries, each drawn once. */
  borders: Line[];
  /** Coastlines: edges of a country with the sea. */
  coasts: Line[];
}

function isTopology(data: unknown): data is Topology<{ countries: GeometryCollection<{ name?: string }> }> {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { type?: unknown; objects?: { countries?: { type?: unknown } }; arcs?: unknown };
  return d.type === 'Topology' && Array.isArray(d.arcs) && d.objects?.countries?.type === 'GeometryCollection';
}

/**
 * Keep a ring or line continuous across the antimeridian: each longitude is moved by ±360°
 * to stay within 180° of the one before (Natural Earth cuts Russia and Fiji at 180°).
 */
export function unwrap(line: Line): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let previous: number | null = null;
  for (const [lon, lat] of line) {
    if (lon === undefined || lat === undefined) continue;
    if (previous !== null) {
      const d = lon + shift - previous;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    previous = lon + shift;
    out.push([previous, lat]);
  }
  return out;
}

const parsed = new WeakMap<object, Geography | null>();

/**
 * {@link geographyOf}, once per file: main.ts parses the title's map as soon as it arrives,
 * while Phaser is still downloading, and the Atlas then finds it done.
 */
export function geographyOnce(data: unknown): Geography | null {
  if (typeof data !== 'object' || data === null) return null;
  if (!parsed.has(data)) parsed.set(data, geographyOf(data));
  return parsed.get(data) ?? null;
}

/** Read a world-atlas `countries-*.json` topology; null if it is not one. */
export function geographyOf(data: unknown): Geography | null {
  if (!isTopology(data)) return null;
  const object = data.objects.countries;
  const collection = feature(data, object);
  const countries: Country[] = [];
  for (const f of collection.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    countries.push({
      id: String(f.id ?? ''),
      name: f.properties?.name ?? '',
      polygons: polygons.map((rings) => rings.map(unwrap)),
    });
  }
  const borders = mesh(data, object, (a, b) => a !== b).coordinates.map(unwrap);
  const coasts = mesh(data, object, (a, b) => a === b).coordinates.map(unwrap);
  return { countries, borders, coasts };
}
