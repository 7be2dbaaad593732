/**
 * What every room of one server process shares: where tables are stored, the scenarios it can
 * run, and its timings. Set once when the server starts.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Store } from './store.ts';

export interface ServerContext {
  store: Store;
  /** A shipped scenario by id, or null. */
  scenarios(id: string): Scenario | null;
  /** Seconds a seat left empty is kept for its student before its machine plays it. */
  seatGraceSeconds: number;
  /** Seconds a dropped connection may come back with its reconnection token. */
  reconnectSeconds: number;
  /** Names this process in reports (several processes behind Redis). */
  processName: string;
  /** The analyser's work budget for the tables' debriefs (its default when not given). */
  analysisWork?: number;
}
