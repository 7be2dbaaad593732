/** Entry point of the compiled command line (dist-cli/accord.mjs): run the program on this process's arguments. */
import { main } from './main.ts';

await main(process.argv);
