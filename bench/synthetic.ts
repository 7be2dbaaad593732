/**
 * Synthetic scenarios of any size for the scale bench: `points` points of 3 options (every other
 * one may be dropped), a mediator and `parties` − 1 signatories with seeded weights, values,
 * reservations and a red line each. Up to 60 points they pass the loader; beyond its limit
 * (60 points, the shipped cap) the extra points are appended to the loaded data in the same shape.
 */
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario, ScenarioInput } from '../src/scenario/schema.ts';
import { RngCursor, seedRng } from '../src/engine/rng.ts';

const LOADER_MAX_POINTS = 60;

/** The loadable part (up to 60 points) as the loader's input, and the data for points beyond it. */
function synthetic(points: number, parties: number, seed: number) {
  const rng = new RngCursor(seedRng(seed));
  const v = () => Math.floor(rng.next() * 101);
  const pointsIn = (n: number, from = 0) =>
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      return { id: `p${i}`, title: `Point ${i}`, omittable: i % 2 === 1, leadersOnly: false, options: [0, 1, 2].map((j) => ({ id: `o${j}`, label: `Option ${j}` })) };
    });
  const all = pointsIn(points);
  const loadable = all.slice(0, Math.min(points, LOADER_MAX_POINTS));
  const values = (ps: typeof all) => Object.fromEntries(ps.map((p) => [p.id, Object.fromEntries([...p.options.map((o) => [o.id, v()]), ...(p.omittable ? [['omit', v()]] : [])])]));
  const ids = ['med', ...Array.from({ length: parties - 1 }, (_, i) => `s${i + 1}`)];
  const partyData = ids.map(() => ({ weights: Object.fromEntries(all.map((p) => [p.id, 1 + (v() % 60)])), values: values(all) }));
  const input: ScenarioInput = {
    format: 1,
    id: `synthetic-${points}x${parties}`,
    title: `Synthetic ${points} × ${parties}`,
    version: '1.0.0',
    disclaimer: 'Generated for benchmarks.',
    calendar: { start: '2030-01-01', deadline: '2030-01-21' },
    venues: ids.map((_, i) => ({ id: `v${i}`, name: `Venue ${i}`, lat: i, lon: i })),
    travel: ids.slice(1).map((_, i) => ({ from: 'v0', to: `v${i + 1}`, days: 1 })),
    parties: ids.map((id, i) => {
      const reservation = 35 + (v() % 20);
      const pick = (n: number) => loadable[n % loadable.length]!;
      return {
        id,
        name: id.toUpperCase(),
        leader: `Leader of ${id}`,
        role: id === 'med' ? 'mediator' : 'signatory',
        home: `v${i}`,
        envoys: id === 'med' ? [{ id: 'e1', name: 'Envoy One' }, { id: 'e2', name: 'Envoy Two' }] : [],
        weights: Object.fromEntries(loadable.map((p) => [p.id, partyData[i]!.weights[p.id]!])),
        values: Object.fromEntries(loadable.map((p) => [p.id, partyData[i]!.values[p.id]!])),
        redLines: id === 'med' ? [] : [{ id: 'l1', when: [{ point: pick(i).id, option: 'o2' }], reason: `Line of ${id}` }],
        reservation,
        opening: Math.min(100, reservation + 15 + (v() % 20)),
        concession: 'linear',
      };
    }) as ScenarioInput['parties'],
    points: loadable,
    starts: [{ id: 'start', title: 'Start', text: Object.fromEntries(loadable.map((p) => [p.id, 'o0'])) }],
    ratification: { signatories: ids },
    summit: { maxOpenPoints: 3 },
  };
  return { input, all, partyData };
}

/** The scenario as an author would write it (JSON, which the loader reads as YAML); at most 60 points. */
export function syntheticInput(points: number, parties: number, seed = 1): ScenarioInput {
  if (points > LOADER_MAX_POINTS) throw new Error(`a loadable scenario has at most ${LOADER_MAX_POINTS} points`);
  return synthetic(points, parties, seed).input;
}

export function syntheticScenario(points: number, parties: number, seed = 1): Scenario {
  const { input, all, partyData } = synthetic(points, parties, seed);
  const loaded = loadScenarioText(JSON.stringify(input), 'synthetic.json');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  const s = loaded.scenario;
  if (points <= LOADER_MAX_POINTS) return s;
  const extra = all.slice(LOADER_MAX_POINTS);
  const template = s.points[0]!;
  return {
    ...s,
    points: [...s.points, ...extra.map((p) => ({ ...template, ...p, options: p.options.map((o) => ({ ...template.options[0]!, ...o })) }))],
    parties: s.parties.map((party, i) => ({
      ...party,
      weights: { ...party.weights, ...Object.fromEntries(extra.map((p) => [p.id, partyData[i]!.weights[p.id]!])) },
      values: { ...party.values, ...Object.fromEntries(extra.map((p) => [p.id, partyData[i]!.values[p.id]!])) },
    })),
    starts: s.starts.map((st) => ({ ...st, text: { ...st.text, ...Object.fromEntries(extra.map((p) => [p.id, 'o0'])) } })),
  };
}
