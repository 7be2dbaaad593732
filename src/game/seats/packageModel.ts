/**
 * A package a party seat puts forward in public: the points it may redraft (those in the text
 * and not deferred to the leaders), each with the options it could ask for and their value to
 * the seat, and the command that sends the staged changes. Pure.
 */
import type { Change } from '../../engine/evaluate.ts';
import { MAX_PACKAGE, type PartyCommand } from '../../engine/commands.ts';
import type { PartySeatView } from '../../engine/seatView.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { counterOptions, textLines, type TextLine } from './answerModel.ts';

export interface PackageChoice {
  id: string;
  /** The option's label with its value to the seat, e.g. "Neutral monitors (value 70)". */
  label: string;
}

export interface PackageLine extends TextLine {
  choices: PackageChoice[];
}

export { MAX_PACKAGE };

/** The points a package may change, as the seat reads them. */
export function packageLines(pub: PublicScenario, view: PartySeatView): PackageLine[] {
  // Points settled before the talks have no other option, so they drop out with the empty choices.
  return textLines(pub, view, view.text)
    .filter((l) => !l.deferred)
    .map((l) => ({
      ...l,
      choices: counterOptions(pub, l.point, l.option).map((o) => {
        const value = view.sheet.values[l.point]?.[o.id];
        return { id: o.id, label: value === undefined ? o.label : `${o.label} (value ${value})` };
      }),
    }))
    .filter((l) => l.choices.length > 0);
}

/** The command for the staged changes (point → option), in the plan's order. */
export function proposeCommand(lines: readonly PackageLine[], staged: ReadonlyMap<string, string>): Extract<PartyCommand, { type: 'party.propose' }> {
  const changes: Change[] = lines.filter((l) => staged.has(l.point)).map((l) => ({ point: l.point, option: staged.get(l.point)! }));
  return { type: 'party.propose', changes };
}
