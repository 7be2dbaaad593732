/**
 * The loader (YAML parser and schema), for resuming a game on a scenario file of the player's
 * own, which was already checked off the main thread when it was opened (offThread.ts). Loaded on
 * demand (see AppController), never with the title.
 */
export { loadScenarioText } from '../../scenario/load.ts';
