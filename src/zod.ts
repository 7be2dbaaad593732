/**
 * Zod for the whole app, configured before any schema is built. By default zod 4 probes
 * `new Function('')` and compiles fast parsers with it; a strict Content-Security-Policy (no
 * 'unsafe-eval') reports the probe as a violation. Whether a schema may compile is fixed when
 * the schema is constructed, so every module that builds schemas imports `z` from here, and in a
 * browser (page or worker) zod runs jitless. Node keeps the compiled parsers (no CSP there).
 */
import { z } from 'zod';

if (!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) z.config({ jitless: true });

export { z };
