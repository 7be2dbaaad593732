import source from '../../scenarios/tutorial/scenario.yaml?raw';
import { loadScenarioText, type LoadResult } from '../scenario/load.ts';

/** The name used in problem messages. */
export const TUTORIAL_FILE = 'scenarios/tutorial/scenario.yaml';

/** Parse and validate the bundled tutorial scenario. Never throws. */
export function loadTutorial(): LoadResult {
  return loadScenarioText(source, TUTORIAL_FILE);
}
