/** The option id meaning a point is dropped from the plan. Its own module, so the engine and the screens use it without loading the schema (zod). */
export const OMIT = 'omit';
