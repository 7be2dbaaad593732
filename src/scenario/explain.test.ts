import { describe, expect, it } from 'vitest';
import { distance, keysAt, nearest, suggestion } from './explain.ts';

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
