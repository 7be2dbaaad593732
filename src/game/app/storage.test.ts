import { describe, expect, it } from 'vitest';
import { AppController, loadPlay } from './controller.ts';
import { shippedScenarios } from './catalogue.ts';
import { slotKey } from './saveSlot.ts';

const SAVE_KEY = slotKey('tutorial', 'draft', false);
import { createSaveStore, memoryBackend, type WriteReport } from './storage.ts';

/** A per-tab store, as sessionStorage is. */
function sessionStore() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

const catalogue = await shippedScenarios();
// The game's code, as the page has it once fetched: the controller then starts games at once.
await loadPlay();

function controllerOn(backend: ReturnType<typeof memoryBackend>, session = sessionStore()) {
  const store = createSaveStore(backend, backend.data);
  const controller = new AppController({ catalogue, store, session, newSeed: () => 7 });
  return { controller, store, session };
}

function playTutorial(controller: AppController) {
  controller.choose('tutorial', 'draft', 'standard', 7);
  controller.begin();
}

describe('the save store', () => {
  it('reads its own writes at once, and writes reach storage in order', async () => {
    const backend = memoryBackend();
    const store = createSaveStore(backend);
    store.setItem('a', '1');
    store.setItem('a', '2');
    store.setItem('b', '3');
    store.removeItem('b');
    expect(store.getItem('a')).toBe('2');
    expect(await store.flush()).toBe(true);
    expect([...backend.data]).toEqual([['a', '2']]);
  });

  it('a write that storage refuses is reported, and what storage held before stays', async () => {
    const backend = memoryBackend(40);
    const store = createSaveStore(backend);
    const reports: WriteReport[] = [];
    store.onWrite((r) => reports.push(r));
    store.setItem('k', 'small');
    store.setItem('k', 'x'.repeat(100));
    expect(await store.flush()).toBe(false);
    expect(reports.map((r) => r.ok)).toEqual([true, false]);
    expect(reports[1]).toMatchObject({ ok: false, full: true, message: 'the browser’s storage for this site is full' });
    expect(backend.data.get('k')).toBe('small');
  });
});

describe('when storage is full during play', () => {
  it('the player is told at once, may download the game, and the last good save is kept for a reload', async () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    const { controller, store, session } = controllerOn(backend);
    playTutorial(controller);
    const lead = controller.snapshot().view!.envoys[0]!.id;
    expect(controller.send({ type: 'envoy.travel', envoy: lead, to: 'aldor' }).ok).toBe(true);
    expect(await store.flush()).toBe(true);
    const good = backend.data.get(SAVE_KEY)!;
    expect(controller.snapshot().saveAlert).toBeNull();

    // The disk fills up.
    backend.set = async () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    expect(controller.send({ type: 'day.end' }).ok).toBe(true);
    await store.flush();
    const alert = controller.snapshot().saveAlert!;
    expect(alert.title).toBe('Your game could not be saved');
    expect(alert.lines[0]).toMatch(/storage for this site is full.*a reload would lose the last action/);
    expect(alert.lines[1]).toBe('The last good save (day 1) is kept.');
    expect(alert.download).toBe(true);
    expect(backend.data.get(SAVE_KEY)).toBe(good);
    // The game on screen goes on, and can be downloaded whole.
    expect(controller.snapshot().view!.day).toBe(1);
    const file = controller.gameFile()!;
    expect(JSON.parse(file.text)).toMatchObject({ format: 'accord-save', log: [{ command: { type: 'envoy.travel' } }, { command: { type: 'day.end' } }] });

    // A reload: a new page on the same storage and tab.
    const again = controllerOn(backend, session);
    again.controller.restore('');
    const state = again.controller.snapshot();
    expect(state.screen).toBe('play');
    expect(state.view!.day).toBe(0);
    expect(state.saveAlert?.title).toBe('Your last actions were not saved');
    expect(state.saveAlert?.lines[0]).toMatch(/storage refused the last save\. The game resumed from its last save, on day 1\./);

    // The downloaded game opens and continues where it was.
    expect(await again.controller.loadResultFile(file.name, file.text)).toBe(true);
    expect(again.controller.snapshot().view!.day).toBe(1);
  });

  it('without any storage the player is told at the start that games are not kept', () => {
    const { controller } = controllerOn(memoryBackend());
    expect(controller.snapshot().saveAlert?.title).toBe('This browser is not keeping saved games');
  });

  it('the next save taken clears the alert', async () => {
    const backend = memoryBackend(Infinity, 'indexeddb');
    const { controller, store } = controllerOn(backend);
    playTutorial(controller);
    const set = backend.set;
    backend.set = async () => {
      throw new Error('blocked');
    };
    controller.send({ type: 'day.end' });
    await store.flush();
    expect(controller.snapshot().saveAlert?.lines[0]).toMatch(/refused to store it \(blocked\)/);
    backend.set = set;
    controller.send({ type: 'day.end' });
    await store.flush();
    expect(controller.snapshot().saveAlert).toBeNull();
  });
});
