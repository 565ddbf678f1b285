/**
 * The HTTP server as a library (`unspun/server`): `createApp` gives the Hono app of `unspun serve`, to run on
 * any runtime's server or to test in process with `app.request()`.
 */
export { createApp, DEFAULT_LIMITS, type AppOptions, type ServerLimits, type UnspunServer, type WebDeps } from './app.js';
export { AnalysisService, type AnalysisServiceOptions } from './analysis.js';
