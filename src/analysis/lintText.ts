/**
 * Lint warnings located in the scenario's text (file:line:col), for the CLI, the browser
 * loader and the studio. Pure; the text must already have loaded.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Scenario } from '../scenario/schema.ts';
import { formatPath, type PathPart, type ScenarioProblem } from '../scenario/load.ts';
import { lintScenario, type LintCode } from './lint.ts';

export interface LocatedWarning extends ScenarioProblem {
  code: LintCode;
}

/** Line and column (1-based) of the deepest node along `path` in a YAML/JSON text. */
export function locatePath(source: string): (path: readonly PathPart[]) => { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

/** The scenario's lint warnings, each at its place in `source`. */
export function lintSource(scenario: Scenario, source: string, file: string): LocatedWarning[] {
  const warnings = lintScenario(scenario);
  if (warnings.length === 0) return [];
  const at = locatePath(source);
  return warnings.map((w) => ({ file, ...at(w.path), path: w.path, message: w.message, code: w.code }));
}

/** `file:41:9: warning: parties[2].reservation: Aldoria can never sign: …` */
export function formatWarning(w: ScenarioProblem): string {
  const where = w.path.length > 0 ? `${formatPath(w.path)}: ` : '';
  return `${w.file}:${w.line}:${w.column}: warning: ${where}${w.message}`;
}
