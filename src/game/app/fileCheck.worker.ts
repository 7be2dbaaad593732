/**
 * The file checker in a Web Worker (see offThread.ts). It starts small: the linear first look
 * at a scenario (size, nesting, entries: prescan.ts) is all it loads before saying it is ready, so
 * an absurd file is refused in milliseconds, without loading the parser, the schema and the engine
 * (about 400 KB of script, most of the time a refusal took). For anything else it loads the
 * checker, says so (the time budget counts checking, not loading), and answers.
 */
import { refuseBeforeParsing } from '../../scenario/prescan.ts';
import { formatProblem } from '../../scenario/problems.ts';
import type { FileCheckRequest, FromChecker } from './offThread.ts';

const post = (message: FromChecker) => self.postMessage(message);

async function answer(request: FileCheckRequest): Promise<unknown> {
  if (request.kind === 'scenario') {
    const refused = refuseBeforeParsing(request.text, request.file);
    if (refused && !refused.ok) return { ok: false, lines: refused.problems.map(formatProblem) };
  }
  post({ kind: 'loading' });
  const [scenarios, results] = await Promise.all([import('./scenarioCheck.ts'), import('./resultCheck.ts')]);
  post({ kind: 'checking' });
  switch (request.kind) {
    case 'scenario':
      return scenarios.checkScenarioFile(request.text, request.file);
    case 'result':
      return results.checkResultFile(request.text, request.available, request.work);
    case 'class':
      return results.checkClassFiles(request.files, request.available, request.work);
  }
}

self.onmessage = (event: MessageEvent<FileCheckRequest>) => {
  void answer(event.data).then(
    (a) => post({ kind: 'answer', answer: a }),
    (e: unknown) => post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
};
post({ kind: 'ready' });
