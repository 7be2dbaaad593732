/**
 * A party seat puts a package forward in public: the changes it would accept together. Everyone
 * at the table hears it, the mediator may adopt it, and a concession in it moves the other
 * parties as the scenario says. Folded away until opened, because it is an occasional move
 * beside the day's answers; a refusal shows in place.
 */
import type { PartySeatView } from '../../engine/seatView.ts';
import { button, h, type Child } from '../dom/h.ts';
import { plural } from '../viewModel/names.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { MAX_PACKAGE, packageLines, proposeCommand, type PackageLine } from './packageModel.ts';
import { sendFor, type SeatDeps } from './seatDeps.ts';

export interface PackagePanel {
  render(view: PartySeatView): Child;
}

export function packagePanel(pub: PublicScenario, deps: SeatDeps, rerenderAll: () => void): PackagePanel {
  const staged = new Map<string, string>();
  let open = false;
  let refusal: string | null = null;
  let sent: string | null = null;

  function row(l: PackageLine, full: boolean): HTMLElement {
    const select = h('select', { key: `package:${l.point}`, attrs: { 'aria-label': `Your package: ${l.title}` } },
      h('option', { attrs: { value: '' } }, 'no change'),
      ...l.choices.map((c) => h('option', { attrs: { value: c.id } }, c.label)));
    select.value = staged.get(l.point) ?? '';
    // A full package still lets a staged point be changed or cleared, not another one added.
    select.disabled = full && !staged.has(l.point);
    select.addEventListener('change', () => {
      if (select.value === '') staged.delete(l.point);
      else staged.set(l.point, select.value);
      refusal = null;
      sent = null;
      rerenderAll();
    });
    return h('tr', { class: staged.has(l.point) ? 'is-staged' : undefined },
      h('th', { attrs: { scope: 'row' } }, l.title),
      h('td', { class: l.redLine ? 'red-line' : undefined, attrs: { 'data-label': 'In the text' } },
        l.label, l.value === null ? null : h('span', { class: 'sub' }, ` (value ${l.value})`), l.redLine ? h('span', { class: 'tag tag-bad' }, 'red line') : null),
      h('td', { attrs: { 'data-label': 'Your package' } }, select),
    );
  }

  return {
    render(view) {
      const lines = packageLines(pub, view);
      for (const point of staged.keys()) if (!lines.some((l) => l.point === point && l.choices.some((c) => c.id === staged.get(point)))) staged.delete(point);
      if (lines.length === 0 || view.outcome) return null;
      const full = staged.size >= MAX_PACKAGE;
      const noActions = view.actionsLeft <= 0;
      const details = h('details', { class: 'seat-package', attrs: { open } },
        h('summary', { key: 'package-open' }, staged.size > 0 ? `Put a package forward in public (${plural(staged.size, 'change')} chosen)` : 'Put a package forward in public'),
        h('p', { class: 'hint' }, `Choose up to ${MAX_PACKAGE} new draftings you would accept together. Everyone at the table hears the package and the mediator may adopt it; giving ground in public moves the other parties. It counts as one statement.`),
        h('div', { class: 'table-scroll' },
          h('table', { class: 'sheet-table package-table' },
            h('caption', null, 'The text, with the changes in your package'),
            h('thead', null, h('tr', null,
              h('th', { attrs: { scope: 'col' } }, 'Point'),
              h('th', { attrs: { scope: 'col' } }, 'In the text'),
              h('th', { attrs: { scope: 'col' } }, 'Your package'))),
            h('tbody', null, ...lines.map((l) => row(l, full))))),
        refusal ? h('p', { class: 'form-error', key: 'package-refusal', attrs: { role: 'alert', tabindex: -1 } }, `Not possible: ${refusal}.`) : null,
        sent ? h('p', { class: 'hint', key: 'package-sent', attrs: { role: 'status', tabindex: -1 } }, sent) : null,
        h('div', { class: 'actions-row' },
          button(staged.size === 0 ? 'Put the package forward' : `Put the package forward (${plural(staged.size, 'change')})`, () => {
            const command = proposeCommand(lines, staged);
            void sendFor(deps, command).then((reason) => {
              refusal = reason;
              if (!reason) {
                sent = `You put forward ${plural(command.changes.length, 'change')} in public; the table has heard it.`;
                staged.clear();
              }
              rerenderAll();
              // The button is disabled once the package has gone: keep the player on what happened.
              document.querySelector<HTMLElement>(`[data-key="${reason ? 'package-refusal' : 'package-sent'}"]`)?.focus();
            });
          }, { key: 'package-put', class: 'primary', attrs: { disabled: staged.size === 0 || noActions } }),
          staged.size > 0 ? button('Clear', () => {
            staged.clear();
            rerenderAll();
          }, { key: 'package-clear', then: 'package-open', class: 'quiet small' }) : null,
        ),
        noActions ? h('p', { class: 'hint' }, 'You have no statements left today.') : null,
      );
      details.addEventListener('toggle', () => {
        open = details.open;
      });
      return details;
    },
  };
}
