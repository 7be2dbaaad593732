/**
 * The scenarios shipped with the game, parsed and validated when the page was built
 * (scripts/cataloguePlugin.ts): no YAML parser or schema is needed to offer them. In a build they
 * are a JSON file of their own, fetched once, with the page's scripts (main.ts starts it).
 */
import deliver from 'virtual:accord-catalogue';
import type { LoadResult } from '../../scenario/problems.ts';

export interface CatalogueEntry {
  id: string;
  /** Where the file lives, as messages name it. */
  file: string;
  load(): LoadResult;
}

let pending: Promise<CatalogueEntry[]> | null = null;

/**
 * Shipped scenarios, the tutorial first, then by id; fetched on first call. When the file does
 * not arrive, one entry says so (the title lists it with the reason, as it lists a broken file).
 */
export function shippedScenarios(): Promise<CatalogueEntry[]> {
  return (pending ??= deliver().then(
    (prebuilt) => prebuilt.map((e) => ({ id: e.id, file: e.file, load: () => e.result })),
    (e: unknown) => {
      const result: LoadResult = { ok: false, problems: [{ file: 'scenarios', line: 0, column: 0, path: [], message: `the shipped scenarios could not be downloaded (${e instanceof Error ? e.message : String(e)}); reload the page to try again` }] };
      return [{ id: 'scenarios', file: 'scenarios', load: () => result }];
    },
  ));
}
