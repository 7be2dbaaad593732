import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utilityOf } from '../engine/evaluate.ts';
import { passes, ruleOf } from '../engine/ratification.ts';
import type { PlanText } from '../engine/text.ts';
import { formatProblem, loadScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  formatImportProblem,
  importScoringSheet,
  parseScoringSheet,
  reservationBelow,
  sheetAccepts,
  sheetPasses,
  toId,
  type ImportResult,
  type Imported,
  type ReadFile,
  type SheetGame,
} from './scoringSheet.ts';
import { toYaml } from './toYaml.ts';

const root = new URL('../../', import.meta.url);
const FIXTURES = 'src/importer/fixtures/scorable-games';

/** The five games of the reference set, and the scenario each is committed as. */
const GAMES = [
  { folder: 'base', id: 'scoring-base' },
  { folder: 'base_7players', id: 'scoring-base-7' },
  { folder: 'game1', id: 'scoring-game1' },
  { folder: 'game2', id: 'scoring-game2' },
  { folder: 'game3', id: 'scoring-game3' },
] as const;

/** Read a folder of the repository, as the command line does (missing files are "file not found"). */
function readFolder(path: string): ReadFile {
  return (name) => {
    try {
      return readFileSync(new URL(`${path}/${name}`, root), 'utf8');
    } catch {
      return { error: 'file not found' };
    }
  };
}

/** An in-memory folder: a real game with some files replaced (null removes a file). */
function edited(game: string, changes: Record<string, string | null>): ReadFile {
  const real = readFolder(`${FIXTURES}/${game}`);
  return (name) => {
    if (name in changes) return changes[name] ?? { error: 'file not found' };
    return real(name);
  };
}

function memory(files: Record<string, string>): ReadFile {
  return (name) => files[name] ?? { error: 'file not found' };
}

function problems(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected problems, but the sheet imported');
  return result.problems.map(formatImportProblem);
}

function imported(result: ImportResult): Imported {
  if (!result.ok) throw new Error(`expected an import, got:\n${result.problems.map(formatImportProblem).join('\n')}`);
  return result.imported;
}

/** The scenario as the game loads it, from the importer's YAML. */
function load(text: string, file = 'scenarios/x/scenario.yaml'): Scenario {
  const result = loadScenarioText(text, file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/** Every deal of a game (option index per issue). */
function* deals(options: readonly number[]): Generator<number[]> {
  const deal = options.map(() => 0);
  for (;;) {
    yield [...deal];
    let i = 0;
    while (i < deal.length && ++deal[i]! === options[i]) deal[i++] = 0;
    if (i === deal.length) return;
  }
}

const textOf = (deal: readonly number[]): PlanText =>
  Object.fromEntries(deal.map((opt, i) => [String.fromCharCode(97 + i), { option: `${String.fromCharCode(97 + i)}${opt + 1}`, deferred: false }]));

/**
 * For every deal: each party accepts under the sheet (total ≥ minimum) exactly when its Accord
 * utility reaches its reservation, and the deal passes the sheet's rule exactly when it passes
 * the scenario's ratification. Returns how many party judgements sat exactly at the minimum.
 */
function expectSameAcceptance(game: SheetGame, scenario: Scenario): { deals: number; boundary: number } {
  const parties = scenario.parties.filter((p) => p.role === 'signatory');
  expect(parties.map((p) => p.name)).toEqual(game.parties.map((p) => p.name));
  const rule = ruleOf(scenario);
  let count = 0;
  let boundary = 0;
  const mismatches: string[] = [];
  for (const deal of deals(game.options)) {
    count++;
    const text = textOf(deal);
    const accepting = new Set<string>();
    game.parties.forEach((sheet, i) => {
      const party = parties[i]!;
      const bySheet = sheetAccepts(sheet, deal, game.places);
      const byAccord = utilityOf(party, text).utility >= party.reservation;
      if (bySheet !== byAccord) mismatches.push(`${party.id} on ${deal.map((o, j) => `${String.fromCharCode(65 + j)}${o + 1}`).join(',')}: sheet ${bySheet}, Accord ${byAccord}`);
      if (byAccord) accepting.add(party.id);
      const total = deal.reduce((sum, o, j) => sum + sheet.scores[j]![o]!, 0);
      if (Math.abs(total - sheet.minimum) < 1e-9) boundary++;
    });
    if (sheetPasses(game, deal) !== passes(rule, accepting)) mismatches.push(`rule on ${deal.join(',')}`);
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  return { deals: count, boundary };
}

describe('the five reference games', () => {
  describe.each(GAMES)('$folder', ({ folder, id }) => {
    const path = `${FIXTURES}/${folder}`;
    const output = `scenarios/${id}/scenario.yaml`;
    const result = importScoringSheet(path, readFolder(path), { id });
    const game = () => imported(result).game;

    it('imports without problems', () => {
      expect(result.ok ? [] : problems(result)).toEqual([]);
    });

    it(`${output} is what the importer writes (regenerate it with the command in its header)`, () => {
      const command = `npx accord import ${path} -o ${output} --force`;
      const committed = readFileSync(new URL(output, root), 'utf8');
      expect(committed).toBe(toYaml(imported(result), { command }));
    });

    it(`every deal: a party accepts by the sheet exactly when it accepts in ${output} (engine utilityOf), and the rule agrees`, () => {
      const scenario = load(readFileSync(new URL(output, root), 'utf8'), output);
      const { deals: n, boundary } = expectSameAcceptance(game(), scenario);
      expect(n).toBe(game().options.reduce((a, b) => a * b, 1));
      // Totals exactly at a minimum occur, so the rounding at the boundary is exercised.
      expect(boundary).toBeGreaterThan(0);
    });

    it('utility is 100 × total / (sum of the best scores), and the scenario has the sheet\'s parties, rule and start', () => {
      const scenario = load(readFileSync(new URL(output, root), 'utf8'), output);
      const g = game();
      const signatories = scenario.parties.filter((p) => p.role === 'signatory');
      for (const deal of [g.initialDeal, ...[...deals(g.options)].filter((_, k) => k % 97 === 0)]) {
        g.parties.forEach((sheet, i) => {
          const span = sheet.scores.reduce((sum, row) => sum + Math.max(...row), 0);
          const total = deal.reduce((sum, o, j) => sum + sheet.scores[j]![o]!, 0);
          expect(utilityOf(signatories[i]!, textOf(deal)).utility).toBeCloseTo((100 * total) / span, 9);
        });
      }
      const mediator = scenario.parties.filter((p) => p.role === 'mediator');
      expect(mediator.map((p) => p.name)).toEqual(['Facilitator']);
      expect(scenario.ratification.signatories).toEqual(signatories.map((p) => p.id));
      expect(scenario.ratification.atLeast).toBe(g.parties.length - 1);
      const vetoes = ['p1', 'p2'].map((role) => signatories[g.parties.findIndex((p) => p.role === role)]!.id);
      expect(scenario.ratification.vetoes).toEqual(vetoes);
      expect(scenario.starts).toHaveLength(1);
      expect(Object.values(scenario.starts[0]!.text).join(',').toUpperCase()).toBe(g.initialDealText.replace(/\s/g, ''));
      expect(scenario.points.every((p) => !p.omittable && !p.leadersOnly)).toBe(true);
      expect(scenario.points[0]).toMatchObject({ id: 'a', title: 'Issue A' });
      expect(scenario.points[0]!.options.slice(0, 2)).toEqual([{ id: 'a1', label: 'A1', text: '' }, { id: 'a2', label: 'A2', text: '' }]);
      for (const p of signatories) {
        expect(p).toMatchObject({ trust: 50, patience: 60, concession: 'linear', redLines: [] });
        expect(p.opening).toBeCloseTo((p.reservation + 100) / 2, 2);
      }
      expect(scenario.venues).toHaveLength(1);
      expect(scenario.events).toEqual([]);
      expect(scenario.incentives).toEqual([]);
      expect(scenario.summit.maxOpenPoints).toBe(2);
    });
  });

  it('the sheets have no negative scores (so no shift is applied to them)', () => {
    for (const { folder } of GAMES) {
      const g = imported(importScoringSheet(folder, readFolder(`${FIXTURES}/${folder}`)));
      expect(g.parties.every((p) => p.shifts.every((s) => s === 0))).toBe(true);
    }
  });

  it('party ids come from the file ids, lower-cased: SportCo → sportco, DoT → dot', () => {
    const g = imported(importScoringSheet('base', readFolder(`${FIXTURES}/base`)));
    expect(g.parties.map((p) => p.id)).toEqual(['mayor', 'other_cities', 'union', 'sportco', 'dot', 'enviroment']);
    expect(g.scenario.id).toBe('scoring-base');
    expect(g.scenario.title).toBe('Scoring game: base');
  });
});

describe('the mapping on other sheets', () => {
  /** Import in-memory files, write and reload the YAML, and compare every deal with the sheet. */
  function roundTrip(files: Record<string, string>) {
    const result = imported(importScoringSheet('t', memory(files)));
    const scenario = load(toYaml(result));
    return { result, scenario, ...expectSameAcceptance(result.game, scenario) };
  }

  it('negative scores are shifted per issue, and the reservation with them', () => {
    const { result } = roundTrip({
      'config.txt': 'One,one,p1\nTwo,two,p2\nThree,three,player',
      'one.txt': '-10, 0, 5\n-3, -1\n0, 0, 0, 0\n-4',
      'two.txt': '3, -2, 1\n0, 7\n1, 2, 3, 4\n6',
      'three.txt': '-5, -5, -5\n-1, -1\n-2, 0, -7, 1\n-6',
      'initial_deal.txt': 'A1, B2, C3',
    });
    const one = result.parties[0]!;
    expect(one.shifts).toEqual([-10, -3, 0]);
    expect(one.maxima).toEqual([15, 2, 0]);
    expect(one.exactReservation).toBeCloseTo((100 * (-4 - -13)) / 17, 12);
    // A party indifferent to an issue does not weigh it.
    expect(Object.keys(result.scenario.parties[1]!.weights)).toEqual(['a', 'b']);
  });

  it('decimal scores: totals are compared as written (0.1 + 0.2 reaches 0.3)', () => {
    const { result, boundary } = roundTrip({
      'config.txt': 'One,one,p1\nTwo,two,p2',
      'one.txt': '0.1, 0, 0.25\n0.2, 0.05\n0.3',
      'two.txt': '1.5, 1, 0\n0, 0.55\n1.75',
      'initial_deal.txt': 'A1,B1',
    });
    expect(result.game.places).toBe(2);
    expect(boundary).toBeGreaterThan(0);
  });

  it('a party that accepts every deal, and one indifferent to everything', () => {
    const { result } = roundTrip({
      'config.txt': 'One,one,p1\nTwo,two,p2\nThree,three,player',
      'one.txt': '1, 2\n3, 4\n0',
      'two.txt': '0, 0\n0, 0\n0',
      'three.txt': '5, 1\n0, 2\n4',
      'initial_deal.txt': 'A2,B1',
    });
    expect(result.parties.slice(0, 2).map((p) => p.reservation)).toEqual([0, 0]);
  });

  it('random sheets: acceptance is the same for every deal', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let g = 0; g < 40; g++) {
      const issues = 1 + rand(5);
      const options = Array.from({ length: issues }, () => 1 + rand(5));
      const parties = 2 + rand(6);
      const files: Record<string, string> = { 'config.txt': '', 'initial_deal.txt': options.map((o, i) => `${String.fromCharCode(65 + i)}${1 + rand(o)}`).join(',') };
      const config: string[] = [];
      for (let p = 0; p < parties; p++) {
        const scores = options.map((o) => Array.from({ length: o }, () => rand(61) - (g % 3 === 0 ? 20 : 0)));
        const best = scores.reduce((s, row) => s + Math.max(...row), 0);
        const worst = scores.reduce((s, row) => s + Math.min(...row), 0);
        const minimum = worst + rand(Math.max(1, best - worst + 1));
        files[`p${p}.txt`] = [...scores.map((row) => row.join(', ')), String(minimum)].join('\n');
        config.push(`Party ${p},p${p},${p === 0 ? 'p1' : p === 1 ? 'p2' : 'player'},x,y`);
      }
      files['config.txt'] = config.join('\n');
      roundTrip(files);
    }
  });

  it('reservationBelow: just under the exact value, by less than a quarter of the step', () => {
    expect(reservationBelow(60, 1)).toBe(59.9999);
    expect(reservationBelow(46.15384615384615, 100 / 130)).toBe(46.1538);
    expect(reservationBelow(0, 1)).toBe(0);
    expect(reservationBelow(-5, 1)).toBe(0);
    const r = reservationBelow(50, 0.0001);
    expect(r).toBeLessThan(50);
    expect(r).toBeGreaterThan(50 - 0.0001 / 4);
  });

  it('ids are made valid', () => {
    expect(toId('SportCo')).toBe('sportco');
    expect(toId('Other Cities!')).toBe('other-cities');
    expect(toId('__x__')).toBe('x');
    expect(toId('***')).toBe('imported');
  });

  it('tolerates Windows line ends, a byte-order mark, trailing spaces and blank lines', () => {
    const result = parseScoringSheet('g', memory({
      'config.txt': '\uFEFFOne, one, P1 \r\n\r\nTwo,two,p2,cooperative,gpt-4\r\n',
      'one.txt': '1, 2 \r\n\r\n3,4\r\n5 \r\n\r\n',
      'two.txt': '0,1\n1,0\n1',
      'initial_deal.txt': 'a2 B1\n',
    }));
    expect(result.ok && result.game).toMatchObject({ options: [2, 2], initialDeal: [1, 0], parties: [{ name: 'One', role: 'p1', scores: [[1, 2], [3, 4]], minimum: 5, lines: { issues: [1, 3], minimum: 4 } }, { name: 'Two' }] });
  });
});

describe('bad sheets are reported by file and line, never thrown', () => {
  const game1 = (changes: Record<string, string | null>) => problems(importScoringSheet('game1', edited('game1', changes)));

  it('a missing score file names the config line that asks for it', () => {
    expect(game1({ 'bank.txt': null })).toEqual(['game1/bank.txt: file not found (config.txt line 1 names it)']);
  });

  it('a missing config.txt or initial_deal.txt', () => {
    expect(game1({ 'config.txt': null })).toEqual(['game1/config.txt: file not found']);
    expect(game1({ 'initial_deal.txt': null })).toEqual(['game1/initial_deal.txt: file not found']);
    expect(problems(importScoringSheet('nowhere', memory({})))).toEqual(['nowhere/config.txt: file not found', 'nowhere/initial_deal.txt: file not found']);
  });

  it('the wrong number of scores for an issue', () => {
    expect(game1({ 'bank.txt': '0, 9, 13\n10, 26, 40, 10\n0, 15, 20\n0, 9, 11, 13, 15\n7, 0, 4\n60' })).toEqual([
      'game1/bank.txt:3: expected 4 numbers for issue C, got 3',
    ]);
  });

  it('a score or minimum that is not a number, or is empty', () => {
    expect(game1({ 'bank.txt': '0, 9, 13\nten, 26, 40, 10\n0, 15, 20, 25\n0, 9, 11, 13, 15\n7, 0,\n6O' })).toEqual([
      'game1/bank.txt:2: "ten" is not a number (issue B, option 1); write plain decimal numbers like 12 or 7.5',
      'game1/bank.txt:5: empty score (issue E, option 3)',
      'game1/bank.txt:6: the minimum total "6O" is not a number; write a plain decimal number like 55',
    ]);
  });

  it('a missing minimum, a missing issue line, an empty file', () => {
    expect(game1({ 'bank.txt': '0, 9, 13\n10, 26, 40, 10\n0, 15, 20, 25\n0, 9, 11, 13, 15\n7, 0, 4' })).toEqual([
      'game1/bank.txt:5: the last line must be the minimum total (one number), got 3 numbers; is the minimum missing?',
    ]);
    expect(game1({ 'bank.txt': '0, 9, 13\n10, 26, 40, 10\n0, 15, 20, 25\n0, 9, 11, 13, 15\n60' })).toEqual([
      "game1/bank.txt:5: has 4 issues (A–D) before the minimum, but the other parties' sheets have 5 (A–E)",
    ]);
    expect(game1({ 'bank.txt': '' })).toEqual(['game1/bank.txt: expected a line of scores for each issue and a last line with the minimum total; found 0 lines']);
  });

  it('a bad initial deal', () => {
    expect(game1({ 'initial_deal.txt': 'A1,B9,C1,D1,E3' })).toEqual(['game1/initial_deal.txt:1: "B9": issue B has options 1 to 4']);
    expect(game1({ 'initial_deal.txt': 'A1,B1' })).toEqual(['game1/initial_deal.txt:1: does not place issues C, D, E (give an option for every issue, like A1,B3,…)']);
    expect(game1({ 'initial_deal.txt': 'A1,B1,C1,D1,E1,F1' })).toEqual(['game1/initial_deal.txt:1: "F1": there is no issue F (the sheet has 5 issues, A–E)']);
    expect(game1({ 'initial_deal.txt': 'A1,B1,C1,D1,E1\nA2' })).toEqual(['game1/initial_deal.txt:2: "A2": issue A is already placed (on line 1)']);
    expect(game1({ 'initial_deal.txt': 'A1;B1' })).toEqual(['game1/initial_deal.txt:1: "A1;B1" is not an issue letter and option number like A1']);
    expect(game1({ 'initial_deal.txt': '' })).toEqual(['game1/initial_deal.txt: does not place issues A, B, C, D, E (give an option for every issue, like A1,B3,…)']);
  });

  it('config.txt: a short line, a bad role, a bad file id, a missing p2, a second p1', () => {
    const config = readFileSync(new URL(`${FIXTURES}/game1/config.txt`, root), 'utf8').split('\n');
    const withLine = (i: number, line: string) => config.map((l, k) => (k === i ? line : l)).join('\n');
    expect(game1({ 'config.txt': withLine(1, 'environmental NGO enviroment player') })).toEqual([
      'game1/config.txt:2: expected "display name, file id, role" (then optional columns), got 1 field',
    ]);
    expect(game1({ 'config.txt': withLine(1, 'environmental NGO,enviroment,boss') })).toEqual(['game1/config.txt:2: role "boss" must be p1, p2 or player']);
    expect(game1({ 'config.txt': withLine(1, 'environmental NGO,../enviroment,player') })).toEqual([
      'game1/config.txt:2: file id "../enviroment" must be a plain file name: letters, digits, spaces, "-", "_" or "."',
    ]);
    expect(game1({ 'config.txt': withLine(0, 'international development bank,bank,player') })).toEqual([
      'game1/config.txt: no party has role p2 (the sheet needs exactly one p1 and one p2)',
    ]);
    expect(game1({ 'config.txt': withLine(0, 'international development bank,bank,p1') })).toEqual([
      'game1/config.txt:3: a second party with role p1 (the first is on line 1); the sheet needs exactly one',
      'game1/config.txt: no party has role p2 (the sheet needs exactly one p1 and one p2)',
    ]);
    expect(game1({ 'config.txt': withLine(1, 'environmental NGO,bank,player') })).toEqual(['game1/config.txt:2: file id "bank" is already used on line 1']);
  });

  it('a file id that would read config.txt or initial_deal.txt', () => {
    expect(problems(importScoringSheet('t', memory({ 'config.txt': 'One,config,p1\nTwo,initial_deal,p2', 'initial_deal.txt': 'A1' })))).toEqual([
      't/config.txt:1: file id "config" would name config.txt, which is not a score file; rename it',
      't/config.txt:2: file id "initial_deal" would name initial_deal.txt, which is not a score file; rename it',
    ]);
  });

  it('garbage never throws: it imports, or comes back as problems naming a file', () => {
    let seed = 99;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['0', '1', '5', '9', '-', '.', ',', ' ', '\n', '\r\n', 'A', 'b', 'p1', 'p2', 'player', 'x', '\uFEFF', '1e5', ',,'];
    const noise = (n: number) => Array.from({ length: rand(n) }, () => alphabet[rand(alphabet.length)]).join('');
    let ok = 0;
    for (let k = 0; k < 300; k++) {
      const valid = () => rand(10) < 7;
      const files: Record<string, string> = {
        'config.txt': valid() ? 'One,one,p1\nTwo,two,p2\nThree,three,player' : noise(60),
        'one.txt': valid() ? '1,2\n3,4\n5' : noise(40),
        'two.txt': valid() ? '0,-1\n2,0.5\n1' : noise(40),
        'three.txt': valid() ? '2,2\n1,1\n0' : noise(40),
        'initial_deal.txt': valid() ? 'A1,B2' : noise(12),
      };
      const result = importScoringSheet('g', memory(files));
      if (result.ok) {
        ok++;
        load(toYaml(result.imported));
      } else {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) expect(formatImportProblem(p)).toMatch(/^g(\/[\w.]+)?:(\d+:)? \S/);
      }
    }
    expect(ok).toBeGreaterThan(10);
  });

  it('a minimum no deal can reach', () => {
    expect(game1({ 'bank.txt': '0, 9, 13\n10, 26, 40, 10\n0, 15, 20, 25\n0, 9, 11, 13, 15\n7, 0, 4\n101' })).toEqual([
      'game1/bank.txt:6: the minimum 101 is above the largest total this party can reach (100): it would accept no deal, which a scenario cannot express',
    ]);
  });

  it('more than 8 options for an issue', () => {
    expect(problems(importScoringSheet('t', memory({
      'config.txt': 'One,one,p1\nTwo,two,p2',
      'one.txt': '1,2,3,4,5,6,7,8,9\n5',
      'two.txt': '1,2,3,4,5,6,7,8,9\n5',
      'initial_deal.txt': 'A1',
    })))).toEqual(['t/one.txt:1: issue A has 9 options; an Accord point has at most 8']);
  });

  it('an invalid scenario id', () => {
    expect(problems(importScoringSheet('game1', readFolder(`${FIXTURES}/game1`), { id: 'Bad Id' }))).toEqual([
      'game1: scenario id "Bad Id" is not a valid id (lower-case letters, digits, "-" or "_")',
    ]);
  });
});

describe('toYaml', () => {
  const result = imported(importScoringSheet(`${FIXTURES}/game1`, readFolder(`${FIXTURES}/game1`), { id: 'scoring-game1' }));
  const text = toYaml(result, { command: 'npx accord import x -o y --force' });

  it('starts with the schema line for editors, and loads as the game loads it', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(load(text).id).toBe('scoring-game1');
  });

  it('comments say which parts are defaults of the importer and where the numbers come from', () => {
    for (const pattern of [
      /^# Importer default: 14 days .*\n(#.*\n)*calendar:/m,
      /^# Importer default: a single table .*\n(#.*\n)*venues:/m,
      /^# Importer default: the leaders meet once at most 2 points are open.*\n(#.*\n)*summit:/m,
      /^# Importer default: no incentives and no events.*\nincentives: \[\]\nevents: \[\]/m,
      /opening: 80 # importer default: halfway between the reservation and 100 \(rounded\)/,
      /concession: linear # importer default/,
      /trust: 50 # importer default/,
      /patience: 60 # importer default/,
      /redLines: \[\] # the sheet has none/,
      /d: \{ d1: 0, d2: 60, d3: 73\.33333333333333, d4: 86\.66666666666667, d5: 100 \} # scores 0, 9, 11, 13, 15/,
      /reservation: 59\.9999 # 100 × 60 \/ 100 = 60, a hair lower so that a total of exactly 60 passes; a total of 59 is worth 59/,
      /# Issue E left out: every option scores 0 for this party, so it is indifferent\./,
      /The sheet gives issues and options no names/,
      /^# {3}npx accord import x -o y --force$/m,
      /S-Abdelnabi\/LLM-Deliberation \(MIT licence/,
    ]) {
      expect(text).toMatch(pattern);
    }
  });
});
