// The page's two assets, served by the same process (nothing from a CDN): the style sheet (the report's
// own, from src/render/html-style.ts, plus the page's rules) and the client script.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { REPORT_CSS, sourceStyles } from '../render/html-style.js';
import { PAGE_CSS } from './page.js';

export interface Asset {
  body: string;
  type: string;
  /** Content hash: the URL carries it, so the asset can be cached for good. */
  hash: string;
}

// Colour classes for this many sources; a report that cites more leaves the rest uncoloured (grey).
const SOURCE_SLOTS = 64;

function asset(body: string, type: string): Asset {
  return { body, type, hash: createHash('sha256').update(body).digest('base64url').slice(0, 12) };
}

export function styleAsset(): Asset {
  return asset(`${REPORT_CSS}\n${sourceStyles(SOURCE_SLOTS)}\n${PAGE_CSS}`, 'text/css; charset=utf-8');
}

/**
 * The client script. Built (`npm run build`), it is dist/web/client/page.js beside this module; run from
 * the sources (tests, tsx), the TypeScript is transpiled once with the compiler the project builds with.
 */
export async function scriptAsset(): Promise<Asset> {
  const built = new URL('./client/page.js', import.meta.url);
  if (existsSync(built)) return asset(readFileSync(built, 'utf8'), 'text/javascript; charset=utf-8');
  const source = new URL('./client/page.ts', import.meta.url);
  if (!existsSync(source)) throw new Error(`the page's script is missing: neither ${built.pathname} nor ${source.pathname} (run npm run build)`);
  const ts = (await import('typescript')).default;
  const out = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, removeComments: false },
  });
  return asset(out.outputText, 'text/javascript; charset=utf-8');
}
