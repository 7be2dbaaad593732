/**
 * Vite plugin: the shipped scenarios, parsed and validated at build time (and on each change in
 * development) into compact JSON; the module `virtual:accord-catalogue` exports a function that
 * delivers it. The page then needs neither the YAML parser nor the scenario schema to offer them;
 * the loader comes in only when a player opens a file of their own. A shipped file that does not
 * load keeps its problems, so the title shows them as before.
 *
 * In a build the JSON is its own file (`scenarios-<hash>.json`), fetched like the title's map, in
 * parallel with the scripts (main.ts asks for it first thing), so the page's JavaScript does not
 * carry the scenarios' data. The dev server and the unit tests get the data inline.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenarioText, type LoadResult } from '../src/scenario/load.ts';

const ID = 'virtual:accord-catalogue';
const RESOLVED = `\0${ID}`;

export interface PrebuiltEntry {
  id: string;
  file: string;
  result: LoadResult;
}

/** Every shipped scenario loaded as the CLI and the tests load it, the tutorial first, then by id. */
export function prebuildCatalogue(root: string): PrebuiltEntry[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'scenario.yaml')))
    .map((id) => {
      const file = `scenarios/${id}/scenario.yaml`;
      return { id, file, result: loadScenarioText(readFileSync(join(root, file), 'utf8'), file) };
    })
    .sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.id.localeCompare(b.id)));
}

export function cataloguePlugin(root: string): Plugin {
  let building = false;
  return {
    name: 'accord-catalogue',
    configResolved: (config) => void (building = config.command === 'build'),
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const entries = prebuildCatalogue(root);
      for (const e of entries) this.addWatchFile(join(root, e.file));
      const json = JSON.stringify(entries);
      if (building) {
        const ref = this.emitFile({ type: 'asset', name: 'scenarios.json', source: json });
        // Vite turns this into the asset's URL relative to the chunk (base './').
        return `const url = import.meta.ROLLDOWN_FILE_URL_${ref};
export default () => fetch(url).then((r) => { if (!r.ok) throw new Error(\`\${r.status} \${r.statusText}\`); return r.json(); });`;
      }
      // JSON.parse of a string literal is faster for engines than an object literal of this size.
      return `const entries = JSON.parse(${JSON.stringify(json)});\nexport default () => Promise.resolve(entries);`;
    },
  };
}
