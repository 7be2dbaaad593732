declare module 'virtual:accord-catalogue' {
  import type { LoadResult } from '../../scenario/problems.ts';
  const entries: readonly { id: string; file: string; result: LoadResult }[];
  export default entries;
}
