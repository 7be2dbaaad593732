/**
 * The debrief screen: outcome and score, the player's deal beside the best deals, charts of
 * satisfaction, trust and the plan's length, the best rejected offer for a failed game, and
 * the timeline stepped through again from the log. Export as JSON or print.
 */
import type { Chart } from 'chart.js';
import type { Scenario } from '../../scenario/schema.ts';
import { viewAfter, type Debrief } from '../../debrief/debrief.ts';
import { button, h, region, uid } from '../dom/h.ts';
import { summitGaveBlock } from '../dom/summitGave.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { applyChartTheme, demandChart, partyChart, planLengthChart, type ChartTheme } from './charts.ts';
import './debrief.css';

export interface DebriefActions {
  onBack(): void;
  /**
   * Absent for a result file opened from the title: there is no game here to export. Gets the
   * name (or class alias) the player gave, which goes into the file and its name.
   */
  onExport?: (name: string) => void;
  /** The name given last time, to fill the field. */
  playerName?: string;
  onPrint(): void;
  reduceMotion: boolean;
}

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

function headline(d: Debrief): string {
  const o = d.outcome;
  if (o.kind === 'deal') return `Deal signed on day ${o.day + 1}`;
  if (o.kind === 'collapse') return `The talks collapsed on day ${o.day + 1}`;
  return o.reason.includes('unfinished') ? 'Game not finished' : 'The deadline passed without a deal';
}

function table(caption: string, head: string[], rows: (string | number)[][], props: { class?: string } = {}): HTMLTableElement {
  return h('table', { class: props.class ?? 'debrief-table' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, ...head.map((c, i) => h('th', { attrs: { scope: 'col' } }, i === 0 ? c : c)))),
    h('tbody', null, ...rows.map((r) => h('tr', null, ...r.map((c, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, String(c)) : h('td', null, String(c))))))),
  );
}

function scoreSection(d: Debrief): HTMLElement {
  const rows: (string | number)[][] = [
    ['Days taken', d.score ? d.score.days : d.outcome.day + 1],
    ['Points in the text', `${d.startPoints} at the start → ${d.finalPoints}`],
  ];
  if (d.score) {
    rows.push(['Durability (the smallest margin: how close the least satisfied party is to its walk-away)', fmt(d.score.durability, 2)]);
    rows.push(['Balance (the typical margin, weighted toward the least satisfied; 0 if any party gains nothing)', fmt(d.balance, 1)]);
  }
  const reason = d.outcome.kind === 'deal' ? null : h('p', null, d.outcome.reason);
  return region(2, 'Outcome and score', { class: 'debrief-block' }, reason, table('Score', ['Measure', 'Value'], rows));
}

/** A game with seats: each seat's own score, and who played it. */
function seatsSection(d: Debrief): HTMLElement | null {
  if (!d.seating) return null;
  return region(2, 'Each seat', { class: 'debrief-block' },
    h('p', null, 'A party’s score is its own margin above its walk-away in the signed text; the mediator’s is the deal’s durability.'),
    h('div', { class: 'table-scroll' }, table('Each seat’s score', ['Seat', 'Played by', 'Score'], d.seating.scores.map((s) => [s.name, s.holder, s.text]))),
  );
}

function comparisonSection(d: Debrief): HTMLElement {
  const rows = d.points.map((p) => [`${p.number ?? ''} ${p.title}`.trim(), p.start, p.player ?? 'left to the leaders', p.durable ?? '–', p.balanced ?? '–']);
  const margins = d.parties.map((p) => [`${p.name}: margin above walk-away`, '', fmt(p.player), fmt(p.durable), fmt(p.balanced)]);
  const left = d.leftOnTable
    ? h('p', { class: 'left-on-table' },
        `Value left on the table: the most durable deal${d.best.exact ? '' : ' the analyser found'} would have given every party at least ${fmt(d.best.durability, 2)} above its walk-away (yours: ${fmt(d.score?.durability, 2)}, ${fmt(d.leftOnTable.durability, 2)} less); the most balanced a balance of ${fmt(d.best.balance, 1)}, a typical margin that size (yours: ${fmt(d.balance, 1)}).`)
    : h('p', null, d.best.feasible ? 'The analyser finds deals every required party could sign; they are shown beside your text.' : d.best.feasible === null ? 'The analyser found no text every required party could sign within its budget.' : 'The analyser finds no text every required party could sign in this scenario.');
  return region(2, 'Your text beside the best deals', { class: 'debrief-block' },
    left,
    d.best.exact ? null : h('p', { class: 'bounded' }, d.best.bounded),
    h('div', { class: 'table-scroll' }, table('Point by point, and what each party got', ['Point', 'Start', 'Your text', 'Most durable', 'Most balanced'], [...rows, ...margins])),
  );
}

function chartBlock(title: string, describe: string, draw: (c: HTMLCanvasElement) => Chart, data: HTMLTableElement, charts: Chart[]): HTMLElement {
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': describe } });
  const frame = h('div', { class: 'chart-frame' }, canvas);
  // Draw once the canvas is in the document and has a size.
  requestAnimationFrame(() => {
    if (canvas.isConnected) charts.push(draw(canvas));
  });
  return region(3, title, { class: 'debrief-chart' }, frame, h('details', null, h('summary', null, 'Show the data as a table'), data));
}

function chartsSection(d: Debrief, charts: Chart[], reduceMotion: boolean): HTMLElement {
  const s = d.series;
  const perDay = (caption: string, measure: 'utility' | 'trust', digits: number) =>
    table(caption, ['Day', ...s.parties.map((p) => p.name)], s.days.map((day, i) => [`Day ${day + 1}`, ...s.parties.map((p) => fmt(p[measure][i], digits))]));
  const markers = h('ul', { class: 'markers' }, ...s.markers.map((m) => h('li', null, `Day ${m.day + 1}: ${m.kind === 'event' ? 'news' : m.kind === 'move' ? 'your move' : 'summit'} — ${m.label}`)));
  const length = table('Points in the plan', ['Day', 'Points'], s.planLength.map((p) => [`Day ${p.day + 1}`, p.points]));
  const marked = 'News, your moves and summits are marked along the top. The same data is in the table below.';
  const demandTable = (i: number) => {
    const p = s.parties[i]!;
    const said = (day: number) => p.answers.filter((a) => a.day === day).map((a) => `${a.kind === 'accepted' ? 'yes' : 'no'} (${fmt(a.value, 1)} against ${fmt(a.demand, 1)})`).join('; ');
    return table(`${p.name}: value of the text and its demand, per day (0–100)`, ['Day', 'Value of the text', 'Demand', 'Its answers that day (value against demand)'],
      s.days.map((day, j) => [`Day ${day + 1}`, fmt(p.utility[j], 1), fmt(p.demand[j], 1), said(day) || '—']));
  };
  return region(2, 'How the talks went', { class: 'debrief-block' },
    h('p', { class: 'hint' }, 'Each party says yes when the value of the text to it reaches its demand and the text crosses none of its red lines. Its demand falls over time, at its own pace, and moves with trust, pressure and incentives.'),
    h('div', { class: 'chart-grid' },
      ...s.parties.map((p, i) => chartBlock(`${p.name}: value against demand`,
        `Line chart for ${p.name}: the value of the text on the table and the demand it would answer with, 0 to 100, by day, with its answers marked. The same data is in the table below.`,
        (c) => demandChart(c, s, i, reduceMotion), demandTable(i), charts)),
    ),
    h('div', { class: 'chart-pair' },
      chartBlock('Satisfaction: how much each party values the text', `Line chart of each party’s value of the text on the table, 0 to 100, by day. ${marked}`,
        (c) => partyChart(c, s, 'utility', reduceMotion), perDay('Value of the text on the table, per party and day (0–100)', 'utility', 1), charts),
      chartBlock('Trust in the mediator', `Line chart of each party’s trust in the mediator, 0 to 100, by day. ${marked}`,
        (c) => partyChart(c, s, 'trust', reduceMotion), perDay('Trust in the mediator, per party and day (0–100)', 'trust', 0), charts),
    ),
    h('details', { class: 'marker-list' }, h('summary', null, `Events and moves marked on the charts (${s.markers.length})`), markers),
    chartBlock('The plan’s length', `Step chart of the number of points in the plan, from ${d.startPoints} to ${d.finalPoints}.`, (c) => planLengthChart(c, s, reduceMotion), length, charts),
  );
}

function rejectedSection(d: Debrief): HTMLElement | null {
  const r = d.bestRejected;
  if (!r) return null;
  return region(2, 'The best offer that was turned down', { class: 'debrief-block' },
    h('p', null, `On day ${r.day + 1}, ${r.partyName} turned down the text that came closest to its acceptance.`),
    h('ul', null, ...r.reasons.map((x) => h('li', null, x))),
  );
}

function stepper(d: Debrief, scenario: Scenario): HTMLElement {
  const total = d.seating?.entries.length ?? d.log.length;
  const output = h('div', { class: 'step-output', attrs: { 'aria-live': 'polite' } });
  const sliderId = uid('step');
  const slider = h('input', { id: sliderId, attrs: { type: 'range', min: 0, max: total, value: total, step: 1 } });
  const show = (k: number) => {
    slider.value = String(k);
    const v = viewAfter(scenario, d, k);
    const last = k > 0 ? (d.seating ? d.seating.entries[k - 1]!.command : d.log[k - 1]!) : null;
    const notices = v.journal.filter((n) => n.kind !== 'day.ended').slice(-4);
    output.replaceChildren(
      h('p', { class: 'step-head' }, `Step ${k} of ${total}${last ? ` — ${last.type}` : ' — the opening'}: day ${v.day + 1} (${v.date}), ${v.pointsInText} points in the text, capital ${Math.floor(v.capital)}.`),
      h('ul', null, ...notices.map((n) => h('li', null, `Day ${n.day + 1}: ${n.text}`))),
    );
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  const controls = h('div', { class: 'step-controls' },
    button('First step', () => show(0)),
    button('Previous step', () => show(Math.max(0, Number(slider.value) - 1))),
    h('label', { attrs: { for: sliderId } }, 'Step'),
    slider,
    button('Next step', () => show(Math.min(total, Number(slider.value) + 1))),
    button('Last step', () => show(total)),
  );
  const timeline = h('ol', { class: 'timeline' }, ...d.timeline.filter((n) => n.kind !== 'day.ended').map((n) => h('li', null, `Day ${n.day + 1} (${n.date}): ${n.text}`)));
  show(total);
  return region(2, 'Replay the game step by step', { class: 'debrief-block no-print' }, controls, output,
    h('details', null, h('summary', null, `The whole timeline (${timeline.childElementCount} entries)`), timeline));
}

/**
 * Export asks whose result it is first: the name (or a class alias) goes into the file and its
 * name, so a teacher can tell a class's files apart.
 */
function exportForm(onExport: (name: string) => void, initial: string): HTMLElement {
  const id = uid('name');
  const input = h('input', { id, key: 'player-name', class: 'name-field', attrs: { type: 'text', value: initial, maxlength: 60, autocomplete: 'name', 'aria-describedby': `${id}-hint` } });
  const hint = h('span', { id: `${id}-hint`, class: 'hint' }, 'Goes into the result file, for your teacher.');
  const go = () => {
    const name = input.value.trim();
    if (name === '') {
      hint.textContent = 'Write your name or class alias first.';
      hint.classList.add('error');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    hint.classList.remove('error');
    hint.textContent = 'Goes into the result file, for your teacher.';
    onExport(name);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go();
    }
  });
  return h('span', { class: 'export-form' },
    h('label', { attrs: { for: id } }, 'Your name or class alias'),
    input,
    button('Export result (JSON)', go),
    hint,
  );
}

/** Render the debrief into `root`; returns a function that frees its charts. */
export function renderDebrief(root: HTMLElement, d: Debrief, scenario: Scenario, actions: DebriefActions): () => void {
  const charts: Chart[] = [];
  const page = h('article', { class: 'debrief', attrs: { 'aria-labelledby': 'debrief-title' } },
    h('header', { class: 'debrief-header' },
      h('p', { class: 'kicker' }, 'Debrief'),
      h('h1', { id: 'debrief-title', attrs: { tabindex: -1 } }, headline(d)),
      h('p', null, `${d.scenario.title} (version ${d.scenario.version}) — ${d.start.title}; seed ${d.seed}, difficulty ${d.difficulty}.`),
      h('div', { class: 'debrief-actions no-print' },
        actions.onExport ? exportForm(actions.onExport, actions.playerName ?? '') : null,
        button('Print', actions.onPrint),
        button('Back to the title', actions.onBack),
      ),
    ),
    scoreSection(d),
    seatsSection(d),
    summitGaveBlock(publicScenario(scenario), d.outcome),
    comparisonSection(d),
    rejectedSection(d),
    chartsSection(d, charts, actions.reduceMotion),
    stepper(d, scenario),
  );
  root.replaceChildren(page);
  page.querySelector<HTMLElement>('#debrief-title')?.focus();
  const stopPrint = printMode(page, charts);
  return () => {
    stopPrint();
    for (const c of charts) c.destroy();
    charts.length = 0;
  };
}

/**
 * Printing: the charts turn dark on white, and every folded part (data tables, marker list)
 * opens for the paper, then folds again afterwards.
 */
function printMode(page: HTMLElement, charts: Chart[]): () => void {
  const query = window.matchMedia('print');
  let opened: HTMLDetailsElement[] = [];
  let now = false;
  const set = (printing: boolean) => {
    if (printing === now) return;
    now = printing;
    const theme: ChartTheme = printing ? 'print' : 'screen';
    for (const c of charts) applyChartTheme(c, theme);
    if (printing) {
      opened = [...page.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
      for (const d of opened) d.open = true;
    } else {
      for (const d of opened) d.open = false;
      opened = [];
    }
  };
  const onChange = () => set(query.matches);
  const before = () => set(true);
  const after = () => set(query.matches);
  query.addEventListener('change', onChange);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    query.removeEventListener('change', onChange);
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  };
}
