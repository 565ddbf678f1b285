import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the fuzz properties only, for as long as FUZZ_SECONDS says (default one hour, shared out
// among the properties by weight), with larger hostile inputs and a seed from the clock (printed by
// fast-check on failure; replay with FUZZ_SEED=... FUZZ_PATH=...). See test/fuzz/harness.ts.
process.env.FUZZ_SECONDS ??= '3600';
process.env.FUZZ_SIZE ??= '3';
// One seed for the whole run, printed up front (fast-check prints it again with any failure).
process.env.FUZZ_SEED ??= String(Date.now() % 2 ** 31);
console.log(`npm run fuzz: FUZZ_SECONDS=${process.env.FUZZ_SECONDS} FUZZ_SIZE=${process.env.FUZZ_SIZE} FUZZ_SEED=${process.env.FUZZ_SEED}`);

export default defineConfig({
  test: {
    include: ['test/fuzz/*.test.ts'],
    // One file at a time: each has a runner process of its own, and the machine is shared.
    fileParallelism: false,
    testTimeout: 0,
    hookTimeout: 120_000,
  },
});
