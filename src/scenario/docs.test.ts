import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, loadScenarioText } from './load.ts';
import { scenarioSchema } from './schema.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

/** Every property name anywhere in the format, from the same JSON Schema editors use. */
function keysOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keysOf(item, into);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') for (const key of Object.keys(record.properties)) into.add(key);
    for (const value of Object.values(record)) keysOf(value, into);
  }
  return into;
}

describe('docs/scenario-format.md', () => {
  it('the annotated example is a valid scenario', () => {
    const example = /## A short annotated example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example, 'no yaml block under "A short annotated example"').toBeDefined();
    const result = loadScenarioText(example!, 'docs/scenario-format.md (example)');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('documents every key of the format', () => {
    const keys = [...keysOf(z.toJSONSchema(scenarioSchema, { io: 'input' }))];
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.filter((key) => !doc.includes(`\`${key}\``))).toEqual([]);
  });
});
