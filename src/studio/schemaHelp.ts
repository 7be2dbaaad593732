/**
 * Completion and hover help from the scenario's JSON Schema, for the studio's editor: which
 * keys may go where the cursor is, what a key means, which values an enumerated field takes.
 * Reads YAML by indentation (block style, as scenarios are written); pure, no editor types.
 */

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  required?: string[];
}

const KEY_LINE = /^(\s*)(?:(-)(\s+))?([A-Za-z_][\w-]*)\s*:(.*)$/;

/** The keys (outermost first) whose mappings hold a position at `column` on line `line` (0-based). */
export function pathAt(lines: readonly string[], line: number, column: number): string[] {
  const path: string[] = [];
  let indent = column;
  for (let i = line - 1; i >= 0 && indent > 0; i--) {
    const text = lines[i]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const m = KEY_LINE.exec(text);
    const lead = text.length - text.trimStart().length;
    if (!m) {
      if (lead < indent && !text.trimStart().startsWith('-')) indent = lead;
      continue;
    }
    const keyColumn = m[1]!.length + (m[2] ? 1 + m[3]!.length : 0);
    if (keyColumn >= indent) continue;
    const rest = m[5]!.replace(/#.*$/, '').trim();
    if (rest === '' || rest === '|' || rest === '>') {
      path.unshift(m[4]!);
      indent = m[2] ? m[1]!.length : keyColumn;
    } else if (m[2]) {
      // "- id: x" above: the item this position belongs to; look further up for its list.
      indent = m[1]!.length;
    }
  }
  return path;
}

function inner(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; i < 5 && n; i++) {
    if (n.items) n = n.items;
    else if (n.anyOf) n = n.anyOf.find((x) => x.properties || x.items) ?? n.anyOf[0];
    else break;
  }
  return n;
}

/** The schema node for a key path (array items entered on the way). */
export function nodeAt(root: SchemaNode, path: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const n = inner(node);
    if (!n) return undefined;
    node = n.properties?.[key] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
  }
  return node;
}

export interface KeyHelp {
  key: string;
  detail: string;
  info: string;
  required: boolean;
}

const typeOf = (n: SchemaNode | undefined): string => {
  if (!n) return '';
  if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (n.type === 'array') return 'list';
  if (n.type === 'object') return 'mapping';
  return Array.isArray(n.type) ? n.type.join(' | ') : n.type ?? '';
};

/** What a schema node means, with an example, for a hover or a completion's info. */
export function describe(n: SchemaNode | undefined): string {
  if (!n) return '';
  const example = n.examples?.[0];
  const parts = [n.description ?? '', example === undefined ? '' : `Example: ${JSON.stringify(example)}`];
  const t = typeOf(n);
  return [t ? `(${t})` : '', ...parts].filter((x) => x !== '').join(' ');
}

/** The keys allowed at a position, required ones first. */
export function keysAt(root: SchemaNode, lines: readonly string[], line: number, column: number): KeyHelp[] {
  const n = inner(nodeAt(root, pathAt(lines, line, column)));
  if (!n?.properties) return [];
  const required = new Set(n.required ?? []);
  return Object.entries(n.properties)
    .map(([key, v]) => ({ key, detail: typeOf(v), info: describe(v), required: required.has(key) }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** The values an enumerated field takes, for `key: |` at a position. */
export function valuesFor(root: SchemaNode, lines: readonly string[], line: number, key: string, column: number): string[] {
  const n = nodeAt(root, [...pathAt(lines, line, column), key]);
  const e = n?.enum ?? n?.anyOf?.find((x) => x.enum)?.enum;
  return (e ?? []).filter((v): v is string => typeof v === 'string');
}

/** Help for the key written at a line (hover), or null. */
export function keyHelp(root: SchemaNode, lines: readonly string[], line: number): { key: string; text: string } | null {
  const m = KEY_LINE.exec(lines[line] ?? '');
  if (!m) return null;
  const keyColumn = m[1]!.length + (m[2] ? 1 + m[3]!.length : 0);
  const n = nodeAt(root, [...pathAt(lines, line, keyColumn), m[4]!]);
  const text = describe(n);
  return text ? { key: m[4]!, text } : null;
}
