/**
 * Save slots in words, and the questions asked before one is lost: delete it (from the title's
 * list), or replace it by starting a game on the same scenario and start (resume it instead,
 * replace it, or cancel). Every title, name and scenario text goes in as text.
 */
import { movesText, type AppController, type AppState, type SlotSummary } from '../app/controller.ts';
import { DIFFICULTY_TEXT } from '../viewModel/title.ts';
import { GAME_LENGTH_TEXT } from '../../scenario/gameLength.ts';
import { createDialog } from './dialog.ts';
import { button, h } from './h.ts';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Day 3 · 12 moves · short game · saved …" and who plays, for a slot (its name first). */
export function slotLines(s: SlotSummary): HTMLElement[] {
  const name = h('p', { class: 'slot-title' }, h('strong', null, s.title), s.startTitle ? ` · ${s.startTitle}` : '', s.custom ? h('span', { class: 'tag' }, 'your file') : null);
  if (s.problem) return [name, h('p', { class: 'slot-problem' }, `Cannot be opened: ${s.problem}.`), h('p', { class: 'slot-facts' }, 'It is kept as it is: download a copy, or delete it.')];
  const saved = s.savedAt && !Number.isNaN(Date.parse(s.savedAt)) ? new Date(s.savedAt) : null;
  const facts = h('p', { class: 'slot-facts' },
    `Day ${s.day} · ${movesText(s.moves, 'no moves yet')} · ${GAME_LENGTH_TEXT[s.length].label.toLowerCase()} length · ${DIFFICULTY_TEXT[s.difficulty].label.toLowerCase()} difficulty`,
    saved ? ' · saved ' : null,
    saved ? h('time', { attrs: { datetime: saved.toISOString() } }, WHEN.format(saved)) : null,
  );
  const seated = s.seated ? h('p', { class: 'slot-seated' }, s.seated.length > 0 ? `Played together by people at: ${s.seated.join(', ')}; the machine plays the other seats.` : 'Played together on this device.') : null;
  return seated ? [name, facts, seated] : [name, facts];
}

export interface ConfirmAction {
  label: string;
  class?: string;
  autofocus?: boolean;
  /** What the choice does (none: it only closes); `after` runs once the dialog has closed. */
  act?: () => void;
  after?: () => void;
}

/** A modal question, built when asked and removed when answered; Esc or Close is the last (safe) action. */
export function confirmDialog(title: string, body: HTMLElement[], actions: ConfirmAction[]): void {
  const dialog = createDialog(title, (close) => [
    ...body,
    h('div', { class: 'actions-row' }, ...actions.map((a) => button(a.label, () => {
      a.act?.();
      close();
      a.after?.();
    }, { class: a.class ?? '', attrs: { autofocus: a.autofocus ?? false } }))),
  ], { class: 'confirm' });
  dialog.el.addEventListener('close', () => setTimeout(() => dialog.el.remove()));
  dialog.open();
}

/** The question asked when a game would replace a saved one, shown over whatever screen asked. */
export function mountReplacePrompt(controller: AppController): void {
  let shown: AppState['replacePrompt'] = null;
  let dialog: ReturnType<typeof createDialog> | null = null;
  const render = (state: AppState) => {
    if (state.replacePrompt === shown) return;
    shown = state.replacePrompt;
    if (!shown) {
      dialog?.close();
      return;
    }
    const { slot, lose } = shown;
    dialog = createDialog('You have a saved game of this scenario and start', () => [
      h('p', null, 'A game is already saved for this scenario and starting text. Only one is kept, so starting a new one would replace it:'),
      h('div', { class: 'slot-card' }, ...slotLines(slot)),
      h('p', { class: 'replace-loss' }, lose),
      h('div', { class: 'actions-row' },
        slot.problem ? null : button('Resume the saved game', () => controller.resumeInstead(), { class: 'primary', attrs: { autofocus: true } }),
        button('Replace it with a new game', () => controller.confirmReplace(), { class: 'danger' }),
        button('Cancel', () => controller.cancelReplace(), { class: 'quiet', attrs: { autofocus: slot.problem !== null } }),
      ),
    ], { class: 'confirm' });
    const el = dialog.el;
    // Esc, Close or the backdrop: nothing starts and the saved game stays.
    el.addEventListener('close', () => {
      if (controller.snapshot().replacePrompt) controller.cancelReplace();
      setTimeout(() => el.remove());
    });
    dialog.open();
  };
  controller.subscribe(render);
  render(controller.snapshot());
}

