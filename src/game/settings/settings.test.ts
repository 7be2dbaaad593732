import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, reduceMotion, writeSettings, SETTINGS_KEY } from './settings.ts';

function store(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('settings', () => {
  it('are remembered between visits', () => {
    const s = store();
    writeSettings(s, { ...DEFAULT_SETTINGS, master: 0.3, muted: true, textSize: 'large' });
    expect(readSettings(s)).toMatchObject({ master: 0.3, muted: true, textSize: 'large' });
  });

  it('damaged or partial settings fall back field by field to the defaults', () => {
    expect(readSettings(store({ [SETTINGS_KEY]: '{oops' }))).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(store({ [SETTINGS_KEY]: '{"master": 7, "muted": true, "motion": "wild"}' }))).toEqual({ ...DEFAULT_SETTINGS, muted: true });
    expect(readSettings(store({ [SETTINGS_KEY]: 'null' }))).toEqual(DEFAULT_SETTINGS);
  });

  it('reduced motion follows the system unless set', () => {
    expect(reduceMotion(DEFAULT_SETTINGS, true)).toBe(true);
    expect(reduceMotion({ ...DEFAULT_SETTINGS, motion: 'full' }, true)).toBe(false);
    expect(reduceMotion({ ...DEFAULT_SETTINGS, motion: 'reduced' }, false)).toBe(true);
  });
});
