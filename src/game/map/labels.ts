/**
 * Where each venue's label goes: beside its marker, on the first side that neither leaves the
 * drawing nor covers another label or mark. Greedy, in the order given. Pure.
 */
import type { Point } from './projection.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  anchor: Point;
  width: number;
  height: number;
}

export type Side = 'right' | 'left' | 'below' | 'above' | 'below-right' | 'above-right' | 'below-left' | 'above-left';

export interface PlacedLabel extends Rect {
  side: Side;
}

const SIDES: readonly Side[] = ['right', 'left', 'below', 'above', 'below-right', 'above-right', 'below-left', 'above-left'];

function candidate(side: Side, r: LabelRequest, gap: number): Rect {
  const { x, y } = r.anchor;
  const { width: w, height: h } = r;
  switch (side) {
    case 'right': return { x: x + gap, y: y - h / 2, width: w, height: h };
    case 'left': return { x: x - gap - w, y: y - h / 2, width: w, height: h };
    case 'below': return { x: x - w / 2, y: y + gap, width: w, height: h };
    case 'above': return { x: x - w / 2, y: y - gap - h, width: w, height: h };
    case 'below-right': return { x: x + gap * 0.7, y: y + gap * 0.7, width: w, height: h };
    case 'above-right': return { x: x + gap * 0.7, y: y - gap * 0.7 - h, width: w, height: h };
    case 'below-left': return { x: x - gap * 0.7 - w, y: y + gap * 0.7, width: w, height: h };
    case 'above-left': return { x: x - gap * 0.7 - w, y: y - gap * 0.7 - h, width: w, height: h };
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(r: Rect, bounds: Rect): number {
  const inside = overlap(r, bounds);
  return r.width * r.height - inside;
}

/**
 * Place labels beside their anchors (`gap` px away), inside `bounds`, avoiding `obstacles`
 * and each other. When every side collides, the side with the least overlap wins.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Rect, obstacles: readonly Rect[], gap: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    let best: PlacedLabel | null = null;
    let bestCost = Infinity;
    for (const [i, side] of SIDES.entries()) {
      const c = candidate(side, r, gap);
      let cost = outside(c, bounds) * 4;
      for (const o of obstacles) cost += overlap(c, o);
      for (const p of placed) cost += overlap(c, p) * 2;
      // A small preference for the earlier sides, so ties keep labels to the right.
      cost += i * 0.01;
      if (cost < bestCost) {
        bestCost = cost;
        best = { ...c, side };
      }
      if (cost < 1) break;
    }
    placed.push(best!);
  }
  return placed;
}
