/**
 * Fuzzing the two doors into Accord: scenario files and engine commands. Seeded (fast-check), so
 * a failure prints a seed and path that reproduce it. Used by fuzz.test.ts (a short run in
 * `npm test`) and scripts/fuzz.ts (`npm run fuzz -- --files 100000 --commands 1000000`, nightly).
 *
 * Files: each mutated or hostile scenario file must give a located error (a line from 1 on) or a
 * scenario that plays, in under a second of CPU, leaving Object.prototype as it was. Commands: a
 * mix of legal, illegal and malformed commands never throws, and the log replays exactly.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Command } from '../engine/commands.ts';
import { createGame, replay } from '../engine/session.ts';

const root = new URL('../../', import.meta.url);
const SOURCES = ['tutorial', 'scoring-base'].map((id) => readFileSync(new URL(`scenarios/${id}/scenario.yaml`, root), 'utf8'));

const OBJECT_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** One way to damage a scenario file, chosen and parameterised by fast-check. */
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 0x7f }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.constantFrom('1e999', '-1e999', '.nan', '.inf', '-.inf', '99999999999999999999', '0x7fffffff', '-0', '1e-400') }),
  fc.record({ kind: fc.constant('id' as const), at: fc.nat(), value: fc.constantFrom(...OBJECT_NAMES) }),
  fc.record({ kind: fc.constant('key' as const), at: fc.nat(), value: fc.constantFrom(...OBJECT_NAMES) }),
  fc.record({ kind: fc.constant('alias-bomb' as const), depth: fc.integer({ min: 2, max: 12 }) }),
  fc.record({ kind: fc.constant('merge-key' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 10, max: 2000 }), flow: fc.boolean() }),
  fc.record({ kind: fc.constant('huge-string' as const), at: fc.nat(), length: fc.integer({ min: 1000, max: 100_000 }) }),
);
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

/** A scenario file and the damage done to it. */
export const hostileFileArb = fc.record({ source: fc.nat({ max: SOURCES.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) });

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % lines.length;
  switch (m.kind) {
    case 'flip': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + String.fromCharCode(m.byte) + text.slice(i + 1);
    }
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]!);
      return lines.join('\n');
    case 'swap-lines': {
      const a = line(m.at);
      const b = line(m.with);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'number': {
      const numbers = [...text.matchAll(/(?<=[:\s,[])-?\d+(\.\d+)?(?=[\s,\]}])/g)];
      const hit = numbers[m.at % Math.max(1, numbers.length)];
      return hit?.index === undefined ? text : text.slice(0, hit.index) + m.value + text.slice(hit.index + hit[0].length);
    }
    case 'id': {
      const ids = [...text.matchAll(/(?<=id: )[a-z0-9_-]+/g)];
      const hit = ids[m.at % Math.max(1, ids.length)];
      if (hit?.index === undefined) return text;
      return text.replace(new RegExp(`(?<![\\w-])${hit[0]}(?![\\w-])`, 'g'), m.value);
    }
    case 'key': {
      const keys = [...text.matchAll(/^(\s*)([a-zA-Z]+):/gm)];
      const hit = keys[m.at % Math.max(1, keys.length)];
      if (hit?.index === undefined) return text;
      return `${text.slice(0, hit.index)}${hit[1]}${m.value}: { polluted: true }\n${text.slice(hit.index)}`;
    }
    case 'alias-bomb': {
      let bomb = 'b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < m.depth; i++) bomb += `b${i}: &b${i} [${Array.from({ length: 9 }, () => `*b${i - 1}`).join(', ')}]\n`;
      return `${bomb}${text}`;
    }
    case 'merge-key': {
      const at = line(m.at);
      lines.splice(at, 0, `${lines[at]!.match(/^\s*/)![0]}<<: { polluted: true, id: merged }`);
      return `base: &base { format: 1 }\n${lines.join('\n')}\n`;
    }
    case 'deep':
      return m.flow ? `${text}\ndeep: ${'['.repeat(m.depth)}${']'.repeat(m.depth)}\n` : `${text}\ndeep:\n${Array.from({ length: Math.min(m.depth, 400) }, (_, i) => `${' '.repeat(i + 1)}a${i}:`).join('\n')} 1\n`;
    case 'huge-string': {
      const at = line(m.at);
      lines.splice(at, 1, `${lines[at]!.replace(/:\s.*$/, ':')} "${'x'.repeat(m.length)}"`);
      return lines.join('\n');
    }
  }
}

export interface FileVerdict {
  ms: number;
  ok: boolean;
  problem?: string;
}

/** Load one hostile file and judge it; throws (with the reason) when a rule is broken. */
export function checkHostileFile(file: { source: number; mutations: Mutation[] }, play: (s: Scenario) => void = playBriefly): FileVerdict {
  let text = SOURCES[file.source]!;
  for (const m of file.mutations) text = applyMutation(text, m);
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).join();
  const before = process.cpuUsage();
  const r = loadScenarioText(text, 'fuzz.yaml');
  const used = process.cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  if (Object.getOwnPropertyNames(Object.prototype).join() !== protoBefore || 'polluted' in Object.prototype) throw new Error('Object.prototype was changed');
  if (ms > 1000) throw new Error(`loading took ${ms.toFixed(0)} ms of CPU`);
  if (!r.ok) {
    if (r.problems.length === 0) throw new Error('refused without a problem');
    for (const p of r.problems) if (!(p.line >= 1 && p.column >= 1)) throw new Error(`a problem without a place: ${JSON.stringify(p)}`);
    return { ms, ok: false, problem: r.problems[0]!.message };
  }
  play(r.scenario);
  return { ms, ok: true };
}

/** A loaded scenario plays: a game starts at every start and takes a few legal commands. */
function playBriefly(scenario: Scenario): void {
  for (const start of scenario.starts) {
    const game = createGame(scenario, { start: start.id, seed: 1 });
    for (let i = 0; i < 12 && !game.view().outcome; i++) {
      const legal = game.view().legal;
      const r = game.send(legal[i % Math.max(1, legal.length)] ?? { type: 'day.end' });
      if (!r.ok) game.send({ type: 'day.end' });
    }
    game.stop();
  }
}

/** A command: legal now (picked from the view), or any of the ways a command can be wrong. */
const commandArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('legal' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      type: fc.constantFrom('envoy.travel', 'envoy.meet', 'envoy.table', 'envoy.press', 'envoy.offer', 'envoy.consult', 'text.redraft', 'text.omit', 'text.defer', 'text.undefer', 'text.package', 'day.end', 'summit.call', 'envoy.teleport', '', 'constructor'),
      field: fc.oneof(fc.constantFrom(...OBJECT_NAMES, 'envoy-lead', 'aldoria', 'belmar', 'flow', 'f50', 'aldor', 'irrigation', ''), fc.string({ maxLength: 60 }), fc.integer(), fc.constant(null)),
      extra: fc.boolean(),
    }),
  },
);
export const commandRunArb = fc.record({ seed: fc.nat(), difficulty: fc.constantFrom('open' as const, 'standard' as const, 'hard' as const), commands: fc.array(commandArb, { minLength: 80, maxLength: 160 }) });

/** Play a run of commands; throws when one throws or when the log does not replay exactly. Returns how many were sent. */
export function checkCommandRun(scenario: Scenario, run: typeof commandRunArb extends fc.Arbitrary<infer T> ? T : never): number {
  const game = createGame(scenario, { seed: run.seed, difficulty: run.difficulty });
  let sent = 0;
  // After the outcome every command is refused with a reason; those are sent too.
  for (const c of run.commands) {
    let command: unknown;
    if (c.kind === 'legal') {
      const legal = game.view().legal;
      command = legal.length > 0 ? legal[c.pick % legal.length] : { type: 'day.end' };
    } else if (c.kind === 'end') command = { type: 'day.end' };
    else {
      const f = c.field;
      command = { type: c.type, envoy: f, party: f, to: f, point: f, option: f, incentive: f, ...(c.extra ? { changes: [{ point: f, option: f }], surplus: 1 } : {}) };
    }
    game.send(command as Command);
    sent++;
  }
  const again = replay(scenario, game.save());
  if (!again.ok) throw new Error(`the log does not replay: ${again.message}`);
  if (JSON.stringify(again.game.view()) !== JSON.stringify(game.view())) throw new Error('the replay differs from the game');
  again.game.stop();
  game.stop();
  return sent;
}

/** The tutorial as the engine reads it. */
export function fuzzScenario(): Scenario {
  const r = loadScenarioText(SOURCES[0]!, 'scenarios/tutorial/scenario.yaml');
  if (!r.ok) throw new Error('the tutorial does not load');
  return r.scenario;
}
