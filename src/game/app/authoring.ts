/**
 * What opening a scenario file of one's own needs: the loader (YAML parser and schema) and the
 * author's lint. Loaded on demand (see AppController), never with the title.
 */
export { loadScenarioText } from '../../scenario/load.ts';
export { formatWarning, lintSource } from '../../analysis/lintText.ts';
