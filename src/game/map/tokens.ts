/**
 * Envoy tokens on the map: initials in a circle of the mediator's colour, standing in a row above
 * their venue, or on their route while they travel. A change of place is a tween along the route
 * (or an instant move with reduced motion); nothing is computed per frame except by the tweens.
 */
import Phaser from 'phaser';
import type { EnvoyState } from '../../engine/commands.ts';
import { FONTS, MAP, STAGE_COLOURS } from '../layout.ts';
import type { EnvoyMark } from '../ready.ts';
import { envoyPlace, initials, rowOffsets, type EnvoyPlace } from './envoys.ts';
import type { Point } from './projection.ts';
import { DEPTH, type RegionMap } from './regionMap.ts';
import { StillGroup, bakeStill } from '../scenes/still.ts';

interface Token {
  id: string;
  /** The token as drawn: one image (Canvas renderer) or the disc and its initials in a container. */
  container: Phaser.GameObjects.Image | Phaser.GameObjects.Container;
  place: EnvoyPlace;
  tween: Phaser.Tweens.Tween | null;
}

/** How a token gets from where it is to its new place. */
interface Move {
  /** Along the arc from one venue to another, between two shares of it; null: straight. */
  arc: { from: string; to: string; t0: number; t1: number } | null;
}

const lerp = (a: number, b: number, u: number): number => a + (b - a) * u;

export class EnvoyTokens {
  private readonly tokens = new Map<string, Token>();
  private readonly routes: Phaser.GameObjects.Graphics;
  /** The journeys as one image, repainted when they change (Canvas renderer). */
  private readonly journeys: StillGroup;
  /** Envoys whose arrival was announced and not yet shown. */
  private readonly arrivals = new Set<string>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly region: RegionMap,
    private readonly colour: number,
    private readonly travelDays: (from: string, to: string) => number | null,
  ) {
    this.journeys = new StillGroup(scene, null, DEPTH.journeys);
    this.routes = scene.add.graphics();
    this.journeys.layer.add(this.routes);
  }

  /** An 'envoy.arrived' notice: pulse the venue when the token gets there. */
  arrived(envoy: string): void {
    this.arrivals.add(envoy);
  }

  /** Bring the tokens to the view's places, moving them along their routes when `animate`. */
  sync(envoys: readonly EnvoyState[], day: number, animate: boolean): void {
    const places = envoys.map((e) => envoyPlace(e, day, this.travelDays));
    const targets = this.targets(places);
    for (const [i, envoy] of envoys.entries()) {
      const place = places[i]!;
      const target = targets.get(envoy.id)!;
      let token = this.tokens.get(envoy.id);
      if (!token) {
        token = { id: envoy.id, container: this.makeToken(envoy.name, target), place, tween: null };
        this.tokens.set(envoy.id, token);
        continue;
      }
      const from = token.place;
      token.place = place;
      const changed = from.from !== place.from || from.to !== place.to || from.progress !== place.progress;
      const { x, y } = token.container;
      if (!animate || (!changed && Math.hypot(x - target.x, y - target.y) < 0.5)) {
        token.tween?.stop();
        token.tween = null;
        token.container.setPosition(target.x, target.y);
        this.arrivals.delete(envoy.id);
        continue;
      }
      this.move(token, this.moveFor(from, place), target);
    }
    this.drawRoutes(places);
  }

  /** The tokens as drawn, in page pixels (the stage camera's offset added). */
  marks(offset: Point): EnvoyMark[] {
    return [...this.tokens.values()].map((t) => ({
      id: t.id,
      x: Math.round(offset.x + t.container.x),
      y: Math.round(offset.y + t.container.y),
      travelling: t.place.to !== null,
      moving: t.tween !== null && t.tween.isPlaying(),
    }));
  }

  /** Where each envoy's token belongs: its slot in its venue's row, or its point on its route. */
  private targets(places: readonly EnvoyPlace[]): Map<string, Point> {
    const byVenue = new Map<string, string[]>();
    for (const p of places) if (p.to === null) byVenue.set(p.from, [...(byVenue.get(p.from) ?? []), p.id]);
    const out = new Map<string, Point>();
    for (const p of places) {
      if (p.to !== null) {
        out.set(p.id, this.region.along(p.from, p.to, p.progress));
        continue;
      }
      const row = byVenue.get(p.from)!;
      const offset = rowOffsets(row.length, MAP.tokenSpacing, MAP.tokenLift)[row.indexOf(p.id)]!;
      const venue = this.region.venues.get(p.from) ?? { x: 0, y: 0 };
      out.set(p.id, { x: venue.x + offset.dx, y: venue.y + offset.dy });
    }
    return out;
  }

  private moveFor(from: EnvoyPlace, to: EnvoyPlace): Move {
    if (to.to !== null) {
      const sameJourney = from.from === to.from && from.to === to.to;
      return { arc: { from: to.from, to: to.to, t0: sameJourney ? from.progress : 0, t1: to.progress } };
    }
    if (from.to !== null && from.to === to.from) return { arc: { from: from.from, to: from.to, t0: from.progress, t1: 1 } };
    if (from.to === null && from.from !== to.from) return { arc: { from: from.from, to: to.from, t0: 0, t1: 1 } };
    return { arc: null };
  }

  private move(token: Token, move: Move, target: Point): void {
    token.tween?.stop();
    const start = { x: token.container.x, y: token.container.y };
    const arc = move.arc;
    // Offsets between the token and the bare arc at each end (its slot in a row), blended away.
    const a0 = arc ? this.region.along(arc.from, arc.to, arc.t0) : start;
    const a1 = arc ? this.region.along(arc.from, arc.to, arc.t1) : target;
    const startOff = { x: start.x - a0.x, y: start.y - a0.y };
    const endOff = { x: target.x - a1.x, y: target.y - a1.y };
    const length = arc ? Math.hypot(a1.x - a0.x, a1.y - a0.y) * 1.1 : Math.hypot(target.x - start.x, target.y - start.y);
    const duration = Phaser.Math.Clamp(length * MAP.travelMsPerPx, MAP.travelMinMs, MAP.travelMaxMs);
    const arrivalVenue = arc && arc.t1 === 1 ? arc.to : null;
    token.tween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        const u = tween.getValue() ?? 0;
        if (!arc) {
          token.container.setPosition(lerp(start.x, target.x, u), lerp(start.y, target.y, u));
          return;
        }
        const p = this.region.along(arc.from, arc.to, lerp(arc.t0, arc.t1, u));
        token.container.setPosition(p.x + lerp(startOff.x, endOff.x, u), p.y + lerp(startOff.y, endOff.y, u));
      },
      onComplete: () => {
        token.tween = null;
        token.container.setPosition(target.x, target.y);
        if (arrivalVenue && this.arrivals.delete(token.id)) this.pulse(arrivalVenue);
      },
    });
  }

  /** A ring that widens and fades at a venue where an envoy has just arrived. */
  private pulse(venue: string): void {
    const p = this.region.venues.get(venue);
    if (!p) return;
    const ring = this.scene.add.graphics({ x: p.x, y: p.y }).setDepth(DEPTH.pulses);
    ring.lineStyle(2, STAGE_COLOURS.marker, 1);
    ring.strokeCircle(0, 0, MAP.markerHalo);
    this.scene.tweens.add({
      targets: ring,
      scale: 2.6,
      alpha: 0,
      duration: MAP.arrivalPulseMs,
      ease: 'Cubic.easeOut',
      onComplete: () => ring.destroy(),
    });
  }

  /** Dashed arcs of the journeys under way, with a ring at each destination. */
  private drawRoutes(places: readonly EnvoyPlace[]): void {
    const g = this.routes;
    g.clear();
    let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
    const cover = (q: Point, r: number): void => {
      box = box ?? { x0: q.x, y0: q.y, x1: q.x, y1: q.y };
      box = { x0: Math.min(box.x0, q.x - r), y0: Math.min(box.y0, q.y - r), x1: Math.max(box.x1, q.x + r), y1: Math.max(box.y1, q.y + r) };
    };
    for (const p of places) {
      if (p.to === null) continue;
      const steps = 64;
      // One path of dashes, stroked once (a stroke per dash cost the Canvas renderer every frame).
      g.lineStyle(MAP.activeRouteWidth, this.colour, 0.95);
      g.beginPath();
      for (let i = 0; i < steps; i += 2) {
        const a = this.region.along(p.from, p.to, i / steps);
        const b = this.region.along(p.from, p.to, (i + 1) / steps);
        g.moveTo(a.x, a.y);
        g.lineTo(b.x, b.y);
        cover(a, MAP.activeRouteWidth + 2);
        cover(b, MAP.activeRouteWidth + 2);
      }
      g.strokePath();
      const end = this.region.venues.get(p.to);
      if (end) {
        g.lineStyle(2, this.colour, 0.95);
        g.strokeCircle(end.x, end.y, MAP.markerHalo);
        cover(end, MAP.markerHalo + 3);
      }
    }
    const b = box as { x0: number; y0: number; x1: number; y1: number } | null;
    this.journeys.refresh(b ? { x: Math.floor(b.x0), y: Math.floor(b.y0), width: Math.ceil(b.x1 - Math.floor(b.x0)) + 1, height: Math.ceil(b.y1 - Math.floor(b.y0)) + 1 } : null);
  }

  private makeToken(name: string, at: Point): Phaser.GameObjects.Image | Phaser.GameObjects.Container {
    const r = MAP.tokenRadius;
    const g = this.scene.add.graphics();
    g.fillStyle(STAGE_COLOURS.markerEdge, 0.45);
    g.fillCircle(1, 2, r + 1);
    g.fillStyle(STAGE_COLOURS.tokenEdge, 1);
    g.fillCircle(0, 0, r);
    g.fillStyle(this.colour, 1);
    g.fillCircle(0, 0, r - MAP.tokenOutline);
    const text = this.scene.add
      .text(0, 0, initials(name), { fontFamily: FONTS.sans, fontSize: `${MAP.tokenFontSize}px`, fontStyle: 'bold', color: STAGE_COLOURS.tokenText })
      .setOrigin(0.5);
    // One image of the disc and its initials (Canvas renderer), moved as a whole, its origin at the disc's centre.
    const area = { x: -r - 2, y: -r - 2, width: 2 * r + 6, height: 2 * r + 7 };
    const baked = bakeStill(this.scene, [g, text], area);
    if (baked) return baked.setOrigin(-area.x / area.width, -area.y / area.height).setPosition(at.x, at.y).setDepth(DEPTH.tokens);
    return this.scene.add.container(at.x, at.y, [g, text]).setDepth(DEPTH.tokens);
  }
}
