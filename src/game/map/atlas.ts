/**
 * The loaded geography and the map textures painted from it. One Atlas per game, handed to the
 * scenes that draw maps; it parses each TopoJSON file once and paints each map once per size.
 */
import Phaser from 'phaser';
import { ASSETS, type AssetKey } from '../keys.ts';
import { geographyOnce, type Geography } from './geography.ts';
import { paintMap, type MapPalette } from './paint.ts';
import { fitMercator, type LonLat, type Margins, type Projection } from './projection.ts';

export interface MapRequest {
  /** Names the region, e.g. the scenario id; part of the texture's key. */
  id: string;
  places: readonly LonLat[];
  width: number;
  height: number;
  margins: Margins;
  minSpanDegrees: number;
  /** The most pixels a degree of longitude may take. */
  maxPxPerDegree?: number;
  /** Above this many pixels per degree the finer countries are drawn. */
  fineAbovePxPerDegree: number;
  palette: MapPalette;
  graticule: boolean;
}

export interface PaintedMap {
  textureKey: string;
  projection: Projection;
  /** Which countries file was drawn. */
  source: AssetKey;
}

/** Map textures kept at once (a resize paints a new one; older ones are dropped). */
const KEEP_TEXTURES = 4;

export class Atlas {
  private readonly parsed = new Map<AssetKey, Geography | null>();
  private readonly painted = new Map<string, PaintedMap>();

  /** The geography of a loaded countries file, parsed on first use; null if missing or invalid. */
  geography(cache: Phaser.Cache.BaseCache, key: AssetKey): Geography | null {
    if (!this.parsed.has(key)) this.parsed.set(key, cache.exists(key) ? geographyOnce(cache.get(key)) : null);
    return this.parsed.get(key) ?? null;
  }

  /** A texture of the region holding `request.places`, painted once per region, size and palette. */
  paint(scene: Phaser.Scene, request: MapRequest): PaintedMap {
    const width = Math.max(1, Math.round(request.width));
    const height = Math.max(1, Math.round(request.height));
    const projection = fitMercator(request.places, width, height, request.margins, request.minSpanDegrees, request.maxPxPerDegree);
    const pxPerDegree = (projection.scale * Math.PI) / 180;
    const fine = pxPerDegree > request.fineAbovePxPerDegree;
    const source = fine && scene.cache.json.exists(ASSETS.countriesFine) ? ASSETS.countriesFine : ASSETS.countriesCoarse;
    const textureKey = `map:${request.id}:${width}x${height}:${request.palette.land.join('')}:${request.graticule ? 'g' : ''}:${source}`;
    const known = this.painted.get(textureKey);
    if (known && scene.textures.exists(textureKey)) return known;

    const texture = scene.textures.createCanvas(textureKey, width, height);
    const ctx = texture?.getContext();
    const geography = this.geography(scene.cache.json, source);
    if (texture && ctx) {
      if (geography) paintMap(ctx, geography, projection, { width, height, palette: request.palette, graticule: request.graticule, lineScale: fine ? 1.2 : 1 });
      else {
        ctx.fillStyle = request.palette.seaBottom;
        ctx.fillRect(0, 0, width, height);
      }
      texture.refresh();
    }
    const map: PaintedMap = { textureKey, projection, source };
    this.painted.set(textureKey, map);
    this.forgetOld(scene.textures, textureKey);
    return map;
  }

  private forgetOld(textures: Phaser.Textures.TextureManager, keep: string): void {
    for (const key of [...this.painted.keys()]) {
      if (this.painted.size <= KEEP_TEXTURES) break;
      if (key === keep) continue;
      this.painted.delete(key);
      // Only one scene shows a map at a time, and it has just asked for `keep`: the rest are unused.
      if (textures.exists(key)) textures.remove(key);
    }
  }
}
