#!/usr/bin/env node
// The `accord` command: runs src/cli/main.ts through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
await main(process.argv);
