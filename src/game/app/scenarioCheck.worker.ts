/**
 * The scenario checker in a Web Worker (see offThread.ts): says when it is loaded, so the time
 * budget counts checking rather than fetching the checker; then one file in, its check out.
 */
import { checkScenarioFile } from './scenarioCheck.ts';

self.onmessage = (event: MessageEvent<{ text: string; file: string }>) => {
  self.postMessage({ kind: 'checked', check: checkScenarioFile(event.data.text, event.data.file) });
};
self.postMessage({ kind: 'ready' });
