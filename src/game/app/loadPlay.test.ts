/**
 * A game started before the game's code (app/play.ts) has downloaded: the page says it is
 * loading and starts the game when the code arrives; cancelled, nothing starts. The tests run in
 * order in this file's own module registry, so the code is not loaded until the first test's
 * game asks for it. (A failed download, with its retry, is shown in the browser: e2e/firstDownload.spec.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { AppController, loadPlay } from './controller.ts';
import { shippedScenarios } from './catalogue.ts';
import { createSaveStore, memoryBackend } from './storage.ts';

const catalogue = await shippedScenarios();

function page() {
  const backend = memoryBackend(Infinity, 'indexeddb');
  return new AppController({ catalogue, store: createSaveStore(backend, backend.data), newSeed: () => 3 });
}

describe("a game waiting for the game's code", () => {
  it('cancelled while loading: the briefing stays, and nothing starts when the code arrives', async () => {
    const controller = page();
    controller.startNew('tutorial', 'draft', 'standard', 'standard');
    controller.begin();
    expect(controller.snapshot()).toMatchObject({ screen: 'briefing', loading: { what: 'the game', failed: null } });
    controller.cancelLoading();
    expect(controller.snapshot().loading).toBeNull();
    await loadPlay();
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.snapshot()).toMatchObject({ screen: 'briefing', loading: null, view: null });
  });

  it('leaving the briefing while loading gives up waiting: back on the title, nothing starts', async () => {
    vi.resetModules();
    const fresh = await import('./controller.ts');
    const storage = await import('./storage.ts');
    const backend = storage.memoryBackend(Infinity, 'indexeddb');
    const controller = new fresh.AppController({ catalogue, store: storage.createSaveStore(backend, backend.data), newSeed: () => 3 });
    controller.startNew('tutorial', 'draft', 'standard', 'standard');
    controller.begin();
    expect(controller.snapshot().loading).not.toBeNull();
    controller.toTitle();
    expect(controller.snapshot()).toMatchObject({ screen: 'title', loading: null });
    await fresh.loadPlay();
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.snapshot()).toMatchObject({ screen: 'title', view: null });
  });

  it('once the code is here, Begin starts the game at once', () => {
    const controller = page();
    controller.startNew('tutorial', 'draft', 'standard', 'standard');
    controller.begin();
    expect(controller.snapshot()).toMatchObject({ screen: 'play', loading: null, view: { day: 0 } });
  });
});

describe('resuming before the code has arrived', () => {
  it('says it is loading the saved game, then resumes it', async () => {
    vi.resetModules();
    const fresh = await import('./controller.ts');
    const storage = await import('./storage.ts');
    const backend = storage.memoryBackend(Infinity, 'indexeddb');
    const first = new fresh.AppController({ catalogue, store: storage.createSaveStore(backend, backend.data), newSeed: () => 3 });
    await fresh.loadPlay();
    first.startNew('tutorial', 'draft', 'standard', 'standard');
    first.begin();
    first.send({ type: 'day.end' });
    first.toTitle();

    vi.resetModules();
    const later = await import('./controller.ts');
    const again = await import('./storage.ts');
    const controller = new later.AppController({ catalogue, store: again.createSaveStore(backend, backend.data), newSeed: () => 3 });
    const key = controller.snapshot().saves[0]!.key;
    controller.resume(key);
    expect(controller.snapshot()).toMatchObject({ screen: 'title', loading: { what: 'the saved game', failed: null } });
    await vi.waitFor(() => expect(controller.snapshot()).toMatchObject({ screen: 'play', loading: null, view: { day: 1 } }));
  });
});
