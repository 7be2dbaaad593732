/**
 * A linear first look at scenario text, before the YAML parser: how deep it nests and how many
 * entries it has. The parser and everything after it recurse into nesting and do work per entry,
 * so a file too deep or too large in entries is refused here, located, in one pass over the text
 * (a megabyte in milliseconds), instead of exhausting the stack or the CPU later.
 *
 * The scan is conservative: it may count a level or an entry the parser would not (a bracket at
 * the start of an unquoted value, a line of a folded paragraph), never fewer, so the limits are
 * set well above what any real scenario needs. Pure; never throws.
 *
 * This module and problems.ts are all a refusal needs: the page's checker (fileCheck.worker.ts)
 * refuses such a file without loading the parser and the schema at all.
 */
import { MAX_SCENARIO_CHARS, type LoadResult } from './problems.ts';

/** Deepest nesting accepted. A scenario nests six levels at most (events[].effects[].reveal[]). */
export const MAX_DEPTH = 32;
/**
 * Most entries (lines with content, plus items of inline lists and mappings) accepted. The largest
 * scenario the schema allows (12 parties valuing 60 points of 8 options, 200 events…) stays under it.
 */
export const MAX_ENTRIES = 25_000;

/**
 * The limits checked before any parsing: size, then nesting and entries in one linear pass. The
 * loader (load.ts) runs this first; a file refused here is never parsed.
 */
export function refuseBeforeParsing(source: string, file: string): LoadResult | null {
  const problem = (message: string, line = 1, column = 1): LoadResult => ({ ok: false, problems: [{ file, line, column, path: [], message }] });
  if (source.length > MAX_SCENARIO_CHARS) {
    return problem(`file is too large (${source.length} characters; the limit is ${MAX_SCENARIO_CHARS})`);
  }
  const first = prescan(source);
  return first.ok ? null : problem(first.message, first.line, first.column);
}

/** Passed: with the entries and the deepest nesting counted (as the limits count them). */
export type Prescan = { ok: true; entries: number; depth: number } | { ok: false; line: number; column: number; message: string };

const SPACE = 32;
const TAB = 9;
const NL = 10;
const CR = 13;

export function prescan(text: string): Prescan {
  const n = text.length;
  let line = 1;
  let entries = 0;
  let flow = 0;
  let deepest = 0;
  // Indents of the open block levels.
  const indents: number[] = [];
  // Inside a block scalar (| or >): its parent's indent; lines indented further are its text.
  let blockParent = -1;
  let i = 0;
  const fail = (at: number, message: string): Prescan => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return { ok: false, line, column: at - lineStart + 1, message };
  };
  while (i < n) {
    // Start of a line: measure its indent.
    const lineStart = i;
    let indent = 0;
    while (i < n && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) {
      i++;
      indent++;
    }
    const c0 = i < n ? text.charCodeAt(i) : NL;
    const blank = c0 === NL || c0 === CR || c0 === 35; /* # */
    if ((blockParent >= 0 && (blank || indent > blockParent)) || (blank && flow === 0)) {
      i = skipLine(text, i) + 1;
      line++;
      continue;
    }
    blockParent = -1;
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (++entries > MAX_ENTRIES) return fail(i, `the file has more than ${MAX_ENTRIES.toLocaleString('en')} entries; a scenario needs far fewer`);
    }
    // Compact sequences (`- - - x`) open a level per dash.
    let dashes = 0;
    let prev = lineStart === i ? NL : SPACE; // previous significant character
    // The rest of the line (and, for quoted text and inline collections, beyond it).
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === NL) break;
      if (c === 35 /* # */ && (prev === SPACE || prev === NL)) {
        i = skipLine(text, i);
        break;
      }
      const tokenStart = prev === SPACE || prev === NL || prev === 58 /* : */ || prev === 44 /* , */ || prev === 91 || prev === 123 || prev === 45 /* - */ || prev === 63; /* ? */
      if ((c === 34 || c === 39) && tokenStart) {
        // Quoted text: skip to its end, counting lines.
        i++;
        while (i < n) {
          const q = text.charCodeAt(i);
          if (q === NL) line++;
          if (c === 34 && q === 92 /* \ */) i += 2;
          else if (q === c) {
            if (c === 39 && text.charCodeAt(i + 1) === 39) i += 2;
            else break;
          } else i++;
        }
        i++;
        prev = 65; // a letter: what follows a closing quote is not a token start
        continue;
      }
      if ((c === 91 || c === 123) && (flow > 0 || tokenStart)) {
        flow++;
        entries++;
        const depth = indents.length + dashes + flow;
        deepest = Math.max(deepest, depth);
        if (depth > MAX_DEPTH) return fail(i, `nested too deeply (more than ${MAX_DEPTH} levels)`);
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow--;
      } else if (c === 44 && flow > 0) {
        if (++entries > MAX_ENTRIES) return fail(i, `the file has more than ${MAX_ENTRIES.toLocaleString('en')} entries; a scenario needs far fewer`);
      } else if (c === 45 && flow === 0 && (prev === SPACE || prev === NL) && (i + 1 >= n || text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === NL)) {
        dashes++;
        if (indents.length + dashes > MAX_DEPTH) return fail(i, `nested too deeply (more than ${MAX_DEPTH} levels)`);
      } else if ((c === 124 || c === 62) /* | > */ && flow === 0 && tokenStart && isBlockIndicator(text, i + 1)) {
        blockParent = indent;
      }
      if (c !== SPACE && c !== TAB && c !== CR) prev = c === 45 && dashes > 0 ? 45 : c;
      else prev = SPACE;
      i++;
    }
    deepest = Math.max(deepest, indents.length + dashes);
    if (indents.length + dashes > MAX_DEPTH) return fail(lineStart + indent, `nested too deeply (more than ${MAX_DEPTH} levels)`);
    if (i < n && text.charCodeAt(i) === NL) {
      i++;
      line++;
    }
  }
  return { ok: true, entries, depth: deepest };
}

/** After `|` or `>`: optional chomping/indent indicators, then only spaces or a comment to the line's end. */
function isBlockIndicator(text: string, i: number): boolean {
  while (i < text.length && /[-+0-9]/.test(text[i]!)) i++;
  while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i >= text.length || text.charCodeAt(i) === NL || text.charCodeAt(i) === CR || text.charCodeAt(i) === 35;
}

function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}
