/**
 * The ending: the outcome in one line, the score (design §4) as table rows, and the final text.
 * Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { PlanText } from '../../engine/text.ts';
import { readableBalance } from '../../engine/score.ts';
import { listOf, optionLabel, partyName, plural, shortDate } from './names.ts';
import type { PublicScenario } from './publicScenario.ts';

export interface EndingView {
  kind: 'deal' | 'collapse' | 'timeout';
  headline: string;
  detail: string;
  score: { label: string; value: string; note: string }[];
  /** The signed text, or the text as it stood when the talks ended. */
  textHeading: string;
  text: { number: number; title: string; option: string; deferred: boolean }[];
  dropped: string[];
}

function textRows(pub: PublicScenario, text: PlanText): Pick<EndingView, 'text' | 'dropped'> {
  const rows: EndingView['text'] = [];
  const dropped: string[] = [];
  for (const point of pub.points) {
    const clause = text[point.id];
    if (!clause || clause.option === OMIT) dropped.push(point.title);
    else rows.push({ number: point.number, title: point.title, option: optionLabel(pub, point.id, clause.option), deferred: clause.deferred });
  }
  return { text: rows, dropped };
}

function dateOfDay(view: PlayerView, day: number): string {
  const d = new Date(`${view.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (day - view.day));
  return shortDate(d.toISOString().slice(0, 10));
}

export function endingView(pub: PublicScenario, view: PlayerView): EndingView | null {
  const outcome = view.outcome;
  if (!outcome) return null;
  if (outcome.kind === 'deal') {
    const { score } = outcome;
    const signers = listOf(outcome.signers.map((id) => partyName(pub, id)));
    return {
      kind: 'deal',
      headline: 'Deal signed',
      detail: `On day ${outcome.day + 1} (${dateOfDay(view, outcome.day)}) ${signers} signed a text of ${plural(score.points, 'point')}.`,
      score: [
        { label: 'Days taken', value: String(score.days), note: `of the ${view.day + view.daysLeft + 1} days to the deadline` },
        { label: 'Points in the final text', value: String(score.points), note: `the start had ${view.startPoints}` },
        ...Object.entries(score.margins).map(([id, m]) => ({
          label: `Margin for ${partyName(pub, id)}`,
          value: m.toFixed(1),
          note: 'how far the deal is above what it would accept at worst',
        })),
        { label: 'Durability', value: score.durability.toFixed(1), note: 'the smallest margin: a deal one party barely accepts is fragile' },
        { label: 'Balance', value: readableBalance(score.margins).toFixed(1), note: 'the typical margin, weighted toward the least satisfied: high only when every side gains' },
      ],
      textHeading: 'The signed text',
      ...textRows(pub, outcome.text),
    };
  }
  return {
    kind: outcome.kind,
    headline: outcome.kind === 'collapse' ? 'The talks collapsed' : 'The deadline passed',
    detail: outcome.reason,
    score: [
      { label: 'Days of talks', value: String(outcome.day + 1), note: '' },
      { label: 'Points in the last text', value: String(view.pointsInText), note: `the start had ${view.startPoints}` },
    ],
    textHeading: 'The text on the table when the talks ended',
    ...textRows(pub, view.text),
  };
}
