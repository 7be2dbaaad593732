/**
 * The class results' charts (Chart.js, loaded only when the class results open): how many
 * games ended in each way, and each student's score beside the best the analyser finds.
 * Every chart also has its data as a table on the page.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ClassSummary } from '../../debrief/classResults.ts';
import { OUTCOME_WORDS } from '../../debrief/classResults.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type ClassChartTheme = 'screen' | 'print';
const THEMES = {
  screen: { text: '#dfe6f1', grid: 'rgba(184, 196, 214, 0.18)' },
  print: { text: '#1b1b1b', grid: 'rgba(0, 0, 0, 0.15)' },
} as const;

const OUTCOME_COLOURS: Record<keyof typeof OUTCOME_WORDS, string> = { deal: '#009e73', collapse: '#d55e00', timeout: '#e69f00', unfinished: '#8fa3bf' };

function base(reduceMotion: boolean, theme: ClassChartTheme, yTitle: string) {
  const t = THEMES[theme];
  return {
    animation: reduceMotion ? (false as const) : { duration: 300 },
    responsive: true,
    maintainAspectRatio: false,
    color: t.text,
    scales: {
      y: { beginAtZero: true, ticks: { precision: 0, color: t.text }, grid: { color: t.grid }, title: { display: true, text: yTitle, color: t.text } },
      x: { ticks: { color: t.text }, grid: { color: t.grid } },
    },
    plugins: { legend: { display: false } },
  };
}

/** Games per outcome. */
export function outcomeChart(canvas: HTMLCanvasElement, s: ClassSummary, reduceMotion: boolean, theme: ClassChartTheme = 'screen'): Chart {
  const kinds = (Object.keys(OUTCOME_WORDS) as (keyof typeof OUTCOME_WORDS)[]);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: kinds.map((k) => OUTCOME_WORDS[k]),
      datasets: [{ label: 'games', data: kinds.map((k) => s.counts[k]), backgroundColor: kinds.map((k) => OUTCOME_COLOURS[k]) }],
    },
    options: base(reduceMotion, theme, 'games'),
  });
}

/** Each student's score (0 without a deal), best first, with the best possible as the last bar. */
export function scoreChart(canvas: HTMLCanvasElement, s: ClassSummary, reduceMotion: boolean, theme: ClassChartTheme = 'screen'): Chart {
  const labels = [...s.rows.map((r) => r.name), ...(s.bestPossible.balance !== null ? ['best possible'] : [])];
  const data = [...s.rows.map((r) => r.score), ...(s.bestPossible.balance !== null ? [s.bestPossible.balance] : [])];
  const colours = [...s.rows.map((r) => OUTCOME_COLOURS[r.outcome]), '#56b4e9'];
  const options = base(reduceMotion, theme, 'score (balance of the deal)');
  return new Chart(canvas, { type: 'bar', data: { labels, datasets: [{ label: 'score', data, backgroundColor: colours }] }, options });
}

/** Recolour for paper or screen. */
export function themeClassChart(chart: Chart, theme: ClassChartTheme): void {
  const t = THEMES[theme];
  chart.options.color = t.text;
  for (const scale of Object.values(chart.options.scales ?? {})) {
    if (!scale) continue;
    if (scale.ticks) scale.ticks.color = t.text;
    if (scale.grid) scale.grid.color = t.grid;
    if ('title' in scale && scale.title) scale.title.color = t.text;
  }
  chart.update('none');
}
