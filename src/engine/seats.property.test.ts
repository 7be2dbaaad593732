/**
 * Property tests over random scenarios, random seat assignments and random play by people
 * (a random legal-move driver per person's seat, and now and then the teacher): the engine never
 * throws, no signed deal crosses a signatory's red line, a table replays exactly from its log,
 * and no seat's serialised view holds another seat's hidden values beyond what it has learned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema.ts';
import { scenarioArb } from '../testing/randomScenario.ts';
import { legalCommands, type SeatCommand } from './commands.ts';
import { crossedRedLines } from './evaluate.ts';
import { commandState } from './negotiationMachine.ts';
import { passes, ruleOf } from './ratification.ts';
import { RngCursor, seedRng } from './rng.ts';
import { parseSave } from './save.ts';
import { validateSeatEvent } from './seatRules.ts';
import { PARTY_STYLES } from './partyStyles.ts';
import type { SeatHolder } from './seats.ts';
import type { MediatorSeatView, PartySeatView } from './seatView.ts';
import { createTable, restoreTable, type Table } from './table.ts';

/** Hidden values made unmistakable in serialised JSON: red line reasons, odd reservations and weights. */
function marked(scenario: Scenario): Scenario {
  return {
    ...scenario,
    parties: scenario.parties.map((p, i) => ({
      ...p,
      reservation: p.reservation + 0.123457 + i * 0.000011,
      weights: Object.fromEntries(Object.entries(p.weights).map(([k, w], j) => [k, w + 0.000731 + i * 0.000013 + j * 0.0000017])),
      redLines: p.redLines.map((l) => ({ ...l, reason: `Secret ${p.id} ${l.id} reason.` })),
    })),
  };
}

const holderArb = (kind: 'mediator' | 'party') =>
  kind === 'mediator'
    ? fc.constantFrom<SeatHolder>('person', 'person', { bot: 'mediator' }, { bot: 'greedy' }, { bot: 'random' })
    : fc.constantFrom<SeatHolder>('person', ...PARTY_STYLES.map((bot) => ({ bot })));

/** One random legal-looking command for a person's seat (refusals are fine: they must be values). */
function randomCommand(t: Table, seat: string, rng: RngCursor): SeatCommand {
  const v = t.view(seat);
  const points = t.scenario.points;
  const point = rng.pick(points);
  if (v.kind === 'party') {
    const r = v.requests[0];
    const roll = rng.next();
    if (r && roll < 0.6) {
      if (r.kind !== 'table') return { type: 'party.answer', request: r.id, reply: rng.next() < 0.6 ? 'accept' : 'decline' };
      const pick = rng.next();
      if (pick < 0.3) return { type: 'party.answer', request: r.id, reply: 'accept' };
      if (pick < 0.5 && r.text) {
        const options = [...point.options.map((o) => o.id), ...(point.omittable ? ['omit'] : [])].filter((o) => o !== r.text![point.id]?.option);
        if (options.length > 0) return { type: 'party.answer', request: r.id, reply: 'counter', changes: [{ point: point.id, option: rng.pick(options) }] };
      }
      if (pick < 0.8) return { type: 'party.answer', request: r.id, reply: 'reject', points: [point.id] };
      const a = r.advice!;
      return { type: 'party.answer', request: r.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) };
    }
    if (roll < 0.75 && v.legal.length > 0) return rng.pick(v.legal);
    return { type: 'day.end' };
  }
  const m = v as MediatorSeatView;
  const roll = rng.next();
  if (roll < 0.45 && m.legal.length > 0) return rng.pick(m.legal);
  if (roll < 0.6) return { type: 'text.redraft', point: point.id, option: rng.pick(point.options).id };
  if (roll < 0.65) return { type: 'text.defer', point: point.id };
  if (roll < 0.72) return { type: 'summit.call' };
  return { type: 'day.end' };
}

function worldCommand(t: Table, rng: RngCursor): SeatCommand {
  const parties = t.scenario.parties.filter((p) => p.role !== 'mediator');
  const party = rng.pick(parties);
  const roll = rng.next();
  if (roll < 0.3) return { type: 'world.endDay' };
  if (roll < 0.5) return { type: 'world.news', headline: 'Rain upstream' };
  if (roll < 0.7 && party.redLines.length > 0) return { type: 'world.redLine', party: party.id, line: rng.pick(party.redLines).id, lifted: rng.next() < 0.7 };
  return { type: 'world.mood', party: party.id, patience: rng.next() < 0.5 ? -10 : 10 };
}

function playTable(scenario: Scenario, seed: number, assign: SeatHolder[], split: boolean, steps: number): Table {
  const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
  const seatIds = [
    ...(split && mediator.envoys.length > 0 ? mediator.envoys.map((e) => `${mediator.id}:${e.id}`) : [mediator.id]),
    ...scenario.parties.filter((p) => p.role !== 'mediator').map((p) => p.id),
  ];
  const seats: Record<string, SeatHolder> = {};
  seatIds.forEach((id, i) => {
    const holder = assign[i % assign.length]!;
    const isParty = !id.includes(':') && id !== mediator.id;
    // Holders drawn for the other kind of seat fall back to the default.
    if (holder === 'person' || (isParty ? PARTY_STYLES.includes(holder.bot as never) : !PARTY_STYLES.includes(holder.bot as never))) seats[id] = holder;
  });
  const t = createTable(scenario, { seed, difficulty: (['open', 'standard', 'hard'] as const)[seed % 3], split, seats });
  const rng = new RngCursor(seedRng(seed));
  const people = t.seats().filter((s) => s.holder === 'person').map((s) => s.id);
  for (let i = 0; i < steps && !t.truth().outcome; i++) {
    if (people.length === 0 || rng.next() < 0.05) t.send('@world', worldCommand(t, rng));
    else {
      const seat = rng.pick(people);
      t.send(seat, randomCommand(t, seat, rng));
    }
  }
  return t;
}

const runArb = fc.record({
  scenario: scenarioArb.map(marked),
  seed: fc.nat(),
  assign: fc.array(fc.oneof(holderArb('mediator'), holderArb('party')), { minLength: 1, maxLength: 6 }),
  split: fc.boolean(),
  steps: fc.integer({ min: 0, max: 160 }),
});

describe('random tables with people in random seats', () => {
  it('never throw, never sign across a signatory red line, and every deal passes the rule', () => {
    const seen = { deal: 0, other: 0 };
    fc.assert(
      fc.property(runArb, ({ scenario, seed, assign, split, steps }) => {
        const t = playTable(scenario, seed, assign, split, steps);
        // Play the rest out on the teacher's clock.
        for (let i = 0; i < 400 && !t.truth().outcome; i++) t.send('@world', { type: 'world.endDay' });
        const ctx = t.truth();
        const outcome = ctx.outcome;
        expect(outcome).not.toBeNull();
        if (outcome?.kind === 'deal') {
          seen.deal += 1;
          for (const id of outcome.signers) {
            const party = ctx.scenario.parties.find((p) => p.id === id)!;
            expect(crossedRedLines(party, outcome.text)).toEqual([]);
          }
          expect(passes(ruleOf(scenario), new Set(outcome.signers))).toBe(true);
        } else seen.other += 1;
        t.stop();
      }),
      { numRuns: 120 },
    );
    expect(seen.deal + seen.other).toBe(120);
    // The property only means something if some random tables do sign.
    expect(seen.deal, JSON.stringify(seen)).toBeGreaterThan(0);
    // 120 tables played out, summits in rounds included: room for a machine three times slower.
  }, 90_000);

  it('replay exactly from their logs: every seat sees what it saw', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, seed, assign, split, steps }) => {
        const t = playTable(scenario, seed, assign, split, steps);
        const save = parseSave(JSON.stringify(t.save()));
        expect(save.ok).toBe(true);
        if (!save.ok) return;
        const again = restoreTable(scenario, save.save);
        if (!again.ok) throw new Error(again.message);
        expect(again.table.log()).toEqual(t.log());
        for (const seat of [...t.seats().map((s) => s.id), '@world']) {
          expect(JSON.parse(JSON.stringify(again.table.view(seat)))).toEqual(JSON.parse(JSON.stringify(t.view(seat))));
        }
        t.stop();
        again.table.stop();
      }),
      { numRuns: 50 },
    );
  });

  it('offer a party seat exactly the statements and consultations the rules allow', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, seed, assign, split, steps }) => {
        const t = playTable(scenario, seed, assign, split, steps);
        const ctx = t.truth();
        for (const seat of t.seats()) {
          if (seat.kind !== 'party' || seat.holder !== 'person') continue;
          const every: SeatCommand[] = [
            ...scenario.points.flatMap((p) => (['redLine', 'flexible'] as const).map((stance) => ({ type: 'party.signal' as const, point: p.id, stance }))),
            ...scenario.parties.map((p) => ({ type: 'party.consult' as const, ally: p.id })),
          ];
          const allowed = every.filter((c) => validateSeatEvent(ctx, { ...c, party: seat.party } as Parameters<typeof validateSeatEvent>[1]) === null);
          expect((t.view(seat.id) as PartySeatView).legal.filter((c) => c.type !== 'day.end')).toEqual(allowed);
        }
        t.stop();
      }),
      { numRuns: 60 },
    );
  });

  it("offer each mediator and envoy seat exactly the team's commands the rules allow now (its envoy's only, for an envoy)", () => {
    fc.assert(
      fc.property(runArb, ({ scenario, seed, assign, split, steps }) => {
        const t = playTable(scenario, seed, assign, split, steps);
        const ctx = t.truth();
        if (ctx.atSummit) {
          t.stop();
          return;
        }
        const allowed = legalCommands(commandState(ctx));
        for (const seat of t.seats()) {
          if (seat.kind === 'party') continue;
          const mine = seat.envoy ? allowed.filter((c) => !('envoy' in c) || c.envoy === seat.envoy) : allowed;
          expect((t.view(seat.id) as MediatorSeatView).legal).toEqual(mine);
        }
        t.stop();
      }),
      { numRuns: 60 },
    );
  });

  it('no seat’s serialised view holds another party’s hidden red lines, reservation or weights', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, seed, assign, split, steps }) => {
        const t = playTable(scenario, seed, assign, split, steps);
        const ctx = t.truth();
        if (ctx.difficulty === 'open') {
          t.stop();
          return;
        }
        for (const seat of t.seats()) {
          const view = t.view(seat.id);
          const json = JSON.stringify(view);
          const knows = seat.kind === 'party' ? ctx.seatKnowledge[seat.party]! : ctx.knowledge;
          for (const other of ctx.baseScenario.parties) {
            if (other.id === seat.party) continue;
            for (const line of other.redLines) {
              if (knows[other.id]?.redLines.includes(line.id)) continue;
              expect(json, `${seat.id} sees ${other.id}'s red line ${line.id}`).not.toContain(line.reason);
            }
            // News may reveal a value exactly (a range of width 0): that the seat has learned.
            const k = knows[other.id];
            const exact = (r: { lo: number; hi: number } | undefined, x: number) => r !== undefined && r.lo === x && r.hi === x;
            if (!exact(k?.reservation, other.reservation)) expect(json, `${seat.id} sees ${other.id}'s reservation`).not.toContain(String(other.reservation));
            for (const [point, w] of Object.entries(other.weights)) {
              if (!exact(k?.weights[point], w)) expect(json, `${seat.id} sees ${other.id}'s weight of ${point}`).not.toContain(String(w));
            }
          }
          if (seat.kind === 'party') {
            const own = (view as PartySeatView).sheet;
            expect(own.reservation).toBe(ctx.baseScenario.parties.find((p) => p.id === seat.party)!.reservation);
          }
        }
        t.stop();
      }),
      { numRuns: 80 },
    );
  });
});
