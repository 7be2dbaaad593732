/**
 * Reading JSON text from outside (saves, results) without letting its shape stall or crash the
 * reader: a size limit per kind of file, and a nesting limit checked by one linear scan before
 * anything recursive (JSON.parse, zod, canonical JSON) touches it. Pure; never throws.
 */

/** Deepest nesting of arrays and objects accepted; Accord's own files nest five levels at most. */
export const MAX_JSON_DEPTH = 64;

export type JsonRead = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * The line and column where nesting first passes `max`, or null. Linear, no recursion; strings
 * (with their escapes) are skipped so brackets inside text do not count.
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return { line, column: i - lineStart + 1 };
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/**
 * Parse JSON text of one kind of file.
 * @param noun how messages name the file, e.g. "the save"
 * @param maxChars the size limit for this kind of file
 */
export function readJsonText(text: string, noun: string, maxChars: number): JsonRead {
  if (text.length > maxChars) {
    return { ok: false, message: `${noun} is too large (${text.length.toLocaleString('en')} characters; the limit is ${maxChars.toLocaleString('en')})` };
  }
  const deep = tooDeep(text);
  if (deep) return { ok: false, message: `${noun} is nested too deeply (more than ${MAX_JSON_DEPTH} levels, at line ${deep.line}, column ${deep.column})` };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `${noun} is not valid JSON (${(e as Error).message})` };
  }
}
