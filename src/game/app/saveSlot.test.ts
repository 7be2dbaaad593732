/**
 * Save slots through the real controller and store (storage.ts over its memory backend, which
 * stands for IndexedDB in Node; the browser's own IndexedDB is exercised by e2e/saves.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { AppController, loadPlay } from './controller.ts';
import { shippedScenarios } from './catalogue.ts';
import { LEGACY_KEY, parseSlotKey, slotKey } from './saveSlot.ts';
import { createSaveStore, memoryBackend, openSaveStore } from './storage.ts';

const catalogue = await shippedScenarios();
// The game's code, as the page has it once fetched (after the title, or on Start): the controller then starts games at once.
await loadPlay();
const TUTORIAL = slotKey('tutorial', 'draft', false);
const PLAN = slotKey('geneva-2025', 'plan-28', false);
const GENEVA = slotKey('geneva-2025', 'geneva-19', false);

function sessionStore() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

let clock = Date.parse('2026-03-02T09:00:00Z');
function page(backend = memoryBackend(Infinity, 'indexeddb')) {
  const store = createSaveStore(backend, backend.data);
  const controller = new AppController({ catalogue, store, session: sessionStore(), newSeed: () => 11, now: () => (clock += 60_000) });
  return { controller, store, backend };
}

/** Start a game from the title as the player does (Start, then Begin on the briefing) and end `days` days. */
function play(controller: AppController, entry: string, start: string, days: number, length: 'standard' | 'short' = 'standard') {
  controller.startNew(entry, start, 'standard', length);
  controller.begin();
  for (let i = 0; i < days; i++) expect(controller.send({ type: 'day.end' }).ok).toBe(true);
  controller.toTitle();
}

/** An autosave as versions before slots wrote it: one key, a version-1 save (commands only, no checksum). */
const OLD_AUTOSAVE = JSON.stringify({
  save: { format: 'accord-save', version: 1, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 5, difficulty: 'open', log: [{ type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' }, { type: 'day.end' }, { type: 'day.end' }] },
});

describe('save slots', () => {
  it('keeps one game per scenario and start, lists each (newest first) and resumes each to its own day', async () => {
    const { controller, store, backend } = page();
    play(controller, 'tutorial', 'draft', 1);
    play(controller, 'geneva-2025', 'geneva-19', 3, 'short');
    expect(await store.flush()).toBe(true);
    expect([...backend.data.keys()].sort()).toEqual([GENEVA, TUTORIAL]);

    // A new page on the same storage lists both.
    const again = page(backend).controller;
    const saves = again.snapshot().saves;
    expect(saves.map((s) => [s.key, s.title, s.startTitle, s.day, s.length, s.problem])).toEqual([
      [GENEVA, 'Geneva, November 2025: from 28 points to 19', expect.stringMatching(/19/), 4, 'short', null],
      [TUTORIAL, 'Tutorial: the Silver River accord', "The Commission's first draft", 2, 'standard', null],
    ]);
    expect(Date.parse(saves[0]!.savedAt!)).toBeGreaterThan(Date.parse(saves[1]!.savedAt!));
    expect(saves[0]!.seated).toBeNull();

    again.resume(TUTORIAL);
    expect(again.snapshot().view!.day).toBe(1);
    again.toTitle();
    again.resume(GENEVA);
    expect(again.snapshot()).toMatchObject({ screen: 'play', view: { day: 3 }, choice: { length: 'short', start: 'geneva-19' } });
  });

  it('starting a game whose slot holds one asks first: cancel and resume keep it, only an explicit replace replaces it', async () => {
    const { controller, store, backend } = page();
    play(controller, 'tutorial', 'draft', 2);
    await store.flush();
    const kept = backend.data.get(TUTORIAL);

    // Start on the title: asked, nothing written.
    controller.startNew('tutorial', 'draft', 'hard', 'short');
    const prompt = controller.snapshot().replacePrompt!;
    // Two days ended and nothing else: no moves (ending a day is not one).
    expect(prompt.slot).toMatchObject({ key: TUTORIAL, day: 3, moves: 0 });
    expect(prompt.lose).toBe('Replacing it deletes that game (no moves over 3 days); it cannot be brought back.');
    expect(controller.snapshot().screen).toBe('title');
    controller.cancelReplace();
    expect(controller.snapshot()).toMatchObject({ screen: 'title', replacePrompt: null });

    // A link to the same scenario goes straight to the briefing: Begin asks there.
    controller.openLink('?scenario=tutorial&seed=4');
    controller.begin();
    expect(controller.snapshot()).toMatchObject({ screen: 'briefing', replacePrompt: { slot: { key: TUTORIAL } } });
    controller.resumeInstead();
    expect(controller.snapshot()).toMatchObject({ screen: 'play', view: { day: 2 }, replacePrompt: null });
    controller.toTitle();
    await store.flush();
    expect(backend.data.get(TUTORIAL)).toBe(kept);

    // Replace, agreed on the title: the briefing's Begin does not ask again, and the new game takes the slot.
    controller.startNew('tutorial', 'draft', 'hard', 'short');
    controller.confirmReplace();
    expect(controller.snapshot().screen).toBe('briefing');
    controller.begin();
    expect(controller.snapshot()).toMatchObject({ screen: 'play', view: { day: 0 }, replacePrompt: null });
    await store.flush();
    expect(JSON.parse(backend.data.get(TUTORIAL)!).save).toMatchObject({ difficulty: 'hard', length: 'short', log: [] });
  });

  it('a game for several people is its scenario and start’s slot too, listed with who is seated', async () => {
    const { controller, store, backend } = page();
    play(controller, 'tutorial', 'draft', 1);
    expect(controller.beginTogether({ entry: 'tutorial', start: 'draft', difficulty: 'standard', length: 'standard', split: false, seats: { aldoria: 'person' } })).toBeNull();
    expect(controller.snapshot().replacePrompt?.slot.key).toBe(TUTORIAL);
    controller.confirmReplace();
    expect(controller.snapshot().screen).toBe('handover');
    controller.toTitle();
    await store.flush();
    const [slot] = page(backend).controller.snapshot().saves;
    expect(slot).toMatchObject({ key: TUTORIAL, seated: ['River Commission', 'Aldoria'] });
  });

  it('a damaged slot is named, kept and listed with its problem; the other slots are unaffected; Delete removes only it', async () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    const first = page(backend);
    play(first.controller, 'tutorial', 'draft', 1);
    await first.store.flush();
    backend.data.set(PLAN, '{"save": {"format": "accord-save", "vers');

    const { controller, store } = page(backend);
    const state = controller.snapshot();
    expect(state.banner).toMatchObject({ title: 'A saved game could not be read' });
    expect(state.banner!.lines[0]).toBe('Geneva, November 2025: from 28 points to 19 (The original 28-point plan): the saved game is damaged (not valid JSON).');
    expect(state.saves.map((s) => [s.key, s.problem])).toEqual([[TUTORIAL, null], [PLAN, 'the saved game is damaged (not valid JSON)']]);
    controller.resume(TUTORIAL);
    expect(controller.snapshot().view!.day).toBe(1);
    controller.toTitle();
    await store.flush();
    expect(backend.data.has(PLAN)).toBe(true);

    controller.deleteSave(PLAN);
    await store.flush();
    expect(controller.snapshot().saves.map((s) => s.key)).toEqual([TUTORIAL]);
    expect([...backend.data.keys()]).toEqual([TUTORIAL]);
  });

  it('a save that no longer replays is kept and named when resumed, not cleared', async () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    const edited = JSON.stringify({ save: { format: 'accord-save', version: 1, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 1, difficulty: 'standard', log: [{ type: 'envoy.meet', envoy: 'envoy-lead', party: 'aldoria' }] } });
    backend.data.set(TUTORIAL, edited);
    const { controller } = page(backend);
    controller.resume(TUTORIAL);
    const state = controller.snapshot();
    expect(state.screen).toBe('title');
    expect(state.banner?.title).toBe('The saved game could not be continued');
    expect(state.banner?.lines[0]).toMatch(/^Tutorial: the Silver River accord \(The Commission's first draft\): .+\.$/);
    expect(state.saves[0]).toMatchObject({ key: TUTORIAL, problem: expect.any(String) });
    expect(backend.data.get(TUTORIAL)).toBe(edited);
  });

  it('a save whose envelope is sound but whose moves are not is listed, then named and kept when resumed', () => {
    // The title lists saves after a light check (no schema); the full check runs before a replay.
    const backend = memoryBackend(Infinity, 'indexeddb');
    const odd = JSON.stringify({ save: { format: 'accord-save', version: 1, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 1, difficulty: 'standard', log: [{ type: 'envoy.fly', envoy: 'envoy-lead' }] } });
    backend.data.set(TUTORIAL, odd);
    const { controller } = page(backend);
    expect(controller.snapshot().saves).toEqual([expect.objectContaining({ key: TUTORIAL, moves: 1, problem: null })]);
    controller.resume(TUTORIAL);
    const state = controller.snapshot();
    expect(state.screen).toBe('title');
    expect(state.banner?.title).toBe('The saved game could not be continued');
    expect(state.banner?.lines[0]).toMatch(/^Tutorial: the Silver River accord \(The Commission's first draft\): the save is not an Accord save: log\.0\.command/);
    expect(state.saves[0]).toMatchObject({ key: TUTORIAL, problem: expect.stringMatching(/log\.0\.command/) });
    expect(backend.data.get(TUTORIAL)).toBe(odd);
  });

  it('the single autosave of earlier versions moves into its slot on first load, and resumes', async () => {
    // As it was left in localStorage by the version before IndexedDB (storage.ts moves it across first).
    const local = new Map<string, string>([[LEGACY_KEY, OLD_AUTOSAVE]]);
    const storage = {
      get length() {
        return local.size;
      },
      key: (i: number) => [...local.keys()][i] ?? null,
      getItem: (k: string) => local.get(k) ?? null,
      setItem: (k: string, v: string) => void local.set(k, v),
      removeItem: (k: string) => void local.delete(k),
      clear: () => local.clear(),
    } satisfies Storage;
    const store = await openSaveStore({ localStorage: () => storage });
    const controller = new AppController({ catalogue, store, session: sessionStore(), newSeed: () => 1 });
    expect(controller.snapshot().saves).toEqual([
      expect.objectContaining({ key: TUTORIAL, title: 'Tutorial: the Silver River accord', day: 3, moves: 1, difficulty: 'open', savedAt: null, problem: null }),
    ]);
    // Removed from its old key once storage has taken it in the slot.
    expect(await store.flush()).toBe(true);
    expect(await store.flush()).toBe(true);
    expect([...local.keys()]).toEqual([TUTORIAL]);
    controller.resume(TUTORIAL);
    expect(controller.snapshot()).toMatchObject({ screen: 'play', view: { day: 2 }, choice: { start: 'draft', difficulty: 'open' } });
  });

  it('a downloaded copy of the same game goes back into its slot; a different game there is not replaced without asking', async () => {
    const { controller, store, backend } = page();
    play(controller, 'tutorial', 'draft', 1);
    controller.resume(TUTORIAL);
    controller.send({ type: 'day.end' });
    const file = controller.gameFile()!;
    controller.toTitle();
    // The slot is behind the file (as after storage refused the last saves): no question.
    expect(controller.openSaveFile(file.name, file.text)).toBe(true);
    expect(controller.snapshot()).toMatchObject({ screen: 'play', view: { day: 2 }, replacePrompt: null });
    controller.toTitle();

    controller.startNew('tutorial', 'draft', 'hard', 'standard');
    controller.confirmReplace();
    controller.begin();
    controller.toTitle();
    await store.flush();
    expect(controller.openSaveFile(file.name, file.text)).toBe(true);
    expect(controller.snapshot()).toMatchObject({ screen: 'title', replacePrompt: { slot: { key: TUTORIAL, moves: 0 } } });
    expect(JSON.parse(backend.data.get(TUTORIAL)!).save.log).toEqual([]);
  });

  it('slot keys name the scenario and start, and keep shipped and loaded scenarios apart', () => {
    expect(slotKey('tutorial', 'draft', true)).not.toBe(TUTORIAL);
    expect(parseSlotKey(slotKey('a b/c', 'd', true))).toEqual({ custom: true, scenario: 'a b/c', start: 'd' });
    expect(parseSlotKey(LEGACY_KEY)).toBeNull();
  });
});

describe('a saved game that cannot be opened', () => {
  // The old autosave, from a save format this version no longer reads (older than the oldest it migrates).
  const UNMIGRATABLE = JSON.stringify({ save: { format: 'accord-save', version: 0, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 5, difficulty: 'open', log: [] } });

  it('is named by its game, says why it cannot be opened, and can be downloaded exactly as kept', () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    backend.data.set(LEGACY_KEY, UNMIGRATABLE);
    const { controller } = page(backend);
    const [slot] = controller.snapshot().saves;
    // Not "A game saved by an earlier version": the game it was, and what is wrong with it.
    expect(slot).toMatchObject({ key: LEGACY_KEY, title: 'Tutorial: the Silver River accord', startTitle: "The Commission's first draft", problem: expect.stringMatching(/format version 0, older than this version of Accord reads/) });
    expect(controller.snapshot().banner?.lines.at(-1)).toMatch(/download a copy of it or delete it/);
    expect(controller.savedCopy(LEGACY_KEY)).toEqual({ name: 'accord-saved-game-tutorial-draft.json', text: UNMIGRATABLE });
    // Nothing is lost: it stays where it was until the player deletes it.
    expect(backend.data.get(LEGACY_KEY)).toBe(UNMIGRATABLE);
  });

  it('one whose text names no game is listed as unreadable, never as a game of an earlier version', () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    backend.data.set(LEGACY_KEY, '{"save": {"format": "accord-save", "version": 1, ');
    const { controller } = page(backend);
    expect(controller.snapshot().saves).toEqual([expect.objectContaining({ key: LEGACY_KEY, title: 'A saved game that cannot be read', problem: expect.stringMatching(/damaged/) })]);
    expect(controller.savedCopy(LEGACY_KEY)?.name).toBe('accord-saved-game.json');
  });
});
