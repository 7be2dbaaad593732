/**
 * The Log section and the live region: journal entries as people read them. Pure.
 */
import type { Notice } from '../../engine/negotiationMachine.ts';

export interface LogEntry {
  key: string;
  day: string;
  text: string;
  kind: string;
  /** Worth drawing the eye to: answers, news, summits, the outcome. */
  important: boolean;
}

const IMPORTANT = /^(proposal\.|party\.|news\.|summit\.|deal\.|talks\.|deadline\.)/;

export function logEntries(journal: readonly Notice[]): LogEntry[] {
  return journal
    .map((n, i) => ({ key: `log-${i}`, day: `Day ${n.day + 1}`, text: n.text, kind: n.kind, important: IMPORTANT.test(n.kind) }))
    .reverse();
}

/** What the live region says after a command: the notices it caused, the new day last. */
export function announcement(notices: readonly Notice[]): string {
  return notices.map((n) => n.text).join(' ');
}

/** The refusal to show after a summit call that the leaders declined, if any. */
export function summitRefusal(notices: readonly Notice[]): string | null {
  return notices.find((n) => n.kind === 'summit.refused')?.text ?? null;
}
