/**
 * Answering the mediator from a party seat: each request waiting for this seat, with the text
 * asked about, its government's advice (what its machine would answer) and the replies: yes or
 * no, or for a tabled text accept, reject naming points, or a counter-draft on chosen points.
 * A refusal (e.g. "your government would fall: …") shows in place, next to the reply.
 */
import type { Change } from '../../engine/evaluate.ts';
import type { PartySeatView } from '../../engine/seatView.ts';
import { button, h, uid, type Child } from '../dom/h.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { answer, counterOptions, requestModels, type RequestModel, type TextLine } from './answerModel.ts';
import { sendFor, type SeatCommandOut, type SeatDeps } from './seatDeps.ts';

interface Draft {
  objections: Set<string>;
  counter: Map<string, string>;
  refusal: string | null;
}

export interface AnswerPanel {
  /** The requests' cards for the seat's view (empty when nothing waits). */
  render(view: PartySeatView): Child[];
}

function textTable(lines: TextLine[], draft: Draft | null, pub: PublicScenario, id: number, changed: () => void): HTMLElement {
  const detailed = draft !== null;
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'sheet-table answer-text' },
      h('caption', null, 'The text, point by point, with each option’s value to you'),
      h('thead', null, h('tr', null,
        h('th', { attrs: { scope: 'col' } }, 'Point'),
        h('th', { attrs: { scope: 'col' } }, 'In the text'),
        h('th', { attrs: { scope: 'col' } }, 'Value to you'),
        detailed ? h('th', { attrs: { scope: 'col' } }, 'Object') : null,
        detailed ? h('th', { attrs: { scope: 'col' } }, 'Counter-draft') : null,
      )),
      h('tbody', null, ...lines.map((l) => {
        const cells: Child[] = [
          h('th', { attrs: { scope: 'row' } }, l.title),
          h('td', { class: l.redLine ? 'red-line' : undefined, attrs: { 'data-label': 'In the text' } }, l.label, l.redLine ? h('span', { class: 'tag tag-bad' }, 'red line') : null),
          h('td', { class: 'num', attrs: { 'data-label': 'Value to you' } }, l.value === null ? '—' : String(l.value)),
        ];
        if (draft) {
          const box = h('input', { key: `object:${id}:${l.point}`, attrs: { type: 'checkbox', 'aria-label': `Object to ${l.title}` } });
          box.checked = draft.objections.has(l.point);
          box.addEventListener('change', () => {
            if (box.checked) draft.objections.add(l.point);
            else draft.objections.delete(l.point);
            changed();
          });
          const select = h('select', { key: `counter:${id}:${l.point}`, attrs: { 'aria-label': `Counter-draft for ${l.title}` } },
            h('option', { attrs: { value: '' } }, 'no change'),
            ...counterOptions(pub, l.point, l.deferred ? undefined : l.option).map((o) => h('option', { attrs: { value: o.id } }, o.label)));
          select.value = draft.counter.get(l.point) ?? '';
          select.addEventListener('change', () => {
            if (select.value === '') draft.counter.delete(l.point);
            else draft.counter.set(l.point, select.value);
            changed();
          });
          cells.push(h('td', { class: 'center', attrs: { 'data-label': 'Object' } }, box), h('td', { attrs: { 'data-label': 'Counter-draft' } }, select));
        }
        return h('tr', null, ...cells);
      })),
    ),
  );
}

export function answerPanel(pub: PublicScenario, deps: SeatDeps, rerenderAll: () => void): AnswerPanel {
  const drafts = new Map<number, Draft>();
  const draftOf = (id: number) => {
    let d = drafts.get(id);
    if (!d) drafts.set(id, (d = { objections: new Set(), counter: new Map(), refusal: null }));
    return d;
  };

  const go = (id: number, command: SeatCommandOut) => {
    void sendFor(deps, command).then((reason) => {
      const d = draftOf(id);
      d.refusal = reason;
      rerenderAll();
      if (reason) document.querySelector<HTMLElement>(`[data-refusal="${id}"]`)?.focus();
    });
  };

  function card(m: RequestModel): HTMLElement {
    const d = draftOf(m.id);
    const headId = uid('req');
    const changes: Change[] = [...d.counter].map(([point, option]) => ({ point, option }));
    const adv = m.advice;
    return h('section', { class: 'card request', attrs: { 'aria-labelledby': headId, 'data-request': m.id } },
      h('h3', { id: headId, attrs: { tabindex: -1 } }, m.heading),
      h('p', null, m.question),
      m.stale ? h('p', { class: 'hint' }, 'The mediator has changed the text since; your answer is about the text below.') : null,
      adv
        ? h('div', { class: 'advice', attrs: { 'data-testid': 'advice' } },
            h('p', null, h('span', { class: 'group-label' }, 'Your government’s advice: '), h('strong', null, adv.headline)),
            adv.lines.length > 0 ? h('ul', { class: 'plain' }, ...adv.lines.map((l) => h('li', null, l))) : null,
            h('p', { class: 'hint' }, adv.why),
          )
        : null,
      m.text ? textTable(m.text, m.detailed ? d : null, pub, m.id, rerenderAll) : null,
      d.refusal ? h('p', { class: 'form-error refusal', attrs: { role: 'alert', tabindex: -1, 'data-refusal': m.id } }, `Not possible: ${d.refusal}.`) : null,
      h('div', { class: 'actions-row' },
        adv ? button('Answer as advised', () => go(m.id, adv.command), { key: `reply:${m.id}:advised`, class: 'primary' }) : null,
        ...m.replies.map((r) => button(r.label, () => go(m.id, answer.simple(m.id, r.reply)), { key: `reply:${m.id}:${r.reply}`, class: r.reply === 'accept' && !adv ? 'primary' : undefined })),
        m.detailed ? button(`Reject, objecting to ${d.objections.size} point${d.objections.size === 1 ? '' : 's'}`, () => go(m.id, answer.reject(m.id, [...d.objections])), {
          key: `reply:${m.id}:reject`, attrs: { disabled: d.objections.size === 0 },
        }) : null,
        m.detailed ? button(`Send the counter-draft (${changes.length} change${changes.length === 1 ? '' : 's'})`, () => go(m.id, answer.counter(m.id, changes)), {
          key: `reply:${m.id}:counter`, attrs: { disabled: changes.length === 0 },
        }) : null,
      ),
      m.detailed && adv && (adv.changes.length > 0 || adv.points.length > 0)
        ? button('Fill in the advice', () => {
            d.counter = new Map(adv.changes.map((c) => [c.point, c.option]));
            d.objections = new Set(adv.points);
            rerenderAll();
          }, { key: `advice:${m.id}`, class: 'quiet small' })
        : null,
    );
  }

  return {
    render(view) {
      const models = requestModels(pub, view);
      for (const id of drafts.keys()) if (!models.some((m) => m.id === id)) drafts.delete(id);
      if (models.length === 0) return [h('p', { class: 'hint', attrs: { 'data-testid': 'no-requests' } }, 'Nothing is waiting for your answer.')];
      return models.map(card);
    },
  };
}
