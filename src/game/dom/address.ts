/**
 * The address bar: once a game is in play, the game-link parameters are removed so that a
 * reload resumes the game instead of opening its briefing again. Other parameters (such as
 * `renderer`) stay.
 */
const GAME_LINK_PARAMS = ['scenario', 'start', 'seed', 'difficulty', 'length'];

/** The query string without the game-link parameters. Pure. */
export function withoutGameLink(search: string): string {
  const q = new URLSearchParams(search);
  for (const k of GAME_LINK_PARAMS) q.delete(k);
  const rest = q.toString();
  return rest === '' ? '' : `?${rest}`;
}

export function dropGameLinkFromAddress(): void {
  const next = withoutGameLink(window.location.search);
  if (next === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${next}${window.location.hash}`);
}
