/**
 * The studio's checker, off the main thread: each message is a text to check; the answer
 * comes back in parts (the exact check first, then bot rates as they finish). The page
 * replaces the worker when the text changes while it is busy.
 */
import { botRates, checkText } from './check.ts';

export interface CheckRequest {
  id: number;
  text: string;
  file: string;
  games: number;
  /** The analyser's work budget (its default when not given; see game/analysisWork.ts). */
  work?: number;
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, text, file, games, work } = event.data;
  const result = checkText(text, file, () => performance.now(), work);
  self.postMessage({ id, kind: 'check', result });
  if (result.ok && games > 0) botRates(text, file, games, (rate) => self.postMessage({ id, kind: 'rate', rate }));
  self.postMessage({ id, kind: 'done' });
};
