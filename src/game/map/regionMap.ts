/**
 * A scenario's region as the Map and Briefing scenes draw it: the painted geography (one
 * texture), the travel routes, the venues with their names and the parties based there.
 * Drawn once in `create()` and, with the Canvas renderer, baked into images: nothing here changes
 * per frame.
 */
import Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema.ts';
import { FONTS, MAP, STAGE_COLOURS } from '../layout.ts';
import type { Atlas } from './atlas.ts';
import { placeLabels, type Rect } from './labels.ts';
import { arcPoint, type Margins, type Point, type Projection } from './projection.ts';
import { bakeStill } from '../scenes/still.ts';

/** Drawing order on the map, bottom to top. */
export const DEPTH = { routes: 1, journeys: 2, markers: 3, labels: 4, pulses: 5, tokens: 6, hud: 10 } as const;

export interface RegionOptions {
  width: number;
  height: number;
  margins: Margins;
  /** The least span of longitude shown (default `MAP.minSpanDegrees`). */
  minSpanDegrees?: number;
  /** Where labels may go (stage pixels). */
  labelBounds: Rect;
  /** Areas labels should keep off (cards, the ticker). */
  obstacles: readonly Rect[];
  /** Room kept above each venue for a row of this many envoy tokens. */
  tokenRows: ReadonlyMap<string, number>;
}

export interface PartyColour {
  css: string;
  value: number;
}

/** Each party's display colour: its own, or one from the fallback set. */
export function partyColours(scenario: Scenario): Map<string, PartyColour> {
  return new Map(
    scenario.parties.map((p, i) => {
      const css = p.colour ?? STAGE_COLOURS.fallbackParty[i % STAGE_COLOURS.fallbackParty.length]!;
      return [p.id, { css, value: Phaser.Display.Color.HexStringToColor(css).color }];
    }),
  );
}

export class RegionMap {
  readonly projection: Projection;
  /** Each venue's marker, in stage pixels. */
  readonly venues = new Map<string, Point>();

  constructor(
    private readonly scene: Phaser.Scene,
    atlas: Atlas,
    private readonly scenario: Scenario,
    private readonly options: RegionOptions,
  ) {
    const map = atlas.paint(scene, {
      id: scenario.id,
      places: scenario.venues,
      width: options.width,
      height: options.height,
      margins: options.margins,
      minSpanDegrees: options.minSpanDegrees ?? MAP.minSpanDegrees,
      maxPxPerDegree: MAP.maxPxPerDegree,
      fineAbovePxPerDegree: MAP.fineAbovePxPerDegree,
      palette: {
        seaTop: STAGE_COLOURS.seaTop,
        seaBottom: STAGE_COLOURS.seaBottom,
        graticule: STAGE_COLOURS.graticule,
        land: STAGE_COLOURS.land,
        border: STAGE_COLOURS.border,
        coast: STAGE_COLOURS.coast,
        landShadow: STAGE_COLOURS.landShadow,
      },
      graticule: true,
    });
    this.projection = map.projection;
    const geography = scene.add.image(0, 0, map.textureKey).setOrigin(0);
    for (const v of scenario.venues) this.venues.set(v.id, map.projection.project(v.lon, v.lat));
    const routes = this.drawRoutes();
    const markers = this.drawMarkers();
    const labels = this.drawLabels();
    // Nothing here changes until the scene redraws: the geography with the routes as one image,
    // the markers with the labels as another (Canvas renderer; see still.ts). Envoys' journeys
    // still pass between the routes and the markers.
    bakeStill(scene, [geography, routes], { x: 0, y: 0, width: options.width, height: options.height });
    const r = MAP.markerHalo + 2;
    const boxes = [
      ...[...this.venues.values()].map((p) => ({ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r })),
      ...labels.map((l) => ({ x0: l.container.x, y0: l.container.y, x1: l.container.x + l.width, y1: l.container.y + l.height })),
    ];
    if (boxes.length > 0) {
      const x0 = Math.floor(Math.min(...boxes.map((b) => b.x0)));
      const y0 = Math.floor(Math.min(...boxes.map((b) => b.y0)));
      const area = { x: x0, y: y0, width: Math.ceil(Math.max(...boxes.map((b) => b.x1)) - x0), height: Math.ceil(Math.max(...boxes.map((b) => b.y1)) - y0) };
      bakeStill(scene, [markers, ...labels.map((l) => l.container)], area, DEPTH.markers);
    }
  }

  /** The point a share `t` of the way along the route from one venue to another. */
  along(from: string, to: string, t: number): Point {
    const a = this.venues.get(from) ?? { x: 0, y: 0 };
    const b = this.venues.get(to) ?? a;
    return arcPoint(a, b, t);
  }

  /** Faint arcs for every travel link. */
  private drawRoutes(): Phaser.GameObjects.Graphics {
    const g = this.scene.add.graphics().setDepth(DEPTH.routes);
    g.lineStyle(MAP.routeWidth, STAGE_COLOURS.route, 0.22);
    for (const r of this.scenario.travel) {
      const a = this.venues.get(r.from);
      const b = this.venues.get(r.to);
      if (!a || !b) continue;
      g.beginPath();
      g.moveTo(a.x, a.y);
      for (let i = 1; i <= 32; i++) {
        const p = arcPoint(a, b, i / 32);
        g.lineTo(p.x, p.y);
      }
      g.strokePath();
    }
    return g;
  }

  private drawMarkers(): Phaser.GameObjects.Graphics {
    const g = this.scene.add.graphics().setDepth(DEPTH.markers);
    for (const p of this.venues.values()) {
      g.fillStyle(STAGE_COLOURS.halo, 0.16);
      g.fillCircle(p.x, p.y, MAP.markerHalo);
      g.fillStyle(STAGE_COLOURS.markerEdge, 1);
      g.fillCircle(p.x, p.y, MAP.markerRadius + 2);
      g.fillStyle(STAGE_COLOURS.marker, 1);
      g.fillCircle(p.x, p.y, MAP.markerRadius);
    }
    return g;
  }

  /** Where the markers and the token rows above them are, for labels to avoid. */
  private markRects(): Rect[] {
    const rects: Rect[] = [];
    for (const [id, p] of this.venues) {
      const r = MAP.markerHalo;
      rects.push({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
      const tokens = this.options.tokenRows.get(id) ?? 0;
      if (tokens > 0) {
        const w = (tokens - 1) * MAP.tokenSpacing + 2 * MAP.tokenRadius + 4;
        rects.push({ x: p.x - w / 2, y: p.y - MAP.tokenLift - MAP.tokenRadius - 2, width: w, height: 2 * MAP.tokenRadius + 4 });
      }
    }
    return rects;
  }

  private drawLabels(): { container: Phaser.GameObjects.Container; width: number; height: number }[] {
    const colours = partyColours(this.scenario);
    const pad = 7;
    const built = this.scenario.venues.map((v) => {
      const name = this.scene.add.text(pad, pad - 1, v.name, {
        fontFamily: FONTS.sans,
        fontSize: `${MAP.labelSize}px`,
        fontStyle: 'bold',
        color: STAGE_COLOURS.label,
      });
      const parts: Phaser.GameObjects.GameObject[] = [name];
      let y = name.y + name.height;
      let width = name.width;
      const swatches = this.scene.add.graphics();
      for (const party of this.scenario.parties.filter((p) => p.home === v.id)) {
        const colour = colours.get(party.id)!;
        const text = this.scene.add.text(pad + MAP.partySwatch + 6, y + 1, party.name, {
          fontFamily: FONTS.sans,
          fontSize: `${MAP.partySize}px`,
          color: STAGE_COLOURS.muted,
        });
        swatches.fillStyle(colour.value, 1);
        swatches.fillRoundedRect(pad, y + 1 + (text.height - MAP.partySwatch) / 2, MAP.partySwatch, MAP.partySwatch, 2);
        parts.push(text);
        width = Math.max(width, MAP.partySwatch + 6 + text.width);
        y += text.height;
      }
      const plate = this.scene.add.graphics();
      const w = Math.ceil(width + 2 * pad);
      const h = Math.ceil(y + pad - 2);
      plate.fillStyle(STAGE_COLOURS.card, 0.82);
      plate.fillRoundedRect(0, 0, w, h, 5);
      plate.lineStyle(1, STAGE_COLOURS.cardEdge, 0.9);
      plate.strokeRoundedRect(0.5, 0.5, w - 1, h - 1, 5);
      const container = this.scene.add.container(0, 0, [plate, swatches, ...parts]).setDepth(DEPTH.labels);
      return { venue: v, container, width: w, height: h };
    });
    const placed = placeLabels(
      built.map((b) => ({ anchor: this.venues.get(b.venue.id)!, width: b.width, height: b.height })),
      this.options.labelBounds,
      [...this.options.obstacles, ...this.markRects()],
      MAP.labelGap,
    );
    built.forEach((b, i) => b.container.setPosition(Math.round(placed[i]!.x), Math.round(placed[i]!.y)));
    return built;
  }
}
