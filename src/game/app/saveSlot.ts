/**
 * Save slots: one saved game per scenario and start, kept in browser storage and written after
 * every action. A slot's key is `accord.slot.<source>/<scenario id>/<start id>` (source `shipped`
 * for a scenario that comes with the game, `file` for one the player loaded); the game's length,
 * difficulty and seating (who plays each seat, for pass-and-play) are remembered inside the slot,
 * so a second game on the same scenario and start is the same slot, and starting it asks first.
 *
 * Reading never throws; a corrupt or outdated slot becomes a message for that slot alone. Reading
 * checks the envelope (checksum, version) and what the title lists (engine/saveFile.ts, no zod);
 * the controller checks a save in full before it replays it. The single autosave of earlier
 * versions (`accord.autosave`) moves into its slot on first load.
 */
import { MAX_SAVE_CHARS, readSaveForListing } from '../../engine/saveFile.ts';
import type { SaveFile } from '../../engine/save.ts';
import { readJsonText } from '../../engine/jsonText.ts';
import type { KeyValueStore } from './storage.ts';

export type { KeyValueStore } from './storage.ts';

/** The single autosave of versions before slots; migrated into its slot on first load. */
export const LEGACY_KEY = 'accord.autosave';
export const SLOT_PREFIX = 'accord.slot.';

/** What the title lists about a slot, written beside the game (display only: the game itself is checksummed). */
export interface SlotMeta {
  /** The scenario's title and the start's, as text. */
  title: string;
  startTitle: string;
  /** When the slot was last written (ISO 8601). */
  savedAt: string;
  /** The seats people play, by name, in a game for several people on one device. */
  seated?: string[];
}

/** A saved game: the engine's save, plus a custom scenario's text so it can be resumed. */
export interface SavedGame {
  save: SaveFile;
  /** The custom scenario's text when the game is not on a shipped scenario. */
  customScenario?: { file: string; text: string };
  meta?: SlotMeta;
}

export type ReadSave = { kind: 'none' } | { kind: 'ok'; saved: SavedGame } | { kind: 'invalid'; message: string };

/** The slot of a game: by scenario and start, shipped and loaded scenarios apart. */
export function slotKey(scenarioId: string, start: string, custom: boolean): string {
  return `${SLOT_PREFIX}${custom ? 'file' : 'shipped'}/${encodeURIComponent(scenarioId)}/${encodeURIComponent(start)}`;
}

/** The slot a saved game belongs in. */
export function slotOf(saved: Pick<SavedGame, 'save' | 'customScenario'>): string {
  return slotKey(saved.save.scenario.id, saved.save.start, saved.customScenario !== undefined);
}

/**
 * What a saved game that cannot be opened says about itself, read as leniently as possible (its
 * scenario and start ids, if the text is JSON with them), to name it in the list. Pure; never throws.
 */
export function peekSavedGame(raw: string | null): { scenario: string; start: string } | null {
  if (raw === null || raw.length > MAX_SAVE_CHARS + 2_000_000) return null;
  try {
    const outer = JSON.parse(raw) as { save?: { scenario?: { id?: unknown }; start?: unknown } } | null;
    const id = outer?.save?.scenario?.id;
    const start = outer?.save?.start;
    return typeof id === 'string' && typeof start === 'string' && id.length <= 100 && start.length <= 100 ? { scenario: id, start } : null;
  } catch {
    return null;
  }
}

/** A slot key's parts (to name a slot whose content cannot be read), or null for another key. */
export function parseSlotKey(key: string): { custom: boolean; scenario: string; start: string } | null {
  const m = /^accord\.slot\.(shipped|file)\/([^/]+)\/([^/]+)$/.exec(key);
  if (!m) return null;
  try {
    return { custom: m[1] === 'file', scenario: decodeURIComponent(m[2]!), start: decodeURIComponent(m[3]!) };
  } catch {
    return null;
  }
}

export function readSlot(store: KeyValueStore, key: string): ReadSave {
  let raw: string | null;
  try {
    raw = store.getItem(key);
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
  const parsed = readSaveForListing(JSON.stringify((outer as { save: unknown }).save));
  if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
  const custom = (outer as { customScenario?: unknown }).customScenario;
  const customScenario =
    custom && typeof custom === 'object' && typeof (custom as { file?: unknown }).file === 'string' && typeof (custom as { text?: unknown }).text === 'string'
      ? { file: (custom as { file: string }).file, text: (custom as { text: string }).text }
      : undefined;
  const meta = readMeta((outer as { meta?: unknown }).meta);
  return { kind: 'ok', saved: { save: parsed.save, ...(customScenario ? { customScenario } : {}), ...(meta ? { meta } : {}) } };
}

/** The listing's text about a slot, if well formed (strings only, bounded); else none. */
function readMeta(meta: unknown): SlotMeta | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.length <= 300 ? v : null);
  const title = text(m.title);
  const startTitle = text(m.startTitle);
  const savedAt = text(m.savedAt);
  if (title === null || startTitle === null || savedAt === null) return undefined;
  const seated = Array.isArray(m.seated) && m.seated.length <= 100 ? m.seated.map(text).filter((s): s is string => s !== null) : undefined;
  return { title, startTitle, savedAt, ...(seated ? { seated } : {}) };
}

/** Write a slot; false when storage refuses at once (a refusal later is reported by the store). */
export function writeSlot(store: KeyValueStore, key: string, saved: SavedGame): boolean {
  try {
    store.setItem(key, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

export function deleteSlot(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Storage is unavailable, so there is nothing saved either.
  }
}

/** Every slot key held (and the old autosave while it has not moved), in no particular order. */
export function slotKeys(store: { keys(): string[] }): string[] {
  return store.keys().filter((k) => k.startsWith(SLOT_PREFIX) || k === LEGACY_KEY);
}

/**
 * Move the single autosave of earlier versions into its slot. It is removed from its old key only
 * once storage has taken it in the slot; a slot already holding a game is never overwritten, and a
 * save that cannot be read stays where it is, listed with its problem.
 */
export function migrateLegacySave(store: KeyValueStore & { flush?: () => Promise<boolean> }): string | null {
  let raw: string | null;
  try {
    raw = store.getItem(LEGACY_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  const read = parseSavedGame(raw);
  if (read.kind !== 'ok') return null;
  const key = slotOf(read.saved);
  if (store.getItem(key) !== null) return null;
  if (!writeSlot(store, key, read.saved)) return null;
  if (store.flush) {
    void store.flush().then((ok) => {
      if (ok) deleteSlot(store, LEGACY_KEY);
    });
  } else deleteSlot(store, LEGACY_KEY);
  return key;
}

/** Whether a save's seats make it a game for several people on one device. */
export function isPassAndPlay(save: { split: boolean; seats: Readonly<Record<string, unknown>> }, mediatorId: string): boolean {
  return save.split || Object.entries(save.seats).some(([id, holder]) => holder === 'person' && id !== mediatorId);
}

/** True if `newer` is `older` played further (the same game: same seed, set-up and moves so far). */
export function continues(older: SaveFile, newer: SaveFile): boolean {
  const setUp = (s: SaveFile) => JSON.stringify([s.scenario.id, s.start, s.seed, s.difficulty, s.length ?? 'standard', s.split, s.seats]);
  if (setUp(older) !== setUp(newer) || newer.log.length < older.log.length) return false;
  return older.log.every((e, i) => JSON.stringify(e) === JSON.stringify(newer.log[i]));
}
