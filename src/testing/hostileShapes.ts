/**
 * Scenario files of hostile shapes at the loader's size limit (1 MB), for the limits test
 * (src/scenario/limits.test.ts) and the bench (bench/limits.ts), which times them against the
 * issue's target. Each is a file a linear checker handles quickly and a super-linear one does not.
 */
import { MAX_SCENARIO_CHARS } from '../scenario/load.ts';
import { MAX_ENTRIES } from '../scenario/prescan.ts';

/** Pad a text to about `chars` characters with a YAML comment block, keeping its shape. */
export const pad = (text: string, chars: number) => `${text}\n${'#'.repeat(Math.max(0, chars - text.length - 2))}\n`;

/** Every shape, by name, each about MAX_SCENARIO_CHARS long. */
export function hostileShapes(tutorial: string): Record<string, string> {
  const entries = MAX_ENTRIES - 300;
  const raw: Record<string, string> = {
    'many keys': `a:\n${Array.from({ length: entries }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`,
    'many list items': `a:\n${Array.from({ length: entries }, (_, i) => `  - {id: p${i}}`).join('\n')}\n`,
    'one long inline list': `a: [${'1,'.repeat(entries)}1]\n`,
    'one huge string': tutorial.replace(/^summary:.*$/m, `summary: "${'x'.repeat(MAX_SCENARIO_CHARS - tutorial.length - 100)}"`),
    'the tutorial repeated': tutorial.repeat(Math.floor(MAX_SCENARIO_CHARS / tutorial.length / 3)),
    'huge numbers': `a:\n${Array.from({ length: entries }, (_, i) => `  n${i}: 1e${300 + (i % 20)}`).join('\n')}\n`,
    'aliases': `base: &b {x: 1, y: [1, 2, 3]}\n${Array.from({ length: entries / 2 }, (_, i) => `r${i}: *b`).join('\n')}\n`,
  };
  return Object.fromEntries(Object.entries(raw).map(([shape, text]) => [shape, text.length < MAX_SCENARIO_CHARS - 10 ? pad(text, MAX_SCENARIO_CHARS - 10) : text.slice(0, MAX_SCENARIO_CHARS)]));
}

/** The 50,000-key file of the hardening issue (690 KB). */
export function fiftyThousandKeys(tutorial: string): string {
  return `${tutorial}\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`;
}
