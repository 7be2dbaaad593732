/**
 * Work budget (search nodes) of the debrief's analysis, which runs on the page's main thread:
 * a hard 60-point scenario opened from a file or the studio took a minute at the analyser's own
 * budget, frozen; within this one it takes about a second and its answers say "not proven best".
 * Every shipped scenario and start needs a few thousand nodes, so they stay exact. The studio
 * (in a worker) and `accord analyze` search with the full budget.
 */
export const PAGE_WORK = 100_000;

/**
 * The analyser's work budget on this page: its own default, except in the test build
 * (`vite build --mode test`), where `?work=N` (nodes) sets a small one, so end-to-end tests and
 * screenshots can show an answer that is bounded, not exact, on a shipped scenario. Production
 * has no such parameter: the test is on the build mode, and the line is not in its bundle.
 */
export function analysisWork(search: string): number | undefined {
  if (import.meta.env.MODE !== 'test') return undefined;
  const n = Number(new URLSearchParams(search).get('work') ?? NaN);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
