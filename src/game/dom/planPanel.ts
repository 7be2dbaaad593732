/**
 * Plan: every point with its drafting and status, a select to redraft it, defer or bring it
 * back, staged changes proposed as one package, who would sign now, and the changes since
 * the start.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { Command } from '../../engine/commands.ts';
import type { PlayerView } from '../../engine/view.ts';
import { listOf, optionLabel, plural, pointTitle } from '../viewModel/names.ts';
import { planDiff, planRows, type PointRow } from '../viewModel/plan.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { signSummary, whoWouldSign } from '../viewModel/signMatrix.ts';
import { packageSummary } from '../viewModel/answers.ts';
import { button, buttonWith, h, region, uid, type Child } from './h.ts';

/** Redrafts chosen in the selects but not yet sent: point → option. */
export type Staged = Map<string, string>;

export interface PlanPanelDeps {
  send(c: Command): boolean;
  staged: Staged;
  /** Whether a package is put in public (every party hears; a concession moves the others). */
  trade: { inPublic: boolean };
  /** Re-render after a staging change. */
  refresh(): void;
}

function redraftCommand(point: string, option: string): Command {
  return option === OMIT ? { type: 'text.omit', point } : { type: 'text.redraft', point, option };
}

function summitLine(pub: PublicScenario, view: PlayerView): HTMLElement {
  const s = view.summit;
  if (view.outcome) return h('p', null, 'The talks are over.');
  if (s.ready) return h('p', { class: 'summit-ready', attrs: { 'data-testid': 'summit-status' } }, 'The leaders would meet now: call the summit.');
  const parts: string[] = [];
  if (s.unseen.length > 0) parts.push(`not yet tabled with ${listOf(s.unseen.map((id) => view.parties.find((p) => p.id === id)?.name ?? id))}`);
  const open = [...new Set([...s.deferred, ...s.openKnown])];
  if (open.length > s.maxOpenPoints) parts.push(`${plural(open.length, 'point')} known to be open (at most ${s.maxOpenPoints}): ${listOf(open.map((p) => `“${pointTitle(pub, p)}”`))}`);
  if (parts.length === 0) parts.push('a party is too far from the text, or stalling');
  return h('p', { class: 'summit-not', attrs: { 'data-testid': 'summit-status' } }, `The leaders would not meet yet: ${parts.join('; ')}.`);
}

function signTable(pub: PublicScenario, view: PlayerView): HTMLElement {
  const rows = whoWouldSign(pub, view);
  return h('div', { class: 'sign' },
    h('table', { class: 'sign-table' },
      h('caption', null, `Who would sign now? ${signSummary(rows)}.`),
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Signatory'), h('th', { attrs: { scope: 'col' } }, 'Signs?'), h('th', { attrs: { scope: 'col' } }, 'Why'))),
      h('tbody', null, ...rows.map((r) => h('tr', { class: `sign-${r.status}` },
        h('th', { attrs: { scope: 'row' } }, r.name, r.required ? null : h('span', { class: 'sub' }, ' (optional)')),
        h('td', null, h('span', { class: `pill pill-${r.status}` }, r.label)),
        h('td', null, r.reasons.length > 0 ? h('ul', { class: 'plain' }, ...r.reasons.map((x) => h('li', null, x))) : '—'),
      ))),
    ),
  );
}

function pointItem(row: PointRow, deps: PlanPanelDeps): HTMLElement {
  const selectId = uid('pt');
  const staged = deps.staged.get(row.id);
  const select = h('select', { id: selectId, key: `redraft:${row.id}`, attrs: { disabled: row.deferred } },
    ...row.choices.map((c) => {
      const o = h('option', { attrs: { value: c.id } }, c.label);
      o.selected = c.id === (staged ?? row.option);
      return o;
    }),
  );
  select.addEventListener('change', () => {
    if (select.value === row.option) deps.staged.delete(row.id);
    else deps.staged.set(row.id, select.value);
    deps.refresh();
  });
  const apply = staged !== undefined
    ? buttonWith(['Apply', { hidden: ` the redraft of ${row.title}` }], () => {
        if (deps.send(redraftCommand(row.id, staged))) deps.staged.delete(row.id);
        deps.refresh();
      }, { key: `apply:${row.id}`, then: `redraft:${row.id}`, class: 'primary small' })
    : null;
  const deferButton = row.dropped
    ? null
    : row.deferred
      ? row.leadersOnly
        ? h('span', { class: 'hint' }, 'Only the leaders can settle it.')
        : buttonWith(['Bring', { hidden: ` ${row.title}` }, ' back to the envoys'], () => deps.send({ type: 'text.undefer', point: row.id }), { key: `undefer:${row.id}`, then: `defer:${row.id}`, class: 'quiet small' })
      : buttonWith(['Defer', { hidden: ` ${row.title}` }, ' to the leaders'], () => deps.send({ type: 'text.defer', point: row.id }), { key: `defer:${row.id}`, then: `undefer:${row.id}`, class: 'quiet small' });
  const cls = ['point', row.settled ? 'is-settled' : '', row.dropped ? 'is-dropped' : '', row.deferred ? 'is-deferred' : '', row.disputedBy.length > 0 ? 'is-disputed' : ''].filter(Boolean).join(' ');
  return h('li', { class: cls, attrs: { 'data-point': row.id } },
    h('span', { class: 'point-number', attrs: { 'aria-hidden': 'true' } }, String(row.number)),
    h('div', { class: 'point-body' },
      h('h3', { class: 'point-title' }, h('span', { class: 'visually-hidden' }, `${row.number}. `), row.title),
      h('p', { class: 'point-option' }, h('span', { class: 'label' }, 'In the text: '), h('span', { class: row.dropped ? 'value dropped' : 'value' }, row.optionLabel)),
      row.status.length > 0 ? h('p', { class: 'point-status' }, row.status.join(' · ')) : null,
      row.disputedBy.length > 0 ? h('ul', { class: 'plain disputes' }, ...row.disputedBy.map((d) => h('li', null, `${d.party}: ${d.why}`))) : null,
      row.settled ? null : h('div', { class: 'point-controls' },
        h('span', { attrs: { 'aria-hidden': 'true' } }, 'Redraft'),
        h('label', { class: 'visually-hidden', attrs: { for: selectId } }, `Redraft ${row.title}`),
        select,
        apply,
        deferButton,
      ),
    ),
  );
}

/** Parties a package can be put to now: where an envoy could table the text, with that envoy. */
function putTargets(view: PlayerView): { envoy: string; party: string; label: string }[] {
  const out: { envoy: string; party: string; label: string }[] = [];
  for (const c of view.legal) {
    if (c.type !== 'envoy.table' || out.some((o) => o.party === c.party)) continue;
    const party = view.parties.find((p) => p.id === c.party)?.name ?? c.party;
    out.push({ envoy: c.envoy, party: c.party, label: `Put to ${party}` });
  }
  return out;
}

function packageBar(pub: PublicScenario, view: PlayerView, deps: PlanPanelDeps): HTMLElement | null {
  if (deps.staged.size === 0) return null;
  const changes = [...deps.staged].map(([point, option]) => ({ point, option }));
  const targets = putTargets(view);
  const publicId = uid('pub');
  const inPublic = h('input', { id: publicId, key: 'package-public', attrs: { type: 'checkbox' } });
  inPublic.checked = deps.trade.inPublic;
  inPublic.addEventListener('change', () => { deps.trade.inPublic = inPublic.checked; });
  return h('div', { class: 'package-bar', attrs: { role: 'group', 'aria-label': 'Your package' } },
    h('p', { class: 'group-label' }, `Your package: ${plural(changes.length, 'change')}`),
    h('ul', { class: 'plain package-list', key: 'package-list', attrs: { tabindex: -1, 'aria-label': 'Changes in your package' } },
      ...changes.map((c) => h('li', null, `“${pointTitle(pub, c.point)}” → ${optionLabel(pub, c.point, c.option)}`))),
    targets.length > 0
      ? h('div', { class: 'put-row' },
          h('p', { class: 'hint' }, 'Put it to a party to hear whether it takes the changes together; the text changes only if it accepts.'),
          h('label', { class: 'check', attrs: { for: publicId } }, inPublic, ' In public: every party hears the answer, and a concession moves the others'),
          h('div', { class: 'actions-row' }, ...targets.map((t) =>
            button(t.label, () => {
              deps.send({ type: 'envoy.propose', envoy: t.envoy, party: t.party, changes, ...(deps.trade.inPublic ? { public: true } : {}) });
              deps.refresh();
            }, { key: `put:${t.party}`, then: `package-answer:${t.party}`, class: 'primary small' }))),
        )
      : h('p', { class: 'hint' }, view.talks ? 'The leaders are meeting: trade across the open points in the Summit section.' : 'To put it to a party, an envoy must be where the party is met.'),
    h('div', { class: 'actions-row' },
      button(changes.length === 1 ? 'Apply this change' : `Propose the ${changes.length} changes as one package`, () => {
        const ok = deps.send({ type: 'text.package', changes });
        if (ok) deps.staged.clear();
        deps.refresh();
      }, { key: 'package', then: 'plan-count', class: 'primary' }),
      button('Discard', () => {
        deps.staged.clear();
        deps.refresh();
      }, { key: 'discard', then: 'plan-count', class: 'quiet' }),
    ),
  );
}

/** The last answer each party gave to a package, newest first, with what it would take on top (Apply in one action). */
function packageAnswers(pub: PublicScenario, view: PlayerView, deps: PlanPanelDeps): HTMLElement | null {
  const answers = view.parties.map((p) => packageSummary(pub, p)).filter((x) => x !== null).sort((a, b) => b.day - a.day);
  if (answers.length === 0) return null;
  return region(3, 'Answers to your packages', { class: 'package-answers' },
    ...answers.map((a) => h('div', { class: `package-answer answer-${a.kind}`, attrs: { 'data-party': a.party, 'data-testid': 'package-answer' } },
      h('p', { class: 'answer-head', key: `package-answer:${a.party}`, attrs: { tabindex: -1 } }, h('strong', null, a.headline), h('span', { class: 'sub' }, ` · day ${a.day + 1}`)),
      h('ul', { class: 'plain package-reasons' }, ...a.lines.map((l) => h('li', { class: `stance-${l.stance}` }, l.text))),
      a.why ? h('p', null, a.why) : null,
      a.counter
        ? h('div', { class: 'counter' },
            h('p', { class: 'group-label' }, 'On top of it, it would take'),
            h('ul', { class: 'plain' }, ...a.counter.lines.map((l) => h('li', null, l))),
            buttonWith(['Stage', { hidden: ` what ${a.name} would take` }, ' with the package'], () => {
              for (const c of a.counter!.changes) deps.staged.set(c.point, c.option);
              deps.refresh();
            }, { key: `stage-counter:${a.party}`, then: 'package-list', class: 'quiet small' }),
          )
        : null,
    )),
  );
}

export function planPanel(pub: PublicScenario, view: PlayerView, deps: PlanPanelDeps): Child[] {
  // A staged choice that the text now has (or that no longer applies) is dropped.
  for (const [point, option] of deps.staged) {
    const clause = view.text[point];
    if (!clause || clause.option === option || clause.deferred) deps.staged.delete(point);
  }
  const diff = planDiff(pub, view);
  const rows = planRows(pub, view);
  return [
    h('p', { class: 'plan-count', key: 'plan-count', attrs: { 'data-testid': 'plan-count', tabindex: -1 } }, h('strong', null, diff.summary), ` · draft ${view.version + 1}`),
    summitLine(pub, view),
    signTable(pub, view),
    packageBar(pub, view, deps),
    packageAnswers(pub, view, deps),
    h('p', { class: 'hint' }, 'Choose a new drafting for any point, then Apply it; or choose several to make a package: put it to a party (the text changes only if it accepts), or propose it to write it into the text.'),
    h('ol', { class: 'points', attrs: { 'aria-label': 'Points of the plan' } }, ...rows.map((r) => pointItem(r, deps))),
    region(3, 'Changes since the start', { class: 'diff' },
      diff.changed.length === 0
        ? h('p', { class: 'hint' }, 'No point has changed yet.')
        : h('ul', { class: 'plain' }, ...diff.changed.map((c) => h('li', null, h('strong', null, `${c.number}. ${c.title}: `), `${c.from} → ${c.to}`))),
    ),
  ];
}
