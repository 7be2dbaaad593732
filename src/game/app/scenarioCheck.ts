/**
 * Checking a scenario file the player opened: parse, validate and lint, with the result as plain
 * data so it can cross from a Web Worker. The page runs this off its main thread
 * (scenarioCheck.worker.ts) under a time budget, so no file, however hostile, freezes it.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatProblem } from '../../scenario/problems.ts';
import { loadScenarioText, type Locator } from '../../scenario/load.ts';
import { formatWarning, lintSource } from '../../analysis/lintText.ts';

export type ScenarioCheck = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; lines: string[] };

export function checkScenarioFile(text: string, file: string): ScenarioCheck {
  const places: { locate?: Locator } = {};
  const loaded = loadScenarioText(text, file, places);
  if (!loaded.ok) return { ok: false, lines: loaded.problems.map(formatProblem) };
  return { ok: true, scenario: loaded.scenario, warnings: lintSource(loaded.scenario, text, file, places.locate).map(formatWarning) };
}
