/* Its own module so saves (engine/save.ts) check ids without loading the scenario schema. */
/**
 * Names every JavaScript object answers to (`constructor`, `toString`, `__proto__`…). An id is a
 * key in many lookups; one of these would find the object's own machinery instead of nothing, so
 * they are refused. The id pattern already excludes all but `constructor`.
 */
const OBJECT_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/** True for a name every JavaScript object answers to; such a name is never an id. */
export function isObjectName(s: string): boolean {
  return OBJECT_NAMES.has(s);
}
