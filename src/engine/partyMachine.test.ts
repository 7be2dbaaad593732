import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { assign, createActor, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import { tutorial } from '../testing/scenarios.ts';
import type { Party } from '../scenario/schema.ts';
import { crossedRedLines, evaluate, type Change } from './evaluate.ts';
import type { PartyReport } from './negotiationMachine.ts';
import { PARTY_RULES, partyMachine, type PartyEvent, type PartyInput, type PartyState } from './partyMachine.ts';
import type { Clause, PlanText } from './text.ts';


const scenario = tutorial();
const TOTAL = 20;
const byId = (id: string): Party => scenario.parties.find((p) => p.id === id)!;

/**
 * A small parent for one real party actor: it forwards what the test sends and records every
 * report the party sends back with `sendParent`, as the negotiation machine does.
 */
const harness = setup({
  types: {
    context: {} as { party: ActorRefFrom<typeof partyMachine>; reports: PartyReport[] },
    events: {} as { type: 'forward'; event: PartyEvent } | PartyReport,
    input: {} as PartyInput,
  },
  actors: { party: partyMachine },
  actions: {
    forward: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'forward') enqueue.sendTo(context.party, event.event);
    }),
    record: assign({ reports: ({ context, event }) => (event.type === 'forward' ? context.reports : [...context.reports, event]) }),
  },
}).createMachine({
  id: 'harness',
  context: ({ input, spawn }) => ({ party: spawn('party', { id: 'party', input }), reports: [] }),
  on: {
    forward: { actions: 'forward' },
    'party.answered': { actions: 'record' },
    'party.walkedOut': { actions: 'record' },
    'party.returned': { actions: 'record' },
    'party.withdrew': { actions: 'record' },
    'party.signed': { actions: 'record' },
  },
});

const running: { stop(): void }[] = [];
afterEach(() => running.splice(0).forEach((a) => a.stop()));

/** Start a party of the tutorial inside the harness. */
function startParty(id: string, input: Partial<PartyInput> = {}) {
  const actor = createActor(harness, { input: { party: byId(id), points: scenario.points, totalDays: TOTAL, ...input } });
  actor.start();
  running.push(actor);
  const ref = () => actor.getSnapshot().context.party;
  /** The states the party went through, in order. */
  const path: PartyState[] = [ref().getSnapshot().value as PartyState];
  ref().subscribe((s) => {
    if (s.value !== path.at(-1)) path.push(s.value as PartyState);
  });
  return {
    send: (...events: PartyEvent[]) => events.forEach((event) => actor.send({ type: 'forward', event })),
    state: () => ref().getSnapshot().value as PartyState,
    context: () => ref().getSnapshot().context,
    reports: () => actor.getSnapshot().context.reports,
    /** Reports of one kind, in order. */
    reportsOf: <T extends PartyReport['type']>(type: T) =>
      actor.getSnapshot().context.reports.filter((r): r is Extract<PartyReport, { type: T }> => r.type === type),
    path,
  };
}

function text(choice: Record<string, string>, deferred: string[] = []): PlanText {
  const out: Record<string, Clause> = {};
  for (const [point, option] of Object.entries(choice)) out[point] = { option, deferred: deferred.includes(point) };
  return out;
}
const apply = (t: PlanText, changes: readonly Change[]): PlanText =>
  changes.reduce<PlanText>((acc, c) => ({ ...acc, [c.point]: { ...acc[c.point]!, option: c.option } }), t);

/** Everything Aldoria wants, Heron Island settled as Aldorian: worth 100 to it. */
const aldoriasDream = text({ flow: 'f30', dam: 'full', monitoring: 'national', fund: 'none', island: 'aldorian' });
/** The same, but the dam is halted: Aldoria's public red line. Still worth 65 to it, above its reservation. */
const damHalted = text({ flow: 'f30', dam: 'halt', monitoring: 'national', fund: 'none', island: 'aldorian' });
/** Everything Belmar wants, Heron Island deferred. */
const belmarsDream = text({ flow: 'f60', dam: 'halt', monitoring: 'observers', fund: 'aldoria-pays', island: 'belmarian' }, ['island']);
/** A middling text Aldoria cannot accept on day one but crosses none of its lines. */
const middling = text({ flow: 'f50', dam: 'seasonal', monitoring: 'joint', fund: 'shared', island: 'joint-admin' }, ['island']);

const tabled = (t: PlanText, day: number): PartyEvent => ({ type: 'text.tabled', text: t, day });
const met = (day: number): PartyEvent => ({ type: 'party.met', day });
const dayPassed = (day: number, patience = -1): PartyEvent => ({ type: 'day.passed', day, patience });
const pressed: PartyEvent = { type: 'party.pressed', amount: 8 };
const signedWith = (t: PlanText, leaderFlex = 0.5): PartyEvent => ({ type: 'deal.signed', text: t, leaderFlex });

/** Press until the party walks out; returns how many presses it took. */
function pressUntilItWalksOut(party: ReturnType<typeof startParty>): number {
  let n = 0;
  while (party.state() !== 'walkedOut' && n < 100) {
    party.send(pressed);
    n++;
  }
  return n;
}

describe('the party machine: every state is reachable', () => {
  it('a party starts guarded, and a meeting engages it, warming trust and patience', () => {
    const aldoria = startParty('aldoria');
    expect(aldoria.state()).toBe('guarded');
    aldoria.send(met(1));
    expect(aldoria.state()).toBe('engaged');
    expect(aldoria.context().mood.trust).toBe(45 + PARTY_RULES.meetTrust);
    expect(aldoria.context().mood.patience).toBe(55 + PARTY_RULES.meetPatience);
    expect(aldoria.context().day).toBe(1);
  });

  it('a text it can accept brings it close; a worse text sends it back to engaged', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(aldoriasDream, 1));
    expect(aldoria.state()).toBe('close');
    aldoria.send(tabled(middling, 1));
    expect(aldoria.state()).toBe('engaged');
    expect(aldoria.reportsOf('party.answered').map((r) => r.answer.kind)).toEqual(['accepted', 'rejected']);
  });

  it('a failed summit cools a party that was close back to engaged', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(aldoriasDream, 1));
    const before = aldoria.context().mood;
    aldoria.send({ type: 'summit.failed' });
    expect(aldoria.state()).toBe('engaged');
    expect(aldoria.context().mood.trust).toBe(before.trust + PARTY_RULES.summitFailedTrust);
    expect(aldoria.context().mood.patience).toBe(before.patience + PARTY_RULES.summitFailedPatience);
  });

  it('a signed deal it can accept at leader level takes it to signed, and it reports the signature', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(aldoriasDream, 1), signedWith(aldoriasDream));
    expect(aldoria.state()).toBe('signed');
    expect(aldoria.reportsOf('party.signed')).toEqual([{ type: 'party.signed', party: 'aldoria', text: aldoriasDream }]);
    // Signed is final: nothing moves it any more.
    aldoria.send(tabled(damHalted, 2), dayPassed(2, -100));
    expect(aldoria.state()).toBe('signed');
  });

  it('pressed until its patience runs out, a party walks out and says so', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1));
    const presses = pressUntilItWalksOut(aldoria);
    // 55 + 2 patience, 5 lost per press.
    expect(presses).toBe(Math.ceil((55 + PARTY_RULES.meetPatience) / -PARTY_RULES.pressPatience));
    expect(aldoria.state()).toBe('walkedOut');
    expect(aldoria.reportsOf('party.walkedOut')).toEqual([{ type: 'party.walkedOut', party: 'aldoria' }]);
  });

  it('a party can walk out before it was ever met, when the days wear its patience down', () => {
    const belmar = startParty('belmar');
    belmar.send(dayPassed(1, -30));
    expect(belmar.state()).toBe('guarded');
    belmar.send(dayPassed(2, -30));
    expect(belmar.state()).toBe('walkedOut');
  });

  it('a party that walked out comes back to engaged when met, once', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1));
    pressUntilItWalksOut(aldoria);
    const trust = aldoria.context().mood.trust;
    aldoria.send(met(2));
    expect(aldoria.state()).toBe('engaged');
    expect(aldoria.reportsOf('party.returned')).toEqual([{ type: 'party.returned', party: 'aldoria' }]);
    expect(aldoria.context().mood.patience).toBe(PARTY_RULES.returnPatience);
    expect(aldoria.context().mood.trust).toBe(Math.max(0, trust + PARTY_RULES.returnTrust));
    // The second time it walks out, a meeting no longer brings it back.
    pressUntilItWalksOut(aldoria);
    aldoria.send(met(3));
    expect(aldoria.state()).toBe('walkedOut');
    expect(aldoria.reportsOf('party.returned')).toHaveLength(1);
  });

  it(`a party left out for ${PARTY_RULES.daysOutToWithdraw} days withdraws for good`, () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1));
    pressUntilItWalksOut(aldoria);
    aldoria.send(dayPassed(2), dayPassed(3));
    expect(aldoria.state()).toBe('walkedOut');
    aldoria.send(dayPassed(4));
    expect(aldoria.state()).toBe('withdrawn');
    expect(aldoria.reportsOf('party.withdrew')).toEqual([{ type: 'party.withdrew', party: 'aldoria' }]);
    // Withdrawn is final: a meeting does not bring it back.
    aldoria.send(met(5));
    expect(aldoria.state()).toBe('withdrawn');
  });

  it('one party can visit every state: guarded, engaged, close, walkedOut, back to engaged, close, signed', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(aldoriasDream, 1));
    pressUntilItWalksOut(aldoria);
    // Pressing cost it all its trust: rebuild some before tabling again, or it only stalls.
    aldoria.send(met(2), { type: 'trust.changed', delta: 60 }, tabled(aldoriasDream, 2), signedWith(aldoriasDream));
    expect(aldoria.path).toEqual(['guarded', 'engaged', 'close', 'walkedOut', 'engaged', 'close', 'signed']);
    expect(aldoria.state()).toBe('signed');
    const other = startParty('belmar');
    other.send(met(1));
    pressUntilItWalksOut(other);
    other.send(dayPassed(2), dayPassed(3), dayPassed(4));
    expect(other.path).toEqual(['guarded', 'engaged', 'walkedOut', 'withdrawn']);
    const all = new Set([...aldoria.path, ...other.path]);
    expect([...all].sort()).toEqual(['close', 'engaged', 'guarded', 'signed', 'walkedOut', 'withdrawn']);
  });

  it('the mediator never walks out, however little patience it has', () => {
    const commission = startParty('commission');
    commission.send(dayPassed(1, -500), pressed, pressed);
    expect(commission.state()).toBe('guarded');
  });
});

describe('red lines are guards: a deal crossing one is never signed', () => {
  it('from guarded, engaged or close, a deal.signed over a red line leaves the party unsigned, however willing it is', () => {
    // On value alone Aldoria would sign: 65 is above its reservation of 48.
    const aldoriaData = byId('aldoria');
    const ev = evaluate(aldoriaData, { trust: 100, patience: 100, pressure: 1000, incentives: 1000, shift: 0 }, damHalted, TOTAL, TOTAL);
    expect(ev.utility).toBeGreaterThan(aldoriaData.reservation);
    expect(ev.redLines.map((l) => l.id)).toEqual(['no-halt']);

    const willing: PartyEvent[] = [{ type: 'incentive.granted', value: 1000 }, { type: 'trust.changed', delta: 100 }, pressed, pressed];
    const guarded = startParty('aldoria');
    guarded.send(...willing, signedWith(damHalted, 1));
    expect(guarded.state()).toBe('guarded');

    const engaged = startParty('aldoria');
    engaged.send(met(1), ...willing, signedWith(damHalted, 1));
    expect(engaged.state()).toBe('engaged');

    const close = startParty('aldoria');
    close.send(met(1), tabled(aldoriasDream, 1), ...willing, signedWith(damHalted, 1));
    expect(close.state()).toBe('close');

    for (const p of [guarded, engaged, close]) expect(p.reportsOf('party.signed')).toEqual([]);
    // The same party signs the same deal without the halted dam.
    close.send(signedWith(aldoriasDream, 1));
    expect(close.state()).toBe('signed');
  });

  it('for any text that crosses a red line and any run of events before it, the party never reaches signed', () => {
    const point = (id: string) => scenario.points.find((p) => p.id === id)!;
    const optionsOf = (id: string) => point(id).options.map((o) => o.id);
    const anyText = fc.record({
      flow: fc.constantFrom(...optionsOf('flow')),
      dam: fc.constantFrom(...optionsOf('dam')),
      monitoring: fc.constantFrom(...optionsOf('monitoring')),
      fund: fc.constantFrom(...optionsOf('fund')),
      island: fc.constantFrom(...optionsOf('island')),
    });
    const anyEvent: fc.Arbitrary<PartyEvent> = fc.oneof(
      fc.integer({ min: 0, max: TOTAL }).map(met),
      fc.integer({ min: 0, max: TOTAL }).map((d) => dayPassed(d, 0)),
      fc.constant(pressed),
      fc.integer({ min: 0, max: 50 }).map((value): PartyEvent => ({ type: 'incentive.granted', value })),
      fc.integer({ min: -20, max: 40 }).map((delta): PartyEvent => ({ type: 'trust.changed', delta })),
      fc.constant<PartyEvent>({ type: 'summit.failed' }),
      // Tabling what either side dreams of brings that side close.
      fc.tuple(fc.constantFrom(aldoriasDream, belmarsDream), fc.integer({ min: 0, max: TOTAL })).map(([t, d]) => tabled(t, d)),
      anyText.map((c) => tabled(text(c, ['island']), 5)),
    );
    const reached = new Set<PartyState>();
    fc.assert(
      fc.property(fc.constantFrom('aldoria', 'belmar'), anyText, fc.array(anyEvent, { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (id, choice, before, flex) => {
        const deal = text(choice);
        fc.pre(crossedRedLines(byId(id), deal).length > 0);
        const party = startParty(id);
        party.send(...before);
        reached.add(party.state());
        party.send(signedWith(deal, flex));
        expect(party.state()).not.toBe('signed');
        expect(party.reportsOf('party.signed')).toEqual([]);
      }),
      { seed: 5, numRuns: 300 },
    );
    // The deals came to parties in every state that can sign.
    expect([...reached]).toEqual(expect.arrayContaining(['guarded', 'engaged', 'close']));
  });
});

describe('answers carry their reasons', () => {
  it('a text over a red line is rejected with the red line and its reason', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(damHalted, 1));
    const [report] = aldoria.reportsOf('party.answered');
    expect(report!.answer).toMatchObject({ party: 'aldoria', kind: 'rejected', day: 1 });
    expect(report!.answer.evaluation.redLines).toEqual([{ id: 'no-halt', reason: 'Aldoria will not abandon the dam.' }]);
    expect(report!.answer.evaluation.acceptable).toBe(false);
    expect(aldoria.state()).toBe('engaged');
  });

  it('a text short of what it wants is rejected with a counter-proposal that would make it acceptable', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(10), tabled(middling, 10));
    const { answer } = aldoria.reportsOf('party.answered')[0]!;
    expect(answer.kind).toBe('rejected');
    expect(answer.evaluation.redLines).toEqual([]);
    expect(answer.evaluation.gap).toBeLessThan(0);
    expect(answer.counter).not.toBeNull();
    expect(answer.counter!.length).toBeGreaterThan(0);
    const judged = evaluate(byId('aldoria'), aldoria.context().mood, apply(middling, answer.counter!), 10, TOTAL);
    expect(judged.acceptable).toBe(true);
    // And it loses a little patience over a text that does not do.
    expect(aldoria.context().mood.patience).toBe(55 + PARTY_RULES.meetPatience - PARTY_RULES.rejectPatience);
  });

  it('an accepted text comes with the full evaluation and an empty counter-proposal', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), tabled(aldoriasDream, 1));
    const { answer } = aldoria.reportsOf('party.answered')[0]!;
    expect(answer).toMatchObject({ kind: 'accepted', counter: [] });
    expect(answer.evaluation).toMatchObject({ party: 'aldoria', utility: 100, acceptable: true, redLines: [] });
    expect(answer.evaluation.contributions.map((c) => c.point).sort()).toEqual(['dam', 'flow', 'fund', 'island', 'monitoring']);
  });

  it('a party not yet met rejects without saying what it would take', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(tabled(middling, 1));
    expect(aldoria.reportsOf('party.answered')[0]!.answer).toMatchObject({ kind: 'rejected', counter: null });
    expect(aldoria.state()).toBe('guarded');
  });

  it('a party that distrusts the mediator stalls instead of answering', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), { type: 'trust.changed', delta: -30 }, tabled(aldoriasDream, 1));
    expect(aldoria.context().mood.trust).toBeLessThan(PARTY_RULES.stallTrust);
    expect(aldoria.reportsOf('party.answered')[0]!.answer).toMatchObject({ kind: 'stalled', counter: null });
    expect(aldoria.state()).toBe('engaged');
  });

  it('a party that walked out does not answer: its answer is absent', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1));
    pressUntilItWalksOut(aldoria);
    aldoria.send(tabled(aldoriasDream, 2));
    expect(aldoria.reportsOf('party.answered')[0]!.answer).toMatchObject({ kind: 'absent', counter: null });
    expect(aldoria.state()).toBe('walkedOut');
  });
});

describe('mood between answers', () => {
  it('pressure lowers its demands now and wears off by half each day', () => {
    const aldoria = startParty('aldoria');
    aldoria.send(met(1), pressed);
    expect(aldoria.context().mood.pressure).toBe(8);
    aldoria.send(dayPassed(2));
    expect(aldoria.context().mood.pressure).toBe(8 * PARTY_RULES.pressureDecay);
  });

  it('news moves trust, patience and aspiration', () => {
    const belmar = startParty('belmar');
    belmar.send({ type: 'news.arrived', trust: -5, patience: -8, aspiration: -3 });
    expect(belmar.context().mood).toMatchObject({ trust: 50, patience: 52, shift: -3 });
  });
});
