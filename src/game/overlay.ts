/**
 * The accessible DOM layer over the canvas. Scenario text goes in with textContent only.
 */
import { MARGIN, panelWidth } from './layout.ts';
import type { TitleView } from './planView.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Keep the panel's margin and width in step with the canvas layout. */
export function trackPanelLayout(root: HTMLElement): void {
  root.style.setProperty('--margin', `${MARGIN}px`);
  const apply = (): void => root.style.setProperty('--panel-width', `${panelWidth(window.innerWidth)}px`);
  apply();
  window.addEventListener('resize', apply);
}

export function renderTitle(root: HTMLElement, view: TitleView): void {
  const kicker = el('p', 'kicker', 'Accord');
  const heading = el('h1', 'title', view.title);
  const disclaimer = el('p', 'disclaimer', view.disclaimer);
  const planHeading = el('h2', 'plan-heading', view.startTitle || 'The plan');
  planHeading.id = 'plan-heading';
  const list = el('ol', 'plan');
  list.setAttribute('aria-labelledby', planHeading.id);
  for (const point of view.points) {
    const item = el('li', point.omitted ? 'point point-omitted' : 'point');
    item.value = point.number;
    const body = el('div', 'point-body');
    body.append(el('p', 'point-title', point.title));
    if (point.summary !== '') body.append(el('p', 'point-summary', point.summary));
    const option = el('p', 'point-option');
    option.append(el('span', 'point-option-label', 'In the text: '), el('span', 'point-option-value', point.option));
    body.append(option);
    item.append(el('span', 'point-number', String(point.number)), body);
    list.append(item);
  }
  root.replaceChildren(kicker, heading, disclaimer, planHeading, list);
}

export function renderProblems(root: HTMLElement, file: string, problems: readonly string[]): void {
  const heading = el('h1', 'title', 'The scenario could not be loaded');
  const intro = el('p', 'disclaimer', `Accord found ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}:`);
  const list = el('ul', 'problems');
  list.setAttribute('aria-label', 'Problems');
  for (const problem of problems) list.append(el('li', 'problem', problem));
  root.replaceChildren(heading, intro, list);
}
