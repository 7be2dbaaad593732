import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { loadScenarioText, type Locator } from '../scenario/load.ts';
import { lintScenario, type LintCode } from './lint.ts';
import { lintSource } from './lintText.ts';

const codes = (s: Scenario, code: LintCode) => lintScenario(s).filter((w) => w.code === code);
const withParty = (s: Scenario, id: string, change: (p: Scenario['parties'][number]) => Partial<Scenario['parties'][number]>): Scenario => ({
  ...s,
  parties: s.parties.map((p) => (p.id === id ? { ...p, ...change(p) } : p)),
});

describe('negotiation lint', () => {
  it('finds nothing to warn about in the tutorial', () => {
    expect(lintScenario(tutorial())).toEqual([]);
  });

  it('a party that can never sign: walk-away above the best text for it', () => {
    const s = withParty(tutorial(), 'aldoria', (p) => ({
      values: Object.fromEntries(Object.entries(p.values).map(([pt, vs]) => [pt, Object.fromEntries(Object.entries(vs).map(([o, v]) => [o, v / 2]))])),
      reservation: 60,
      opening: 90,
    }));
    const [w] = codes(s, 'never-signs');
    expect(w!.path).toEqual(['parties', 1, 'reservation']);
    expect(w!.message).toMatch(/^Aldoria can never sign: the best text for it is worth 50, below its walk-away 60\. Lower "reservation" to 50 or less/);
    // At its walk-away exactly, it can sign.
    expect(codes(withParty(s, 'aldoria', () => ({ reservation: 50 })), 'never-signs')).toEqual([]);
  });

  it('no text passes, though each party alone could sign something', () => {
    const s = withParty(withParty(tutorial(), 'aldoria', () => ({ reservation: 80, opening: 90 })), 'belmar', () => ({ reservation: 80, opening: 90 }));
    const w = lintScenario(s);
    expect(w.map((x) => x.code)).toEqual(['no-deal']);
    expect(w[0]!.path).toEqual(['ratification']);
    expect(w[0]!.message).toMatch(/^no text passes: Aldoria's walk-away: it signs no text worth less than 80 to it; Belmar's walk-away/);
    expect(codes(withParty(s, 'belmar', () => ({ reservation: 45 })), 'no-deal')).toEqual([]);
  });

  it('red lines excluding every option of a point, for one party', () => {
    const base = tutorial();
    const island = base.points.find((p) => p.id === 'island')!;
    const lines = (ids: string[]) => ids.map((o) => ({ id: `no-${o}`, when: [{ point: 'island', option: o }], reason: 'No.', public: false }));
    const all = island.options.map((o) => o.id);
    const s = withParty(base, 'belmar', (p) => ({ redLines: [...p.redLines, ...lines(all)] }));
    const [w] = codes(s, 'red-lines-cover-point');
    expect(w!.path).toEqual(['parties', 2, 'redLines', 2]);
    expect(w!.message).toContain('Belmar\'s red lines exclude every option of point "island"');
    // The same party can also never sign, and says so.
    expect(codes(s, 'never-signs')[0]!.message).toMatch(/^Belmar can never sign: its red lines exclude every text/);
    // One option left open: no warning.
    expect(codes(withParty(base, 'belmar', (p) => ({ redLines: [...p.redLines, ...lines(all.slice(1))] })), 'red-lines-cover-point')).toEqual([]);
  });

  it('a point nobody disagrees on', () => {
    const base = tutorial();
    // Every party that weighs "island" (Aldoria, Belmar) likes joint administration best.
    const s = {
      ...withParty(withParty(base, 'aldoria', (p) => ({ values: { ...p.values, island: { aldorian: 50, belmarian: 0, 'joint-admin': 100 } }, redLines: p.redLines.filter((l) => l.id !== 'no-island-loss') })), 'belmar', (p) => ({ values: { ...p.values, island: { aldorian: 0, belmarian: 50, 'joint-admin': 100 } } })),
    };
    const w = codes(s, 'uncontested-point');
    expect(w.map((x) => x.path)).toEqual([['points', 4]]);
    expect(w[0]!.message).toContain('point "island" is uncontested: every party that weighs it likes "Joint administration" best');
    // A red line on the point makes it contested.
    expect(codes(withParty(s, 'aldoria', (p) => ({ redLines: [...p.redLines, { id: 'x', when: [{ point: 'island', option: 'belmarian' }], reason: 'No.', public: false }] })), 'uncontested-point')).toEqual([]);
  });

  it('a dominated option', () => {
    const base = tutorial();
    // "reduced" dam: make it worth less than "seasonal" to Aldoria too (Belmar already prefers seasonal).
    const s = withParty(base, 'aldoria', (p) => ({ values: { ...p.values, dam: { ...p.values.dam!, reduced: 40 } } }));
    const w = codes(s, 'dominated-option');
    expect(w.map((x) => x.path)).toEqual([['points', 1, 'options', 1]]);
    expect(w[0]!.message).toContain('option "reduced" of point "dam" is dominated by "seasonal"');
    expect(codes(base, 'dominated-option')).toEqual([]);
  });

  it('venues whose labels collide on the map', () => {
    const base = tutorial();
    const near = { ...base, venues: base.venues.map((v) => (v.id === 'aldor' ? { ...v, lat: 46.25, lon: 6.2 } : v)) };
    const w = codes(near, 'labels-collide');
    expect(w.map((x) => x.path)).toEqual([['venues', 1]]);
    expect(w[0]!.message).toContain('venues "lakeside" and "aldor" are so close that their labels collide');
    expect(codes(base, 'labels-collide')).toEqual([]);
  });

  it('parties no envoy can reach in time', () => {
    const base = tutorial();
    const far = { ...base, travel: base.travel.map((r) => (r.to === 'belport' || r.from === 'belport' ? { ...r, days: 25 } : r)) };
    const w = codes(far, 'unreachable-party');
    // The fishers live there too, but hold no point: their signature is not needed.
    expect(w.map((x) => x.path)).toEqual([['parties', 2, 'home']]);
    expect(w[0]!.message).toMatch(/^no envoy can reach Belmar \(at "belport"\) before the deadline: from start "draft" the nearest envoy needs 25 days, 20 are left/);
    // An envoy that starts there reaches it at once.
    const envoyThere = withParty(far, 'commission', (p) => ({ envoys: [...p.envoys, { id: 'e3', name: 'Third', start: 'belport' }] }));
    expect(codes(envoyThere, 'unreachable-party')).toEqual([]);
  });

  it("a start's envoys: placement counts: an envoy placed at the party's venue reaches it, one placed far away may not", () => {
    const base = tutorial();
    const far = { ...base, travel: base.travel.map((r) => (r.to === 'belport' || r.from === 'belport' ? { ...r, days: 25 } : r)) };
    const envoys = base.parties.find((p) => p.role === 'mediator')!.envoys;
    // Placed in Belmar Port by the start: reached, no warning.
    const placedThere = { ...far, starts: [{ ...far.starts[0]!, envoys: { [envoys[0]!.id]: 'belport' } }] };
    expect(codes(placedThere, 'unreachable-party')).toEqual([]);
    // The same placement on a second start only: the first start still warns, the second does not.
    const two = { ...far, starts: [far.starts[0]!, { ...far.starts[0]!, id: 'there', envoys: { [envoys[0]!.id]: 'belport' } }] };
    const w = codes(two, 'unreachable-party');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('from start "draft"');
    expect(w[0]!.message).not.toContain('from start "there"');
    // An envoy moved away by a start: with the usual routes Belmar is reached from its own start, but
    // with every envoy placed at a venue with no route to Belmar Port, the start warns and names its "envoys".
    const island = { ...base, venues: [...base.venues, { ...base.venues[0]!, id: 'island', name: 'Island', lat: 0, lon: 0 }] };
    const stranded = { ...island, starts: [{ ...island.starts[0]!, envoys: Object.fromEntries(envoys.map((e) => [e.id, 'island'])) }] };
    const s = codes(stranded, 'unreachable-party');
    expect(s.length).toBeGreaterThan(0);
    expect(s[0]!.message).toContain('from start "draft" the nearest envoy needs a route that does not exist');
    expect(s[0]!.message).toContain('or the start\'s "envoys"');
    expect(codes(island, 'unreachable-party')).toEqual([]);
  });

  it('events dated outside the calendar', () => {
    const base = tutorial();
    const luck = (from: string, until: string) => ({ ...base, events: [...base.events, { id: 'late', headline: 'Late news', text: '', chance: 0.5, from, until, repeat: false, effects: [] }] });
    const w = codes(luck('2031-04-01', '2031-04-10'), 'event-outside-calendar');
    expect(w.map((x) => x.path)).toEqual([['events', base.events.length, 'from']]);
    expect(w[0]!.message).toContain('event "late" can never happen: its window (2031-04-01 to 2031-04-10) lies outside the calendar');
    expect(codes(luck('2031-03-20', '2031-04-10'), 'event-outside-calendar')).toEqual([]);
  });

  it('a start whose soft deadline is already past, or that begins on the deadline', () => {
    const base = tutorial();
    const at = (date: string) => ({ ...base, starts: [{ ...base.starts[0]!, date }] });
    const past = codes(at('2031-03-15'), 'start-past-deadline');
    expect(past.map((x) => x.path)).toEqual([['starts', 0, 'date']]);
    expect(past[0]!.message).toContain('after the soft deadline "Planting season opens" (2031-03-13)');
    expect(codes(at('2031-03-22'), 'start-past-deadline')[0]!.message).toContain('begins on the deadline');
    expect(codes(at('2031-03-10'), 'start-past-deadline')).toEqual([]);
  });

  it('locates each warning at its line in the file', () => {
    const source = readFileSync('scenarios/tutorial/scenario.yaml', 'utf8').replace('reservation: 48', 'reservation: 100').replace('opening: 85\n    concession: boulware', 'opening: 100\n    concession: boulware')
      .replace('island: { aldorian: 100, belmarian: 0, joint-admin: 55 }', 'island: { aldorian: 90, belmarian: 0, joint-admin: 55 }');
    const loaded = loadScenarioText(source, 'tutorial.yaml');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const [w] = lintSource(loaded.scenario, source, 'tutorial.yaml').filter((x) => x.code === 'never-signs');
    const line = source.split('\n').findIndex((l) => l.includes('reservation: 100')) + 1;
    expect(w).toMatchObject({ file: 'tutorial.yaml', line, column: 18, path: ['parties', 1, 'reservation'] });
  });

  it("places warnings with the loader's own parse exactly where a fresh parse of the text does", () => {
    const files = [...readdirSync('scenarios', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `scenarios/${d.name}/scenario.yaml`), 'src/cli/fixtures/infeasible.yaml'];
    let placed = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const places: { locate?: Locator } = {};
      const loaded = loadScenarioText(source, file, places);
      expect(loaded.ok, file).toBe(true);
      if (!loaded.ok) continue;
      expect(places.locate, file).toBeTypeOf('function');
      const reused = lintSource(loaded.scenario, source, file, places.locate);
      expect(reused, file).toEqual(lintSource(loaded.scenario, source, file));
      placed += reused.filter((w) => w.line > 1).length;
    }
    expect(placed).toBeGreaterThan(5);
  });
});
