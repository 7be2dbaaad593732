/**
 * The DOM layer: shows the screen the controller is on, re-renders it on every snapshot, and
 * holds what outlives a screen (the live region, dialogs, shortcuts).
 */
import { loadPlay, type AppController, type AppState, type Screen } from '../app/controller.ts';
import type { SettingsStore } from '../settings/store.ts';
import { announcement } from '../viewModel/log.ts';
import { createAnnouncer } from './announcer.ts';
import { briefingScreen } from './briefingScreen.ts';
import { createCaptions, type Captions } from './captions.ts';
import { creditsDialog } from './creditsDialog.ts';
import { helpDialog } from './helpDialog.ts';
import { lazyScreen } from './lazyScreen.ts';
import { watchShortcuts } from './keyboard.ts';
import { trackLayout } from './layoutVars.ts';
import { menuDialog } from './menuDialog.ts';
import type { PlayScreen } from './playScreen.ts';
import { createLoadingStatus } from './loadingStatus.ts';
import { createSaveAlert } from './saveAlert.ts';
import { mountReplacePrompt } from './savesDialogs.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';
import { settingsDialog } from './settingsDialog.ts';
import { customScenarioSource } from './sources.ts';
import { titleScreen, type TitleLive } from './titleScreen.ts';

export interface MountOptions {
  /** Called whenever the screen changes (main.ts tidies the address bar on 'play'). */
  onScreen?(screen: Screen): void;
  /** Screens built elsewhere (e.g. the debrief), by the screen they show. */
  screens?: Partial<Record<Screen, (deps: ScreenDeps) => ScreenView>>;
  /** The live-class entries on the title screen. */
  live?: TitleLive;
}

export interface MountedUi {
  /** The caption line for sounds (the sound layer writes to it). */
  captions: Captions;
}

export function mountUi(root: HTMLElement, controller: AppController, settings: SettingsStore, options: MountOptions = {}): MountedUi {
  trackLayout(document.documentElement);
  const announcer = createAnnouncer();
  const captions = createCaptions();
  document.body.append(announcer.el, captions.el, createSaveAlert(controller), createLoadingStatus(controller));
  mountReplacePrompt(controller);
  const custom = customScenarioSource(controller);
  const help = helpDialog();
  const credits = creditsDialog(controller, () => custom.custom());
  const prefs = settingsDialog(settings);
  const menu = menuDialog(() => controller.toTitle(), () => help.open(), () => prefs.open());
  const deps: ScreenDeps = { controller, announcer, help: () => help.open(), credits: () => credits.open(), settings: () => prefs.open() };

  let screen: Screen | null = null;
  let current: ScreenView | null = null;
  let play: PlayScreen | null = null;

  const build = (s: Screen): ScreenView => {
    play = null;
    const extra = options.screens?.[s];
    if (extra) return extra(deps);
    switch (s) {
      case 'title':
        return titleScreen(deps, custom, options.live);
      case 'briefing':
        return briefingScreen(deps);
      // The play screens come with the engine (app/play.ts), which the controller has loaded before
      // a game is on screen (a live class's seat loads it here).
      case 'play':
        return lazyScreen(deps, 'Play', () => loadPlay().then((m) => (d: ScreenDeps) => (play = m.playScreen(d, () => menu.open()))));
      // The debrief and class results (with Chart.js) load when first opened, not with the title.
      case 'debrief':
        return lazyScreen(deps, 'Debrief', () => import('./debriefView.ts').then((m) => m.debriefView));
      case 'class':
        return lazyScreen(deps, 'Class results', () => import('./classResultsView.ts').then((m) => m.classResultsView));
      // Pass and play: the set-up, the hand-over between people, a party seat's own screen.
      case 'together':
        return lazyScreen(deps, 'Set-up', () => Promise.all([import('../seats/togetherScreen.ts'), loadPlay()]).then(([m]) => m.togetherScreen));
      case 'handover':
        return lazyScreen(deps, 'Hand-over', () => import('../seats/passScreens.ts').then((m) => m.handOverScreen));
      case 'seat':
        return lazyScreen(deps, 'Your seat', () => import('../seats/passScreens.ts').then((m) => m.seatScreen));
      case 'print':
        return lazyScreen(deps, 'Printables', () => import('./printablesView.ts').then((m) => m.printablesView));
      case 'ending':
      default:
        return lazyScreen(deps, 'Ending', () => loadPlay().then((m) => m.endingScreen));
    }
  };

  const show = (state: AppState) => {
    if (state.screen === screen && current) {
      current.update(state);
      return;
    }
    const hadFocus = current !== null;
    current?.destroy();
    screen = state.screen;
    current = build(state.screen);
    root.replaceChildren(current.el);
    root.dataset.screen = state.screen;
    document.body.dataset.screen = state.screen;
    captions.clear();
    // Between games (back at the title, or a new briefing) the live region starts empty.
    if (state.screen === 'title' || state.screen === 'briefing') announcer.clear();
    document.title = state.choice && state.screen !== 'title' ? `${state.choice.scenario.title} · Accord` : 'Accord';
    options.onScreen?.(state.screen);
    // A game has ended: fetch the debrief's code now, so "Debrief" opens at once.
    if (state.screen === 'ending') void import('./debriefView.ts');
    // A new screen: start reading (and tabbing) from its top, unless the page just loaded.
    if (hadFocus) current.focusStart();
  };

  controller.onNotice((n) => announcer.say(announcement([n])));
  controller.subscribe(show);
  watchShortcuts({ help: () => help.open(), settings: () => prefs.open(), play: () => play });
  show(controller.snapshot());
  return { captions };
}
