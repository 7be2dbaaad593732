/**
 * The application: settings, saves, the controller, the DOM screens, sound and the Phaser game.
 * Loaded by main.ts, which first starts the title's map downloading.
 */
import { AppController } from './game/app/controller.ts';
import { shippedScenarios } from './game/app/catalogue.ts';
import { openSaveStore } from './game/app/storage.ts';
import { directSound } from './game/audio/soundDirector.ts';
import { dropGameLinkFromAddress } from './game/dom/address.ts';
import { mountUi } from './game/dom/app.ts';
import { applyDocumentSettings } from './game/dom/documentSettings.ts';
import { startGame } from './game/game.ts';
import { rendererFromQuery } from './game/renderer.ts';
import { createSettingsStore } from './game/settings/store.ts';
import { LiveClass, liveScreen, mountClassBar } from './game/class/liveClass.ts';
import { serverBase } from './game/class/link.ts';

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node;
}

/** A fresh seed from the browser's random source (the engine never draws one itself). */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** Storage can be switched off (private modes, policies): then the game simply is not saved. */
function storage(get: () => Storage): Storage | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

const memory = new Map<string, string>();
const local = storage(() => window.localStorage);
const settingsStore = local ?? {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};

// Settings first: motion and text size apply before anything is drawn.
const settings = createSettingsStore(settingsStore);
applyDocumentSettings(document.documentElement, settings);

// Saves live in IndexedDB (localStorage, then memory, where it is unavailable); read once here.
const saves = await openSaveStore({ indexedDB: typeof indexedDB !== 'undefined', localStorage: () => window.localStorage });

const controller = new AppController({
  catalogue: await shippedScenarios(),
  store: saves,
  session: storage(() => window.sessionStorage),
  newSeed,
});

// A live class is served by the class server (`npm run class`) from the page's own origin.
const live = new LiveClass(controller, { base: serverBase(window.location), store: local, session: storage(() => window.sessionStorage), newSeed });

const ui = mountUi(byId('ui'), controller, settings, {
  onScreen: (screen) => {
    if (screen === 'play') dropGameLinkFromAddress();
  },
  screens: { live: (deps) => liveScreen(deps, live) },
  live: {
    run: () => live.open('setup'),
    join: () => live.open('join'),
    remembered: () => live.rememberedClass(),
    resume: () => live.connectTeacher(),
  },
});

// One soundboard for the visit, made on the first gesture (see soundDirector.ts).
directSound(controller, settings, ui.captions);

startGame(byId('stage'), rendererFromQuery(window.location.search), controller);

mountClassBar(live, document.body);
if (!live.restore(window.location.search)) controller.restore(window.location.search);

// "Play from here" in the studio (studio.html) leaves its text here and opens this page.
if (new URLSearchParams(window.location.search).has('studio-play')) {
  try {
    const raw = window.localStorage.getItem('accord.studio.play');
    const play = raw ? (JSON.parse(raw) as { file?: unknown; text?: unknown; start?: unknown }) : null;
    if (play && typeof play.file === 'string' && typeof play.text === 'string') {
      void controller.loadScenarioFile(play.file, play.text).then((ok) => {
        if (!ok) return;
        const starts = controller.customScenario()?.starts ?? [];
        const start = starts.find((s) => s.id === play.start)?.id ?? starts[0]?.id;
        // The game played on the text before this edit goes on where the edit still allows.
        if (start) controller.playFromStudio(start);
      });
    }
  } catch {
    // Storage unavailable or the text unreadable: the title screen shows as usual.
  }
}
