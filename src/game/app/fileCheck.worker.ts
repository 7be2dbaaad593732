/**
 * The file checker in a Web Worker (see offThread.ts): says when it is loaded, so a time budget
 * counts checking rather than fetching the checker; then one request in, its answer out.
 */
import { checkScenarioFile } from './scenarioCheck.ts';
import { checkClassFiles, checkResultFile } from './resultCheck.ts';
import type { FileCheckRequest } from './offThread.ts';

function answer(request: FileCheckRequest): unknown {
  switch (request.kind) {
    case 'scenario':
      return checkScenarioFile(request.text, request.file);
    case 'result':
      return checkResultFile(request.text, request.available);
    case 'class':
      return checkClassFiles(request.files, request.available);
  }
}

self.onmessage = (event: MessageEvent<FileCheckRequest>) => {
  self.postMessage({ kind: 'answer', answer: answer(event.data) });
};
self.postMessage({ kind: 'ready' });
