/**
 * Where the game keeps what must outlive the page: the autosave, save slots, class results.
 *
 * One small interface for every caller: a `GameStore` reads synchronously from a copy held in
 * memory (loaded once at start-up) and writes behind, to IndexedDB through `idb-keyval`, or to
 * `localStorage` when IndexedDB is unavailable, or to memory only when neither works. A write that
 * storage refuses (full, blocked, evicted) is reported at once to every `onWrite` listener; what
 * storage held before stays there (an IndexedDB transaction and a refused `setItem` both leave the
 * old value), so the last good save survives a failed one.
 *
 * Keys are plain strings chosen by the code (`accord.autosave`, `accord.slot.<…>`), never ids
 * from files used as anything else.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

/** The synchronous part of `localStorage` the game uses (a `GameStore` is one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The outcome of one write (`value` null for a removal), as storage reported it. */
export type WriteReport = { key: string; value: string | null } & ({ ok: true } | { ok: false; message: string; full: boolean });

/** A store whose writes report whether storage took them. */
export interface SaveStore extends KeyValueStore {
  /** Where writes go: `indexeddb`, `localStorage`, or `memory` (nothing outlives the page). */
  readonly kind: BackendKind;
  /** Every key held, in no particular order. */
  keys(): string[];
  /** Called after each write or removal, when storage has answered. */
  onWrite(listener: (report: WriteReport) => void): () => void;
  /** Resolves once every write issued so far has been answered; true if all since the last flush were taken. */
  flush(): Promise<boolean>;
}

export type BackendKind = 'indexeddb' | 'localStorage' | 'memory';

/** Asynchronous persistent key-value storage of strings. */
export interface Backend {
  readonly kind: BackendKind;
  entries(): Promise<[string, string][]>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

const DB_NAME = 'accord';
const STORE_NAME = 'saves';
/** Keys that moved from localStorage to IndexedDB (the autosave before storage.ts). */
const MIGRATED_KEYS = ['accord.autosave'];
const PROBE_KEY = 'accord.probe';
const OPEN_TIMEOUT_MS = 3000;

/** IndexedDB through idb-keyval. Values are stored as strings, so any backend reads them back alike. */
export function indexedDbBackend(store: UseStore = createStore(DB_NAME, STORE_NAME)): Backend {
  return {
    kind: 'indexeddb',
    entries: async () => (await entries<IDBValidKey, unknown>(store)).filter((e): e is [string, string] => typeof e[0] === 'string' && typeof e[1] === 'string'),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
  };
}

/** A `localStorage`-like object as a backend; only keys starting with `prefix` are its own. */
export function webStorageBackend(storage: Storage, prefix = 'accord.'): Backend {
  return {
    kind: 'localStorage',
    entries: async () => {
      const out: [string, string][] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key === null || !key.startsWith(prefix)) continue;
        const value = storage.getItem(key);
        if (value !== null) out.push([key, value]);
      }
      return out;
    },
    set: async (key, value) => storage.setItem(key, value),
    delete: async (key) => storage.removeItem(key),
  };
}

/**
 * Memory only: the game plays, but nothing outlives the page. `capacity` (characters) makes a
 * small disk. Tests that reload a page pass `kind` to stand for storage that outlives it.
 */
export function memoryBackend(capacity = Infinity, kind: BackendKind = 'memory'): Backend & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    kind,
    data,
    entries: async () => [...data],
    set: async (key, value) => {
      const after = used() - (data.has(key) ? key.length + data.get(key)!.length : 0) + key.length + value.length;
      if (after > capacity) throw new DOMException('the store is full', 'QuotaExceededError');
      data.set(key, value);
    },
    delete: async (key) => void data.delete(key),
  };
}

/** True for the errors browsers raise when storage is out of space. */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof DOMException !== 'undefined' && e instanceof DOMException)) return false;
  const { name, message } = e as Error;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(message);
}

/** A storage failure in words for the player. */
function describeFailure(e: unknown): { message: string; full: boolean } {
  const full = isQuotaError(e);
  if (full) return { full, message: 'the browser’s storage for this site is full' };
  const detail = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).message : String(e);
  return { full, message: `the browser refused to store it${detail ? ` (${detail})` : ''}` };
}

/** A `SaveStore` over a backend, holding `initial` (the backend's entries, read once). */
export function createSaveStore(backend: Backend, initial: Iterable<[string, string]> = []): SaveStore {
  const mirror = new Map<string, string>(initial);
  const listeners = new Set<(r: WriteReport) => void>();
  // Writes go out one after another, so storage ends with the newest value of every key.
  let tail: Promise<void> = Promise.resolve();
  let failedSinceFlush = false;
  const report = (r: WriteReport) => {
    for (const l of [...listeners]) l(r);
  };
  const enqueue = (key: string, value: string | null, write: () => Promise<void>) => {
    tail = tail.then(async () => {
      try {
        await write();
        report({ key, value, ok: true });
      } catch (e) {
        failedSinceFlush = true;
        report({ key, value, ok: false, ...describeFailure(e) });
      }
    });
  };
  return {
    kind: backend.kind,
    getItem: (key) => mirror.get(key) ?? null,
    setItem(key, value) {
      mirror.set(key, value);
      enqueue(key, value, () => backend.set(key, value));
    },
    removeItem(key) {
      mirror.delete(key);
      enqueue(key, null, () => backend.delete(key));
    },
    keys: () => [...mirror.keys()],
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async flush() {
      await tail;
      const ok = !failedSinceFlush;
      failedSinceFlush = false;
      return ok;
    },
  };
}

/** Reject after `ms` (IndexedDB can hang rather than fail in some private modes). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('storage did not answer')), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Open the game's storage: IndexedDB if it works here, else `localStorage`, else memory. Saves
 * written to `localStorage` by earlier versions move into IndexedDB. Never throws.
 */
let pageSaves: Promise<SaveStore> | null = null;

/**
 * The page's save store, opened on first call: main.ts asks first thing, so IndexedDB opens while
 * the scripts download rather than after (boot.ts then awaits the same store).
 */
export function pageSaveStore(): Promise<SaveStore> {
  return (pageSaves ??= openSaveStore({ indexedDB: typeof indexedDB !== 'undefined', localStorage: () => window.localStorage }));
}

export async function openSaveStore(env: { indexedDB?: boolean; localStorage?: () => Storage } = {}): Promise<SaveStore> {
  const local = (() => {
    try {
      return env.localStorage?.() ?? null;
    } catch {
      return null;
    }
  })();
  if (env.indexedDB) {
    try {
      const backend = indexedDbBackend();
      const held = await within(OPEN_TIMEOUT_MS, backend.entries());
      const writable = await within(OPEN_TIMEOUT_MS, (async () => {
        await backend.set(PROBE_KEY, '1');
        await backend.delete(PROBE_KEY);
        return true;
      })()).catch(() => false);
      // A full disk refuses the probe but still reads: the saves it holds are the player's game, so
      // keep them (each refused write then tells the player) rather than fall back and lose sight of them.
      if (writable || held.some(([key]) => key !== PROBE_KEY)) {
        const store = createSaveStore(backend, held.filter(([key]) => key !== PROBE_KEY));
        if (local && writable) migrateFromWebStorage(local, store);
        return store;
      }
    } catch {
      // IndexedDB unavailable (blocked, private mode): fall back.
    }
  }
  if (local) {
    try {
      const backend = webStorageBackend(local);
      return createSaveStore(backend, await backend.entries());
    } catch {
      // localStorage unreadable too.
    }
  }
  return createSaveStore(memoryBackend());
}

/** Copy saves kept in `localStorage` into the store, then remove them from `localStorage` once stored. */
function migrateFromWebStorage(local: Storage, store: SaveStore): void {
  for (const key of MIGRATED_KEYS) {
    let value: string | null;
    try {
      value = local.getItem(key);
    } catch {
      continue;
    }
    if (value === null || store.getItem(key) !== null) continue;
    store.setItem(key, value);
    void store.flush().then((ok) => {
      if (ok) local.removeItem(key);
    });
  }
}
