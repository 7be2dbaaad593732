import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { OMITTED_LABEL, titleView } from './planView.ts';

function tutorial(): Scenario {
  const file = 'scenarios/tutorial/scenario.yaml';
  const result = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

describe('titleView', () => {
  it('lists every point of the tutorial with the first start\'s option labels', () => {
    const view = titleView(tutorial());
    expect(view.title).toBe('Tutorial: the Silver River accord');
    expect(view.startTitle).toBe("The Commission's first draft");
    expect(view.points.map((p) => [p.number, p.title, p.option])).toEqual([
      [1, "Share of the river's flow", '30% to Belmar'],
      [2, 'The Aldorian dam', 'Full height'],
      [3, 'Monitoring', 'Each side measures'],
      [4, 'Compensation fund', 'No fund'],
      [5, 'Heron Island', 'Aldorian'],
    ]);
  });

  it('shows an omitted point as omitted, and numbers unnumbered points by position', () => {
    const base = tutorial();
    const start = base.starts[0];
    if (!start) throw new Error('tutorial has no start');
    const scenario: Scenario = {
      ...base,
      points: base.points.map((p, i) => (i === 3 ? { ...p, number: undefined } : p)),
      starts: [{ ...start, text: { ...start.text, monitoring: 'omit' } }],
    };
    const view = titleView(scenario);
    expect(view.points[2]).toMatchObject({ title: 'Monitoring', option: OMITTED_LABEL, omitted: true });
    expect(view.points[3]?.number).toBe(4);
    expect(view.points[0]?.omitted).toBe(false);
  });
});
