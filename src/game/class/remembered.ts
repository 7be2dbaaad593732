/**
 * What this browser remembers of a live class, read without the class client: the page asks it
 * before the title to decide whether to open on a class (and only then downloads liveClass.ts).
 */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A student's seat (this tab's sessionStorage). */
export const STUDENT_KEY = 'accord.class.student';
/** The teacher's class and secret (localStorage, so the console can be reopened). */
export const TEACHER_KEY = 'accord.class.teacher';
/** The class this tab is teaching (sessionStorage): a reload reopens its console. */
export const ACTIVE_KEY = 'accord.class.active';

/** A remembered value, or null when absent, unreadable or storage is off. */
export function readStored<T>(store: KeyValue | undefined, key: string): T | null {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The code of the class this browser is teaching, if any (the title offers to continue it). */
export function rememberedClassCode(store: KeyValue | undefined): string | null {
  const code = readStored<{ code?: unknown }>(store, TEACHER_KEY)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Whether the page opens on a live class (LiveClass.restore says which screen): a student's seat
 * in this tab, a join link, or the console of the class this tab was teaching.
 */
export function opensOnClass(search: string, store: KeyValue | undefined, session: KeyValue | undefined): boolean {
  if (readStored(session, STUDENT_KEY)) return true;
  if (new URLSearchParams(search).has('join')) return true;
  const teacher = readStored<{ classId?: unknown }>(store, TEACHER_KEY);
  if (!teacher) return false;
  try {
    return session?.getItem(ACTIVE_KEY) === teacher.classId;
  } catch {
    return false;
  }
}

/** The class server this page was served by (the same origin). */
export function serverBase(location: Location): string {
  return `${location.protocol}//${location.host}`;
}
