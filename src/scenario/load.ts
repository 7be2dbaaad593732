/**
 * Loading a scenario in two stages, as authored content should be: shape (YAML + schema,
 * with file, line, column and path) and then meaning (cross-references and consistency).
 * User input never throws: every problem comes back as a value.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { FORMAT_VERSION, MIN_FORMAT_VERSION, scenarioSchema, type Scenario } from './schema.ts';
import { checkMeaning } from './checkMeaning.ts';

/** Largest scenario file accepted, in characters. */
export const MAX_SCENARIO_CHARS = 1_000_000;
const MAX_ALIASES = 200;

export type PathPart = string | number;

/** One problem in a scenario file, located for the author. */
export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  path: PathPart[];
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** `parties[2].redLines[0]` */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** `file:41:9: parties[2].redLines[0]: unknown option "ban" on point "nato"` */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.path.length > 0 ? `${formatPath(p.path)}: ` : '';
  return `${p.file}:${p.line}:${p.column}: ${where}${p.message}`;
}

/** Locate a document path: the deepest node that exists along it. */
function locate(doc: Document, lines: LineCounter, path: readonly PathPart[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${String(issue.maximum)} items` : issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a non-finite number';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/**
 * Parse and validate scenario text. Pure; never throws.
 * @param source the YAML (or JSON) text
 * @param file the name used in messages, e.g. `scenarios/tutorial/scenario.yaml`
 */
export function loadScenarioText(source: string, file: string): LoadResult {
  const problem = (message: string, line = 1, column = 1, path: PathPart[] = []): LoadResult => ({
    ok: false,
    problems: [{ file, line, column, path, message }],
  });
  if (source.length > MAX_SCENARIO_CHARS) {
    return problem(`file is too large (${source.length} characters; the limit is ${MAX_SCENARIO_CHARS})`);
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return problem(`could not be read as YAML: ${(e as Error).message}`);
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: [], message: `YAML: ${e.message.split('\n')[0] ?? e.code}` };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return problem(`YAML: ${(e as Error).message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return problem('expected a mapping of scenario fields at the top level');
  }
  const format = (data as Record<string, unknown>).format;
  if (typeof format === 'number' && (format > FORMAT_VERSION || format < MIN_FORMAT_VERSION)) {
    const where = locate(doc, lines, ['format']);
    return problem(
      format > FORMAT_VERSION
        ? `format ${format} is newer than this version of Accord reads (${FORMAT_VERSION}); update Accord`
        : `format ${format} is older than this version of Accord reads (oldest: ${MIN_FORMAT_VERSION}); update the scenario`,
      where.line,
      where.column,
      ['format'],
    );
  }
  const shape = scenarioSchema.safeParse(data);
  if (!shape.success) {
    const problems = shape.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const where = locate(doc, lines, path);
      return { file, ...where, path, message: zodMessage(issue) };
    });
    return { ok: false, problems: dedupe(problems) };
  }
  const meaning = checkMeaning(shape.data);
  if (meaning.length > 0) {
    return {
      ok: false,
      problems: meaning.map((m) => ({ file, ...locate(doc, lines, m.path), path: m.path, message: m.message })),
    };
  }
  return { ok: true, scenario: shape.data };
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
