import { UserError } from '../model/errors.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

export interface Fetched {
  url: string; // after redirects
  body: Buffer;
  contentType: string | null;
  charset: string | null;
}

export async function fetchUrl(url: string, _opts: FetchOptions): Promise<Fetched> {
  throw new UserError(`${url}: URL input is not available in this build`);
}
