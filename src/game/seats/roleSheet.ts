/**
 * A party seat's private role sheet on screen: its government's values on every point (exactly),
 * its red lines and walk-away, the text on the table scored against them, and what it knows of
 * the others. Takes the seat's own view only; nothing here reads the table.
 */
import type { PartySeatView } from '../../engine/seatView.ts';
import { h, region, uid, type Child } from '../dom/h.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { roleSheetModel, type OtherSeat, type RoleSheetModel, type SheetPoint } from './roleSheetModel.ts';

function standing(m: RoleSheetModel): HTMLElement {
  const bad = m.margin < 0 || m.crossed.length > 0;
  return h('div', { class: `sheet-standing${bad ? ' bad' : ' good'}`, attrs: { 'data-testid': 'sheet-margin' } },
    h('p', { class: 'sheet-margin' }, h('span', { class: 'group-label' }, 'The text on the table: '), m.marginText),
    h('p', { class: 'hint' }, `It is worth ${m.utility} to your government; you walk away below ${m.walkAway}. Your score is your margin above your walk-away in a signed text.`),
    m.crossed.length > 0 ? h('ul', { class: 'plain redlines' }, ...m.crossed.map((r) => h('li', null, r))) : null,
  );
}

function pointRow(p: SheetPoint): HTMLElement {
  return h('tr', { class: p.leaderPoint ? 'leader-point' : undefined },
    h('th', { attrs: { scope: 'row' } }, p.title, p.leaderPoint ? h('span', { class: 'tag' }, 'leaders decide') : null),
    h('td', { class: 'num' }, `${p.weight}`, h('span', { class: 'sub' }, ` (${p.share}%)`)),
    h('td', null,
      h('ul', { class: 'plain sheet-options' }, ...p.options.map((o) => h('li', { class: `${o.inText ? 'in-text' : ''}${o.redLine ? ' red-line' : ''}`.trim() || undefined },
        h('span', { class: 'opt-label' }, o.label),
        h('span', { class: 'opt-value' }, String(o.value)),
        o.inText ? h('span', { class: 'tag' }, 'in the text') : null,
        o.redLine ? h('span', { class: 'tag tag-bad' }, 'red line') : null,
      ))),
    ),
    h('td', { class: 'num' }, String(p.pull)),
  );
}

function pointsTable(m: RoleSheetModel): HTMLElement {
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'sheet-table' },
      h('caption', null, 'What each point is worth to your government (values 0–100; the weight says how much the point counts)'),
      h('thead', null, h('tr', null,
        h('th', { attrs: { scope: 'col' } }, 'Point'),
        h('th', { attrs: { scope: 'col' } }, 'Weight'),
        h('th', { attrs: { scope: 'col' } }, 'Options and their value to you'),
        h('th', { attrs: { scope: 'col' } }, 'Effect now'),
      )),
      h('tbody', null, ...m.points.map(pointRow)),
    ),
  );
}

function other(o: OtherSeat): HTMLElement {
  const known = o.values.filter((v) => !v.unknown);
  return h('details', { class: 'known' },
    h('summary', { key: `other:${o.id}` }, `${o.name} — ${o.role}; ${o.state.toLowerCase()}`),
    o.knownRedLines.length > 0
      ? h('div', null, h('p', { class: 'group-label' }, 'Its red lines you know'), h('ul', { class: 'plain redlines' }, ...o.knownRedLines.map((r) => h('li', null, r))))
      : h('p', { class: 'hint' }, 'You know none of its red lines.'),
    h('p', { class: 'hint' }, `Its walk-away: ${o.walkAway}. What you know of its values (${o.learned} of ${o.values.length} points):`),
    known.length === 0 ? h('p', { class: 'hint' }, 'Nothing yet: statements and consultations tell you more.')
      : h('ul', { class: 'plain' }, ...known.map((v) => h('li', null, `${v.title} (weight ${v.weight}): ${v.options.map((x) => `${x.label} ${x.range}`).join('; ')}`))),
  );
}

/** The role sheet's parts, to place in a screen (a region headed "Your role sheet"). */
export function roleSheet(pub: PublicScenario, view: PartySeatView): HTMLElement {
  const m = roleSheetModel(pub, view);
  const briefing = uid('brief');
  const parts: Child[] = [
    h('p', { class: 'meta' }, `${m.leader} · ${m.role}`),
    standing(m),
    h('details', { class: 'sheet-briefing' }, h('summary', { key: 'sheet-briefing', attrs: { id: briefing } }, 'Your briefing'), h('p', null, m.briefing)),
    h('h3', null, 'Your red lines'),
    m.redLines.length === 0 ? h('p', { class: 'hint' }, 'You have no red line.')
      : h('ul', { class: 'plain redlines' }, ...m.redLines.map((l) => h('li', null, l.reason, h('span', { class: 'sub' }, ` — ${l.when}${l.lifted ? ' (lifted)' : ''}`)))),
    m.holds.length > 0 ? h('p', null, h('span', { class: 'group-label' }, 'Points that touch what you hold: '), m.holds.join(', ')) : null,
    pointsTable(m),
    h('h3', null, 'The others, as far as you know them'),
    ...m.others.filter((o) => o.role !== 'The mediator').map(other),
  ];
  return region(2, `Your role sheet: ${m.name}`, { class: 'card role-sheet', attrs: { 'data-testid': 'role-sheet' } }, ...parts);
}
