/**
 * Check a scenario file in a Web Worker with a time budget: a file the checker cannot finish in
 * time is refused with a message, and the worker is stopped, so the page stays responsive
 * whatever the file. Where there is no Worker (Node, for tests), the check runs in line.
 */
import type { ScenarioCheck } from './scenarioCheck.ts';

/** Far above what a real scenario takes (a shipped one: well under 100 ms), far below a frozen page. */
export const CHECK_BUDGET_MS = 5000;

export function checkScenarioOffThread(text: string, file: string, budgetMs = CHECK_BUDGET_MS): Promise<ScenarioCheck> {
  if (typeof Worker === 'undefined') return import('./scenarioCheck.ts').then((m) => m.checkScenarioFile(text, file));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./scenarioCheck.worker.ts', import.meta.url), { type: 'module' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (check: ScenarioCheck) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(check);
    };
    const limit = budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
    worker.onmessage = (event: MessageEvent<{ kind: 'ready' } | { kind: 'checked'; check: ScenarioCheck }>) => {
      if (event.data.kind === 'checked') return finish(event.data.check);
      // The budget starts once the checker is loaded: a slow network or machine is not the file's fault.
      timer = setTimeout(() => finish({ ok: false, lines: [`${file}: checking took longer than ${limit}, so the file was refused; a scenario file is far smaller and simpler than this one`] }), budgetMs);
      worker.postMessage({ text, file });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, lines: [`${file}: could not be checked (${event.message || 'the checker stopped'})`] });
    };
  });
}
