/**
 * The application: settings, saves, the controller, the DOM screens, sound and the Phaser game.
 * Loaded by main.ts, which first starts the title's map downloading. Only what the title needs
 * is here: the engine and the play screens (app/play.ts) and the live-class client
 * (class/liveClass.ts) download when a game or a class starts (e2e/firstDownload.spec.ts).
 */
import { AppController, loadPlay } from './game/app/controller.ts';
import { shippedScenarios } from './game/app/catalogue.ts';
import { pageSaveStore } from './game/app/storage.ts';
import { directSound } from './game/audio/soundDirector.ts';
import { dropGameLinkFromAddress } from './game/dom/address.ts';
import { mountUi } from './game/dom/app.ts';
import { applyDocumentSettings } from './game/dom/documentSettings.ts';
import { startGame } from './game/game.ts';
import { rendererFromQuery } from './game/renderer.ts';
import { createSettingsStore } from './game/settings/store.ts';
import { lazyScreen } from './game/dom/lazyScreen.ts';
import { afterInteractive } from './game/ready.ts';
import { analysisWork } from './game/analysisWork.ts';
import { opensOnClass, rememberedClassCode, serverBase } from './game/class/remembered.ts';

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
const saves = await pageSaveStore();

const controller = new AppController({
  catalogue: await shippedScenarios(),
  store: saves,
  session: storage(() => window.sessionStorage),
  newSeed,
  analysisWork: analysisWork(window.location.search),
});

// A live class is served by the class server (`npm run class`) from the page's own origin. Its
// client (and its screens) download when a class is opened, not with the title.
const session = storage(() => window.sessionStorage);
type LiveModule = typeof import('./game/class/liveClass.ts');
let live: Promise<{ m: LiveModule; live: InstanceType<LiveModule['LiveClass']> }> | null = null;
const loadLive = () =>
  (live ??= import('./game/class/liveClass.ts').then(
    (m) => {
      const l = new m.LiveClass(controller, { base: serverBase(window.location), store: local, session, newSeed });
      m.mountClassBar(l, document.body);
      return { m, live: l };
    },
    (e: unknown) => {
      live = null;
      throw e;
    },
  ));
/** Open the live-class screen at once (it says it is loading), then `then` with the class. */
const withLive = (then: (l: InstanceType<LiveModule['LiveClass']>) => void) => {
  controller.openLive();
  void loadLive().then(({ live: l }) => then(l), () => undefined);
};

const ui = mountUi(byId('ui'), controller, settings, {
  onScreen: (screen) => {
    if (screen === 'play') dropGameLinkFromAddress();
  },
  screens: { live: (deps) => lazyScreen(deps, 'Live class', () => loadLive().then(({ m, live: l }) => (d) => m.liveScreen(d, l))) },
  live: {
    run: () => withLive((l) => l.open('setup')),
    join: () => withLive((l) => l.open('join')),
    remembered: () => rememberedClassCode(local),
    resume: () => withLive((l) => l.connectTeacher()),
  },
});

// One soundboard for the visit, made on the first gesture (see soundDirector.ts).
directSound(controller, settings, ui.captions);

startGame(byId('stage'), rendererFromQuery(window.location.search), controller);

if (opensOnClass(window.location.search, local, session)) {
  withLive((l) => {
    if (!l.restore(window.location.search)) controller.restore(window.location.search);
  });
} else controller.restore(window.location.search);

// The game's code (engine, play screens), fetched when the title is interactive and the page is
// idle, so Start rarely waits for it; a game started before it arrives says it is loading.
afterInteractive(() => void loadPlay().catch(() => undefined));

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
