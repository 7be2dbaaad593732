/**
 * The settings of this visit: read once from storage, changed by the settings dialog, written
 * back on every change, and handed to whoever listens (the sound, the page's motion and text
 * size). Plain and DOM-free.
 */
import type { KeyValueStore } from '../app/saveSlot.ts';
import { setMotionSettings } from './motion.ts';
import { readSettings, SETTING_CHECKS, writeSettings, type Settings } from './settings.ts';

export interface SettingsStore {
  get(): Settings;
  /** Change some settings: applied at once (listeners run) and remembered. Bad values are ignored. */
  set(patch: Partial<Settings>): void;
  subscribe(listener: (settings: Settings) => void): () => void;
}

export function createSettingsStore(store: KeyValueStore): SettingsStore {
  let current = readSettings(store);
  setMotionSettings(current);
  const listeners = new Set<(s: Settings) => void>();
  return {
    get: () => current,
    set(patch) {
      // Field by field through its check: a bad value keeps the field as it was.
      const next = { ...current };
      for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
        if (Object.hasOwn(SETTING_CHECKS, key) && SETTING_CHECKS[key](value)) (next as Record<string, unknown>)[key] = value;
      }
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      setMotionSettings(current);
      writeSettings(store, current);
      for (const l of listeners) l(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
