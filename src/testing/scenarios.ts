/** Shipped scenarios loaded from disk exactly as the game and the CLI load them, for tests and benchmarks. */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

export function shippedScenario(id: string): Scenario {
  const file = `scenarios/${id}/scenario.yaml`;
  const result = loadScenarioText(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.scenario;
}

/** The real tutorial scenario. */
export const tutorial = (): Scenario => shippedScenario('tutorial');
