/**
 * A class's hand-in, made by the engine: five result files, as the class-results tests (unit,
 * command line and browser) all read them. Two students' games of the tutorial (one named
 * `=HYPERLINK("x")`, to test spreadsheet safety), one tutorial result whose score was edited by
 * hand, one game of another scenario, and one file cut off half-way.
 */
import { playOne } from '../engine/simulate.ts';
import { resultOf } from '../debrief/resultFile.ts';
import { shippedScenario, tutorial } from './scenarios.ts';

export interface ClassFixture {
  file: string;
  text: string;
}

export const CLASS_NAMES = { first: 'Ana Lopez', formula: '=HYPERLINK("x")', edited: 'Cleo', other: 'Dev', damaged: 'Eli' } as const;

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

export function classFixtures(): ClassFixture[] {
  const scenario = tutorial();
  const played = (bot: string, seed: number, name: string) => {
    const game = playOne(scenario, bot, seed);
    const result = resultOf(game, name);
    game.stop();
    return result;
  };
  const ana = played('oracle', 1, CLASS_NAMES.first);
  const formula = played('mediator', 2, CLASS_NAMES.formula);
  const cleo = played('oracle', 3, CLASS_NAMES.edited);
  // A student "improves" the outcome by hand: the log no longer gives this result.
  const edited = { ...cleo, outcome: 'deal', day: 3, score: { days: 4, points: 5, margins: { aldoria: 40, belmar: 40 }, durability: 40, balance: 1600 } };
  const otherScenario = shippedScenario('scoring-base');
  const otherGame = playOne(otherScenario, 'random', 4);
  const other = resultOf(otherGame, CLASS_NAMES.other);
  otherGame.stop();
  const damaged = json(played('oracle', 5, CLASS_NAMES.damaged));
  return [
    { file: 'accord-tutorial-draft-ana-lopez.json', text: json(ana) },
    { file: 'accord-tutorial-draft-hyperlink-x.json', text: json(formula) },
    { file: 'accord-tutorial-draft-cleo.json', text: json(edited) },
    { file: 'accord-scoring-base-dev.json', text: json(other) },
    { file: 'accord-tutorial-draft-eli.json', text: damaged.slice(0, Math.floor(damaged.length / 2)) },
  ];
}
