/**
 * The autosave: the engine's save (scenario, version, seed, log) kept in browser storage after
 * every action. Reading never throws; a corrupt or outdated save becomes a message.
 */
import { MAX_SAVE_CHARS, parseSave, type SaveFile } from '../../engine/save.ts';
import { readJsonText } from '../../engine/jsonText.ts';
import type { KeyValueStore } from './storage.ts';

export type { KeyValueStore } from './storage.ts';

export const SAVE_KEY = 'accord.autosave';

/** A scenario the player loaded from a file, kept beside the save so it can be resumed. */
export interface SavedGame {
  save: SaveFile;
  /** The custom scenario's text when the game is not on a shipped scenario. */
  customScenario?: { file: string; text: string };
}

export type ReadSave = { kind: 'none' } | { kind: 'ok'; saved: SavedGame } | { kind: 'invalid'; message: string };

export function readSave(store: KeyValueStore): ReadSave {
  let raw: string | null;
  try {
    raw = store.getItem(SAVE_KEY);
  } catch {
    return { kind: 'invalid', message: 'the browser would not let Accord read its saved game' };
  }
  return parseSavedGame(raw);
}

/** A saved game as stored (null: nothing stored). Pure; never throws. */
export function parseSavedGame(raw: string | null): ReadSave {
  if (raw === null) return { kind: 'none' };
  // The save itself, plus a custom scenario's text beside it.
  const read = readJsonText(raw, 'the saved game', MAX_SAVE_CHARS + 2_000_000);
  if (!read.ok) return { kind: 'invalid', message: read.message.replace(/is not valid JSON \(.*\)$/s, 'is damaged (not valid JSON)') };
  const outer = read.data;
  if (!outer || typeof outer !== 'object' || !('save' in outer)) return { kind: 'invalid', message: 'the saved game is damaged (no game in it)' };
  const parsed = parseSave(JSON.stringify((outer as { save: unknown }).save));
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  const custom = (outer as { customScenario?: unknown }).customScenario;
  const customScenario =
    custom && typeof custom === 'object' && typeof (custom as { file?: unknown }).file === 'string' && typeof (custom as { text?: unknown }).text === 'string'
      ? { file: (custom as { file: string }).file, text: (custom as { text: string }).text }
      : undefined;
  return { kind: 'ok', saved: { save: parsed.save, ...(customScenario ? { customScenario } : {}) } };
}

/** Write the save; false when storage refuses (full, or disabled). */
export function writeSave(store: KeyValueStore, saved: SavedGame): boolean {
  try {
    store.setItem(SAVE_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function clearSave(store: KeyValueStore): void {
  try {
    store.removeItem(SAVE_KEY);
  } catch {
    // Nothing to do: storage is unavailable, so there is nothing saved either.
  }
}
