import { afterEach, describe, expect, it } from 'vitest';
import { currentMotionReduced, setMotionSettings } from './motion.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './settings.ts';
import { createSettingsStore } from './store.ts';

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { map: m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

afterEach(() => setMotionSettings(DEFAULT_SETTINGS));

describe('the settings store', () => {
  it('a change is applied at once and remembered for the next visit', () => {
    const storage = memory();
    const settings = createSettingsStore(storage);
    const seen: number[] = [];
    settings.subscribe((s) => seen.push(s.master));
    settings.set({ master: 0.4, textSize: 'large' });
    expect(seen).toEqual([0.4]);
    expect(createSettingsStore(storage).get()).toMatchObject({ master: 0.4, textSize: 'large' });
  });

  it('a bad value leaves that setting as it was and tells nobody', () => {
    const settings = createSettingsStore(memory({ [SETTINGS_KEY]: JSON.stringify({ ...DEFAULT_SETTINGS, master: 0.5 }) }));
    let calls = 0;
    settings.subscribe(() => calls++);
    settings.set({ master: 7, motion: 'wild' as never });
    settings.set({ master: 0.5 });
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, master: 0.5 });
    expect(calls).toBe(0);
  });

  it('reduced motion chosen in the settings holds whatever the system prefers (no window in Node: the system prefers full)', () => {
    const settings = createSettingsStore(memory());
    expect(currentMotionReduced()).toBe(false);
    settings.set({ motion: 'reduced' });
    expect(currentMotionReduced()).toBe(true);
    settings.set({ motion: 'full' });
    expect(currentMotionReduced()).toBe(false);
  });
});
