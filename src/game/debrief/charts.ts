/**
 * The debrief's charts (Chart.js): each party's satisfaction (value of the text) and its trust
 * over the days, as two charts, with events and key moves marked, and the plan's length over
 * time. Parties are told apart by
 * colour, line dash and point shape, never colour alone; every chart also has a data table.
 */
import {
  CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip,
  type ChartDataset, type PointStyle,
} from 'chart.js';
import type { Series } from '../../debrief/debrief.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Title, Filler);

/** Colour-blind-safe palette (Okabe–Ito), with a dash and a point shape per series. */
const STYLES: { colour: string; dash: number[]; point: PointStyle }[] = [
  { colour: '#e69f00', dash: [], point: 'circle' },
  { colour: '#56b4e9', dash: [6, 4], point: 'rect' },
  { colour: '#009e73', dash: [2, 3], point: 'triangle' },
  { colour: '#f0e442', dash: [10, 3, 2, 3], point: 'rectRot' },
  { colour: '#cc79a7', dash: [12, 6], point: 'star' },
  { colour: '#d55e00', dash: [4, 2], point: 'crossRot' },
];
const style = (i: number) => STYLES[i % STYLES.length]!;

/** Text and grid colours on screen (light on the dark page) and on paper (dark on white). */
const THEMES = {
  screen: { text: '#dfe6f1', grid: 'rgba(184, 196, 214, 0.18)' },
  print: { text: '#1b1b1b', grid: 'rgba(0, 0, 0, 0.15)' },
} as const;
export type ChartTheme = keyof typeof THEMES;

Chart.defaults.color = THEMES.screen.text;
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Chart text follows the page's text size (the root font size, 16 px at "normal"). */
function fontSize(): number {
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round((12 * root) / 16);
}

/** Recolour a chart's text and grid for the screen or for printing. */
export function applyChartTheme(chart: Chart, theme: ChartTheme): void {
  const t = THEMES[theme];
  const o = chart.options;
  o.color = t.text;
  for (const scale of Object.values(o.scales ?? {})) {
    if (!scale) continue;
    if (scale.ticks) scale.ticks.color = t.text;
    if (scale.grid) scale.grid.color = t.grid;
    if ('title' in scale && scale.title) scale.title.color = t.text;
  }
  if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = t.text;
  chart.update('none');
}

const MARKER_STYLE: Record<Series['markers'][number]['kind'], { point: PointStyle; colour: string; label: string }> = {
  event: { point: 'triangle', colour: '#f4a261', label: 'news' },
  move: { point: 'circle', colour: '#8fa3bf', label: 'your moves' },
  summit: { point: 'star', colour: '#e0a800', label: 'summit' },
};

export type Measure = 'utility' | 'trust';

/** The y axis runs to here; values stop at 100 and the markers' rows sit above them. */
const Y_MAX = 116;
const MARKER_BAND = 112;

/**
 * One line per party over the days: how much it values the text on the table, or its trust in
 * the mediator (0–100), with news, the player's moves and summits marked along the top.
 */
export function partyChart(canvas: HTMLCanvasElement, series: Series, measure: Measure, reduceMotion: boolean): Chart {
  const labels = series.days.map((d) => `Day ${d + 1}`);
  const datasets: ChartDataset<'line', (number | null)[]>[] = series.parties.map((p, i) => {
    const s = style(i);
    return {
      label: p.name,
      data: p[measure].map((v) => (Number.isNaN(v) ? null : v)),
      spanGaps: true,
      borderColor: s.colour,
      backgroundColor: s.colour,
      borderDash: s.dash,
      borderWidth: 2,
      pointStyle: s.point,
      pointRadius: 3.5,
      cubicInterpolationMode: 'monotone',
    };
  });
  // Markers sit in a band above 100, one row per kind, on the day they happened.
  const kinds = [...new Set(series.markers.map((m) => m.kind))];
  kinds.forEach((kind, k) => {
    const st = MARKER_STYLE[kind];
    const row = MARKER_BAND - k * 4;
    const data = series.days.map((d) => (series.markers.some((m) => m.kind === kind && m.day === d) ? row : null));
    datasets.push({ label: st.label, data, showLine: false, borderColor: st.colour, backgroundColor: st.colour, pointStyle: st.point, pointRadius: 6 } as ChartDataset<'line', (number | null)[]>);
  });
  const font = { size: fontSize() };
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      font,
      scales: {
        y: {
          min: 0,
          max: Y_MAX,
          title: { display: true, text: measure === 'utility' ? 'value of the text, 0–100' : 'trust, 0–100', font },
          ticks: { font, stepSize: 20, callback: (v) => (Number(v) <= 100 ? String(v) : '') },
          grid: { color: THEMES.screen.grid },
        },
        x: { ticks: { font }, grid: { color: THEMES.screen.grid } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true, boxWidth: 10, font } },
        tooltip: {
          callbacks: {
            afterBody: (items) => {
              const day = series.days[items[0]?.dataIndex ?? -1];
              return series.markers.filter((m) => m.day === day).map((m) => `${MARKER_STYLE[m.kind].label}: ${m.label}`);
            },
          },
        },
      },
    },
  });
}

export function planLengthChart(canvas: HTMLCanvasElement, series: Series, reduceMotion: boolean): Chart {
  // One point per day: the length at the end of that day.
  const lastDay = Math.max(0, ...series.days, ...series.planLength.map((p) => p.day));
  const days = Array.from({ length: lastDay + 1 }, (_, d) => d);
  const data = days.map((d) => [...series.planLength].reverse().find((p) => p.day <= d)?.points ?? null);
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map((d) => `Day ${d + 1}`),
      datasets: [{ label: 'points in the plan', data, stepped: true, borderColor: '#56b4e9', backgroundColor: '#56b4e9', pointStyle: 'rect' }],
    },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      font: { size: fontSize() },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0, font: { size: fontSize() } }, grid: { color: THEMES.screen.grid } },
        x: { ticks: { font: { size: fontSize() } }, grid: { color: THEMES.screen.grid } },
      },
      plugins: { legend: { display: false } },
    },
  });
}

/** Colours of the gap between value and demand: value at or above demand, and below it. */
const ABOVE = 'rgba(0, 158, 115, 0.22)';
const BELOW = 'rgba(213, 94, 0, 0.22)';

/**
 * One party: the value of the text on the table against the demand it would answer with, by
 * day, the gap between them shaded (green where the text meets the demand, orange where it
 * falls short), and each answer it gave marked at the value and day it answered. The same
 * numbers decide its answers, so the chart and the answers agree.
 */
export function demandChart(canvas: HTMLCanvasElement, series: Series, partyIndex: number, reduceMotion: boolean): Chart {
  const p = series.parties[partyIndex]!;
  const s = style(partyIndex);
  const labels = series.days.map((d) => `Day ${d + 1}`);
  const nul = (v: number) => (Number.isNaN(v) ? null : v);
  const answersOf = (kind: string) => series.days.map((d) => {
    const a = [...p.answers].reverse().find((x) => x.day === d && x.kind === kind);
    return a ? a.value : null;
  });
  const font = { size: fontSize() };
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    { label: 'demand (what it needs to say yes)', data: p.demand.map(nul), borderColor: '#9aa7b8', backgroundColor: '#9aa7b8', borderDash: [5, 4], borderWidth: 1.5, pointRadius: 0, spanGaps: true, stepped: false },
    { label: 'value of the text to it', data: p.utility.map(nul), borderColor: s.colour, backgroundColor: s.colour, borderWidth: 2, pointRadius: 2, spanGaps: true, fill: { target: 0, above: ABOVE, below: BELOW } },
    { label: 'it said yes', data: answersOf('accepted'), showLine: false, pointStyle: 'circle', pointRadius: 6, borderColor: '#009e73', backgroundColor: '#009e73' },
    { label: 'it said no', data: answersOf('rejected'), showLine: false, pointStyle: 'crossRot', pointRadius: 7, borderWidth: 2, borderColor: '#d55e00', backgroundColor: '#d55e00' },
  ];
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      font,
      scales: {
        y: { min: 0, max: 100, title: { display: true, text: '0–100', font }, ticks: { font, stepSize: 20 }, grid: { color: THEMES.screen.grid } },
        x: { ticks: { font, maxRotation: 0, autoSkip: true }, grid: { color: THEMES.screen.grid } },
      },
      plugins: {
        title: { display: true, text: p.name, font: { ...font, weight: 'bold' } },
        legend: { labels: { usePointStyle: true, boxWidth: 10, font } },
      },
    },
  });
}
