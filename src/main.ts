/**
 * The page's entry: start downloading the map the title draws at once, alongside the scripts,
 * then load the application (boot.ts, with Phaser in its own chunk).
 */
import './game/style.css';
import { coarseCountries } from './game/map/mapData.ts';

void coarseCountries();
await import('./boot.ts');
