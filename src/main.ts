/**
 * The page's entry: start downloading the map the title draws and the shipped scenarios at once,
 * alongside the scripts, then load the application (boot.ts, with Phaser in its own chunk).
 */
import './game/style.css';
import { coarseCountries } from './game/map/mapData.ts';
import { shippedScenarios } from './game/app/catalogue.ts';

void coarseCountries();
void shippedScenarios();
await import('./boot.ts');
