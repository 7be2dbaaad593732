/**
 * Loading a scenario in two stages, as authored content should be: shape (YAML + schema,
 * with file, line, column and path) and then meaning (cross-references and consistency).
 * User input never throws: every problem comes back as a value.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { FORMAT_VERSION, MIN_FORMAT_VERSION, scenarioSchema } from './schema.ts';
import { checkMeaning } from './checkMeaning.ts';
import { explainProblems } from './explain.ts';
import { refuseBeforeParsing } from './prescan.ts';

const MAX_ALIASES = 200;

export { formatPath, formatProblem, MAX_SCENARIO_CHARS, type LoadResult, type PathPart, type ScenarioProblem } from './problems.ts';
import { formatProblem, type LoadResult, type PathPart, type ScenarioProblem } from './problems.ts';

type Range = { range?: [number, number, number] | null };

/**
 * Locate a document path: the deepest node that exists along it. With `onKey`, a path
 * ending in a mapping key points at the key itself (for problems with the key, such as
 * an unknown point named in `weights`), not at its value.
 */
function locate(doc: Document, lines: LineCounter, path: readonly PathPart[], onKey = false): { line: number; column: number } {
  if (onKey && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
      const key = pair?.key as Range | undefined;
      if (key?.range) {
        const pos = lines.linePos(key.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Range | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, 5).map((k) => JSON.stringify(preview(k).slice(1, -1))).join(', ');
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${shown}${more}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `missing required field (expected ${issue.expected})`;
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        return Number.isNaN(issue.input)
          ? 'expected a number, got .nan (not a number)'
          : `expected a number, got ${issue.input > 0 ? '' : 'minus '}infinity (is the number too large?)`;
      }
      if (issue.expected === 'int') return `must be a whole number, got ${preview(issue.input)}`;
      return `expected ${issue.expected}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `has more than ${String(issue.maximum)} items` : issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? issue.message;
      return `key ${preview(issue.path[issue.path.length - 1])} ${reason}`;
    }
    default:
      return issue.message;
  }
}

/** A value as it appears in a message: short, quoted, control characters escaped. */
function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describe(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${preview(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** The key written at `offset`, quoted for a message, e.g. `"reservation" `; empty if unclear. */
function keyAt(source: string, offset: number): string {
  const match = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n]+?)\s*:/.exec(source.slice(offset, offset + 200));
  if (!match?.[1]) return '';
  const raw = match[1];
  return `${raw.startsWith('"') || raw.startsWith("'") ? raw : JSON.stringify(raw)} `;
}

/**
 * Keys that would change an object's prototype rather than hold data. YAML makes them own
 * properties, but zod drops them silently and a later copy by assignment would set the
 * prototype instead, so they are refused outright.
 */
const FORBIDDEN_KEYS = new Set(['__proto__']);

function forbiddenKeys(doc: Document, lines: LineCounter): { line: number; column: number; path: PathPart[]; key: string }[] {
  const found: { line: number; column: number; path: PathPart[]; key: string }[] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || !FORBIDDEN_KEYS.has(String(pair.key.value))) return;
      const pos = lines.linePos(pair.key.range?.[0] ?? 0);
      found.push({ line: pos.line, column: pos.col, path: pathOf([...ancestors, pair]), key: String(pair.key.value) });
    },
  });
  return found;
}

/** The document path of the mapping holding the last pair in a chain of YAML ancestors. */
function pathOf(chain: readonly unknown[]): PathPart[] {
  const path: PathPart[] = [];
  chain.forEach((node, i) => {
    const child = chain[i + 1];
    if (isSeq(node) && child !== undefined) path.push(node.items.indexOf(child as never));
    else if (isPair(node) && child !== undefined && isScalar(node.key)) path.push(String(node.key.value));
  });
  return path;
}

/** Line and column (1-based) of the deepest node along a document path in the loaded text. */
export type Locator = (path: readonly PathPart[]) => { line: number; column: number };

/** A locator over a parsed document. */
export function locatorOf(doc: Document, lines: LineCounter): Locator {
  return (path) => locate(doc, lines, path);
}

/**
 * Parse and validate scenario text. Pure; never throws.
 * @param source the YAML (or JSON) text
 * @param file the name used in messages, e.g. `scenarios/tutorial/scenario.yaml`
 * @param places when given, receives a locator over the parsed text once it has parsed, so lint
 *   warnings can be placed without parsing the text a second time
 */
export function loadScenarioText(source: string, file: string, places?: { locate?: Locator }): LoadResult {
  // Size, depth and entries first: a file refused here is never parsed again to explain it.
  const refused = refuseBeforeParsing(source, file);
  if (refused) return refused;
  const read: { data?: unknown; locate?: Locator } = {};
  const result = loadRaw(source, file, read);
  if (places && read.locate) places.locate = read.locate;
  // Did-you-mean, YAML hints and folding are written up separately (explain.ts), from the data parsed here.
  return result.ok ? result : { ok: false, problems: explainProblems(result.problems, source, read.data ?? null) };
}

/** Load; `read.data` keeps the data parsed from the file when it got that far (to explain problems without parsing again), `read.locate` places paths in it. */
function loadRaw(source: string, file: string, read: { data?: unknown; locate?: Locator }): LoadResult {
  const problem = (message: string, line = 1, column = 1, path: PathPart[] = []): LoadResult => ({
    ok: false,
    problems: [{ file, line, column, path, message }],
  });
  const lines = new LineCounter();
  let doc: Document;
  try {
    // Duplicate keys are found below in one pass; the parser's own check is quadratic in a mapping's size.
    doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    return problem(`could not be read as YAML: ${(e as Error).message}`);
  }
  read.locate = locatorOf(doc, lines);
  const duplicates = duplicateKeys(doc, lines, source);
  if (doc.errors.length > 0 || duplicates.length > 0) {
    const errors = doc.errors.slice(0, MAX_PROBLEMS * 4);
    return {
      ok: false,
      problems: capProblems([...errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const first = e.message.split('\n')[0] ?? e.code;
        const message =
          e.code === 'DUPLICATE_KEY'
            ? `YAML: duplicate key ${keyAt(source, e.pos[0])}(a key may appear only once in a mapping)`
            : `YAML: ${first}`;
        return { file, line: pos.line, column: pos.col, path: [] as PathPart[], message };
      }), ...duplicates.map((d) => ({ file, ...d }))].sort((a, b) => a.line - b.line || a.column - b.column)),
    };
  }
  const forbidden = forbiddenKeys(doc, lines);
  if (forbidden.length > 0) {
    return {
      ok: false,
      problems: capProblems(forbidden.map((f) => ({ file, line: f.line, column: f.column, path: f.path, message: `the key "${f.key}" is not allowed (JavaScript reserves it); rename or remove it` }))),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    read.data = data;
  } catch (e) {
    const message = (e as Error).message;
    return problem(
      /alias count/i.test(message)
        ? 'YAML: aliases (*name) expand into too much data (a guard against "billion laughs" files); write the values out instead'
        : `YAML: ${message}`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return problem('expected a mapping of scenario fields at the top level');
  }
  const format = (data as Record<string, unknown>).format;
  if (Number.isInteger(format) && typeof format === 'number' && (format > FORMAT_VERSION || format < MIN_FORMAT_VERSION)) {
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
  const shape = scenarioSchema.safeParse(data, { reportInput: true });
  if (!shape.success) {
    const problems = capIssues(shape.error.issues).map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // An unknown key is pointed at itself; the path stays that of its mapping.
      const where =
        issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
          ? locate(doc, lines, [...path, issue.keys[0]], true)
          : locate(doc, lines, path, issue.code === 'invalid_key');
      return { file, ...where, path, message: zodMessage(issue) };
    });
    return { ok: false, problems: capProblems(dedupe(problems)) };
  }
  const meaning = checkMeaning(shape.data);
  if (meaning.length > 0) {
    return {
      ok: false,
      problems: capProblems(capIssues(meaning).map((m) => ({ file, ...locate(doc, lines, m.path, m.onKey), path: m.path, message: m.message }))),
    };
  }
  return { ok: true, scenario: shape.data };
}

/**
 * Duplicate keys in every mapping, in one pass (a set per mapping), located at the second
 * occurrence. Keys compare as the text they become (`1` and `"1"` are the same key).
 */
function duplicateKeys(doc: Document, lines: LineCounter, source: string): Omit<ScenarioProblem, 'file'>[] {
  const found: Omit<ScenarioProblem, 'file'>[] = [];
  visit(doc, {
    Map(_, map) {
      if (found.length >= MAX_PROBLEMS * 4) return visit.BREAK;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const at = pair.key.range?.[0] ?? 0;
        const pos = lines.linePos(at);
        found.push({ line: pos.line, column: pos.col, path: [], message: `YAML: duplicate key ${keyAt(source, at)}(a key may appear only once in a mapping)` });
      }
      return undefined;
    },
  });
  return found;
}

/** Most problems of one kind listed; the rest are counted ("and 120 more of the same kind"). */
export const MAX_PROBLEMS = 20;

/** Keep the work of locating and formatting problems bounded: never more than a few pages of issues. */
function capIssues<T>(issues: readonly T[]): T[] {
  return issues.slice(0, MAX_PROBLEMS * 10);
}

/**
 * The first {@link MAX_PROBLEMS} problems of each kind (the message with its quoted parts and
 * numbers blanked), then one line per kind that had more: "…and M more of the same kind".
 */
export function capProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  const kindOf = (m: string) => m.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\d+/g, '#');
  const counts = new Map<string, { shown: number; more: number; last: ScenarioProblem }>();
  const out: ScenarioProblem[] = [];
  for (const p of problems) {
    const kind = kindOf(p.message);
    const c = counts.get(kind) ?? { shown: 0, more: 0, last: p };
    counts.set(kind, c);
    if (c.shown < MAX_PROBLEMS) {
      c.shown++;
      c.last = p;
      out.push(p);
    } else c.more++;
  }
  for (const c of counts.values()) {
    if (c.more > 0) out.push({ ...c.last, message: `…and ${c.more} more of the same kind (${c.last.message})` });
  }
  return out;
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
