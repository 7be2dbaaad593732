/**
 * The hand-over screen between the people sharing a device: it covers everything, shows only
 * whose turn it is and why, and waits until that person confirms "I am …". Focus lands on the
 * confirm button.
 */
import { button, h } from '../dom/h.ts';
import './seats.css';

export interface HandOverProps {
  /** The seat's name as people know it ("Russia", "Steve Witkoff (United States)"). */
  seatName: string;
  /** Why it is this seat's turn ("Russia has a request to answer."). */
  reason: string;
  /** The day as everyone may know it ("Day 3 of 21"). */
  day: string;
  onConfirm(): void;
}

export interface HandOver {
  el: HTMLElement;
  focus(): void;
}

export function handOver(p: HandOverProps): HandOver {
  const confirm = button(`I am ${p.seatName}`, p.onConfirm, { key: 'confirm-seat', class: 'primary big' });
  const el = h('main', { class: 'handover', attrs: { 'aria-labelledby': 'handover-heading', 'data-testid': 'handover' } },
    h('div', { class: 'handover-box' },
      h('p', { class: 'kicker' }, `Pass the device · ${p.day}`),
      h('h1', { id: 'handover-heading', class: 'title' }, `Hand over to ${p.seatName}`),
      h('p', { class: 'lede' }, p.reason),
      h('p', { class: 'hint' }, `Everything private is hidden. Only the person playing ${p.seatName} should go on.`),
      confirm,
    ),
  );
  return { el, focus: () => confirm.focus() };
}
