// The request and response schemas of the HTTP API: the same zod objects validate requests and generate
// /api/openapi.json, so the document cannot drift from what the server accepts.
import { z } from '@hono/zod-openapi';

const optionalText = (what: string) => z.string().max(1000).nullable().optional().openapi({ description: what });

/** POST /api/analyze: exactly one of text, html and url. */
export const AnalyzeRequest = z
  .strictObject({
    text: z.string().min(1).optional().openapi({ description: 'the article as plain text (an optional title/byline/date header is read as the CLI does)' }),
    html: z.string().min(1).optional().openapi({ description: "a page's HTML: the main text is extracted; nothing in it is executed or fetched" }),
    url: z.url({ protocol: /^https?$/ }).regex(/^https?:\/\//, 'only http and https URLs').max(2048).optional().openapi({ description: 'a page to fetch (public addresses only; every redirect is checked)' }),
    title: optionalText('headline (overrides the one found in the input)'),
    byline: optionalText('author line (overrides the one found)'),
    published: z.string().max(40).nullable().optional().openapi({ description: 'publication date such as 2019-04-26: times in the text resolve against it', example: '2019-04-26' }),
  })
  .refine((b) => [b.text, b.html, b.url].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of "text", "html" or "url"' })
  .openapi('AnalyzeRequest');

/** One document for POST /api/index (a JSON Lines record of `unspun index`). */
export const IndexDocument = z
  .strictObject({
    id: z.union([z.string().min(1).max(1000), z.number()]).openapi({ description: 'the id reports cite as docId' }),
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    title: optionalText('headline'),
    byline: optionalText('author line'),
    published: z.string().max(40).nullable().optional(),
    url: z.string().max(2048).nullable().optional(),
  })
  .refine((d) => (d.text === undefined) !== (d.html === undefined), { message: 'give exactly one of "text" or "html"' })
  .openapi('IndexDocument');

export const IndexRequest = z
  .union([z.array(IndexDocument), z.strictObject({ documents: z.array(IndexDocument) })])
  .openapi('IndexRequest', { description: 'documents, as an array or as {"documents": [...]}; or send JSON Lines (application/x-ndjson), one document per line' });

export const IndexResult = z
  .object({
    added: z.int(),
    unchanged: z.int(),
    failed: z.int(),
    failures: z.array(z.object({ id: z.string(), reason: z.string() })).openapi({ description: 'the first 100 failures' }),
  })
  .openapi('IndexResult');

export const ErrorBody = z.object({ error: z.string().openapi({ description: 'what is wrong, in one line', example: 'give exactly one of "text", "html" or "url"' }) }).openapi('Error');

export const StoredDocument = z
  .object({ id: z.string(), title: z.string().nullable(), text: z.string().openapi({ description: 'the text that sources[].start/end offsets refer to' }) })
  .openapi('Document');

export const Health = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    tokenRequired: z.boolean().openapi({ description: 'whether POST endpoints need "Authorization: Bearer <UNSPUN_TOKEN>"' }),
  })
  .openapi('Health');

export const IdParam = z.object({ id: z.string().min(1).max(1000).openapi({ param: { name: 'id', in: 'path' } }) });

/** The report's own JSON Schema (schema/report.schema.json), served beside the API and referenced from it. */
export const REPORT_SCHEMA_PATH = '/api/schema/report.json';
export const ReportRef = { $ref: `${REPORT_SCHEMA_PATH}#/$defs/report` } as const;

/** One line for a failed validation: where, and what is wrong there. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
