/**
 * Random small scenarios that pass the loader, for property tests: 2–4 points of 2–3 options,
 * a mediator and two or three signatories (sometimes k-of-n with vetoes), sometimes a consulted
 * party that holds a point, random values, weights and red lines (single and combined).
 */
import fc from 'fast-check';
import { loadScenarioText } from '../scenario/load.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';

const score = fc.integer({ min: 0, max: 100 });

/** A small random scenario that passes the loader. */
export const randomScenario = (maxPoints = 4): fc.Arbitrary<Scenario> => fc
  .record({
    points: fc.array(fc.record({ options: fc.integer({ min: 2, max: 3 }), omittable: fc.boolean() }), { minLength: 2, maxLength: maxPoints }),
    leadersOnly: fc.boolean(),
    threeSignatories: fc.boolean(),
    consulted: fc.boolean(),
    seedValues: fc.array(score, { minLength: 200, maxLength: 200 }),
    lines: fc.array(fc.record({ party: fc.nat(), a: fc.nat(), b: fc.nat(), oa: fc.nat(), ob: fc.nat(), pair: fc.boolean() }), { maxLength: 4 }),
    days: fc.integer({ min: 3, max: 14 }),
    maxOpen: fc.integer({ min: 1, max: 3 }),
    kOfN: fc.boolean(),
    concession: fc.constantFrom('boulware', 'linear', 'conceder'),
  })
  .map((r) => {
    let k = 0;
    const v = () => r.seedValues[k++ % r.seedValues.length]!;
    const points = r.points.map((p, i) => ({
      id: `p${i}`,
      title: `Point ${i}`,
      omittable: p.omittable,
      leadersOnly: r.leadersOnly && i === 0,
      options: Array.from({ length: p.options }, (_, j) => ({ id: `o${j}`, label: `Option ${j}` })),
    }));
    const signatories = r.threeSignatories ? ['s1', 's2', 's3'] : ['s1', 's2'];
    const partyIds = ['med', ...signatories, ...(r.consulted ? ['c1'] : [])];
    const valuesFor = () =>
      Object.fromEntries(points.map((p) => [p.id, Object.fromEntries([...p.options.map((o) => [o.id, v()]), ...(p.omittable ? [['omit', v()]] : [])])]));
    const parties = partyIds.map((id, i) => {
      const reservation = 20 + (v() % 40);
      const lines = r.lines
        .filter((l) => l.party % partyIds.length === i && id !== 'med')
        .map((l, j) => {
          const pa = points[l.a % points.length]!;
          const pb = points[l.b % points.length]!;
          const when = [{ point: pa.id, option: pa.options[l.oa % pa.options.length]!.id }];
          if (l.pair && pb.id !== pa.id) when.push({ point: pb.id, option: pb.options[l.ob % pb.options.length]!.id });
          return { id: `l${j}`, when, reason: `Line ${j} of ${id}` };
        });
      return {
        id,
        name: id.toUpperCase(),
        leader: `Leader of ${id}`,
        role: id === 'med' ? 'mediator' : id === 'c1' ? 'consulted' : 'signatory',
        home: `v${i}`,
        envoys: id === 'med' ? [{ id: 'e1', name: 'Envoy One' }, { id: 'e2', name: 'Envoy Two' }] : [],
        weights: Object.fromEntries(points.map((p) => [p.id, 1 + (v() % 60)])),
        values: valuesFor(),
        redLines: lines,
        reservation,
        opening: Math.min(100, reservation + 10 + (v() % 40)),
        concession: r.concession,
        patience: 20 + (v() % 60),
        holds: id === 'c1' ? [points[0]!.id] : [],
      };
    });
    const venues = partyIds.map((_, i) => ({ id: `v${i}`, name: `Venue ${i}`, lat: i, lon: i }));
    const travel = venues.slice(1).map((x, i) => ({ from: 'v0', to: x.id, days: i % 2 }));
    const input: ScenarioInput = {
      format: 1,
      id: 'random',
      title: 'Random',
      version: '1.0.0',
      disclaimer: 'Generated for tests.',
      calendar: { start: '2030-01-01', deadline: `2030-01-${String(1 + r.days).padStart(2, '0')}`, softDeadlines: [{ date: '2030-01-03', label: 'Soft' }] },
      venues,
      travel,
      parties: parties as ScenarioInput['parties'],
      points,
      starts: [{ id: 'start', title: 'Start', text: Object.fromEntries(points.map((p, i) => [p.id, p.omittable && i % 2 === 1 ? 'omit' : 'o0'])) }],
      incentives: [{ id: 'gift', label: 'Gift', cost: 5, to: 's1', value: 5, objections: [{ party: 's2', trust: -5 }] }],
      events: [
        { id: 'fixed', headline: 'Fixed news', on: '2030-01-02', effects: [{ party: 's1', trust: -5, aspiration: -3 }] },
        { id: 'luck', headline: 'Random news', chance: 0.3, repeat: true, effects: [{ party: 's2', patience: -10, reveal: [points[0]!.id] }] },
      ],
      ratification: r.kOfN && r.threeSignatories
        ? { signatories: ['med', ...signatories], vetoes: ['med', 's1'], atLeast: 3 }
        : { signatories: ['med', ...signatories] },
      summit: { maxOpenPoints: r.maxOpen },
    };
    const loaded = loadScenarioText(JSON.stringify(input), 'random.json');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    return loaded.scenario;
  });

export const scenarioArb = randomScenario(4);
