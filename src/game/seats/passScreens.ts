/**
 * Pass-and-play's screens in the app: the hand-over screen and a party seat's screen, wired to
 * the controller (its pass state, `confirmSeat`, `seatSend`, `seatDone`). The components they
 * show (handOver.ts, partySeat.ts) know nothing of the controller.
 */
import type { AppState } from '../app/controller.ts';
import { h } from '../dom/h.ts';
import type { ScreenDeps, ScreenView } from '../dom/screen.ts';
import { publicScenario, type PublicScenario } from '../viewModel/publicScenario.ts';
import { handOver } from './handOver.ts';
import { partySeatScreen, type PartySeatScreen } from './partySeat.ts';

export function handOverScreen(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const holder = h('div', { class: 'handover-slot' });
  let focus: () => void = () => undefined;
  let shown = '';
  function render(state: AppState): void {
    const pass = state.pass;
    if (!pass?.turn) return;
    const key = `${pass.turn}|${pass.reason}|${pass.day}`;
    if (key === shown) return;
    shown = key;
    const view = handOver({ seatName: pass.turnName, reason: pass.reason, day: pass.day, onConfirm: () => controller.confirmSeat() });
    const again = holder.childElementCount > 0;
    holder.replaceChildren(view.el);
    focus = view.focus;
    // From one person's hand-over straight to the next one's: the new confirm button takes focus.
    if (again) focus();
  }
  render(controller.snapshot());
  // Focus lands on the confirm button, also when the page has just loaded on this screen.
  queueMicrotask(() => focus());
  return { el: holder, update: render, focusStart: () => focus(), destroy: () => undefined };
}

export function seatScreen(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  let pub: PublicScenario | null = null;
  let screen: PartySeatScreen | null = null;
  const holder = h('div', { class: 'seat-slot' });
  function render(state: AppState): void {
    const pass = state.pass;
    if (!pass?.party || !state.choice) return;
    if (!screen) {
      pub = publicScenario(state.choice.scenario);
      screen = partySeatScreen(pub, { send: (c) => controller.seatSend(c) });
      holder.replaceChildren(screen.el);
    }
    const waiting = pass.party.requests.some((r) => r.party === pass.party!.party);
    screen.update(pass.party, {
      label: pass.handsBack ? 'Done: hand back to the mediator' : 'End my day',
      blocked: waiting ? 'Answer the request waiting for you first.' : null,
      onDone: () => {
        const r = controller.seatDone();
        if (!r.ok) deps.announcer.say(`Not possible: ${r.reason}.`);
      },
    });
  }
  render(controller.snapshot());
  return { el: holder, update: render, focusStart: () => screen?.focusStart(), destroy: () => undefined };
}
