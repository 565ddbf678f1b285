import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeConformance } from './conformance.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-conformance-'));
let i = 0;
storeConformance('SQLite', {
  fresh: () => path.join(dir, `index-${i++}.db`),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
