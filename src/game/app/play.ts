/**
 * The code a game needs and the title does not: the engine (with XState), the pass-and-play
 * turns, the debrief's analysis, the save's full check and the play screens. The controller loads
 * it when a game starts (`loadPlay` in controller.ts), and the page fetches it at low priority once
 * the title is interactive, so it is usually here before the player clicks Start.
 */
export { createGame, playerSeat, replay } from '../../engine/session.ts';
export { createTable, gameFor, restoreAsFarAsItGoes } from '../../engine/table.ts';
export { seatsOf } from '../../engine/seats.ts';
export { parseSave } from '../../engine/save.ts';
export { PassAndPlay } from './passAndPlay.ts';
export { buildDebrief } from '../../debrief/debrief.ts';
export { cleanName, resultOf } from '../../debrief/resultFile.ts';
export { playScreen } from '../dom/playScreen.ts';
export { endingScreen } from '../dom/endingScreen.ts';
