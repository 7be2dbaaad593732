import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioText, MAX_SCENARIO_CHARS, type LoadResult } from './load.ts';
import { scenarioJsonSchema } from './jsonSchema.ts';
import type { ExplainedProblem } from './explain.ts';

const FILE = 'scenarios/x/scenario.yaml';
const root = new URL('../../', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** src/scenario/fixtures/valid.yaml: a small valid scenario whose line numbers the tests below rely on. */
const valid = fixture('valid.yaml');

/** The valid fixture with `from` (which must occur exactly once) replaced by `to`. */
function edited(from: string, to: string): string {
  const at = valid.indexOf(from);
  if (at < 0 || valid.indexOf(from, at + 1) >= 0) throw new Error(`fixture edit: ${JSON.stringify(from)} must occur exactly once`);
  return valid.slice(0, at) + to + valid.slice(at + from.length);
}

/** Every problem, as the command line prints it. */
function problems(result: LoadResult): string[] {
  if (result.ok) throw new Error('expected problems, but the scenario loaded');
  return result.problems.map(formatProblem);
}

const loadEdited = (from: string, to: string): string[] => problems(loadScenarioText(edited(from, to), FILE));

describe('a valid scenario', () => {
  it('the fixture loads, with defaults filled in', () => {
    const result = loadScenarioText(valid, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.parties).toHaveLength(4);
    expect(result.scenario.parties[1]!.concession).toBe('linear');
    expect(result.scenario.summit.maxOpenPoints).toBe(2);
  });

  it('a hostile string in a title loads as plain data, unchanged', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const result = loadScenarioText(edited('title: The fixture accord', `title: "${hostile}"`), FILE);
    expect(result.ok && result.scenario.title).toBe(hostile);
  });

  it('aliases that reuse a few values are fine', () => {
    const source = edited('      water: { low: 0, high: 100 }\n      dam: { full: 0', '      water: &southWater { low: 0, high: 100 }\n      dam: { full: 0')
      .replace('    values:\n      water: { low: 0, high: 100 }\n    reservation: 30', '    values:\n      water: *southWater\n    reservation: 30');
    const result = loadScenarioText(source, FILE);
    expect(result.ok && result.scenario.parties[3]!.values).toEqual({ water: { low: 0, high: 100 } });
  });
});

describe('problems are located by file, line, column and path', () => {
  it('a red line naming a missing option is reported at its line, with every field', () => {
    const result = loadScenarioText(edited('when: [{ point: dam, option: halt }]', 'when: [{ point: dam, option: ban }]'), FILE);
    expect(result).toEqual({
      ok: false,
      problems: [{ file: FILE, line: 54, column: 16, path: ['parties', 1, 'redLines', 0, 'when', 0], message: 'unknown option "ban" on point "dam" (options: "full", "halt", "omit")' }],
    });
    expect(problems(result)).toEqual([`${FILE}:54:16: parties[1].redLines[0].when[0]: unknown option "ban" on point "dam" (options: "full", "halt", "omit")`]);
  });

  it('a YAML syntax error is reported where the parser found it', () => {
    expect(loadEdited('    reservation: 20\n', '     reservation: 20\n')).toEqual([
      `${FILE}:41:1: YAML: All mapping items must start at the same column. Check the indentation of this line against the lines above.`,
    ]);
  });

  it('a tab used as indentation is a YAML error at its line', () => {
    // The first error with a hint; the 20 it drags behind it are folded under it.
    expect(loadEdited('    reservation: 20\n    opening: 60\n', '    reservation: 20\n\topening: 60\n')).toEqual([
      `${FILE}:42:1: YAML: Tabs are not allowed as indentation. Indent with spaces: YAML does not allow tabs. (20 more YAML errors after it, often caused by this one: fix it first)`,
    ]);
  });

  it('a value containing ": " gets the hint to quote it', () => {
    expect(loadEdited('title: The fixture accord', 'title: The fixture: an accord')).toEqual([
      `${FILE}:4:8: YAML: Nested mappings are not allowed in compact mappings. The value contains ": " — put it in quotes: title: "The fixture: an accord".`,
    ]);
  });

  it('a duplicate YAML key is named', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: 40\n    reservation: 45\n    opening: 80\n    leaderPoints')).toEqual([
      `${FILE}:57:5: YAML: duplicate key "reservation" (a key may appear only once in a mapping)`,
    ]);
  });

  it('text where a number belongs is a wrong type, quoted', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: forty\n    opening: 80\n    leaderPoints')).toEqual([
      `${FILE}:56:18: parties[1].reservation: expected number, got text "forty"`,
    ]);
  });

  it('a list where a mapping belongs is a wrong type', () => {
    expect(loadEdited('  start: 2031-03-02\n  deadline: 2031-03-22\n', '  - 2031-03-02\n  - 2031-03-22\n')).toEqual([
      `${FILE}:8:3: calendar: expected object, got a list`,
    ]);
  });

  it('a missing required key is reported at the mapping that lacks it', () => {
    expect(loadEdited('    leader: President South\n', '')).toEqual([`${FILE}:59:5: parties[2].leader: missing required field (expected string)`]);
  });

  it('an unknown key is reported at the key itself', () => {
    expect(loadEdited('    omittable: false', '    omitable: false')).toEqual([`${FILE}:20:5: points[0]: unknown key "omitable" (did you mean "omittable"?)`]);
  });

  it('a misspelt top-level key is both unknown and leaves a required key missing', () => {
    expect(loadEdited('disclaimer: Made up', 'disclaimr: Made up')).toEqual([
      `${FILE}:2:1: disclaimer: missing required field (expected string)`,
      `${FILE}:6:1: unknown key "disclaimr" (did you mean "disclaimer"?)`,
    ]);
  });

  it('a score above 100 is out of range', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: 40\n    opening: 180\n    leaderPoints')).toEqual([
      `${FILE}:57:14: parties[1].opening: must be at most 100`,
    ]);
  });

  it('a negative weight is out of range', () => {
    expect(loadEdited('weights: { water: 60, dam: 40 }', 'weights: { water: -60, dam: 40 }')).toEqual([
      `${FILE}:48:23: parties[1].weights.water: must be at least 0`,
    ]);
  });

  it('1e400 where a 0–100 score is expected is too large to be a number, not a missing field', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: 1e400\n    opening: 80\n    leaderPoints')).toEqual([
      `${FILE}:56:18: parties[1].reservation: expected a number, got infinity (is the number too large?)`,
    ]);
  });

  it('1e308 where a 0–100 score is expected is out of range', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: 1e308\n    opening: 80\n    leaderPoints')).toEqual([
      `${FILE}:56:18: parties[1].reservation: must be at most 100`,
    ]);
  });

  it('a fraction where a whole number is expected is refused', () => {
    expect(loadEdited('days: 1 }\n  - { from: hub, to: south', 'days: 1.5 }\n  - { from: hub, to: south')).toEqual([
      `${FILE}:15:35: travel[0].days: must be a whole number, got 1.5`,
    ]);
  });

  it('a word outside an enumeration lists the choices', () => {
    expect(loadEdited('    role: consulted', '    role: observer')).toEqual([
      `${FILE}:73:11: parties[3].role: must be one of "mediator", "signatory", "consulted"`,
    ]);
  });

  it('an unknown concession curve lists the choices', () => {
    expect(loadEdited('    reservation: 30\n', '    reservation: 30\n    concession: slow\n')).toEqual([
      `${FILE}:79:17: parties[3].concession: must be "boulware", "linear", "conceder" or { beta: <number from 0.05 to 20> }`,
    ]);
  });

  it('a date that does not exist (30 February) is refused', () => {
    expect(loadEdited('  start: 2031-03-02', '  start: 2031-02-30')).toEqual([`${FILE}:8:10: calendar.start: is not a real calendar date`]);
  });

  it('an id with capitals is refused with the rule for ids', () => {
    expect(loadEdited('  - id: dam\n', '  - id: Dam\n')).toEqual([
      `${FILE}:24:9: points[1].id: must be a short id: lower-case letters, digits, "-" or "_", starting with a letter or digit`,
    ]);
  });

  it('a bad id used as a mapping key is reported at the key', () => {
    expect(loadEdited('weights: { water: 70, dam: 30 }', 'weights: { water: 70, Dam: 30 }')[0]).toBe(
      `${FILE}:64:27: parties[2].weights.Dam: key "Dam" must be a short id: lower-case letters, digits, "-" or "_", starting with a letter or digit`,
    );
  });

  it('an empty file is not a scenario', () => {
    expect(problems(loadScenarioText('', FILE))).toEqual([`${FILE}:1:1: expected a mapping of scenario fields at the top level`]);
  });
});

describe('format versions', () => {
  it('a scenario written for a newer Accord asks to update Accord', () => {
    expect(loadEdited('format: 1', 'format: 2')).toEqual([
      `${FILE}:2:9: format: format 2 is newer than this version of Accord reads (1); update Accord`,
    ]);
  });

  it('a scenario in a format too old to read asks to update the scenario', () => {
    expect(loadEdited('format: 1', 'format: 0')).toEqual([
      `${FILE}:2:9: format: format 0 is older than this version of Accord reads (oldest: 1); update the scenario`,
    ]);
  });

  it('a format written as text is a wrong type', () => {
    expect(loadEdited('format: 1', 'format: "1"')).toEqual([`${FILE}:2:9: format: expected number, got text "1"`]);
  });
});

describe('duplicate ids are reported at the second use', () => {
  it.each([
    ['venues', '  - { id: south, name: South Port', '  - { id: north, name: South Port', `${FILE}:13:11: venues[2].id: duplicate venue id "north" (first used at venues[1])`],
    ['points', '  - id: dam\n', '  - id: water\n', `${FILE}:24:9: points[1].id: duplicate point id "water" (first used at points[0])`],
    ['options', '{ id: halt, label: Halted }', '{ id: full, label: Halted }', `${FILE}:28:15: points[1].options[1].id: duplicate option id "full" (first used at points[1].options[0])`],
    ['parties', '  - id: south\n', '  - id: north\n', `${FILE}:59:9: parties[2].id: duplicate party id "north" (first used at parties[1])`],
    ['events', '  - id: protest\n', '  - id: storm\n', `${FILE}:92:9: events[1].id: duplicate event id "storm" (first used at events[0])`],
    ['envoys', '      - { id: envoy, name: Envoy }', '      - { id: envoy, name: Envoy }\n      - { id: envoy, name: Second }', `${FILE}:37:15: parties[0].envoys[1].id: duplicate envoy id "envoy" (also an envoy of "broker")`],
  ])('two %s with one id', (_what, from, to, expected) => {
    // What follows from the duplicate (references to the id it replaced) is folded under it.
    expect(loadEdited(from, to).map((p) => p.replace(/ \(\d+ more problems? below follow from it\)$/, ''))).toContain(expected);
  });

  it('what a duplicate id causes is folded under it, not listed after it', () => {
    const result = loadScenarioText(edited('  - id: dam\n', '  - id: water\n'), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([`${FILE}:24:9: points[1].id: duplicate point id "water" (first used at points[0]) (8 more problems below follow from it)`]);
    const folded = (result.problems[0] as ExplainedProblem).folded!.map(formatProblem);
    expect(folded).toHaveLength(8);
    expect(folded[0]).toBe(`${FILE}:37:27: parties[0].weights.dam: unknown point "dam" (points: "water")`);
  });

  it('a duplicate point does not make every later reference look wrong', () => {
    // Only the renamed point "dam" is gone; the first "water" keeps its options.
    const found = loadEdited('  - id: dam\n', '  - id: water\n');
    expect(found.filter((p) => p.includes('unknown option'))).toEqual([]);
    expect(found.filter((p) => p.includes('has weight but no value'))).toEqual([]);
  });
});

describe('unknown references are reported where they are made', () => {
  it.each([
    ['a party in ratification', 'signatories: [broker, north, south]', 'signatories: [broker, north, sooth]', `${FILE}:96:32: ratification.signatories[2]: unknown party "sooth" (did you mean "south"?)`],
    ['a venue as an envoy start', '{ id: envoy, name: Envoy }', '{ id: envoy, name: Envoy, start: geneva }', `${FILE}:36:42: parties[0].envoys[0].start: unknown venue "geneva" (venues: "hub", "north", "south")`],
    ['a venue as a home', '    home: north\n', '    home: nowhere\n', `${FILE}:47:11: parties[1].home: unknown venue "nowhere" (venues: "hub", "north", "south")`],
    ['a venue in travel', '  - { from: hub, to: south, days: 1 }\n', '  - { from: hub, to: south, days: 1 }\n  - { from: south, to: atlantis, days: 3 }\n', `${FILE}:17:24: travel[2].to: unknown venue "atlantis" (venues: "hub", "north", "south")`],
    ['a venue for the summit', '  venue: hub', '  venue: geneva', `${FILE}:98:10: summit.venue: unknown venue "geneva" (venues: "hub", "north", "south")`],
    ['a point in weights (at the key)', 'weights: { water: 60, dam: 40 }', 'weights: { water: 60, dams: 40 }', `${FILE}:48:27: parties[1].weights.dams: unknown point "dams" (did you mean "dam"?)`],
    ['a point in values (at the key)', '      dam: { full: 0, halt: 100, omit: 60 }\n', '      dam: { full: 0, halt: 100, omit: 60 }\n      army: { cap: 10 }\n', `${FILE}:68:7: parties[2].values.army: unknown point "army" (points: "water", "dam")`],
    ['an option in values (at the key)', 'dam: { full: 100, halt: 0, omit: 50 }', 'dam: { full: 100, halt: 0, omit: 50, ban: 0 }', `${FILE}:51:44: parties[1].values.dam.ban: unknown option "ban" on point "dam" (options: "full", "halt", "omit")`],
    ['a point in a red line', 'when: [{ point: dam, option: halt }]', 'when: [{ point: dams, option: halt }]', `${FILE}:54:16: parties[1].redLines[0].when[0]: unknown point "dams" (did you mean "dam"?)`],
    ['an option in a red line', 'when: [{ point: dam, option: halt }]', 'when: [{ point: dam, option: ban }]', `${FILE}:54:16: parties[1].redLines[0].when[0]: unknown option "ban" on point "dam" (options: "full", "halt", "omit")`],
    ['a point in a start (at the key)', 'text: { water: low, dam: full }', 'text: { water: low, dam: full, army: cap }', `${FILE}:84:36: starts[0].text.army: unknown point "army" (points: "water", "dam")`],
    ['an option in a start', 'text: { water: low, dam: full }', 'text: { water: lowest, dam: full }', `${FILE}:84:20: starts[0].text.water: unknown option "lowest" on point "water" (options: "low", "high")`],
    ['a point in leaderPoints', 'leaderPoints: [water]', 'leaderPoints: [waters]', `${FILE}:58:20: parties[1].leaderPoints[0]: unknown point "waters" (did you mean "water"?)`],
    ['a point in holds', 'holds: [water]', 'holds: [wata]', `${FILE}:80:13: parties[3].holds[0]: unknown point "wata" (did you mean "water"?)`],
    ['a point revealed by an event', 'reveal: [water]', 'reveal: [weather]', `${FILE}:91:54: events[0].effects[0].reveal[0]: unknown point "weather" (did you mean "water"?)`],
    ['a party in an incentive', 'to: south, value: 5', 'to: sud, value: 5', `${FILE}:86:46: incentives[0].to: unknown party "sud" (parties: "broker", "north", "south", "fishers")`],
    ['a party in an event', '[{ party: north, patience', '[{ party: nord, patience', `${FILE}:91:24: events[0].effects[0].party: unknown party "nord" (did you mean "north"?)`],
  ])('%s', (_what, from, to, expected) => {
    expect(loadEdited(from, to)).toEqual([expected]);
  });
});

describe('consistency', () => {
  it('a venue no route reaches is unreachable', () => {
    expect(loadEdited('  - { from: hub, to: south, days: 1 }\n', '')).toEqual([
      `${FILE}:13:5: venues[2]: venue "south" cannot be reached by any route from "hub"`,
    ]);
  });

  it('a start that does not place every point says which is missing', () => {
    expect(loadEdited('text: { water: low, dam: full }', 'text: { water: low }')).toEqual([
      `${FILE}:84:11: starts[0].text: does not place point "dam" (give an option id or "omit")`,
    ]);
  });

  it('a reservation above the opening aspiration is refused', () => {
    expect(loadEdited('    reservation: 40\n    opening: 80\n    leaderPoints', '    reservation: 90\n    opening: 80\n    leaderPoints')).toEqual([
      `${FILE}:56:18: parties[1].reservation: reservation 90 is above the opening aspiration 80`,
    ]);
  });

  it('an event with both "on" and "chance" is refused', () => {
    expect(loadEdited('    on: 2031-03-05\n', '    on: 2031-03-05\n    chance: 0.5\n')).toEqual([
      `${FILE}:88:5: events[0]: give either "on" (a scheduled date) or "chance" (a daily probability), not both or neither`,
    ]);
  });

  it('an event with neither "on" nor "chance" is refused', () => {
    expect(loadEdited('    chance: 0.1\n', '')).toEqual([
      `${FILE}:92:5: events[1]: give either "on" (a scheduled date) or "chance" (a daily probability), not both or neither`,
    ]);
  });
});

describe('hostile files', () => {
  it('a file over the size limit is refused before it is parsed', () => {
    const source = `${valid}#${'x'.repeat(MAX_SCENARIO_CHARS)}\n`;
    const started = performance.now();
    expect(problems(loadScenarioText(source, FILE))).toEqual([
      `${FILE}:1:1: file is too large (${source.length} characters; the limit is ${MAX_SCENARIO_CHARS})`,
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a billion-laughs alias bomb is refused quickly with a clear message', () => {
    const started = performance.now();
    expect(problems(loadScenarioText(fixture('billion-laughs.yaml'), FILE))).toEqual([
      `${FILE}:1:1: YAML: aliases (*name) expand into too much data (a guard against "billion laughs" files); write the values out instead`,
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a __proto__ key at the top level is refused and pollutes nothing', () => {
    expect(problems(loadScenarioText(fixture('proto-key.yaml'), FILE))).toEqual([
      `${FILE}:3:1: the key "__proto__" is not allowed (JavaScript reserves it); rename or remove it`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key inside a party or a record of weights is refused at its line', () => {
    expect(loadEdited('    reservation: 30\n', '    reservation: 30\n    __proto__: { polluted: yes }\n')).toEqual([
      `${FILE}:79:5: parties[3]: the key "__proto__" is not allowed (JavaScript reserves it); rename or remove it`,
    ]);
    expect(loadEdited('weights: { water: 100 }', 'weights: { __proto__: { polluted: 1 }, water: 100 }')).toEqual([
      `${FILE}:75:16: parties[3].weights: the key "__proto__" is not allowed (JavaScript reserves it); rename or remove it`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('committed files', () => {
  it('scenarios/scenario.schema.json is up to date with the zod schema (if not, run `npm run schema`)', () => {
    const committed = readFileSync(new URL('scenarios/scenario.schema.json', root), 'utf8');
    expect(committed === scenarioJsonSchema(), 'scenarios/scenario.schema.json is stale: run `npm run schema` and commit the result').toBe(true);
  });

  const scenarioDirs = readdirSync(new URL('scenarios/', root), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`scenarios/${d.name}/scenario.yaml`, root)))
    .map((d) => d.name);

  it('there is at least one scenario', () => {
    expect(scenarioDirs).toContain('tutorial');
  });

  it.each(scenarioDirs)('scenarios/%s/scenario.yaml loads without problems', (dir) => {
    const file = `scenarios/${dir}/scenario.yaml`;
    const result = loadScenarioText(readFileSync(new URL(file, root), 'utf8'), file);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('starts and points that may not be dropped', () => {
  it('a start that drops a point marked omittable: false is reported at that point', () => {
    expect(loadEdited('text: { water: low, dam: full }', 'text: { water: omit, dam: full }')).toEqual([
      `${FILE}:84:20: starts[0].text.water: point "water" cannot be omitted (omittable: false)`,
    ]);
  });
});
