/**
 * Outcome identity: the same seeds give the same games, byte for byte — every command each bot
 * sends, every notice, answer, trace row and text version, each party's final state and mood,
 * and the player's final view — across every shipped scenario, start and bot. It guards speed
 * work on the engine and the bots, which must not change behaviour.
 *
 * The fixture (fixtures/outcomes.golden.json) holds, per game, a readable summary and SHA-256
 * digests of the log and of the final state. When you change engine or bot behaviour ON PURPOSE,
 * regenerate it with the one command
 *
 *     npm run golden:update
 *
 * (which runs this file with ACCORD_UPDATE_GOLDEN=1), check the summaries in the diff make sense,
 * and say so in the commit message. Never regenerate it to make a speed change pass.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedScenario } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { BOT_NAMES } from './bots/index.ts';
import { partyStates, type NegotiationContext } from './negotiationMachine.ts';
import { gameSeed, playOne } from './simulate.ts';
import type { Game } from './session.ts';
import type { Difficulty } from './knowledge.ts';
import type { SeatHolder } from './seats.ts';
import type { GameLength } from '../scenario/gameLength.ts';
import { PARTY_STYLES } from './partyStyles.ts';

const FIXTURE = new URL('./fixtures/outcomes.golden.json', import.meta.url);
const UPDATE = process.env.ACCORD_UPDATE_GOLDEN === '1';

/** Seeds played per scenario, start and bot; the oracle is the slowest, so it plays fewer. */
const SEEDS = [1, 2];
const ORACLE_SEEDS = [1];

export interface GoldenGame {
  outcome: string;
  day: number;
  commands: number;
  log: string;
  state: string;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/** Everything a game ended with, without the scenario (constant) and with party actors as plain data. */
function finalState(game: Game): unknown {
  const ctx: NegotiationContext = game.truth();
  const { scenario: _scenario, baseScenario: _base, parties, ...rest } = ctx;
  const states = partyStates(ctx);
  const party = Object.fromEntries(
    Object.entries(parties).map(([id, ref]) => {
      const { party: _party, points: _points, ...own } = ref.getSnapshot().context;
      return [id, { state: states[id], ...own }];
    }),
  );
  return { ...rest, parties: party, view: game.view() };
}

function shippedIds(): string[] {
  const root = new URL('../../scenarios/', import.meta.url);
  return readdirSync(root).filter((d) => existsSync(new URL(`${d}/scenario.yaml`, root))).sort();
}

interface Variant {
  difficulty?: Difficulty;
  length?: GameLength;
  seats?: Readonly<Record<string, SeatHolder>>;
}

/**
 * Beyond the default game: the other difficulties (what the player is told changes, and with it
 * the bots' choices), the short length, and each party seated as a machine of another style.
 * One mediator game each, on every scenario's first start.
 */
function variants(scenario: Scenario): Array<[string, Variant]> {
  const parties = scenario.parties.filter((p) => p.role !== 'mediator').map((p) => p.id);
  const styles = PARTY_STYLES.filter((style) => style !== 'model');
  return [
    ['open', { difficulty: 'open' }],
    ['hard', { difficulty: 'hard' }],
    ['short', { length: 'short' }],
    ['styles', { seats: Object.fromEntries(parties.map((id, i) => [id, { bot: styles[i % styles.length]! }])) }],
  ];
}

function play(scenario: Scenario, start: string, bot: string, seed: number, variant: Variant = {}): GoldenGame {
  const game = playOne(scenario, bot, gameSeed(seed, 0), start, variant.difficulty, variant.seats, variant.length);
  const outcome = game.view().outcome!;
  const out = { outcome: outcome.kind, day: outcome.day, commands: game.log().length, log: sha(game.log()), state: sha(finalState(game)) };
  game.stop();
  return out;
}

describe('outcome identity: same seeds, same games, across every shipped scenario and bot', () => {
  const expected: Record<string, GoldenGame> = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, GoldenGame>) : {};
  const actual: Record<string, GoldenGame> = {};
  for (const id of shippedIds()) {
    it(`${id}: every start, every bot, fixed seeds give the recorded games`, () => {
      const scenario = shippedScenario(id);
      for (const start of scenario.starts) {
        for (const bot of BOT_NAMES) {
          for (const seed of bot === 'oracle' ? ORACLE_SEEDS : SEEDS) {
            const key = `${id}/${start.id}/${bot}/${seed}`;
            actual[key] = play(scenario, start.id, bot, seed);
            if (!UPDATE) expect(actual[key], `${key} — if this change of behaviour is intended, run npm run golden:update`).toEqual(expected[key]);
          }
        }
      }
      const first = scenario.starts[0]!.id;
      for (const [name, variant] of variants(scenario)) {
        const key = `${id}/${first}/mediator/1/${name}`;
        actual[key] = play(scenario, first, 'mediator', 1, variant);
        if (!UPDATE) expect(actual[key], `${key} — if this change of behaviour is intended, run npm run golden:update`).toEqual(expected[key]);
      }
    }, 300_000);
  }
  it('the fixture covers exactly the games played', () => {
    if (UPDATE) {
      const sorted = Object.fromEntries(Object.entries(actual).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(FIXTURE, `${JSON.stringify(sorted, null, 1)}\n`);
      return;
    }
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });
});
