/**
 * The scenarios shipped with the game, bundled as text and parsed only when chosen.
 */
import { loadScenarioText, type LoadResult } from '../../scenario/load.ts';

export interface CatalogueEntry {
  id: string;
  /** Where the file lives, as messages name it. */
  file: string;
  load(): LoadResult;
}

const files = import.meta.glob('../../../scenarios/*/scenario.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Shipped scenarios, the tutorial first, then by id. */
export function shippedScenarios(): CatalogueEntry[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const id = path.split('/').at(-2)!;
      const file = `scenarios/${id}/scenario.yaml`;
      let cached: LoadResult | null = null;
      return { id, file, load: () => (cached ??= loadScenarioText(text, file)) };
    })
    .sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.id.localeCompare(b.id)));
}
