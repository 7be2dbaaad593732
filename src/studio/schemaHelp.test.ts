import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyHelp, keysAt, pathAt, valuesFor, type SchemaNode } from './schemaHelp.ts';

const schema = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as SchemaNode;
const lines = readFileSync('scenarios/tutorial/scenario.yaml', 'utf8').split('\n');
const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));

describe('editor help from the JSON Schema', () => {
  it('finds the keys that hold a position', () => {
    const reservation = lineOf('reservation: 48');
    expect(pathAt(lines, reservation, 4)).toEqual(['parties']);
    expect(pathAt(lines, lineOf('date: 2031-03-13'), 6)).toEqual(['calendar', 'softDeadlines']);
    expect(pathAt(lines, lineOf('deadline: 2031-03-22'), 2)).toEqual(['calendar']);
  });

  it('completes the keys a party may have, required first, with their descriptions', () => {
    const keys = keysAt(schema, lines, lineOf('reservation: 48'), 4);
    expect(keys.map((k) => k.key)).toContain('reservation');
    expect(keys[0]!.required).toBe(true);
    expect(keys.find((k) => k.key === 'reservation')!.info).toMatch(/Walk-away value/);
    expect(keysAt(schema, lines, lineOf('deadline: 2031-03-22'), 2).map((k) => k.key)).toEqual(['start', 'deadline', 'softDeadlines', 'actionsPerDay']);
  });

  it('offers the values of an enumerated field and explains a key on hover', () => {
    expect(valuesFor(schema, lines, lineOf('role: signatory'), 'role', 4)).toEqual(['mediator', 'signatory', 'consulted']);
    expect(keyHelp(schema, lines, lineOf('reservation: 48'))!.text).toMatch(/^\(number\) Walk-away value/);
  });
});
