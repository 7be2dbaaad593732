import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, JARGON, UI_TERMS } from './glossary.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The code that draws the player's screens and the debrief's words. */
const UI_DIRS = ['game', 'debrief'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|\.d\.ts$/.test(name) && name !== 'glossary.ts' ? [path] : [];
  });
}

/** Text a screen may show: string and template literals with a space in them (single words are keys). */
function shownStrings(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
    if (/\s/.test(text.trim())) out.push(text.toLowerCase());
  }
  return out;
}

/** Words for scores and terms a player may meet; each must be explained if a screen uses it. */
const WATCH = ['political capital', 'capital', 'trust', 'patience', 'walk-away', 'walks away', 'margin', 'durability', 'balance', 'typical margin', 'score',
  'concedes late', 'concedes early', 'concedes steadily', 'red line', 'summit', 'deferred', 'settled', 'value of the text', 'needs now'];

describe('plain words', () => {
  const strings = UI_DIRS.flatMap((d) => sources(join(root, d))).map((file) => ({ file, strings: shownStrings(readFileSync(file, 'utf8')) }));

  it('the scan reads the screens (it finds the words it looks for)', () => {
    const all = strings.flatMap((f) => f.strings).join('\n');
    expect(strings.length).toBeGreaterThan(40);
    for (const w of ['durability', 'walk-away', 'trust', 'patience', 'capital']) expect(all).toContain(w);
  });

  it('every term a screen uses has a plain explanation in the glossary', () => {
    const used = new Set(WATCH.filter((w) => strings.some((f) => f.strings.some((s) => new RegExp(`\\b${w}\\b`).test(s)))));
    const missing = [...used].filter((w) => !UI_TERMS[w] || !GLOSSARY[UI_TERMS[w]].plain);
    expect(missing).toEqual([]);
    for (const entry of Object.values(GLOSSARY)) expect(entry.plain.length).toBeGreaterThan(40);
  });

  it('no screen shows jargon (Nash product, Boulware, utility…): each has a plain name', () => {
    const found = strings.flatMap((f) => f.strings.filter((s) => JARGON.some((j) => new RegExp(`\\b${j}\\b`).test(s))).map((s) => `${f.file.slice(root.length)}: ${s.trim().slice(0, 100)}`));
    expect(found).toEqual([]);
  });
});
