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
