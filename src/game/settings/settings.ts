/**
 * Player settings, remembered between visits: volumes, mute, captions, motion and text size.
 * Reading never fails: anything missing or damaged falls back to the default for that field.
 */
import type { KeyValueStore } from '../app/saveSlot.ts';

// Checked by hand, not with zod: settings are read before the title, and zod stays off that path.
export interface Settings {
  master: number;
  effects: number;
  ambience: number;
  muted: boolean;
  captions: boolean;
  /** 'system' follows prefers-reduced-motion. */
  motion: 'system' | 'reduced' | 'full';
  textSize: 'normal' | 'large' | 'larger';
}

const volume = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const flag = (v: unknown): v is boolean => typeof v === 'boolean';
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** Each field's check: a value that fails keeps the field as it was (or its default). */
export const SETTING_CHECKS: { readonly [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  master: volume,
  effects: volume,
  ambience: volume,
  muted: flag,
  captions: flag,
  motion: oneOf(['system', 'reduced', 'full'] as const),
  textSize: oneOf(['normal', 'large', 'larger'] as const),
};

export const SETTINGS_KEY = 'accord.settings';

export const DEFAULT_SETTINGS: Settings = { master: 0.8, effects: 0.8, ambience: 0.35, muted: false, captions: true, motion: 'system', textSize: 'normal' };

/** `data`'s well-formed fields over the defaults. */
export function checkSettings(data: unknown): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (data && typeof data === 'object') {
    for (const [key, ok] of Object.entries(SETTING_CHECKS)) {
      const value = (data as Record<string, unknown>)[key];
      if (ok(value)) out[key] = value;
    }
  }
  return out as unknown as Settings;
}

export function readSettings(store: KeyValueStore): Settings {
  try {
    const raw = store.getItem(SETTINGS_KEY);
    if (raw === null) return DEFAULT_SETTINGS;
    const data: unknown = JSON.parse(raw);
    return checkSettings(data);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function writeSettings(store: KeyValueStore, settings: Settings): void {
  try {
    store.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, full): settings last for this visit only.
  }
}

/** Whether motion should be reduced, given the setting and the system preference. */
export function reduceMotion(settings: Settings, systemPrefersReduced: boolean): boolean {
  return settings.motion === 'reduced' || (settings.motion === 'system' && systemPrefersReduced);
}
