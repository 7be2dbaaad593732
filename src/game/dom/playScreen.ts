/**
 * The play screen's DOM: the top bar, and the side panel with its sections as tabs
 * (Actions, Plan, Answers, Log). The canvas stage to the left belongs to the Phaser scenes.
 */
import type { AppState } from '../app/controller.ts';
import type { Command } from '../../engine/commands.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import { publicScenario, type PublicScenario } from '../viewModel/publicScenario.ts';
import { summitRefusal } from '../viewModel/log.ts';
import { actionsPanel } from './actionsPanel.ts';
import { answersPanel } from './answersPanel.ts';
import { button, h, rerender, type Child } from './h.ts';
import { bannerView } from './banner.ts';
import { logPanel } from './logPanel.ts';
import { planPanel, type Staged } from './planPanel.ts';
import { summitPanel, type SummitChoice } from './summitPanel.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';
import { topBar } from './topBar.ts';
import { isPhoneWidth } from '../layout.ts';

export const SECTIONS = ['Actions', 'Plan', 'Answers', 'Log'] as const;
export type Section = (typeof SECTIONS)[number];

export interface PlayScreen extends ScreenView {
  showSection(index: number): void;
  endDay(): void;
  callSummit(): void;
  showMap(): void;
}

export function playScreen(deps: ScreenDeps, openMenu: () => void): PlayScreen {
  const { controller } = deps;
  let active = 0;
  let pub: PublicScenario | null = null;
  let pubOf: unknown = null;
  let message: { kind: 'refused' | 'info'; text: string } | null = null;
  const staged: Staged = new Map();
  const trade = { inPublic: false };
  const summitChoice: SummitChoice = new Map();
  /** On a phone the panel covers the stage; this is true while the player has the map open instead. */
  let mapOpen = false;
  /** The summit round last shown (null when the leaders are not meeting). */
  let summitRound: number | null = null;

  const bar = h('div', { class: 'topbar-slot' });
  const flash = h('div', { class: 'flash-slot' });
  const tabs = SECTIONS.map((name, i) => {
    const b = h('button', {
      id: `tab-${name.toLowerCase()}`,
      class: 'tab',
      attrs: { type: 'button', role: 'tab', 'aria-controls': `panel-${name.toLowerCase()}`, 'aria-keyshortcuts': String(i + 1) },
    }, name, h('span', { class: 'tab-key', attrs: { 'aria-hidden': 'true' } }, String(i + 1)));
    b.addEventListener('click', () => showSection(i));
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0 && e.key !== 'Home' && e.key !== 'End') return;
      e.preventDefault();
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? SECTIONS.length - 1 : (i + step + SECTIONS.length) % SECTIONS.length;
      showSection(next);
      tabs[next]?.focus();
    });
    return b;
  });
  const bodies = SECTIONS.map(() => h('div', { class: 'section-body' }));
  const panels = SECTIONS.map((name, i) => {
    const headingId = `heading-${name.toLowerCase()}`;
    return h('div', { id: `panel-${name.toLowerCase()}`, class: 'tabpanel', attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${name.toLowerCase()}` } },
      h('section', { attrs: { 'aria-labelledby': headingId } },
        h('h2', { id: headingId, class: 'section-heading', attrs: { tabindex: -1 } }, name),
        bodies[i]!,
      ),
    );
  });
  const scroller = h('div', { class: 'side-scroll' }, ...panels);
  const side = h('main', { class: 'side', attrs: { 'aria-label': 'Negotiation' } },
    flash,
    h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Sections' } }, ...tabs),
    scroller,
  );
  const el = h('div', { class: 'play-screen' }, bar, side);

  const send = (c: Command): boolean => {
    message = null;
    const r = controller.send(c);
    if (!r.ok) {
      message = { kind: 'refused', text: `Not possible: ${r.reason}.` };
      render(controller.snapshot());
    }
    return r.ok;
  };

  const unsubscribe = controller.onNotice((n: Notice) => {
    const refused = summitRefusal([n]);
    if (refused) message = { kind: 'refused', text: refused };
    else if (n.kind === 'summit.failed') message = { kind: 'info', text: n.text };
  });

  function showSection(i: number): void {
    active = Math.max(0, Math.min(SECTIONS.length - 1, i));
    tabs.forEach((t, j) => {
      t.setAttribute('aria-selected', String(j === active));
      t.tabIndex = j === active ? 0 : -1;
    });
    panels.forEach((p, j) => {
      p.hidden = j !== active;
    });
    scroller.scrollTop = 0;
  }

  function render(state: AppState): void {
    const view = state.view;
    const choice = state.choice;
    if (!view || !choice) return;
    if (pubOf !== choice.scenario) {
      pub = publicScenario(choice.scenario);
      pubOf = choice.scenario;
    }
    const p = pub!;

    atSummit = view.talks != null;
    rerender(bar, [topBar(view, view.scenario.title, { map: showMap, endDay, summit: callSummit, help: deps.help, menu: openMenu }, { mapOpen: phone() ? mapOpen : undefined, atSummit })]);
    el.classList.toggle('map-open', mapOpen);
    rerender(flash, [
      // A message from the app about this game (e.g. the studio kept the game across an edit).
      bannerView(state.banner, () => controller.dismissBanner()),
      message
        ? h('div', { class: `flash flash-${message.kind}`, attrs: { role: message.kind === 'refused' ? 'alert' : 'status' } },
            h('p', null, message.text),
            button('Dismiss', () => {
              message = null;
              render(controller.snapshot());
            }, { key: 'dismiss-flash', class: 'quiet small' }),
          )
        : null,
    ]);
    const focus = state.stage.kind === 'table' ? state.stage.party : null;
    // While the leaders meet, the summit takes the place of the envoys' actions.
    const round = view.talks ? view.talks.round : null;
    const opened = round !== null && summitRound === null;
    if (round !== summitRound) summitChoice.clear();
    summitRound = round;
    if (opened) showSection(0);
    const contents: Child[][] = [
      view.talks ? summitPanel(p, view, summitChoice, send) : actionsPanel(p, view, send),
      planPanel(p, view, { send, staged, trade, refresh: () => render(controller.snapshot()) }),
      answersPanel(p, view, focus, { send, showStage: (s) => controller.showStage(s) }),
      logPanel(view),
    ];
    bodies.forEach((body, i) => rerender(body, contents[i]!, scroller));
    if (opened) bodies[0]!.querySelector<HTMLElement>('[data-key="summit-heading"]')?.focus();
  }

  // While the leaders meet, the day does not end and no summit is called: the summit section is the play.
  let atSummit = false;
  function endDay(): void {
    if (!atSummit) send({ type: 'day.end' });
  }
  function callSummit(): void {
    if (!atSummit) send({ type: 'summit.call' });
  }
  /** Where the panel and the stage share the whole width (layout.ts). */
  function phone(): boolean {
    return isPhoneWidth(window.innerWidth);
  }
  function showMap(): void {
    controller.showStage({ kind: 'map' });
    if (!phone()) return;
    // On a phone the Map button toggles between the map and the panel, keeping focus on it.
    mapOpen = !mapOpen;
    render(controller.snapshot());
    (bar.querySelector('[data-key="tb-map"]') as HTMLElement | null)?.focus();
  }

  showSection(0);
  render(controller.snapshot());
  return {
    el,
    update: render,
    focusStart: () => tabs[active]?.focus(),
    destroy: unsubscribe,
    showSection: (i) => {
      if (mapOpen) {
        mapOpen = false;
        render(controller.snapshot());
      }
      showSection(i);
      tabs[active]?.focus();
    },
    endDay,
    callSummit,
    showMap,
  };
}
