/**
 * "Who would sign now": for each signatory the ratification rule names, what its last answer
 * says about the text as it stands. Only answers to the current text count as a yes or a no;
 * an answer to an earlier text is "not asked since the last change". Pure.
 */
import type { PlayerView } from '../../engine/view.ts';
import { listOf, optionLabel, pointTitle } from './names.ts';
import type { PublicScenario } from './publicScenario.ts';

export type SignStatus = 'yes' | 'no' | 'unasked' | 'stale' | 'stalled' | 'absent' | 'signed' | 'withdrawn' | 'mediator';

export interface SignRow {
  party: string;
  name: string;
  /** Whether the rule cannot do without this signature. */
  required: boolean;
  status: SignStatus;
  /** Short answer: "Yes", "No", "Not asked since the last change"… */
  label: string;
  reasons: string[];
}

const LABELS: Record<SignStatus, string> = {
  yes: 'Yes',
  no: 'No',
  unasked: 'Not asked yet',
  stale: 'Not asked since the last change',
  stalled: 'No answer: stalling',
  absent: 'Not at the table',
  signed: 'Signed',
  withdrawn: 'Withdrawn from the talks',
  mediator: 'Yes (your side)',
};

export function whoWouldSign(pub: PublicScenario, view: PlayerView): SignRow[] {
  const { rule } = view;
  const all = rule.atLeast >= rule.signatories.length;
  return rule.signatories.map((id) => {
    const party = view.parties.find((p) => p.id === id);
    const name = party?.name ?? id;
    const required = all || rule.vetoes.includes(id);
    const row = (status: SignStatus, reasons: string[] = []): SignRow => ({ party: id, name, required, status, label: LABELS[status], reasons });
    if (!party) return row('unasked');
    if (party.role === 'mediator') {
      const crossed = party.knownRedLines.filter((l) => l.when.every((c) => view.text[c.point]?.option === c.option));
      return crossed.length > 0 ? { ...row('no', crossed.map((l) => `your own red line: ${l.reason}`)), label: 'No (your side)' } : row('mediator');
    }
    if (party.state === 'signed') return row('signed');
    if (party.state === 'withdrawn') return row('withdrawn');
    if (party.state === 'walkedOut') return row('absent', [`${name} has walked out; meet it to bring it back`]);
    const answer = party.answer;
    if (!answer) return row('unasked', [`table the text with ${name} to ask`]);
    if (!answer.current) {
      const before = answer.kind === 'accepted' ? 'it accepted an earlier text' : 'it turned down an earlier text';
      return row('stale', [`${before} (day ${answer.day + 1}); table the text again`]);
    }
    switch (answer.kind) {
      case 'accepted':
        return row('yes');
      case 'stalled':
        return row('stalled', ['it is not ready to answer; meet it, or wait']);
      case 'absent':
        return row('absent');
      case 'rejected': {
        const reasons = answer.redLines.map((l) => `red line: ${l.reason}`);
        if (answer.objections.length > 0) reasons.push(`objects to ${listOf(answer.objections.map((p) => `“${pointTitle(pub, p)}”`))}`);
        if (answer.counter && answer.counter.length > 0) {
          reasons.push(`would sign with ${listOf(answer.counter.map((c) => `“${pointTitle(pub, c.point)}” → ${optionLabel(pub, c.point, c.option)}`))}`);
        } else if (answer.counter === null && answer.redLines.length === 0) {
          reasons.push('no small change would do: the text is far from what it can accept');
        }
        return row('no', reasons);
      }
    }
  });
}

/** One line for the summit: how many required signatures are known to be there. */
export function signSummary(rows: readonly SignRow[]): string {
  const yes = rows.filter((r) => r.status === 'yes' || r.status === 'mediator' || r.status === 'signed').length;
  return `${yes} of ${rows.length} would sign the text as it stands`;
}
