/**
 * Problems written for authors: "did you mean …" for a misspelt key, id or option (or the
 * valid ones, when there are few); the first YAML syntax error with a hint, later ones
 * summarised under it; problems caused by an earlier one (a duplicate id) folded under it.
 * Works on the loader's problems and the source text only. Pure.
 */
import { parse } from 'yaml';
import { OMIT, scenarioSchema } from './schema.ts';
import type { PathPart, ScenarioProblem } from './load.ts';
import { kindMessage, problemCount } from './problems.ts';

/** A problem with those that follow from it folded under it. */
export interface ExplainedProblem extends ScenarioProblem {
  folded?: ScenarioProblem[];
}

/** Edit distance (insert, delete, substitute, swap neighbours). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a likely misspelling. */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === null) return null;
  return bestD <= Math.max(1, Math.floor(Math.max(word.length, best.length) * 0.4)) ? best : null;
}

/** `(did you mean "x"?)`, or `(valid: a, b, c)` when there are few, or nothing. */
export function suggestion(word: string, candidates: readonly string[], what = 'valid'): string {
  const near = nearest(word, candidates);
  if (near !== null && near !== word) return ` (did you mean "${near}"?)`;
  if (candidates.length > 0 && candidates.length <= 8) return ` (${what}: ${candidates.map((c) => `"${c}"`).join(', ')})`;
  return '';
}

/* eslint-disable @typescript-eslint/no-explicit-any -- walking zod's own schema description */
function unwrap(s: any): any {
  for (let i = 0; i < 10 && s?.def; i++) {
    const t = s.def.type;
    if (t === 'default' || t === 'optional' || t === 'nullable' || t === 'prefault' || t === 'readonly' || t === 'catch') s = s.def.innerType;
    else if (t === 'pipe') s = s.def.in;
    else break;
  }
  return s;
}

/** The keys the format allows in the mapping at `path`, or null if it is not a fixed mapping. */
export function keysAt(path: readonly PathPart[]): string[] | null {
  let s: any = unwrap(scenarioSchema);
  for (const part of path) {
    const t = s?.def?.type;
    if (typeof part === 'number') {
      if (t !== 'array') return null;
      s = unwrap(s.def.element);
    } else if (t === 'object') s = unwrap(s.def.shape[part]);
    else if (t === 'record') s = unwrap(s.def.valueType);
    else return null;
  }
  return s?.def?.type === 'object' ? Object.keys(s.def.shape as object) : null;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

type Data = Record<string, unknown>;
const list = (data: Data | null, key: string): Data[] => (Array.isArray(data?.[key]) ? (data[key] as unknown[]).filter((x): x is Data => typeof x === 'object' && x !== null) : []);
const ids = (items: Data[]): string[] => [...new Set(items.map((x) => x.id).filter((x): x is string => typeof x === 'string'))];

function idsOf(kind: string, data: Data | null, point?: string): string[] {
  switch (kind) {
    case 'point': return ids(list(data, 'points'));
    case 'venue': return ids(list(data, 'venues'));
    case 'party': return ids(list(data, 'parties'));
    case 'option': {
      const p = list(data, 'points').find((x) => x.id === point);
      if (!p) return [];
      return [...ids(list(p, 'options')), ...(p.omittable === false ? [] : [OMIT])];
    }
    default: return [];
  }
}

/** Add "did you mean" to one problem's message where it names something unknown. */
function hint(p: ScenarioProblem, data: Data | null): ScenarioProblem {
  const keys = /^unknown keys? (.+)$/.exec(p.message);
  if (keys) {
    const valid = keysAt(p.path);
    if (!valid) return p;
    const named = [...keys[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    return { ...p, message: `${p.message}${named.map((k) => suggestion(k, valid, 'valid keys here')).find((s) => s !== '') ?? ''}` };
  }
  const id = /^unknown (point|venue|party|option) "([^"]+)"(?: on point "([^"]+)")?/.exec(p.message);
  if (id) return { ...p, message: `${p.message}${suggestion(id[2]!, idsOf(id[1]!, data, id[3]), `${id[1] === 'party' ? 'parties' : `${id[1]}s`}`)}` };
  const veto = /^veto holder "([^"]+)" is not among the signatories/.exec(p.message);
  if (veto) {
    const r = data?.ratification as Data | undefined;
    const sig = Array.isArray(r?.signatories) ? (r.signatories as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    return { ...p, message: `${p.message}${suggestion(veto[1]!, sig, 'signatories')}` };
  }
  return p;
}

/** A hint for the first YAML error, from the line it is on. */
function yamlHint(p: ScenarioProblem, source: string): string {
  const line = source.split('\n')[p.line - 1] ?? '';
  if (/\t/.test(line.slice(0, line.length - line.trimStart().length)) || /tab/i.test(p.message)) return ' Indent with spaces: YAML does not allow tabs.';
  const pair = /^(\s*(?:-\s+)?[^\s:#][^:#]*?):\s+(.*:\s.*)$/.exec(line);
  if (pair && !/^["'[{|>]/.test(pair[2]!)) {
    return ` The value contains ": " — put it in quotes: ${pair[1]!.trim()}: "${pair[2]!.trim().replace(/"/g, '\\"')}".`;
  }
  if (/closing/i.test(p.message)) return ' A quote opened earlier is never closed.';
  if (/indent|same column/i.test(p.message)) return ' Check the indentation of this line against the lines above.';
  return '';
}

function parseQuietly(source: string): unknown {
  try {
    // Duplicate keys were reported already; the parser's own check is quadratic in a mapping's size.
    return parse(source, { maxAliasCount: 200, prettyErrors: false, uniqueKeys: false });
  } catch {
    return null;
  }
}

// A summary of many YAML errors of one kind is a YAML problem too.
const isYaml = (p: ScenarioProblem) => kindMessage(p).startsWith('YAML: ') && p.line > 0;

/**
 * Rewrite the loader's problems for an author. YAML errors: the first, with a hint, and the
 * rest folded under it. A duplicate id: later problems naming that id folded under it.
 * Unknown keys, ids and options: "did you mean" or the valid choices.
 */
export function explainProblems(problems: readonly ScenarioProblem[], source: string, parsed?: unknown): ExplainedProblem[] {
  if (problems.length === 0) return [];
  const yaml = problems.filter(isYaml);
  if (yaml.length > 0) {
    const [first, ...rest] = yaml;
    // Every YAML error after the first, those the loader summarised ("…and M more") included.
    const after = rest.reduce((n, p) => n + problemCount(p), 0);
    const more = after > 0 ? ` (${after} more YAML error${after === 1 ? '' : 's'} after it, often caused by this one: fix it first)` : '';
    const hintText = yamlHint(first!, source);
    const message = hintText === '' ? `${first!.message}${more}` : `${first!.message.replace(/\.?$/, '.')}${hintText}${more}`;
    const main: ExplainedProblem = { ...first!, message };
    if (rest.length > 0) main.folded = rest;
    return [main, ...problems.filter((p) => !isYaml(p))];
  }
  // The loader passes the data it already parsed: parsing a 1 MB file again doubled the time to refuse it.
  const read = parsed === undefined ? parseQuietly(source) : parsed;
  const data = read && typeof read === 'object' && !Array.isArray(read) ? (read as Data) : null;
  const hinted = problems.map((p) => hint(p, data));
  // Fold what follows from a duplicate id under it; the rest keep the loader's order.
  const roots = new Map<ScenarioProblem, { id: string; problem: ExplainedProblem }>();
  for (const p of hinted) {
    const dup = /^duplicate \w+ id "([^"]+)"/.exec(p.message);
    if (dup) roots.set(p, { id: dup[1]!, problem: { ...p } });
  }
  const out: ExplainedProblem[] = [];
  for (const p of hinted) {
    const root = roots.get(p);
    if (root) {
      out.push(root.problem);
      continue;
    }
    const parent = [...roots.values()].find((r) => p.message.includes(`"${r.id}"`));
    if (parent) (parent.problem.folded ??= []).push(p);
    else out.push(p);
  }
  for (const r of roots.values()) {
    const n = r.problem.folded?.length ?? 0;
    if (n > 0) r.problem.message += ` (${n} more problem${n === 1 ? '' : 's'} below follow from it)`;
  }
  return out;
}
