/**
 * What a teacher prints for a scenario: a one-page teacher guide (what it teaches, a 45-minute
 * plan, discussion questions drawn from the scenario, a glossary), the general briefing, and a
 * role sheet per party (its public position; for role-play, its private instructions). The
 * lesson text comes from the scenario's optional `lesson`; what it leaves out is drawn from the
 * scenario itself. Role sheets reuse the party seat's own role sheet (roleSheetModel). Pure.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { OMIT } from '../../scenario/omit.ts';
import { createTable } from '../../engine/table.ts';
import type { PartySeatView } from '../../engine/seatView.ts';
import { roleSheetModel, type RoleSheetModel } from '../seats/roleSheetModel.ts';
import { paragraphs } from './briefing.ts';
import { concessionWords, GLOSSARY, type Term } from './glossary.ts';
import { listOf, plural } from './names.ts';
import { publicScenario } from './publicScenario.ts';
import { stripMarks } from './sourceMarks.ts';

export interface TeacherGuide {
  title: string;
  disclaimer: string;
  teaches: string[];
  /** The start and length that fit one lesson. */
  lessonStart: string;
  plan: { minutes: number; activity: string }[];
  minutes: number;
  questions: string[];
  glossary: { term: string; meaning: string }[];
}

/** The game's own terms every guide explains, in this order. */
export const GUIDE_TERMS: readonly Term[] = ['walkAway', 'margin', 'durability', 'balance', 'redLine', 'summit', 'deferred'];
/** At most this many questions, so the guide stays one page. */
const MAX_QUESTIONS = 6;

const DEFAULT_PLAN = (start: string) => [
  { minutes: 5, activity: 'Introduce the scenario and read the general briefing together; point out who signs and the deadline.' },
  { minutes: 5, activity: 'Students, alone or in pairs, read their role sheets and note each party’s most important points and red lines.' },
  { minutes: 22, activity: `Play ${start} to an ending, noting which points each party objected to.` },
  { minutes: 3, activity: 'Export each result file and open them together as class results.' },
  { minutes: 10, activity: 'Compare the class’s deals with the analyser’s best deals, then discuss the questions.' },
];

/** The start a class can finish in one lesson: the one with the most settled points, else the first. */
function lessonStartOf(s: Scenario): Scenario['starts'][number] {
  return [...s.starts].sort((a, b) => (b.locked?.length ?? 0) - (a.locked?.length ?? 0))[0]!;
}

/** The point the signatories weigh most while wanting different options: the heart of the dispute. */
export function contestedPoint(s: Scenario): { point: Scenario['points'][number]; parties: string[] } | null {
  const signers = s.parties.filter((p) => p.role === 'signatory');
  let best: { point: Scenario['points'][number]; parties: string[]; weight: number } | null = null;
  for (const point of s.points) {
    const caring = signers.filter((p) => (p.weights[point.id] ?? 0) > 0);
    const favourite = (p: Scenario['parties'][number]) => {
      const values = p.values[point.id] ?? {};
      return Object.entries(values).sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    if (caring.length < 2 || new Set(caring.map(favourite)).size < 2) continue;
    const weight = caring.reduce((sum, p) => sum + (p.weights[point.id] ?? 0), 0);
    if (!best || weight > best.weight) best = { point, parties: caring.map((p) => p.name), weight };
  }
  return best && { point: best.point, parties: best.parties };
}

/**
 * Questions drawn from the scenario: its most contested point, a stated red line, a party that
 * does not sign. Read aloud, so without source markers.
 */
export function drawnQuestions(s: Scenario): string[] {
  const out: string[] = [];
  const contested = contestedPoint(s);
  if (contested) {
    out.push(`“${stripMarks(contested.point.title)}” mattered to ${listOf(contested.parties)}, who wanted different things. What did your text say, and who gave ground?`);
  }
  const stated = s.parties.flatMap((p) => p.redLines.filter((l) => l.public).map((l) => ({ party: p.name, reason: l.reason })))[0];
  if (stated) out.push(`${stated.party} said in public: “${stripMarks(stated.reason)}” Did your text respect it, and what did that cost the others?`);
  const consulted = s.parties.find((p) => p.role === 'consulted');
  if (consulted) out.push(`${consulted.name} does not sign. How did its views shape your text?`);
  return out;
}

export function teacherGuide(s: Scenario): TeacherGuide {
  const lesson = s.lesson;
  const start = lessonStartOf(s);
  const startName = `the start “${start.title}” (short game)`;
  const plan = lesson?.plan ?? DEFAULT_PLAN(startName);
  const teaches = lesson?.teaches
    ? paragraphs(lesson.teaches)
    : [`How a mediator looks for one text that every party that signs prefers to no deal: learning what each values, trading points that matter little to one side for points that matter much to another, and respecting red lines. ${s.summary}`.trim()];
  return {
    title: s.title,
    disclaimer: s.disclaimer,
    teaches,
    lessonStart: `For one lesson, play ${startName}: choose it and “Short” length on the title screen, or open the class link from its briefing.`,
    plan,
    minutes: plan.reduce((sum, step) => sum + step.minutes, 0),
    questions: [...(lesson?.questions ?? []), ...drawnQuestions(s)].slice(0, MAX_QUESTIONS),
    glossary: [
      ...GUIDE_TERMS.map((t) => ({ term: GLOSSARY[t].term, meaning: GLOSSARY[t].plain })),
      ...(lesson?.glossary ?? []),
    ],
  };
}

/** A party's private instructions for role-play, beside its role sheet. */
export interface PrintedRoleSheet {
  party: string;
  name: string;
  leader: string;
  role: string;
  /** What the party says in public: its briefing and its stated red lines. */
  position: string[];
  statedRedLines: string[];
  /** Private: the points that matter most, with what the party wants on each. */
  priorities: string[];
  /** Private: how it gives ground over the talks, in plain words. */
  style: string;
  /** The full sheet: values, every red line, walk-away, the opening text scored. Null for the mediator. */
  sheet: RoleSheetModel | null;
  /** The mediator's resources, for its sheet. */
  mediator: { capital: number; envoys: string[] } | null;
}

function priorities(s: Scenario, party: Scenario['parties'][number]): string[] {
  const total = Object.values(party.weights).reduce((a, b) => a + b, 0) || 1;
  return Object.entries(party.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([pointId, w]) => {
      const point = s.points.find((p) => p.id === pointId);
      const values = Object.entries(party.values[pointId] ?? {}).sort((a, b) => b[1] - a[1]);
      const label = (id: string | undefined) => (id === OMIT ? 'the point dropped' : point?.options.find((o) => o.id === id)?.label ?? id ?? '');
      const best = values[0]?.[0];
      const worst = values.at(-1)?.[0];
      const share = Math.round((w / total) * 100);
      return `${point?.title ?? pointId} (${share}% of what you weigh): you want ${label(best)}${worst && worst !== best ? `; worst for you: ${label(worst)}` : ''}.`;
    });
}

/** One role sheet per party at a start: the mediator's first, then each party's, with its opening text scored. */
export function printedRoleSheets(s: Scenario, startId: string): PrintedRoleSheet[] {
  const pub = publicScenario(s);
  const parties = s.parties.filter((p) => p.role !== 'mediator');
  // Every party seat held by a person, so no machine answers and each view is the opening text.
  const table = createTable(s, { start: startId, seed: 1, seats: Object.fromEntries(parties.map((p) => [p.id, 'person' as const])) });
  try {
    return s.parties.map((p) => {
      const stated = p.redLines.filter((l) => l.public).map((l) => l.reason);
      const common = { party: p.id, name: p.name, leader: p.leader, position: paragraphs(p.briefing), statedRedLines: stated, priorities: priorities(s, p), style: concessionWords(p.concession) };
      if (p.role === 'mediator') {
        return {
          ...common,
          role: 'The mediator',
          sheet: null,
          mediator: { capital: s.starts.find((st) => st.id === startId)?.capital ?? s.mediator.capital, envoys: p.envoys.map((e) => `${e.name}${e.title ? `, ${e.title}` : ''}`) },
        };
      }
      const sheet = roleSheetModel(pub, table.view(p.id) as PartySeatView);
      return { ...common, role: sheet.role, sheet, mediator: null };
    });
  } finally {
    table.stop();
  }
}

/** "3 points in the text" for a start, for the printables' heading. */
export function startLine(s: Scenario, startId: string): string {
  const start = s.starts.find((st) => st.id === startId) ?? s.starts[0]!;
  const n = s.points.filter((p) => (start.text[p.id] ?? OMIT) !== OMIT).length;
  return `${start.title} · ${plural(n, 'point')} in the opening text`;
}
