import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';

const tutorial = readFileSync(new URL('../../scenarios/tutorial/scenario.yaml', import.meta.url), 'utf8');

describe("the studio's problem count", () => {
  it('is the number of errors in the file: the first YAML error, and every one after it, summarised ones included', () => {
    const lines = ['format: 1', ...Array.from({ length: 30 }, (_, i) => `k${i}: a: b`)];
    const text = `${lines.join('\n')}\n`;
    const r = checkText(text, 'f.yaml');
    const total = parseDocument(text, { uniqueKeys: false, prettyErrors: false }).errors.length;
    expect(r.ok).toBe(false);
    expect(r.errors).toBe(total);
    expect(r.marks[0]!.text).toContain(`(${total - 1} more YAML errors after it`);
  });

  it('a tab in the tutorial: one listed problem and its followers, counted once each', () => {
    const text = tutorial.replace('    reservation: 35\n', '\treservation: 35\n');
    const r = checkText(text, 'f.yaml');
    const total = parseDocument(text, { uniqueKeys: false, prettyErrors: false }).errors.length;
    expect(r.errors).toBe(total);
    expect(r.marks.filter((m) => !m.text.startsWith('    '))).toHaveLength(1);
  });

  it('a file that loads has no errors', () => {
    expect(checkText(tutorial, 'tutorial.yaml').errors).toBe(0);
  });
});
