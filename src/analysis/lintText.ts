/**
 * Lint warnings located in the scenario's text (file:line:col), for the CLI, the browser
 * loader and the studio. Pure; the text must already have loaded.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Scenario } from '../scenario/schema.ts';
import { formatPath, locatorOf, type Locator, type ScenarioProblem } from '../scenario/load.ts';
import { lintScenario, type LintCode } from './lint.ts';

export interface LocatedWarning extends ScenarioProblem {
  code: LintCode;
}

/** Line and column (1-based) of the deepest node along a path in a YAML/JSON text (parsing it). */
export function locatePath(source: string): Locator {
  const lines = new LineCounter();
  return locatorOf(parseDocument(source, { lineCounter: lines, prettyErrors: false }), lines);
}

/**
 * The scenario's lint warnings, each at its place in `source`; `at` is the loader's locator for
 * that text when the caller has it (see `loadScenarioText`), which saves parsing it again.
 */
export function lintSource(scenario: Scenario, source: string, file: string, at?: Locator): LocatedWarning[] {
  const warnings = lintScenario(scenario);
  if (warnings.length === 0) return [];
  const place = at ?? locatePath(source);
  return warnings.map((w) => ({ file, ...place(w.path), path: w.path, message: w.message, code: w.code }));
}

/** `file:41:9: warning: parties[2].reservation: Aldoria can never sign: …` */
export function formatWarning(w: ScenarioProblem): string {
  const where = w.path.length > 0 ? `${formatPath(w.path)}: ` : '';
  return `${w.file}:${w.line}:${w.column}: warning: ${where}${w.message}`;
}
