import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envoyPlace, initials, rowOffsets } from './envoys.ts';
import { geographyOf, unwrap } from './geography.ts';
import { placeLabels } from './labels.ts';
import { arcPoint, fitMercator } from './projection.ts';

const margins = { top: 90, right: 80, bottom: 60, left: 80 };

describe('fitted Mercator', () => {
  it('puts every Geneva venue from Washington to Moscow inside the margins', () => {
    const venues = [
      { lon: -77.04, lat: 38.91 }, { lon: 6.14, lat: 46.2 }, { lon: 54.38, lat: 24.45 },
      { lon: 37.62, lat: 55.76 }, { lon: 30.52, lat: 50.45 }, { lon: -0.13, lat: 51.51 }, { lon: -80.19, lat: 25.76 },
    ];
    const p = fitMercator(venues, 768, 664, margins, 10);
    for (const v of venues) {
      const { x, y } = p.project(v.lon, v.lat);
      expect(x).toBeGreaterThanOrEqual(margins.left - 1e-6);
      expect(x).toBeLessThanOrEqual(768 - margins.right + 1e-6);
      expect(y).toBeGreaterThanOrEqual(margins.top - 1e-6);
      expect(y).toBeLessThanOrEqual(664 - margins.bottom + 1e-6);
    }
    // Washington is west of Moscow and south of it.
    expect(p.project(-77.04, 38.91).x).toBeLessThan(p.project(37.62, 55.76).x);
    expect(p.project(-77.04, 38.91).y).toBeGreaterThan(p.project(37.62, 55.76).y);
  });

  it('widens a cluster of nearby tutorial venues to the minimum span', () => {
    const venues = [{ lon: 6.1, lat: 46.2 }, { lon: 8.5, lat: 47.4 }, { lon: 4.4, lat: 45.4 }];
    const p = fitMercator(venues, 800, 600, margins, 10);
    const degrees = (p.invert(800 - margins.right, 0).lon - p.invert(margins.left, 0).lon);
    expect(degrees).toBeGreaterThanOrEqual(10 - 1e-6);
  });

  it('shows more of the region in a large window rather than zooming in further', () => {
    const venues = [{ lon: 6.1, lat: 46.2 }, { lon: 8.5, lat: 47.4 }, { lon: 4.4, lat: 45.4 }];
    const p = fitMercator(venues, 1360, 1000, margins, 7, 60);
    expect(p.project(1, 46).x - p.project(0, 46).x).toBeCloseTo(60, 6);
  });

  it('inverts what it projects', () => {
    const p = fitMercator([{ lon: 0, lat: 50 }, { lon: 30, lat: 60 }], 500, 400, margins, 5);
    const back = p.invert(p.project(12, 55).x, p.project(12, 55).y);
    expect(back.lon).toBeCloseTo(12, 9);
    expect(back.lat).toBeCloseTo(55, 9);
  });

  it('bows travel arcs upward and ends them at their venues', () => {
    const a = { x: 0, y: 100 };
    const b = { x: 200, y: 100 };
    expect(arcPoint(a, b, 0)).toEqual(a);
    expect(arcPoint(a, b, 1)).toEqual(b);
    expect(arcPoint(a, b, 0.5).y).toBeLessThan(100);
    expect(arcPoint(b, a, 0.5).y).toBeLessThan(100);
  });
});

describe('geography', () => {
  it('reads the Natural Earth countries and keeps Russia continuous across 180°', () => {
    const data: unknown = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'));
    const geo = geographyOf(data)!;
    expect(geo.countries.length).toBeGreaterThan(170);
    const russia = geo.countries.find((c) => c.name === 'Russia')!;
    for (const polygon of russia.polygons) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!)).toBeLessThan(180);
      }
    }
    expect(geo.borders.length).toBeGreaterThan(0);
    expect(geo.coasts.length).toBeGreaterThan(0);
  });

  it('is null for anything that is not a countries topology', () => {
    expect(geographyOf({ type: 'FeatureCollection' })).toBeNull();
    expect(geographyOf(null)).toBeNull();
  });

  it('unwraps a line that jumps across the antimeridian', () => {
    expect(unwrap([[179, 60], [-179, 61], [-178, 62]])).toEqual([[179, 60], [181, 61], [182, 62]]);
  });
});

describe('labels', () => {
  it('moves a label off a neighbour to another side', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 300 };
    const [a, b] = placeLabels([
      { anchor: { x: 100, y: 100 }, width: 80, height: 20 },
      { anchor: { x: 110, y: 100 }, width: 80, height: 20 },
    ], bounds, [], 10);
    expect(a!.side).toBe('right');
    expect(b!.side).not.toBe('right');
  });

  it('turns a label left at the right edge', () => {
    const [a] = placeLabels([{ anchor: { x: 390, y: 100 }, width: 80, height: 20 }], { x: 0, y: 0, width: 400, height: 300 }, [], 10);
    expect(a!.side).toBe('left');
  });
});

describe('envoys on the map', () => {
  const days = () => 2;
  it('stands at its venue when not travelling', () => {
    expect(envoyPlace({ id: 'e', name: 'E', at: 'a', to: null, arrives: null, actionsLeft: 3 }, 4, days)).toEqual({ id: 'e', from: 'a', to: null, progress: 0 });
  });

  it('is a quarter of the way on the first day of a two-day journey, three quarters on the second', () => {
    const e = { id: 'e', name: 'E', at: 'a', to: 'b', arrives: 6, actionsLeft: 0 };
    expect(envoyPlace(e, 4, days).progress).toBeCloseTo(0.25);
    expect(envoyPlace(e, 5, days).progress).toBeCloseTo(0.75);
  });

  it('has two initials', () => {
    expect(initials('Steve Witkoff')).toBe('SW');
    expect(initials('Marta  Oyelaran')).toBe('MO');
    expect(initials('Rubio')).toBe('RU');
  });

  it('lines up tokens sharing a venue in a centred row', () => {
    expect(rowOffsets(3, 30, 20).map((o) => o.dx)).toEqual([-30, 0, 30]);
  });
});

describe('dates on the canvas', () => {
  it('writes dates in full, with the weekday', async () => {
    const { longDate, shortDate, deadlineText } = await import('./format.ts');
    expect(longDate('2025-11-21')).toBe('Friday 21 November 2025');
    expect(longDate('2031-03-02')).toBe('Sunday 2 March 2031');
    expect(shortDate('2025-12-04')).toBe('4 Dec');
    expect(deadlineText(1)).toBe('1 day to the deadline');
    expect(deadlineText(0)).toBe('Deadline today');
  });
});
