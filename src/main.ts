/**
 * The page's entry: start downloading the map the title draws (and parse it on arrival) and the
 * shipped scenarios, and opening the saved games, at once, alongside the scripts (index.html
 * preloads them); then load the application (boot.ts, with Phaser in its own chunk).
 */
import './game/style.css';
import { coarseCountries } from './game/map/mapData.ts';
import { geographyOnce } from './game/map/geography.ts';
import { shippedScenarios } from './game/app/catalogue.ts';
import { pageSaveStore } from './game/app/storage.ts';

void coarseCountries().then(geographyOnce);
void shippedScenarios();
void pageSaveStore();
await import('./boot.ts');
