/**
 * Checking files the player opens (a scenario, a result, a class's results) in a Web Worker with
 * a time budget: a file the checker cannot finish in time is refused with a message and the
 * worker is stopped, so the page stays responsive whatever the files. Where there is no Worker
 * (Node, for tests), the check runs in line.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { ClassFile, ClassSummary } from '../../debrief/classResults.ts';
import type { ScenarioCheck } from './scenarioCheck.ts';
import type { ResultCheck } from './resultCheck.ts';
import { afterInteractive } from '../ready.ts';
import { analysisWork } from '../analysisWork.ts';

/** Far above what a real file takes (a shipped scenario or a student's result: well under 100 ms), far below a frozen page. */
export const CHECK_BUDGET_MS = 5000;
/** A class's files get this much more each. */
export const CHECK_BUDGET_PER_FILE_MS = 1000;

export type FileCheckRequest =
  | { kind: 'scenario'; text: string; file: string }
  | { kind: 'result'; text: string; available: readonly Scenario[]; work?: number }
  | { kind: 'class'; files: readonly ClassFile[]; available: readonly Scenario[]; work?: number };

/**
 * What the checker says, in order: its first stage is loaded (`ready`); the file passed the first
 * look and the full checker is loading (`loading`); it is loaded (`checking`); then its answer, or
 * that it failed. A file refused by the first look goes straight from `ready` to its answer.
 */
export type FromChecker = { kind: 'ready' } | { kind: 'loading' } | { kind: 'checking' } | { kind: 'answer'; answer: unknown } | { kind: 'failed'; message: string };

type Over = { over: string };

function inLine(request: FileCheckRequest): Promise<unknown> {
  return Promise.all([import('./scenarioCheck.ts'), import('./resultCheck.ts')]).then(([s, r]) => {
    if (request.kind === 'scenario') return s.checkScenarioFile(request.text, request.file);
    if (request.kind === 'result') return r.checkResultFile(request.text, request.available, request.work);
    return r.checkClassFiles(request.files, request.available, request.work);
  });
}

/** A checker worker, with what it said before a check took it (it may be started ahead of need). */
type Checker = { worker: Worker; ready: boolean; failed: string | null };

function spawn(): Checker {
  const worker = new Worker(new URL('./fileCheck.worker.ts', import.meta.url), { type: 'module' });
  const checker: Checker = { worker, ready: false, failed: null };
  worker.onmessage = (event: MessageEvent<FromChecker>) => {
    if (event.data.kind === 'ready') checker.ready = true;
  };
  worker.onerror = (event) => {
    event.preventDefault();
    checker.failed = event.message;
  };
  return checker;
}

/** A checker started ahead of need, ready when a file comes; each check takes it and stops it. */
let standby: Checker | null = null;
/** A start of the standby checker is waiting for the page to be idle. */
let warming = false;
/** Counts the times the title let its checker go, so a start scheduled before one is dropped. */
let cooled = 0;

/**
 * Start a checker ahead of need (the title screen does, where the player may open a file), so a
 * check does not wait for a worker to start (the longest part of refusing an absurd file: 0.2–0.5 s
 * on a loaded machine). Its first stage is 3 KB and idle until a file comes. It starts once the
 * title is interactive and the page idle, so it never delays the title. Idempotent.
 */
export function warmChecker(): void {
  if (typeof Worker === 'undefined' || standby !== null || warming) return;
  warming = true;
  const generation = cooled;
  afterInteractive(() => {
    if (generation !== cooled) return;
    warming = false;
    standby ??= spawn();
  });
}

/** Stop the checker kept ahead of need (leaving the title screen), or its start not yet made. */
export function coolChecker(): void {
  cooled += 1;
  warming = false;
  standby?.worker.terminate();
  standby = null;
}

/** The worker's answer, or `{ over }` (a sentence) when it did not come within the budget or the worker failed. */
function run<T>(request: FileCheckRequest, budgetMs: number): Promise<T | Over> {
  if (typeof Worker === 'undefined') return inLine(request) as Promise<T>;
  const checker = standby ?? spawn();
  standby = null;
  const { worker } = checker;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (answer: T | Over) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(answer);
    };
    const limit = budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`;
    const failed = (message: string) => finish({ over: `it could not be checked (${message || 'the checker stopped'})` });
    // The budget counts checking, not loading the checker (a slow network or machine is not the
    // file's fault): it runs from `ready` (the first look) and from `checking`, not while loading.
    const budget = () => {
      timer = setTimeout(() => finish({ over: `checking took longer than ${limit}, so the file was refused` }), budgetMs);
    };
    const start = () => {
      budget();
      worker.postMessage(request);
    };
    worker.onmessage = (event: MessageEvent<FromChecker>) => {
      const said = event.data;
      clearTimeout(timer);
      if (said.kind === 'answer') return finish(said.answer as T);
      if (said.kind === 'failed') return failed(said.message);
      if (said.kind === 'ready') return start();
      if (said.kind === 'checking') budget();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      failed(event.message);
    };
    if (checker.failed !== null) failed(checker.failed);
    else if (checker.ready) start();
  });
}

const isOver = (x: unknown): x is Over => typeof x === 'object' && x !== null && 'over' in x;

export async function checkScenarioOffThread(text: string, file: string, budgetMs = CHECK_BUDGET_MS): Promise<ScenarioCheck> {
  const answer = await run<ScenarioCheck>({ kind: 'scenario', text, file }, budgetMs);
  if (!isOver(answer)) return answer;
  return { ok: false, lines: [`${file}: ${answer.over}; a scenario file is far smaller and simpler than this one`] };
}

export async function checkResultOffThread(text: string, available: readonly Scenario[], budgetMs = CHECK_BUDGET_MS): Promise<ResultCheck> {
  const answer = await run<ResultCheck>({ kind: 'result', text, available, work: analysisWork(globalThis.location?.search ?? '') }, budgetMs);
  return isOver(answer) ? { ok: false, message: `the file: ${answer.over}; a game's result is far shorter than this` } : answer;
}

/** A class's summary, or the sentence that says why the files could not be checked. */
export async function checkClassOffThread(files: readonly ClassFile[], available: readonly Scenario[], budgetMs = CHECK_BUDGET_MS + CHECK_BUDGET_PER_FILE_MS * files.length): Promise<ClassSummary | { over: string }> {
  const answer = await run<ClassSummary>({ kind: 'class', files, available, work: analysisWork(globalThis.location?.search ?? '') }, budgetMs);
  return isOver(answer) ? { over: `The ${files.length} files: ${answer.over.replace('the file was', 'they were')}. Open fewer at a time, or use \`npx accord results\`.` } : answer;
}
