/**
 * A scenario's printables: the teacher guide, the general briefing and one role sheet per party,
 * chosen one at a time (or all together) and printed as paper pages. The bar with the choices
 * and buttons is screen only; what prints is the document alone, black on white. Every
 * scenario string goes in as text (h.ts), never as HTML.
 */
import type { AppState } from '../app/controller.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { briefingView } from '../viewModel/briefing.ts';
import { printedRoleSheets, startLine, teacherGuide, type PrintedRoleSheet } from '../viewModel/printables.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { plain } from '../viewModel/glossary.ts';
import { cite, numberedSources } from '../viewModel/sourceMarks.ts';
import { sourceLink } from './creditsDialog.ts';
import { button, h, rerender, uid, type Child } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';
import './printables.css';

type Doc = 'guide' | 'briefing' | `sheet:${string}` | 'all';

/**
 * One printed document's source markers: `t` turns scenario text into text with footnote
 * references (markers the numbered sources do not explain are dropped), `list` is the sources
 * the document cited, at its end.
 */
function footnotes(s: Scenario, cited = true): { t: (text: string) => Child[]; list: () => HTMLElement | null } {
  const sources = cited ? numberedSources(s) : [];
  const known = new Set(sources.flatMap((x) => x.refs));
  const used = new Set<string>();
  const t = (text: string): Child[] => cite(text, known).map((part) => {
    if (typeof part === 'string') return part;
    for (const r of part.refs) used.add(r);
    return h('sup', { class: 'cite' }, h('span', { class: 'visually-hidden' }, 'sources '), part.refs.join(', '));
  });
  const list = () => {
    const cited = sources.filter((x) => x.refs.some((r) => used.has(r)));
    if (cited.length === 0) return null;
    return h('section', { class: 'doc-sources' },
      h('h3', null, 'Sources'),
      h('ul', null, ...cited.map((x) => h('li', null,
        h('span', { class: 'doc-ref' }, x.refs.join(', ')), ' ',
        x.title, x.outlet ? ` — ${x.outlet}` : '', x.date ? `, ${x.date}` : '', '.',
        x.url ? ' ' : null, x.url ? sourceLink(x.url) : null,
      ))),
    );
  };
  return { t, list };
}

/** Several texts, each with its footnote references, separated by spaces. */
const joined = (t: (text: string) => Child[], texts: readonly string[], sep = ' '): Child[] => texts.flatMap((x, i) => [...(i > 0 ? [sep] : []), ...t(x)]);

function guideDoc(s: Scenario): HTMLElement {
  const g = teacherGuide(s);
  // The guide stays one page: its text goes without markers (the briefing and role sheets cite).
  const { t, list } = footnotes(s, false);
  return h('article', { class: 'printable guide', attrs: { 'data-doc': 'guide', 'aria-label': 'Teacher guide' } },
    h('p', { class: 'doc-kicker' }, 'Teacher guide'),
    h('h2', { class: 'doc-title' }, g.title),
    h('p', { class: 'doc-disclaimer' }, g.disclaimer),
    h('section', null, h('h3', null, 'What it teaches'), ...g.teaches.map((p) => h('p', null, ...t(p))), h('p', { class: 'doc-note' }, g.lessonStart)),
    h('section', null,
      h('h3', null, `A ${g.minutes}-minute lesson`),
      h('ol', { class: 'doc-plan' }, ...g.plan.map((step) => h('li', null, h('span', { class: 'doc-minutes' }, `${step.minutes} min`), ' ', step.activity))),
    ),
    h('section', null, h('h3', null, 'Questions for discussion'), h('ol', { class: 'doc-questions' }, ...g.questions.map((q) => h('li', null, ...t(q))))),
    h('section', null,
      h('h3', null, 'Glossary'),
      h('dl', { class: 'doc-glossary' }, ...g.glossary.flatMap((x) => [h('dt', null, x.term), h('dd', null, ...t(x.meaning))])),
    ),
    list(),
  );
}

function briefingDoc(s: Scenario, start: string): HTMLElement {
  const b = briefingView(publicScenario(s), start);
  const { t, list } = footnotes(s);
  return h('article', { class: 'printable briefing-doc', attrs: { 'data-doc': 'briefing', 'aria-label': 'General briefing' } },
    h('p', { class: 'doc-kicker' }, 'General briefing'),
    h('h2', { class: 'doc-title' }, b.title),
    h('p', { class: 'doc-disclaimer' }, b.disclaimer),
    h('p', { class: 'doc-meta' }, b.startTitle),
    b.startSummary ? h('p', null, ...t(b.startSummary)) : null,
    h('section', null, h('h3', null, 'The situation'), ...b.paragraphs.map((p) => h('p', null, ...t(p)))),
    h('section', null,
      h('h3', null, 'The parties'),
      h('p', null, `The mediation: ${b.role.party}${b.role.leader ? ` (${b.role.leader})` : ''}, with ${b.role.envoys.map((e) => `${e.name}${e.title ? `, ${e.title}` : ''}`).join('; ')}.`),
      ...b.parties.map((p) => h('div', { class: 'doc-party' },
        h('h4', null, p.name, h('span', { class: 'doc-sub' }, ` — ${p.leader} · ${p.role}`)),
        ...p.briefing.map((x) => h('p', null, ...t(x))),
        p.statedRedLines.length > 0 ? h('p', null, h('strong', null, 'Stated red line: '), ...joined(t, p.statedRedLines)) : null,
      )),
    ),
    h('section', null,
      h('h3', null, 'Calendar and rules'),
      h('p', null, `Talks open ${b.calendar.start}; deadline ${b.calendar.deadline} (${b.calendar.days}). ${b.calendar.actionsPerDay}`),
      b.calendar.softDeadlines.length > 0 ? h('p', null, 'Soft deadlines: ', ...joined(t, b.calendar.softDeadlines, '; '), '.') : null,
      h('p', null, b.ratificationRule),
      h('p', null, b.summitRule),
    ),
    list(),
  );
}

function sheetDoc(s: Scenario, sheet: PrintedRoleSheet): HTMLElement {
  const m = sheet.sheet;
  const { t, list } = footnotes(s);
  const parts: Child[] = [
    h('p', { class: 'doc-kicker' }, `Role sheet · ${s.title}`),
    h('h2', { class: 'doc-title' }, sheet.name),
    h('p', { class: 'doc-meta' }, `${sheet.leader} · ${sheet.role}`),
    h('section', null,
      h('h3', null, 'Public position'),
      ...(sheet.position.length > 0 ? sheet.position.map((p) => h('p', null, ...t(p))) : [h('p', null, 'No public statement.')]),
      sheet.statedRedLines.length > 0 ? h('p', null, h('strong', null, 'Stated in public: '), ...joined(t, sheet.statedRedLines)) : null,
    ),
  ];
  const priv: Child[] = [
    h('h3', null, 'Private instructions (for role-play: do not show the others)'),
    h('p', null, h('strong', null, 'Priorities. '), 'What matters most to you:'),
    h('ul', null, ...sheet.priorities.map((p) => h('li', null, ...t(p)))),
  ];
  if (m) {
    priv.push(
      h('p', null, h('strong', null, 'Red lines. '), m.redLines.length === 0 ? 'You have none: every text is open to you, if it is worth enough.' : 'Never sign a text that does any of these:'),
      m.redLines.length > 0 ? h('ul', null, ...m.redLines.map((l) => h('li', null, ...t(l.reason), h('span', { class: 'doc-sub' }, ` (${l.when})`)))) : null,
      h('p', null, h('strong', null, 'Walk-away. '), `Sign only a text worth at least ${m.walkAway} to you (on a 0–100 scale, from the values below). ${plain('walkAway')}`),
      h('p', null, h('strong', null, 'How you give ground. '), `Your government ${sheet.style}.`),
      h('p', null, h('strong', null, 'The opening text. '), `It is worth ${m.utility} to you: ${m.marginText}.`),
      m.holds.length > 0 ? h('p', null, h('strong', null, 'Points that touch what you hold: '), m.holds.join(', '), '.') : null,
      h('table', { class: 'doc-table' },
        h('caption', null, 'What each point is worth to you: its weight, and each option’s value (0–100)'),
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Point'), h('th', { attrs: { scope: 'col' } }, 'Weight'), h('th', { attrs: { scope: 'col' } }, 'Options (value to you)'))),
        h('tbody', null, ...m.points.filter((p) => p.weight > 0).map((p) => h('tr', null,
          h('th', { attrs: { scope: 'row' } }, ...t(p.title), p.leaderPoint ? ' (leaders decide)' : ''),
          h('td', { class: 'num' }, `${p.share}%`),
          h('td', null, ...joined(t, p.options.map((o) => `${o.label} ${o.value}${o.redLine ? ' (red line)' : ''}${o.inText ? ' ◀ opening text' : ''}`), ' · ')),
        ))),
      ),
    );
  } else if (sheet.mediator) {
    priv.push(
      h('p', null, h('strong', null, 'Your team. '), sheet.mediator.envoys.join('; '), '.'),
      h('p', null, h('strong', null, 'Political capital. '), `${sheet.mediator.capital} at the start. ${plain('capital')}`),
      h('p', null, h('strong', null, 'Your aim. '), `One text every required party signs before the deadline. ${plain('durability')}`),
    );
  }
  parts.push(h('section', { class: 'doc-private' }, ...priv), list());
  return h('article', { class: 'printable sheet-doc', attrs: { 'data-doc': `sheet:${sheet.party}`, 'aria-label': `Role sheet: ${sheet.name}` } }, ...parts);
}

export function printablesView(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const bar = h('div', { class: 'print-bar no-print' });
  const pages = h('div', { class: 'print-pages' });
  const el = h('main', { class: 'printables-screen', attrs: { 'aria-labelledby': 'print-heading' } }, bar, pages);
  let doc: Doc = 'guide';
  let shownFor: AppState['printables'] = null;
  let sheets: PrintedRoleSheet[] = [];

  function render(state: AppState): void {
    const p = state.printables;
    if (!p) return;
    if (p !== shownFor) {
      shownFor = p;
      sheets = printedRoleSheets(p.scenario, p.start);
    }
    const docs: { id: Doc; label: string }[] = [
      { id: 'guide', label: 'Teacher guide (one page)' },
      { id: 'briefing', label: 'General briefing' },
      ...sheets.map((s) => ({ id: `sheet:${s.party}` as Doc, label: `Role sheet: ${s.name}` })),
      { id: 'all', label: 'Everything, each on its own pages' },
    ];
    const set = h('fieldset', { class: 'choices print-choices' }, h('legend', null, 'Document to print'));
    for (const d of docs) {
      const id = uid('doc');
      const input = h('input', { id, key: `doc:${d.id}`, attrs: { type: 'radio', name: 'print-doc', value: d.id } });
      input.checked = d.id === doc;
      input.addEventListener('change', () => {
        doc = d.id;
        render(controller.snapshot());
      });
      set.append(h('div', { class: 'choice compact' }, input, h('label', { class: 'choice-title', attrs: { for: id } }, d.label)));
    }
    rerender(bar, [
      h('p', { class: 'kicker' }, 'Printables'),
      h('h1', { id: 'print-heading', class: 'title', attrs: { tabindex: -1 } }, p.scenario.title),
      h('p', { class: 'hint' }, `${startLine(p.scenario, p.start)}. Role sheets show each party’s private values: print them for role-play, one per student, and keep them from the others. Pages fit A4 and Letter; choose the paper in the print dialog.`),
      set,
      h('div', { class: 'actions-row' },
        button('Back', () => controller.closePrintables(), { key: 'back', class: 'quiet' }),
        button('Print', () => window.print(), { key: 'print', class: 'primary' }),
      ),
    ]);
    const make = (d: Doc): HTMLElement[] => {
      if (d === 'guide') return [guideDoc(p.scenario)];
      if (d === 'briefing') return [briefingDoc(p.scenario, p.start)];
      if (d === 'all') return [guideDoc(p.scenario), briefingDoc(p.scenario, p.start), ...sheets.map((s) => sheetDoc(p.scenario, s))];
      const sheet = sheets.find((s) => `sheet:${s.party}` === d);
      return sheet ? [sheetDoc(p.scenario, sheet)] : [];
    };
    pages.replaceChildren(...make(doc));
  }

  render(controller.snapshot());
  return {
    el,
    update: render,
    focusStart: () => bar.querySelector<HTMLElement>('#print-heading')?.focus(),
    destroy: () => undefined,
  };
}
