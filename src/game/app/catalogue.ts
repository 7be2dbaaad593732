/**
 * The scenarios shipped with the game, parsed and validated when the page was built
 * (scripts/cataloguePlugin.ts): no YAML parser or schema is needed to offer them.
 */
import prebuilt from 'virtual:accord-catalogue';
import type { LoadResult } from '../../scenario/problems.ts';

export interface CatalogueEntry {
  id: string;
  /** Where the file lives, as messages name it. */
  file: string;
  load(): LoadResult;
}

/** Shipped scenarios, the tutorial first, then by id. */
export function shippedScenarios(): CatalogueEntry[] {
  return prebuilt.map((e) => ({ id: e.id, file: e.file, load: () => e.result }));
}
