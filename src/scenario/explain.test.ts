import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { distance, keysAt, nearest, suggestion, type ExplainedProblem } from './explain.ts';
import { loadScenarioText } from './load.ts';
import { problemCount } from './problems.ts';

describe('did you mean', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(distance('reservation', 'reservaiton')).toBe(1);
    expect(distance('flow', 'flow')).toBe(0);
  });

  it('suggests the nearest key, id or option when it is a likely misspelling, else lists the few valid ones', () => {
    expect(nearest('reservaton', ['reservation', 'opening', 'trust'])).toBe('reservation');
    expect(nearest('Opening', ['reservation', 'opening'])).toBe('opening');
    expect(nearest('zebra', ['reservation', 'opening'])).toBeNull();
    expect(suggestion('moratorum', ['ban', 'moratorium', 'silent'])).toBe(' (did you mean "moratorium"?)');
    expect(suggestion('zebra', ['ban', 'moratorium', 'silent'], 'options')).toBe(' (options: "ban", "moratorium", "silent")');
    expect(suggestion('zebra', Array.from({ length: 20 }, (_, i) => `option-${i}`))).toBe('');
  });

  it('knows the keys the format allows at each place', () => {
    expect(keysAt([])).toContain('ratification');
    expect(keysAt(['parties', 3])).toContain('reservation');
    expect(keysAt(['parties', 0, 'redLines', 1])).toEqual(['id', 'when', 'reason', 'public']);
    expect(keysAt(['calendar'])).toEqual(['start', 'deadline', 'softDeadlines', 'actionsPerDay']);
    expect(keysAt(['parties', 0, 'weights'])).toBeNull();
  });
});

describe('the first YAML error and how many follow it', () => {
  /** A file with `nested` values containing ": " (one YAML error each) and `tabs` tab-indented lines. */
  function broken(nested: number, tabs: number): string {
    const lines = ['format: 1'];
    for (let i = 0; i < nested; i++) lines.push(`k${i}: a: b`);
    for (let i = 0; i < tabs; i++) lines.push(`\tx${i}: 1`);
    return `${lines.join('\n')}\n`;
  }
  const parserErrors = (text: string) => parseDocument(text, { uniqueKeys: false, prettyErrors: false }).errors.length;

  it('counts every later error, the ones the loader summarises ("…and M more") included, and folds them all', () => {
    for (const [nested, tabs] of [[2, 0], [5, 3], [30, 3], [45, 0]] as const) {
      const text = broken(nested, tabs);
      const r = loadScenarioText(text, 'f.yaml');
      if (r.ok) throw new Error('loaded');
      const problems = r.problems as ExplainedProblem[];
      // One problem shown, the first error; every other error folded under it.
      expect(problems).toHaveLength(1);
      const after = parserErrors(text) - 1;
      expect(problems[0]!.message).toContain(`(${after} more YAML error${after === 1 ? '' : 's'} after it`);
      expect((problems[0]!.folded ?? []).reduce((n, p) => n + problemCount(p), 0)).toBe(after);
    }
  });

  it('a single error says nothing of more', () => {
    const r = loadScenarioText(broken(1, 0), 'f.yaml');
    if (r.ok) throw new Error('loaded');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).not.toContain('more YAML');
  });
});
