/**
 * Player settings, remembered between visits: volumes, mute, captions, motion and text size.
 * Reading never fails: anything missing or damaged falls back to the default for that field.
 */
import { z } from '../../zod.ts';
import type { KeyValueStore } from '../app/saveSlot.ts';

const volume = z.number().min(0).max(1);

export const settingsSchema = z.object({
  master: volume.catch(0.8),
  effects: volume.catch(0.8),
  ambience: volume.catch(0.35),
  muted: z.boolean().catch(false),
  captions: z.boolean().catch(true),
  /** 'system' follows prefers-reduced-motion. */
  motion: z.enum(['system', 'reduced', 'full']).catch('system'),
  textSize: z.enum(['normal', 'large', 'larger']).catch('normal'),
});

export type Settings = z.output<typeof settingsSchema>;

export const SETTINGS_KEY = 'accord.settings';

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function readSettings(store: KeyValueStore): Settings {
  try {
    const raw = store.getItem(SETTINGS_KEY);
    if (raw === null) return DEFAULT_SETTINGS;
    const data: unknown = JSON.parse(raw);
    return settingsSchema.parse(data && typeof data === 'object' ? data : {});
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
