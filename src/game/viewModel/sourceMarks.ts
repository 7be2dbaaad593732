/**
 * Source markers in scenario text: "[15]", "[4b]", "[1][3][15]" refer to a scenario's numbered
 * sources (a source whose title starts with its numbers, as in "[15] Leaders' statement on
 * Ukraine"). Printed pages show a marker whose number is in that list as a footnote reference and
 * list the sources it names; a marker the list does not explain is taken out, and so is every
 * marker in text read aloud (a discussion question). Pure.
 */
import type { Scenario } from '../../scenario/schema.ts';

type Source = Scenario['sources'][number];

const MARKS = /[ \t]*((?:\[\d{1,3}[a-z]?\])+)/g;
const ONE = /\[(\d{1,3}[a-z]?)\]/g;
const LEADING = /^\s*((?:\[\d{1,3}[a-z]?\])+)\s*/;

/** A source of the numbered list: its numbers, and its title without them. */
export interface NumberedSource extends Source {
  refs: string[];
}

/** The scenario's sources that carry numbers, in the scenario's order (empty if none do). */
export function numberedSources(s: Pick<Scenario, 'sources'>): NumberedSource[] {
  return s.sources.flatMap((src) => {
    const m = LEADING.exec(src.title);
    return m ? [{ ...src, title: src.title.slice(m[0].length), refs: refsIn(m[1]!) }] : [];
  });
}

function refsIn(marks: string): string[] {
  return [...marks.matchAll(ONE)].map((m) => m[1]!);
}

/** The text without source markers ("the G20 leaders' wording [15])." → "the G20 leaders' wording)."). */
export function stripMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Text, and the references of a marker that the numbered list explains (in the order written). */
export type Cited = (string | { refs: string[] })[];

/** Split text at its markers: known numbers become references, unknown ones are dropped. */
export function cite(text: string, known: ReadonlySet<string>): Cited {
  const out: Cited = [];
  let at = 0;
  for (const m of text.matchAll(MARKS)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const refs = refsIn(m[1]!).filter((r) => known.has(r));
    if (refs.length > 0) out.push({ refs });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
