/**
 * The plan as the Plan section shows it: each point's current drafting and status, and how
 * the text has moved since the start. Built from the player's view only. Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { PlayerView } from '../../engine/view.ts';
import { listOf, optionLabel, partyName, pointTitle } from './names.ts';
import type { PublicScenario, PublicStart } from './publicScenario.ts';

export interface PointRow {
  id: string;
  number: number;
  title: string;
  summary: string;
  option: string;
  optionLabel: string;
  dropped: boolean;
  deferred: boolean;
  leadersOnly: boolean;
  omittable: boolean;
  /** Settled before the talks (a start's locked point): nothing to redraft, drop or defer. */
  settled: boolean;
  /** Option or deferral differs from the start's text. */
  changed: boolean;
  /** Names of parties whose answer to the current text accepts it. */
  agreedBy: string[];
  /** Parties whose answer to the current text disputes this point, and why. */
  disputedBy: { party: string; why: string }[];
  /** Choices for the redraft select: every option, then "drop this point" when allowed. */
  choices: { id: string; label: string }[];
  /** Status words, in order, e.g. ["deferred to the leaders", "changed since the start", "disputed by Belmar"]. */
  status: string[];
}

export const DROP_CHOICE = 'drop this point';

export function startOf(pub: PublicScenario, view: PlayerView): PublicStart {
  return pub.starts.find((s) => s.id === view.start.id) ?? pub.starts[0]!;
}

/** Which points each party disputes in its answer to the current text. */
function disputes(pub: PublicScenario, view: PlayerView): Map<string, { party: string; why: string }[]> {
  const out = new Map<string, { party: string; why: string }[]>();
  const add = (point: string, party: string, why: string) => {
    const list = out.get(point) ?? [];
    if (!list.some((d) => d.party === party && d.why === why)) list.push({ party, why });
    out.set(point, list);
  };
  for (const party of view.parties) {
    const answer = party.answer;
    if (!answer || !answer.current || answer.kind !== 'rejected') continue;
    for (const line of answer.redLines) {
      const known = party.knownRedLines.find((l) => l.id === line.id);
      for (const c of known?.when ?? []) add(c.point, party.name, `red line: ${line.reason}`);
    }
    for (const point of answer.objections) add(point, party.name, 'objects to it');
    for (const change of answer.counter ?? []) add(change.point, party.name, `asks for ${optionLabel(pub, change.point, change.option)}`);
  }
  return out;
}

export function planRows(pub: PublicScenario, view: PlayerView): PointRow[] {
  const start = startOf(pub, view);
  const disputed = disputes(pub, view);
  const agreedBy = view.parties.filter((p) => p.answer?.current && p.answer.kind === 'accepted').map((p) => p.name);
  return pub.points.map((point) => {
    const clause = view.text[point.id] ?? { option: OMIT, deferred: false };
    const dropped = clause.option === OMIT;
    const startOption = start.text[point.id] ?? OMIT;
    const changed = clause.option !== startOption || clause.deferred !== point.leadersOnly;
    const against = dropped ? [] : disputed.get(point.id) ?? [];
    const agreeing = dropped ? [] : agreedBy;
    const status: string[] = [];
    if (dropped) status.push('dropped from the text');
    if (clause.deferred) status.push(point.leadersOnly ? 'deferred to the leaders (leaders only)' : 'deferred to the leaders');
    const settled = point.options.length === 0 || (point.options.length === 1 && !point.omittable);
    if (settled) status.push('settled before the talks');
    if (changed) status.push('changed since the start');
    if (agreeing.length > 0) status.push(`agreed by ${listOf(agreeing)}`);
    if (against.length > 0) status.push(`disputed by ${listOf([...new Set(against.map((d) => d.party))])}`);
    return {
      id: point.id,
      number: point.number,
      title: point.title,
      summary: point.summary,
      option: clause.option,
      optionLabel: optionLabel(pub, point.id, clause.option),
      dropped,
      deferred: clause.deferred,
      leadersOnly: point.leadersOnly,
      omittable: point.omittable,
      settled,
      changed,
      agreedBy: agreeing,
      disputedBy: against,
      choices: [...point.options.map((o) => ({ id: o.id, label: o.label })), ...(point.omittable || dropped ? [{ id: OMIT, label: DROP_CHOICE }] : [])],
      status,
    };
  });
}

export interface PlanDiff {
  /** Points in the text: the scenario's first start, the chosen start when different, now. */
  counts: number[];
  /** e.g. "28 → 19 → 17 points". */
  summary: string;
  changed: { id: string; number: number; title: string; from: string; to: string }[];
}

function describe(pub: PublicScenario, point: string, option: string, deferred: boolean): string {
  const label = optionLabel(pub, point, option);
  return deferred ? `${label} (deferred to the leaders)` : label;
}

export function planDiff(pub: PublicScenario, view: PlayerView): PlanDiff {
  const start = startOf(pub, view);
  const first = pub.starts[0]!;
  const counts = first.id === start.id ? [start.points, view.pointsInText] : [first.points, start.points, view.pointsInText];
  const changed: PlanDiff['changed'] = [];
  for (const point of pub.points) {
    const clause = view.text[point.id] ?? { option: OMIT, deferred: false };
    const from = start.text[point.id] ?? OMIT;
    if (clause.option === from && clause.deferred === point.leadersOnly) continue;
    changed.push({
      id: point.id,
      number: point.number,
      title: pointTitle(pub, point.id),
      from: describe(pub, point.id, from, point.leadersOnly && from !== OMIT),
      to: describe(pub, point.id, clause.option, clause.deferred),
    });
  }
  return { counts, summary: `${counts.join(' → ')} points`, changed };
}

/** Name of a party for messages, from the view. */
export function nameIn(view: PlayerView, pub: PublicScenario, id: string): string {
  return view.parties.find((p) => p.id === id)?.name ?? partyName(pub, id);
}
