/**
 * What the title screen shows of a scenario: plain data, no DOM, so it can be tested in Node.
 */
import { OMIT, type Scenario } from '../scenario/schema.ts';

/** Shown for a point that the start leaves out of the text. */
export const OMITTED_LABEL = 'omitted';

export interface PlanPointView {
  number: number;
  title: string;
  summary: string;
  /** Label of the option the first start puts in the text, or `OMITTED_LABEL`. */
  option: string;
  omitted: boolean;
}

export interface TitleView {
  title: string;
  disclaimer: string;
  /** Title of the scenario's first start, e.g. "The Commission's first draft". */
  startTitle: string;
  points: PlanPointView[];
}

export function titleView(scenario: Scenario): TitleView {
  const start = scenario.starts[0];
  const text: Record<string, string> = start?.text ?? {};
  return {
    title: scenario.title,
    disclaimer: scenario.disclaimer,
    startTitle: start?.title ?? '',
    points: scenario.points.map((point, index) => {
      const chosen = text[point.id];
      const option = chosen === undefined || chosen === OMIT ? undefined : point.options.find((o) => o.id === chosen);
      return {
        number: point.number ?? index + 1,
        title: point.title,
        summary: point.summary,
        option: option?.label ?? OMITTED_LABEL,
        omitted: option === undefined,
      };
    }),
  };
}
