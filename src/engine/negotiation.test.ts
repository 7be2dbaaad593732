import { afterEach, describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import type { Command } from './commands.ts';
import { crossedRedLines, utilityOf } from './evaluate.ts';
import { partyContext, partyStates } from './negotiationMachine.ts';
import { makeSave, mediatorLog, SAVE_VERSION, type SaveFile } from './save.ts';
import { seal } from './envelope.ts';
import { createGame, parseSave, replay, type Game } from './session.ts';
import { playOne } from './simulate.ts';


const scenario = tutorial();
const games: Game[] = [];
afterEach(() => games.splice(0).forEach((g) => g.stop()));

function newGame(seed = 1): Game {
  const game = createGame(scenario, { seed });
  games.push(game);
  return game;
}

/** Send a command that must be accepted; returns its notices. */
function ok(game: Game, command: Command) {
  const r = game.send(command);
  if (!r.ok) throw new Error(`${command.type} was refused: ${r.reason}`);
  return r.notices;
}

/** Send a command that must be refused, check it changed nothing, and return the reason. */
function refused(game: Game, command: Command): string {
  const before = game.view();
  const logged = game.log().length;
  const r = game.send(command);
  if (r.ok) throw new Error(`${command.type} was accepted`);
  expect(game.view()).toEqual(before);
  expect(game.log()).toHaveLength(logged);
  return r.reason;
}

const envoy = (game: Game, id: string) => game.view().envoys.find((e) => e.id === id)!;
const party = (game: Game, id: string) => game.view().parties.find((p) => p.id === id)!;
const endDay = { type: 'day.end' } as const;
const lead = 'envoy-lead';
const tech = 'envoy-tech';

/** Both envoys to Aldor City, arriving the next day. */
function bothToAldor(game: Game): void {
  ok(game, { type: 'envoy.travel', envoy: lead, to: 'aldor' });
  ok(game, { type: 'envoy.travel', envoy: tech, to: 'aldor' });
  ok(game, endDay);
}

describe('envoys act only where they are', () => {
  it('meeting a party where the envoy is not is refused, and the reason says where the party is met', () => {
    const game = newGame();
    expect(envoy(game, lead).at).toBe('lakeside');
    const reason = refused(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' });
    expect(reason).toContain('Aldor City');
    expect(reason).toContain('Marta Oyelaran');
    expect(refused(game, { type: 'envoy.table', envoy: lead, party: 'belmar' })).toContain('Belmar Port');
  });

  it('travel takes the route’s days: one day Lakeside → Aldor City, two days Aldor City → Belmar Port', () => {
    const game = newGame();
    const departed = ok(game, { type: 'envoy.travel', envoy: lead, to: 'aldor' });
    expect(departed.map((n) => n.kind)).toEqual(['envoy.departed']);
    expect(envoy(game, lead)).toMatchObject({ at: 'lakeside', to: 'aldor', arrives: 1, actionsLeft: 0 });
    expect(refused(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' })).toBe('Marta Oyelaran is travelling');

    const nextDay = ok(game, endDay);
    expect(nextDay).toContainEqual(expect.objectContaining({ kind: 'envoy.arrived', envoy: lead, day: 1, date: '2031-03-03' }));
    expect(envoy(game, lead)).toMatchObject({ at: 'aldor', to: null, arrives: null, actionsLeft: 3 });
    ok(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' });

    ok(game, { type: 'envoy.travel', envoy: lead, to: 'belport' });
    expect(envoy(game, lead)).toMatchObject({ to: 'belport', arrives: 3 });
    expect(ok(game, endDay).some((n) => n.kind === 'envoy.arrived')).toBe(false);
    expect(envoy(game, lead)).toMatchObject({ at: 'aldor', to: 'belport' });
    expect(refused(game, { type: 'envoy.meet', envoy: lead, party: 'belmar' })).toBe('Marta Oyelaran is travelling');
    expect(ok(game, endDay)).toContainEqual(expect.objectContaining({ kind: 'envoy.arrived', envoy: lead, day: 3, date: '2031-03-05' }));
    expect(envoy(game, lead)).toMatchObject({ at: 'belport', to: null });
    ok(game, { type: 'envoy.meet', envoy: lead, party: 'belmar' });
  });

  it('an envoy cannot travel to where it already is', () => {
    const game = newGame();
    expect(refused(game, { type: 'envoy.travel', envoy: lead, to: 'lakeside' })).toContain('already there');
  });
});

describe('actions and political capital', () => {
  it('an envoy has three actions a day; the fourth is refused until the day ends', () => {
    const game = newGame();
    bothToAldor(game);
    for (let i = 0; i < scenario.calendar.actionsPerDay; i++) ok(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' });
    expect(envoy(game, lead).actionsLeft).toBe(0);
    expect(refused(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' })).toBe('Marta Oyelaran has no actions left today');
    // The other envoy still has its own.
    ok(game, { type: 'envoy.meet', envoy: tech, party: 'aldoria' });
    ok(game, endDay);
    expect(envoy(game, lead).actionsLeft).toBe(3);
    ok(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' });
  });

  it('tabling, pressing and incentives spend capital; what cannot be paid for is refused and costs nothing', () => {
    const game = newGame();
    const { costs } = scenario.mediator;
    bothToAldor(game);
    expect(game.view().capital).toBe(60);
    ok(game, { type: 'envoy.table', envoy: lead, party: 'aldoria' });
    expect(game.view().capital).toBe(60 - costs.table);
    ok(game, { type: 'envoy.press', envoy: lead, party: 'aldoria' });
    expect(game.view().capital).toBe(60 - costs.table - costs.press);
    const belmarTrust = party(game, 'belmar').trust;
    ok(game, { type: 'envoy.offer', envoy: lead, incentive: 'power-deal' });
    expect(game.view().capital).toBe(60 - costs.table - costs.press - 15);
    // Belmar objects to the power deal.
    expect(party(game, 'belmar').trust).toBe(belmarTrust - 5);
    expect(refused(game, { type: 'envoy.offer', envoy: tech, incentive: 'power-deal' })).toContain('already been offered');
    for (let i = 0; i < 3; i++) ok(game, { type: 'envoy.press', envoy: tech, party: 'aldoria' });
    expect(game.view().capital).toBe(3);
    ok(game, endDay);

    expect(refused(game, { type: 'envoy.press', envoy: lead, party: 'aldoria' })).toBe('not enough political capital to apply pressure (needs 10, have 3)');
    expect(refused(game, { type: 'summit.call' })).toBe('not enough political capital to call a summit (needs 8, have 3)');
    ok(game, { type: 'envoy.table', envoy: lead, party: 'aldoria' });
    expect(game.view().capital).toBe(1);
    expect(refused(game, { type: 'envoy.table', envoy: lead, party: 'aldoria' })).toBe('not enough political capital to table the text (needs 2, have 1)');
    // Meetings are free.
    ok(game, { type: 'envoy.meet', envoy: lead, party: 'aldoria' });
    expect(game.view().capital).toBe(1);
    // What the view offers as legal matches: no presses, no tables.
    expect(game.view().legal.filter((c) => c.type === 'envoy.press' || c.type === 'envoy.table' || c.type === 'summit.call')).toEqual([]);
  });
});

describe('redrafting, dropping and deferring points', () => {
  it('a point that may not be omitted cannot be dropped; one that may, can, and the plan gets shorter', () => {
    const game = newGame();
    expect(refused(game, { type: 'text.omit', point: 'flow' })).toBe('"Share of the river\'s flow" cannot be dropped from the plan');
    expect(refused(game, { type: 'text.package', changes: [{ point: 'fund', option: 'shared' }, { point: 'dam', option: 'omit' }] }))
      .toBe('"The Aldorian dam" cannot be dropped from the plan');
    expect(game.view().pointsInText).toBe(5);
    const notices = ok(game, { type: 'text.omit', point: 'fund' });
    expect(notices.map((n) => n.kind)).toEqual(['point.omitted']);
    expect(game.view().text.fund).toEqual({ option: 'omit', deferred: false });
    expect(game.view().pointsInText).toBe(4);
    expect(game.view().version).toBe(1);
    expect(game.view().history.map((h) => h.points)).toEqual([5, 4]);
    // A dropped point is not in the text, so it cannot be deferred either.
    expect(refused(game, { type: 'text.defer', point: 'fund' })).toBe('"Compensation fund" is not in the text');
  });

  it('a leaders-only point cannot be brought back from the leaders, nor redrafted by the envoys', () => {
    const game = newGame();
    expect(game.view().text.island).toEqual({ option: 'aldorian', deferred: true });
    expect(refused(game, { type: 'text.undefer', point: 'island' })).toBe('only the leaders can settle "Heron Island"');
    expect(refused(game, { type: 'text.redraft', point: 'island', option: 'joint-admin' })).toContain('deferred to the leaders');
  });

  it('a point the player defers is frozen until it is brought back', () => {
    const game = newGame();
    ok(game, { type: 'text.defer', point: 'monitoring' });
    expect(game.view().text.monitoring).toEqual({ option: 'national', deferred: true });
    expect(refused(game, { type: 'text.redraft', point: 'monitoring', option: 'joint' })).toContain('deferred to the leaders');
    expect(refused(game, { type: 'text.defer', point: 'monitoring' })).toContain('already deferred');
    ok(game, { type: 'text.undefer', point: 'monitoring' });
    ok(game, { type: 'text.redraft', point: 'monitoring', option: 'joint' });
    expect(game.view().text.monitoring).toEqual({ option: 'joint', deferred: false });
    expect(refused(game, { type: 'text.undefer', point: 'monitoring' })).toContain('is not deferred');
  });

  it('an option the point does not have is refused', () => {
    const game = newGame();
    expect(refused(game, { type: 'text.redraft', point: 'flow', option: 'f70' })).toBe('"Share of the river\'s flow" has no option "f70"');
    expect(refused(game, { type: 'text.redraft', point: 'rivers', option: 'f50' })).toBe('there is no point "rivers"');
  });
});

describe('the summit condition', () => {
  it('a summit called before the text was tabled is refused with the reason; it costs capital and changes nothing in the text', () => {
    const game = newGame();
    const before = game.view();
    const notices = ok(game, { type: 'summit.call' });
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'summit.refused', text: 'The leaders declined to meet: the current text has not been tabled with Aldoria, Belmar.' }),
    ]);
    const after = game.view();
    expect(after.capital).toBe(before.capital - scenario.mediator.costs.summit);
    expect(after.text).toEqual(before.text);
    expect(after.version).toBe(before.version);
    expect(after.history).toEqual(before.history);
    expect(after.outcome).toBeNull();
    // It costs credibility too.
    expect(party(game, 'aldoria').trust).toBeLessThan(before.parties.find((p) => p.id === 'aldoria')!.trust);
  });

  it('a summit called with more points open than the leaders will take is refused, saying how many and naming them', () => {
    const game = newGame();
    ok(game, { type: 'envoy.travel', envoy: lead, to: 'aldor' });
    ok(game, { type: 'envoy.travel', envoy: tech, to: 'belport' });
    ok(game, endDay);
    ok(game, { type: 'envoy.table', envoy: lead, party: 'aldoria' });
    ok(game, { type: 'envoy.table', envoy: tech, party: 'belmar' });
    const text = game.view().text;
    const notices = ok(game, { type: 'summit.call' });
    expect(notices[0]!.kind).toBe('summit.refused');
    expect(notices[0]!.text).toMatch(/^The leaders declined to meet: \d+ points are still open \(“[^”]+”(, “[^”]+”)+\); leaders meet only when at most 2 are\.$/);
    const open = game.truth().scenario.points.filter((p) => notices[0]!.text.includes(`“${p.title}”`));
    expect(open.length).toBe(Number(/(\d+) points/.exec(notices[0]!.text)![1]));
    expect(game.view().text).toEqual(text);
    expect(game.view().outcome).toBeNull();
  });
});

describe('how a game ends', () => {
  it('the deadline passing without a deal ends the game as a timeout', () => {
    const game = newGame();
    let days = 0;
    while (game.view().outcome === null && days < 100) {
      ok(game, endDay);
      days++;
    }
    // 2031-03-02 to 2031-03-22 is 20 days; the 21st end of day runs past the deadline.
    expect(days).toBe(21);
    expect(game.view().outcome).toEqual({ kind: 'timeout', day: 20, reason: 'The deadline (2031-03-22) passed without a signed text.' });
    // The journal ends on the deadline day itself, as the outcome does: no entry from a day never played.
    expect(game.view().journal.at(-1)).toMatchObject({ kind: 'deadline.reached', day: 20, date: '2031-03-22' });
    expect(game.view().date).toBe('2031-03-22');
    expect(Math.max(...game.view().journal.map((n) => n.day))).toBe(game.view().day);
    expect(refused(game, endDay)).toBe('the negotiation is over');
    expect(game.view().legal).toEqual([]);
  });

  it('a required signatory that walks out and stays away ends the talks in collapse', () => {
    const game = newGame();
    bothToAldor(game);
    // Press Aldoria (and table texts at it once the capital for pressing is gone) until it walks out.
    for (let i = 0; i < 200 && party(game, 'aldoria').state !== 'walkedOut'; i++) {
      const legal = game.view().legal;
      const next = legal.find((c) => c.type === 'envoy.press' && c.party === 'aldoria')
        ?? legal.find((c) => c.type === 'envoy.table' && c.party === 'aldoria')
        ?? endDay;
      ok(game, next);
    }
    expect(party(game, 'aldoria').state).toBe('walkedOut');
    expect(game.view().journal).toContainEqual(expect.objectContaining({ kind: 'party.walkedOut', party: 'aldoria' }));
    expect(refused(game, { type: 'envoy.press', envoy: lead, party: 'aldoria' })).toContain('walked out');
    expect(game.view().outcome).toBeNull();
    const walkedOutOn = game.view().day;
    while (game.view().outcome === null) ok(game, endDay);
    expect(game.view().outcome).toEqual({ kind: 'collapse', day: walkedOutOn + 3, reason: 'Aldoria withdrew, and no deal is possible without it.' });
    expect(walkedOutOn + 3).toBeLessThan(20);
    expect(party(game, 'aldoria').state).toBe('withdrawn');
    expect(game.view().journal.slice(-2).map((n) => n.kind)).toEqual(['party.withdrew', 'talks.collapsed']);
  });
});

describe('the world does not wait', () => {
  it('the drought warning scheduled for 2031-03-06 appears in the journal on that date, not before', () => {
    const game = newGame();
    const drought = () => game.view().journal.filter((n) => n.text.startsWith('Forecasters warn of a dry spring'));
    for (let d = 0; d < 3; d++) ok(game, endDay);
    expect(game.view().date).toBe('2031-03-05');
    expect(drought()).toEqual([]);
    expect(partyContext(game.truth(), 'belmar')!.mood.shift).toBe(0);
    const notices = ok(game, endDay);
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'news.reported', day: 4, date: '2031-03-06' }));
    expect(drought()).toHaveLength(1);
    // Its effects reach the parties: Belmar softens by 3 and Aldoria by 2.
    expect(partyContext(game.truth(), 'belmar')!.mood.shift).toBe(-3);
    expect(partyContext(game.truth(), 'aldoria')!.mood.shift).toBe(-2);
    for (let d = 0; d < 5; d++) ok(game, endDay);
    expect(drought()).toHaveLength(1);
  });
});

describe('soft deadlines', () => {
  const soft = (game: Game) => game.view().journal.filter((n) => n.kind === 'deadline.passed');
  const patience = (game: Game, id: string) => partyContext(game.truth(), id)!.mood.patience;

  it('a soft deadline fires on its own date, not the day after', () => {
    // The tutorial's "Planting season opens" is dated 2031-03-13, day 11 of a game opening on 2031-03-02.
    const game = newGame();
    while (game.view().date < '2031-03-12') ok(game, endDay);
    expect(soft(game)).toEqual([]);
    const before = patience(game, 'belmar');
    const notices = ok(game, endDay);
    expect(game.view().date).toBe('2031-03-13');
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'deadline.passed', date: '2031-03-13', text: expect.stringContaining('Planting season opens') }));
    // The usual day's wear (−1) and the soft deadline's (−8), both on that day.
    expect(patience(game, 'belmar')).toBe(before - 9);
    ok(game, endDay);
    expect(soft(game)).toHaveLength(1);
  });

  it('a soft deadline dated the opening day fires as the talks open', () => {
    const opening = { ...scenario, calendar: { ...scenario.calendar, softDeadlines: [{ date: scenario.calendar.start, label: 'The summit season opens', patience: -8 }] } };
    const plain = createGame(scenario, { seed: 1 });
    const game = createGame(opening, { seed: 1 });
    games.push(plain, game);
    expect(soft(game)).toEqual([expect.objectContaining({ day: 0, date: '2031-03-02' })]);
    expect(patience(game, 'belmar')).toBe(patience(plain, 'belmar') - 8);
  });
});

describe('a full game played by the mediator bot', () => {
  /** The first seed from 1 on where the mediator bot reaches a deal. */
  function dealGame(): Game {
    for (let seed = 1; seed <= 10; seed++) {
      const game = playOne(scenario, 'mediator', seed);
      games.push(game);
      if (game.view().outcome?.kind === 'deal') return game;
    }
    throw new Error('the mediator bot reached no deal in ten seeds');
  }

  it('a deal is signed by every required party, none of whose red lines it crosses, each at or above its reservation', () => {
    const game = dealGame();
    const outcome = game.view().outcome!;
    if (outcome.kind !== 'deal') throw new Error('not a deal');
    expect([...outcome.signers].sort()).toEqual([...scenario.ratification.signatories].sort());
    expect(Object.values(outcome.text).every((c) => !c.deferred)).toBe(true);
    expect(game.view().text).toEqual(outcome.text);
    const states = partyStates(game.truth());
    for (const id of outcome.signers) {
      const p = scenario.parties.find((x) => x.id === id)!;
      expect(crossedRedLines(p, outcome.text)).toEqual([]);
      expect(outcome.score.margins[id]).toBeGreaterThanOrEqual(0);
      expect(outcome.score.margins[id]).toBeCloseTo(utilityOf(p, outcome.text).utility - p.reservation, 1);
      expect(states[id]).toBe('signed');
    }
    expect(outcome.score.durability).toBe(Math.min(...Object.values(outcome.score.margins)));
    expect(game.view().journal).toContainEqual(expect.objectContaining({ kind: 'deal.signed' }));
  });

  it('its save, written to JSON and read back, replays to the very same view', () => {
    const game = dealGame();
    const json = JSON.stringify(game.save());
    const parsed = parseSave(json);
    if (!parsed.ok) throw new Error(parsed.message);
    const replayed = replay(scenario, parsed.save);
    if (!replayed.ok) throw new Error(replayed.message);
    games.push(replayed.game);
    expect(replayed.game.view()).toEqual(game.view());
    expect(replayed.game.log()).toEqual(game.log());
  });

  it('a game saved mid-way replays to the same view, and play continues from there alike', () => {
    const full = dealGame();
    const game = newGame(full.seed);
    const half = full.log().slice(0, Math.floor(full.log().length / 2));
    for (const c of half) ok(game, c);
    const parsed = parseSave(JSON.stringify(game.save()));
    if (!parsed.ok) throw new Error(parsed.message);
    const replayed = replay(scenario, parsed.save);
    if (!replayed.ok) throw new Error(replayed.message);
    games.push(replayed.game);
    expect(replayed.game.view()).toEqual(game.view());
    for (const c of full.log().slice(half.length)) {
      ok(game, c);
      ok(replayed.game, c);
    }
    expect(replayed.game.view()).toEqual(full.view());
  });
});

describe('corrupt or outdated saves', () => {
  const good: SaveFile = makeSave({
    scenario: { id: 'tutorial', version: scenario.version },
    start: 'draft',
    seed: 1,
    difficulty: 'standard',
    split: false,
    seats: {},
    log: mediatorLog([{ type: 'envoy.travel', envoy: lead, to: 'aldor' }, endDay]),
  });
  const commandsOnly = good.log.map((e) => e.command);
  /** A save changed and sealed again, as a program that writes bad saves would. */
  const resealed = (fields: Record<string, unknown>) => JSON.stringify(seal(fields));
  const message = (text: string) => {
    const r = parseSave(text);
    if (r.ok) throw new Error('the save was read');
    return r.message;
  };

  it('a good save is read and replays', () => {
    const parsed = parseSave(JSON.stringify(good));
    expect(parsed).toEqual({ ok: true, save: good });
    const r = replay(scenario, good);
    if (!r.ok) throw new Error(r.message);
    games.push(r.game);
    expect(r.game.view().envoys.find((e) => e.id === lead)!.at).toBe('aldor');
  });

  it('text that is not JSON', () => {
    expect(message('{"format": "accord-save", ')).toMatch(/^the save is not valid JSON \(.+\)$/);
  });

  it('JSON that is not an Accord save says which field is wrong', () => {
    expect(message(JSON.stringify({ ...good, format: 'chess-pgn' }))).toBe('the save is a "chess-pgn" file, not "accord-save"');
    expect(message('[]')).toBe('the save is not an Accord file (expected a JSON object)');
    expect(message(resealed({ ...good, seed: -4 }))).toMatch(/^the save is not an Accord save: seed: /);
  });

  it('a save from a newer version of the format', () => {
    expect(message(JSON.stringify({ ...good, version: SAVE_VERSION + 1 }))).toBe(
      `the save is format version ${SAVE_VERSION + 1}, newer than this version of Accord reads (${SAVE_VERSION}); update Accord`,
    );
  });

  it('a JSON file from another program is not taken for a save of another version, even with a numeric version', () => {
    // vercel.json, for one, has "version": 2.
    expect(message(JSON.stringify({ version: 2, builds: [{ src: 'index.html' }] }))).toBe('the save is not an Accord file (no "format": "accord-save")');
  });

  it('a save edited by hand, or cut short in storage, fails its checksum', () => {
    expect(message(JSON.stringify({ ...good, seed: 2 }))).toBe('the save fails its checksum: it was edited or damaged after it was written');
    expect(message(JSON.stringify({ ...good, checksum: undefined }))).toBe('the save has no checksum, so it cannot be trusted');
  });

  it('a version 1 save (no rules version, no checksum) is migrated and replays', () => {
    const { engine: _engine, checksum: _checksum, split: _split, seats: _seats, ...v1 } = good;
    const parsed = parseSave(JSON.stringify({ ...v1, version: 1, log: commandsOnly }));
    expect(parsed).toEqual({ ok: true, save: { ...good, engine: 0, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } });
    if (!parsed.ok) return;
    const r = replay(scenario, parsed.save);
    expect(r.ok).toBe(true);
    if (r.ok) games.push(r.game);
  });

  it('a version 2 save (one player, commands only) loads as the mediator\'s game', () => {
    const { checksum: _checksum, split: _split, seats: _seats, ...rest } = good;
    const parsed = parseSave(JSON.stringify(seal({ ...rest, version: 2, log: commandsOnly })));
    expect(parsed).toEqual({ ok: true, save: { ...good, checksum: expect.stringMatching(/^sha256:/) } });
    if (!parsed.ok) return;
    const r = replay(scenario, parsed.save);
    if (!r.ok) throw new Error(r.message);
    games.push(r.game);
    expect(r.game.log()).toEqual(commandsOnly);
    expect(r.game.table.log().map((e) => e.seat)).toEqual([r.game.seat, r.game.seat]);
  });

  it('nesting deep enough to overflow a recursive reader is refused with where it starts, not thrown', () => {
    const deep = `{"format":"accord-save","version":2,"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(message(deep)).toBe('the save is nested too deeply (more than 64 levels, at line 1, column 104)');
  });

  it('an unknown command type names the entry of the log', () => {
    expect(message(resealed({ ...good, log: mediatorLog([{ type: 'envoy.teleport', envoy: lead, to: 'aldor' } as unknown as Command]) }))).toMatch(
      /^the save is not an Accord save: log\.0\.command\.type: .*envoy\.travel/,
    );
    expect(message(resealed({ ...good, log: mediatorLog([endDay, { type: 'envoy.meet', envoy: lead } as unknown as Command]) }))).toMatch(
      /^the save is not an Accord save: log\.1\.command\.party: /,
    );
  });

  it('a command that no longer applies says which, and why', () => {
    const stale: SaveFile = { ...good, log: mediatorLog([{ type: 'envoy.meet', envoy: lead, party: 'aldoria' }]) };
    expect(replay(scenario, stale)).toEqual({
      ok: false,
      message: 'command 1 (envoy.meet) no longer applies: Aldoria is met in Aldor City; Marta Oyelaran is elsewhere',
    });
    const late: SaveFile = { ...good, log: mediatorLog([endDay, { type: 'text.omit', point: 'flow' }]) };
    expect(replay(scenario, late)).toMatchObject({ ok: false, message: expect.stringMatching(/^command 2 \(text\.omit\) no longer applies: .*cannot be dropped/) });
  });

  it('a save of another scenario, or of another version of this one, is refused', () => {
    expect(replay(scenario, { ...good, scenario: { id: 'ukraine', version: '1.0.0' } })).toEqual({
      ok: false,
      message: 'the save is for scenario "ukraine", not "tutorial"',
    });
    expect(replay(scenario, { ...good, scenario: { id: 'tutorial', version: '0.9.0' } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('version 0.9.0'),
    });
  });

  it('a malformed command sent to a game is refused, not thrown', () => {
    const game = newGame();
    const r = game.send({ type: 'envoy.fly', envoy: lead } as unknown as Command);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a command: /) });
    expect(game.log()).toEqual([]);
  });
});

describe('news on the opening day', () => {
  it('happens as the talks open, and moves the parties it names', () => {
    const early = { ...scenario, events: scenario.events.map((e) => (e.id === 'drought-warning' ? { ...e, on: scenario.calendar.start } : e)) };
    const game = createGame(early, { seed: 1 });
    const view = game.view();
    expect(view.journal.map((n) => n.kind)).toEqual(['game.started', 'news.reported']);
    expect(view.journal[1]!.text).toMatch(/^Forecasters warn of a dry spring\. /);
    // The drought warning costs Belmar 8 patience.
    expect(view.parties.find((p) => p.id === 'belmar')!.patience).toBe(52);
    game.stop();
  });
});

describe('what a party that will not talk reveals', () => {
  it('a stalled answer reveals no red line', () => {
    const wary = { ...scenario, parties: scenario.parties.map((p) => (p.id === 'belmar' ? { ...p, trust: 10 } : p)) };
    const game = createGame(wary, { seed: 1 });
    game.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' });
    game.send({ type: 'day.end' });
    const before = game.view().parties.find((p) => p.id === 'belmar')!.knownRedLines.map((l) => l.id);
    const r = game.send({ type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    expect(r.ok && r.notices.some((n) => n.kind === 'proposal.stalled')).toBe(true);
    const belmar = game.view().parties.find((p) => p.id === 'belmar')!;
    expect(belmar.knownRedLines.map((l) => l.id)).toEqual(before);
    expect(belmar.answer?.redLines).toEqual([]);
    game.stop();
  });
});

describe('saves too long to be a real game', () => {
  it('are refused before any replay', () => {
    const log = Array.from({ length: 5001 }, () => ({ type: 'day.end' as const }));
    const r = parseSave(JSON.stringify(makeSave({ scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 1, difficulty: 'standard', split: false, seats: {}, log: mediatorLog(log) })));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/log/) });
  });
});
