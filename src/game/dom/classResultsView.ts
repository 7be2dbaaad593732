/**
 * Class results: every student's result file at once. The class table, the spread of outcomes
 * (charts, with their data as tables), the best and worst results, each point's options across
 * the class's deals beside the analyser's best deals, and the files not counted, with why.
 * More files can be added (picker or drop); the table exports as CSV and prints.
 */
import type { Chart } from 'chart.js';
import type { AppState } from '../app/controller.ts';
import { MAX_RESULT_CHARS } from '../../engine/saveFile.ts';
import { classCsv, OUTCOME_WORDS, type ClassRow, type ClassSummary, type RefusalKind } from '../../debrief/classResults.ts';
import { download } from '../debrief/download.ts';
import { currentMotionReduced } from '../settings/motion.ts';
import { GLOSSARY, plain, type Term } from '../viewModel/glossary.ts';
import { looksLikeResult, readFiles, watchFileDrops } from './fileDrop.ts';
import { button, h, region, uid } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';
import '../debrief/debrief.css';
import './print.css';

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const REFUSAL_WORDS: Record<RefusalKind, string> = {
  damaged: 'damaged',
  edited: 'edited',
  'other-scenario': 'not this class',
  unavailable: 'scenario not here',
};

/** A column heading with its plain meaning as a tooltip and for screen readers. */
function th(label: string, term?: Term): HTMLElement {
  return h('th', { attrs: { scope: 'col', title: term ? plain(term) : null } }, label, term ? h('span', { class: 'visually-hidden' }, ` (${plain(term)})`) : null);
}

function classTable(s: ClassSummary): HTMLElement {
  return h('table', { class: 'debrief-table class-table' },
    h('caption', null, `Class table: ${plural(s.rows.length, 'result')}, best first`),
    h('thead', null, h('tr', null,
      th('Name'), th('Outcome'), th('Days'), th('Points'),
      ...s.parties.map((p) => th(`Margin: ${p.name}`, 'margin')),
      th('Durability', 'durability'), th('Balance (typical margin)', 'balance'), th('Score', 'score'),
    )),
    h('tbody', null, ...s.rows.map((r) => h('tr', { attrs: { 'data-outcome': r.outcome } },
      h('th', { attrs: { scope: 'row' } }, r.name),
      h('td', null, OUTCOME_WORDS[r.outcome]),
      h('td', null, String(r.days)),
      h('td', null, r.points === null ? '–' : String(r.points)),
      ...s.parties.map((p) => h('td', { class: 'num' }, fmt(r.margins[p.id]))),
      h('td', { class: 'num' }, fmt(r.durability)),
      h('td', { class: 'num' }, fmt(r.balance)),
      h('td', { class: 'num' }, fmt(r.score)),
    ))),
  );
}

function countsLine(s: ClassSummary): string {
  const c = s.counts;
  return `${plural(c.files, 'file')} opened: ${plural(c.results, 'result')} in the class (${plural(c.deal, 'deal')}, ${c.collapse} collapsed, ${c.timeout} past the deadline, ${c.unfinished} unfinished); ${plural(c.refused, 'file')} not counted.`;
}

function bestWorst(s: ClassSummary): HTMLElement | null {
  if (!s.best) return null;
  const line = (label: string, r: ClassRow) => h('li', null, h('strong', null, `${label}: `), r.name, ` — ${OUTCOME_WORDS[r.outcome]} in ${plural(r.days, 'day')}`,
    r.outcome === 'deal' ? `, durability ${fmt(r.durability)}, balance ${fmt(r.balance)}` : '', ` (${r.file})`);
  return region(2, 'Best and worst results', { class: 'debrief-block' },
    h('ul', null, line('Best', s.best), s.worst ? line('Worst', s.worst) : null),
    // A bounded search says what it found, never more: "most durable … found", and no "finds no text" when it only stopped early.
    s.bestPossible.durability !== null
      ? h('p', null, s.bestPossible.exact
        ? `The analyser’s most durable deal gives every party at least ${fmt(s.bestPossible.durability)} above its walk-away; its most balanced deal has a balance of ${fmt(s.bestPossible.balance)}.`
        : `The most durable deal the analyser found gives every party at least ${fmt(s.bestPossible.durability)} above its walk-away; the most balanced it found has a balance of ${fmt(s.bestPossible.balance)}.`)
      : s.bestPossible.exact ? h('p', null, 'The analyser finds no text every required party could sign from this start.') : null,
    s.bestPossible.exact ? null : h('p', { class: 'bounded' }, s.bestPossible.bounded),
  );
}

function pointsSection(s: ClassSummary): HTMLElement | null {
  if (s.points.length === 0) return null;
  const deals = s.counts.deal;
  return region(2, 'Point by point: what the class’s deals chose', { class: 'debrief-block' },
    h('p', null, deals === 0 ? 'No deal was signed, so no final text to compare.' : `Across the class’s ${plural(deals, 'deal')}, the option each point ended on, beside the analyser’s most durable and most balanced deals.`),
    h('div', { class: 'table-scroll' }, h('table', { class: 'debrief-table' },
      h('caption', null, 'Options chosen, per point'),
      h('thead', null, h('tr', null, th('Point'), th('The class’s deals'), th('Most durable', 'durability'), th('Most balanced', 'balance'))),
      h('tbody', null, ...s.points.map((p) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, `${p.number ?? ''} ${p.title}`.trim()),
        h('td', null, p.chosen.length === 0 ? '–' : h('ul', { class: 'plain' }, ...p.chosen.map((c) => h('li', null, `${c.label}: ${c.count}`)))),
        h('td', null, p.durable ?? '–'),
        h('td', null, p.balanced ?? '–'),
      ))),
    )),
  );
}

function refusedSection(s: ClassSummary): HTMLElement | null {
  if (s.refused.length === 0) return null;
  return region(2, `Files not counted (${s.refused.length})`, { class: 'debrief-block refused-files' },
    h('ul', { attrs: { 'aria-label': 'Files not counted' } }, ...s.refused.map((r) => h('li', null,
      h('strong', null, r.file), ` — ${REFUSAL_WORDS[r.kind]}: ${r.reason}`))),
  );
}

function glossary(terms: Term[]): HTMLElement {
  return h('details', { class: 'glossary' }, h('summary', null, 'What the figures mean'),
    h('dl', null, ...terms.flatMap((t) => [h('dt', null, GLOSSARY[t].term), h('dd', null, GLOSSARY[t].plain)])));
}

export function classResultsView(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const content = h('div', { class: 'debrief-content' });
  const dropHint = h('div', { class: 'drop-hint', attrs: { hidden: true, 'aria-hidden': 'true' } }, h('p', null, 'Drop more result files to add them to the class'));
  const el = h('main', { class: 'debrief-screen class-screen', attrs: { 'aria-labelledby': 'class-title' } }, content);
  let shown: ClassSummary | null = null;
  let charts: Chart[] = [];
  let themeCharts: ((printing: boolean) => void) | null = null;

  const add = (files: File[]) => {
    void readFiles(files, MAX_RESULT_CHARS).then((read) => controller.openClassResults(read.filter((f) => looksLikeResult(f.text) || f.file.endsWith('.json'))));
  };
  const stopDrops = watchFileDrops(dropHint, add);

  function chartBlock(title: string, describe: string, table: HTMLTableElement, draw: (c: HTMLCanvasElement) => Promise<Chart>): HTMLElement {
    const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': describe } });
    requestAnimationFrame(() => {
      if (canvas.isConnected) void draw(canvas).then((c) => charts.push(c));
    });
    return region(3, title, { class: 'debrief-chart' }, h('div', { class: 'chart-frame' }, canvas),
      h('details', null, h('summary', null, 'Show the data as a table'), table));
  }

  function spread(s: ClassSummary): HTMLElement {
    const reduce = currentMotionReduced();
    // Chart.js is only fetched when the class results are on screen.
    const lib = () => import('../debrief/classCharts.ts');
    const outcomeTable = h('table', { class: 'debrief-table' }, h('caption', null, 'Games per outcome'),
      h('tbody', null, ...(Object.keys(OUTCOME_WORDS) as ClassRow['outcome'][]).map((k) => h('tr', null, h('th', { attrs: { scope: 'row' } }, OUTCOME_WORDS[k]), h('td', null, String(s.counts[k]))))));
    const scoreTable = h('table', { class: 'debrief-table' }, h('caption', null, 'Score per student'),
      h('tbody', null, ...s.rows.map((r) => h('tr', null, h('th', { attrs: { scope: 'row' } }, r.name), h('td', null, fmt(r.score)))),
        s.bestPossible.balance !== null ? h('tr', null, h('th', { attrs: { scope: 'row' } }, 'best possible'), h('td', null, fmt(s.bestPossible.balance))) : null));
    themeCharts = (printing) => void lib().then((m) => charts.forEach((c) => m.themeClassChart(c, printing ? 'print' : 'screen')));
    return region(2, 'Spread of outcomes', { class: 'debrief-block' },
      h('div', { class: 'chart-pair' },
        chartBlock('How the games ended', `Bar chart of games per outcome: ${(Object.keys(OUTCOME_WORDS) as ClassRow['outcome'][]).map((k) => `${OUTCOME_WORDS[k]} ${s.counts[k]}`).join(', ')}.`, outcomeTable,
          async (c) => (await lib()).outcomeChart(c, s, reduce)),
        chartBlock('Score per student', 'Bar chart of each student’s score, best first, beside the best possible. The same data is in the table below.', scoreTable,
          async (c) => (await lib()).scoreChart(c, s, reduce)),
      ),
    );
  }

  function freeCharts(): void {
    for (const c of charts) c.destroy();
    charts = [];
  }

  function render(state: AppState): void {
    const s = state.classResults;
    if (!s || s === shown) return;
    shown = s;
    freeCharts();
    const inputId = uid('class-add');
    const more = h('input', { id: inputId, class: 'file-input', attrs: { type: 'file', multiple: true, accept: '.json,application/json' } });
    more.addEventListener('change', () => {
      const files = [...(more.files ?? [])];
      more.value = '';
      if (files.length > 0) add(files);
    });
    const exportCsv = () => {
      const name = `accord-class-${s.scenario?.id ?? 'results'}-${s.start?.id ?? ''}.csv`.replace(/-\.csv$/, '.csv');
      download(name, classCsv(s), 'text/csv');
    };
    const page = h('article', { class: 'debrief class-results' },
      h('header', { class: 'debrief-header' },
        h('p', { class: 'kicker' }, 'Class results'),
        h('h1', { id: 'class-title', attrs: { tabindex: -1 } }, s.scenario ? `${s.scenario.title}` : 'No result could be read'),
        s.scenario && s.start ? h('p', null, `Start: ${s.start.title} · version ${s.scenario.version}`) : null,
        h('p', { class: 'class-counts', attrs: { role: 'status', 'data-testid': 'class-counts' } }, countsLine(s)),
        h('div', { class: 'debrief-actions no-print' },
          h('label', { class: 'file-label', attrs: { for: inputId } }, 'Add result files'),
          more,
          button('Export CSV', exportCsv, { attrs: { disabled: s.rows.length === 0 } }),
          button('Print', () => window.print()),
          button('Back to the title', () => controller.toTitle()),
        ),
      ),
      s.rows.length > 0 ? region(2, 'The class', { class: 'debrief-block' }, h('div', { class: 'table-scroll' }, classTable(s)), glossary(['margin', 'walkAway', 'durability', 'balance', 'score'])) : null,
      s.rows.length > 0 ? spread(s) : null,
      bestWorst(s),
      pointsSection(s),
      refusedSection(s),
    );
    content.replaceChildren(page);
    page.querySelector<HTMLElement>('#class-title')?.focus();
  }

  // Printing: charts dark on white, and the folded data tables and glossary open on paper.
  const query = window.matchMedia('print');
  let opened: HTMLDetailsElement[] = [];
  const onPrint = () => {
    themeCharts?.(true);
    if (opened.length > 0) return;
    opened = [...content.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const d of opened) d.open = true;
  };
  const afterPrint = () => {
    if (query.matches) return onPrint();
    themeCharts?.(false);
    for (const d of opened) d.open = false;
    opened = [];
  };
  window.addEventListener('beforeprint', onPrint);
  window.addEventListener('afterprint', afterPrint);
  query.addEventListener('change', afterPrint);

  render(controller.snapshot());
  return {
    el: h('div', { class: 'screen' }, el, dropHint),
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#class-title')?.focus(),
    destroy: () => {
      stopDrops();
      freeCharts();
      window.removeEventListener('beforeprint', onPrint);
      window.removeEventListener('afterprint', afterPrint);
      query.removeEventListener('change', afterPrint);
    },
  };
}
