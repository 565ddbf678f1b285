import type { Document } from '../model/document.js';
import { SCHEMA_ID, type Report, type ReportSentence } from './report.js';
import { round } from './round.js';
import { verdict } from './verdict.js';

/** The unspun.report/1 object for an analyzed Document. */
export function buildReport(doc: Document): Report {
  const a = doc.article;
  const perSentence = doc.data.reuse?.sources ?? [];
  const sentences: ReportSentence[] = doc.sentences.map((s) => ({
    index: s.index,
    start: s.start,
    end: s.end,
    text: s.text,
    role: s.role,
    paragraph: s.paragraph,
    sources: s.role === 'body' ? (perSentence[s.index] ?? []) : [],
  }));
  const body = sentences.filter((s) => s.role === 'body');
  const reused = body.filter((s) => s.sources.length > 0);
  const counts = new Map<string, number>();
  for (const s of reused) counts.set(s.sources[0].docId, (counts.get(s.sources[0].docId) ?? 0) + 1);
  const summary: Report['summary'] = {
    sentences: body.length,
    reusedSentences: reused.length,
    originality: body.length ? round((body.length - reused.length) / body.length) : 1,
    sources: [...counts].map(([docId, n]) => ({ docId, sentences: n })).sort((x, y) => y.sentences - x.sentences || x.docId.localeCompare(y.docId)),
    spliceMap: sentences.map((s) => s.sources[0]?.docId ?? null),
  };
  const report: Omit<Report, 'verdict'> = {
    schema: SCHEMA_ID,
    article: { id: a.id, title: a.title, byline: a.byline, published: a.published, modified: a.modified ?? null, ...(doc.data.language ? { language: doc.data.language.code } : {}), url: a.url, ...(a.canonical ? { canonical: a.canonical } : {}), ...(doc.data.title?.tense ? { titleTense: doc.data.title.tense } : {}), text: doc.text },
    sentences,
    findings: doc.findings,
    entities: doc.data.entities ?? [],
    quotes: doc.data.quotes ?? [],
    timeline: doc.data.timeline ?? [],
    summary,
  };
  // The reuse analyzer fills its slot only when it ran against an index: then the corpus model applies.
  const v = verdict(report, { corpus: doc.data.reuse !== undefined });
  // The verdict leads the JSON too, before the article text it judges.
  const { schema, article, ...rest } = report;
  return { schema, verdict: v, article, ...rest };
}
