// The two halves of the BBC corpus for the spin statistics: "build" (even positions in path order) is the
// only half the committed statistics are derived from; "held" (odd positions) is only measured on.
import { listBbc } from './reuse-corpus.js';

export type Half = 'build' | 'held';

export function bbcHalf(half: Half): { id: string; category: string; path: string }[] {
  return listBbc().filter((_, i) => (i % 2 === 0) === (half === 'build'));
}
