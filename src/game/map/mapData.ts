/**
 * The map files, fetched outside Phaser's loader so the title's map starts downloading with the
 * page's scripts (main.ts asks for it first thing) rather than after Phaser boots. The title and
 * wide regions draw the 1:110m countries; the 1:50m file, for close-up regions, is fetched only
 * once the title is interactive. A file that fails to arrive resolves to null (the map then
 * shows sea only, as before).
 */
import countriesCoarseUrl from 'world-atlas/countries-110m.json?url';
import countriesFineUrl from 'world-atlas/countries-50m.json?url';

let coarse: Promise<unknown> | null = null;
/** The 1:110m countries once they have arrived (null: the file failed); undefined before. */
let coarseArrived: unknown = undefined;
let fine: Promise<unknown> | null = null;

function fetchJson(url: string): Promise<unknown> {
  return fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
    .catch(() => null);
}

/** The 1:110m countries (TopoJSON), fetched on first call. */
export function coarseCountries(): Promise<unknown> {
  return (coarse ??= fetchJson(countriesCoarseUrl).then((data) => (coarseArrived = data)));
}

/** The 1:110m countries if they have arrived already (null: the file failed), else undefined. */
export function coarseCountriesNow(): unknown {
  return coarseArrived;
}

/** The 1:50m countries (TopoJSON), fetched on first call. */
export function fineCountries(): Promise<unknown> {
  return (fine ??= fetchJson(countriesFineUrl));
}
