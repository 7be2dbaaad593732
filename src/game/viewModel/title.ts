/**
 * The title screen's choices: every shipped scenario (or why it cannot be played), its starts,
 * and the difficulties explained. Pure.
 */
import type { Difficulty } from '../../engine/knowledge.ts';
import { formatProblem, type LoadResult } from '../../scenario/problems.ts';
import { plural } from './names.ts';
import { publicScenario, type PublicScenario } from './publicScenario.ts';

export interface ScenarioChoice {
  /** Catalogue id, or `custom`. */
  entry: string;
  title: string;
  summary: string;
  disclaimer: string;
  starts: { id: string; title: string; summary: string; points: string }[];
  sources: PublicScenario['sources'];
  /** Set when the file is loaded from the player's disk. */
  file: string | null;
}

export interface BrokenChoice {
  entry: string;
  file: string;
  problems: string[];
}

export const DIFFICULTY_TEXT: Record<Difficulty, { label: string; text: string }> = {
  open: {
    label: 'Open',
    text: "Everything is shown: each party's values, red lines and walk-away point, and the full reasoning behind every answer. For learning the rules.",
  },
  standard: {
    label: 'Standard',
    text: 'Values and most red lines are hidden at first. Meetings and consultations reveal them as ranges, narrower as trust grows; publicly stated red lines are known.',
  },
  hard: {
    label: 'Hard',
    text: 'As standard, but what you learn is vaguer: every revealed range is wider, so you decide with less certainty.',
  },
};

export const GENERAL_DISCLAIMER =
  'Scenarios are simplified teaching models built from public reporting, not forecasts. Their numbers are modelling choices, not measurements of anyone’s real positions.';

export function choiceOf(entry: string, pub: PublicScenario, file: string | null = null): ScenarioChoice {
  return {
    entry,
    title: pub.title,
    summary: pub.summary,
    disclaimer: pub.disclaimer,
    starts: pub.starts.map((s) => ({ id: s.id, title: s.title, summary: s.summary, points: plural(s.points, 'point') })),
    sources: pub.sources,
    file,
  };
}

export function catalogueChoices(entries: readonly { id: string; file: string; load(): LoadResult }[]): (ScenarioChoice | BrokenChoice)[] {
  return entries.map((e) => {
    const loaded = e.load();
    return loaded.ok ? choiceOf(e.id, publicScenario(loaded.scenario)) : { entry: e.id, file: e.file, problems: loaded.problems.map(formatProblem) };
  });
}

export function isPlayable(c: ScenarioChoice | BrokenChoice): c is ScenarioChoice {
  return 'title' in c;
}
