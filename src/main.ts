import './game/style.css';
import { startGame } from './game/game.ts';
import { renderProblems, renderTitle, trackPanelLayout } from './game/overlay.ts';
import { titleView } from './game/planView.ts';
import { rendererFromQuery } from './game/renderer.ts';
import type { TitleContent } from './game/scenes/Title.ts';
import { TUTORIAL_FILE, loadTutorial } from './game/tutorial.ts';
import { formatProblem } from './scenario/load.ts';

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node;
}

const overlay = byId('overlay');
trackPanelLayout(overlay);

const loaded = loadTutorial();
let content: TitleContent;
if (loaded.ok) {
  const view = titleView(loaded.scenario);
  renderTitle(overlay, view);
  document.title = `${view.title} · Accord`;
  content = { kicker: view.startTitle, title: view.title, clauses: view.points.map((p) => p.number) };
} else {
  renderProblems(overlay, TUTORIAL_FILE, loaded.problems.map(formatProblem));
  content = { kicker: 'Accord', title: 'The scenario could not be loaded', clauses: [] };
}

startGame(byId('stage'), rendererFromQuery(window.location.search), content);
