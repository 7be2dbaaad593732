declare module 'virtual:accord-catalogue' {
  import type { LoadResult } from '../../scenario/problems.ts';
  /** The shipped scenarios as prebuilt at build time (fetched in a build, inline in development and tests). */
  const deliver: () => Promise<readonly { id: string; file: string; result: LoadResult }[]>;
  export default deliver;
}
