/**
 * A party seat's role sheet as its player reads it: what each point and option is worth to its
 * government (exactly), its red lines and walk-away, how the text on the table scores now, and
 * what it knows of the others (their public red lines, its own consultations). Built only from
 * the seat's own view. Pure.
 */
import type { PartySeatView } from '../../engine/seatView.ts';
import type { PartyState } from '../../engine/partyMachine.ts';
import { knownValueRows, rangeText, STATE_LABELS, type ValueRow } from '../viewModel/answers.ts';
import { optionLabel, pointTitle } from '../viewModel/names.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';

export interface SheetOption {
  id: string;
  label: string;
  value: number;
  inText: boolean;
  /** This option crosses one of the seat's red lines (still in force). */
  redLine: boolean;
}

export interface SheetPoint {
  id: string;
  title: string;
  /** Weight as given, and as a share of all weights (percent). */
  weight: number;
  share: number;
  options: SheetOption[];
  /** The option in the text now ("dropped", "deferred to the leaders"). */
  current: string;
  /** What the point adds to the text's value now (0–100 scale). */
  pull: number;
  leaderPoint: boolean;
}

export interface OtherSeat {
  id: string;
  name: string;
  role: string;
  state: string;
  knownRedLines: string[];
  values: ValueRow[];
  walkAway: string;
  learned: number;
}

export interface RoleSheetModel {
  name: string;
  leader: string;
  role: string;
  briefing: string;
  walkAway: number;
  utility: number;
  margin: number;
  /** "12.5 above your walk-away" / "3 below your walk-away: you cannot sign this". */
  marginText: string;
  /** Red lines the text on the table crosses now (their reasons). */
  crossed: string[];
  points: SheetPoint[];
  redLines: { reason: string; when: string; lifted: boolean }[];
  holds: string[];
  others: OtherSeat[];
}

const ROLE = { signatory: 'Signs the text', consulted: 'Consulted; does not sign', mediator: 'The mediator' } as const;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function signed(n: number): string {
  const r = round1(n);
  return `${r > 0 ? '+' : ''}${r}`;
}

export function marginWords(margin: number, crossed: number): string {
  if (crossed > 0) return `it crosses your red line: your government cannot sign it (margin ${signed(margin)})`;
  if (margin < 0) return `${round1(-margin)} below your walk-away: your government cannot sign it`;
  return `${round1(margin)} above your walk-away`;
}

function stateText(s: PartyState): string {
  return STATE_LABELS[s];
}

export function roleSheetModel(pub: PublicScenario, view: PartySeatView): RoleSheetModel {
  const sheet = view.sheet;
  const total = Object.values(sheet.weights).reduce((a, b) => a + b, 0) || 1;
  const forbidden = new Set(sheet.redLines.filter((l) => !l.lifted).flatMap((l) => l.when.map((c) => `${c.point}=${c.option}`)));
  const pulls = new Map(view.standing.contributions.map((c) => [c.point, c.pull]));
  const points: SheetPoint[] = pub.points.map((p) => {
    const values = sheet.values[p.id] ?? {};
    const clause = view.text[p.id];
    return {
      id: p.id,
      title: p.title,
      weight: sheet.weights[p.id] ?? 0,
      share: Math.round(((sheet.weights[p.id] ?? 0) / total) * 100),
      options: Object.entries(values).map(([id, value]) => ({
        id, label: optionLabel(pub, p.id, id), value, inText: clause?.option === id && !clause.deferred, redLine: forbidden.has(`${p.id}=${id}`),
      })),
      current: !clause ? 'not in the text' : clause.deferred ? 'deferred to the leaders' : optionLabel(pub, p.id, clause.option),
      pull: round1(pulls.get(p.id) ?? 0),
      leaderPoint: sheet.leaderPoints.includes(p.id),
    };
  });
  return {
    name: sheet.name,
    leader: sheet.leader,
    role: ROLE[sheet.role],
    briefing: sheet.briefing.trim(),
    walkAway: sheet.reservation,
    utility: view.standing.utility,
    margin: view.standing.margin,
    marginText: marginWords(view.standing.margin, view.standing.redLines.length),
    crossed: view.standing.redLines.map((l) => l.reason),
    points,
    redLines: sheet.redLines.map((l) => ({
      reason: l.reason,
      when: l.when.map((c) => `“${pointTitle(pub, c.point)}”: ${optionLabel(pub, c.point, c.option)}`).join(' or '),
      lifted: l.lifted,
    })),
    holds: sheet.holds.map((id) => pointTitle(pub, id)),
    others: view.parties.map((o) => {
      const values = knownValueRows(pub, view.text, o.knowledge);
      return {
        id: o.id,
        name: o.name,
        role: ROLE[o.role],
        state: stateText(o.state),
        knownRedLines: o.knownRedLines.map((l) => l.reason),
        values,
        walkAway: rangeText(o.knowledge?.reservation),
        learned: values.filter((v) => !v.unknown).length,
      };
    }),
  };
}
