/**
 * The debrief's charts (Chart.js): each party's satisfaction and trust over the days, with
 * events and key moves marked, and the plan's length over time. Parties are told apart by
 * colour, line dash and point shape, never colour alone; every chart also has a data table.
 */
import {
  CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Title, Tooltip,
  type ChartDataset, type PointStyle,
} from 'chart.js';
import type { Series } from '../../debrief/debrief.ts';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Title);

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

const TEXT = '#dfe6f1';
const GRID = 'rgba(184, 196, 214, 0.18)';

Chart.defaults.color = TEXT;
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const MARKER_STYLE: Record<Series['markers'][number]['kind'], { point: PointStyle; colour: string; label: string }> = {
  event: { point: 'triangle', colour: '#f4a261', label: 'news' },
  move: { point: 'circle', colour: '#b8c4d6', label: 'your moves' },
  summit: { point: 'star', colour: '#ffd166', label: 'summit' },
};

export function satisfactionChart(canvas: HTMLCanvasElement, series: Series, reduceMotion: boolean): Chart {
  const labels = series.days.map((d) => `Day ${d + 1}`);
  const datasets: ChartDataset<'line', (number | null)[]>[] = [];
  series.parties.forEach((p, i) => {
    const s = style(i);
    datasets.push({ label: `${p.name}: value of the text`, data: p.utility, spanGaps: true, borderColor: s.colour, backgroundColor: s.colour, borderDash: s.dash, pointStyle: s.point, pointRadius: 3, tension: 0.2 });
    datasets.push({ label: `${p.name}: trust`, data: p.trust, borderColor: s.colour, backgroundColor: s.colour, borderDash: [2, 2], borderWidth: 1, pointStyle: s.point, pointRadius: 2, tension: 0.2 });
  });
  // Markers sit along the top of the chart, one row per kind, on the day they happened.
  const kinds = [...new Set(series.markers.map((m) => m.kind))];
  kinds.forEach((kind, k) => {
    const st = MARKER_STYLE[kind];
    const row = 100 - k * 4;
    const data = series.days.map((d) => (series.markers.some((m) => m.kind === kind && m.day === d) ? row : null));
    datasets.push({ label: st.label, data, showLine: false, borderColor: st.colour, backgroundColor: st.colour, pointStyle: st.point, pointRadius: 6 } as ChartDataset<'line', (number | null)[]>);
  });
  return new Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: reduceMotion ? false : { duration: 400 },
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { min: 0, max: 102, title: { display: true, text: '0–100' }, grid: { color: GRID } },
        x: { grid: { color: GRID } },
      },
      plugins: {
        legend: { labels: { usePointStyle: true, boxWidth: 10 } },
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
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID } }, x: { grid: { color: GRID } } },
      plugins: { legend: { display: false } },
    },
  });
}
