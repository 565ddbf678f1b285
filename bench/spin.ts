// Spin signatures without a corpus: detection recall on spun BBC articles and false positives on unaltered
// ones, from the held-out half of the BBC corpus (the collocation table and the formal-name measurements
// come from the other half, bench/lib/bbc-halves.ts).
//
//   npm run bench:spin                         # the report part of the held-out half (3 of every 4 articles)
//   npm run bench:spin -- --part tune          # the quarter the thresholds were chosen on
//   npm run bench:spin -- --part ecb           # ECB+ same-event news (478 texts, 313 outlets): also tuning only
//   npm run bench:spin -- --part amt           # FakeNewsAMT legit news and celebrity articles: also tuning only
//   npm run bench:spin -- --n 200 --seed 3
//
// Spinners (nothing shared with the detector's code or data): "wordnet" swaps a content word for a WordNet
// synonym of any sense (read by bench/reuse/spin.ts from the WordNet files); "thesaurus" uses the small
// hand-written thesaurus below, written for this benchmark only. Each content word (noun, verb, adjective,
// adverb) is swapped with probability 10%, 20% or 30% when the spinner has a replacement for it.
// An article counts as detected when the analysis reports a spin/unnatural-phrase finding at warning
// severity (and, separately, at any severity).
import { performance } from 'node:perf_hooks';
import { bbcHalf } from './lib/bbc-halves.js';
import { dataDir, readArticle } from './lib/reuse-corpus.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './lib/data.js';
import { inflect, lemmatize, matchCase, UD_TO_WN, wordnetSynonyms } from './reuse/spin.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { collocations } from '../src/analyzers/spin/collocations.js';
import { spinAnalyzer } from '../src/analyzers/spin/index.js';
import type { Article, Document } from '../src/model/document.js';
import { statSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const PART = opt('--part', 'report');
const N = Number(opt('--n', '100000'));
let seed = Number(opt('--seed', '1'));
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

// A thesaurus of everyday news words written for this benchmark: what a cheap spinner swaps.
const HAND: Record<string, string[]> = {
  big: ['sizable', 'hefty'],
  small: ['petite', 'slight'],
  new: ['novel', 'brand-new'],
  old: ['aged', 'elderly'],
  high: ['towering', 'tall'],
  low: ['shallow', 'humble'],
  fast: ['speedy', 'rapid'],
  long: ['lengthy', 'prolonged'],
  short: ['brief', 'stubby'],
  early: ['premature', 'initial'],
  late: ['belated', 'tardy'],
  main: ['principal', 'chief'],
  major: ['leading', 'prime'],
  top: ['uppermost', 'summit'],
  strong: ['sturdy', 'mighty'],
  hard: ['tough', 'arduous'],
  good: ['excellent', 'superb'],
  bad: ['terrible', 'lousy'],
  increase: ['enlarge', 'augment'],
  rise: ['ascend', 'soar'],
  fall: ['tumble', 'plunge'],
  cut: ['slash', 'trim'],
  say: ['remark', 'utter'],
  tell: ['inform', 'notify'],
  ask: ['query', 'request'],
  want: ['desire', 'crave'],
  need: ['require', 'necessitate'],
  help: ['aid', 'support'],
  show: ['display', 'exhibit'],
  start: ['commence', 'initiate'],
  end: ['terminate', 'cease'],
  buy: ['purchase', 'procure'],
  sell: ['vend', 'peddle'],
  win: ['triumph', 'succeed'],
  lose: ['misplace', 'forfeit'],
  play: ['perform', 'compete'],
  run: ['operate', 'sprint'],
  plan: ['blueprint', 'scheme'],
  government: ['regime', 'administration'],
  company: ['corporation', 'outfit'],
  firm: ['enterprise', 'concern'],
  market: ['bazaar', 'mart'],
  share: ['portion', 'stake'],
  price: ['tariff', 'charge'],
  cost: ['expense', 'outlay'],
  profit: ['gain', 'yield'],
  sale: ['auction', 'transaction'],
  job: ['occupation', 'gig'],
  worker: ['labourer', 'employee'],
  people: ['folks', 'persons'],
  man: ['gentleman', 'fellow'],
  woman: ['lady', 'female'],
  child: ['kid', 'youngster'],
  country: ['nation', 'land'],
  city: ['metropolis', 'municipality'],
  home: ['dwelling', 'residence'],
  house: ['abode', 'residence'],
  car: ['automobile', 'vehicle'],
  film: ['motion picture', 'flick'],
  music: ['melody', 'tunes'],
  song: ['tune', 'ditty'],
  game: ['match', 'fixture'],
  team: ['squad', 'side'],
  player: ['participant', 'competitor'],
  coach: ['trainer', 'mentor'],
  match: ['bout', 'contest'],
  week: ['seven days', 'sennight'],
  year: ['annum', 'twelve months'],
  month: ['moon', 'four weeks'],
  time: ['period', 'era'],
  number: ['amount', 'quantity'],
  part: ['piece', 'segment'],
  problem: ['trouble', 'snag'],
  issue: ['topic', 'subject'],
  change: ['alteration', 'shift'],
  report: ['account', 'dossier'],
  figure: ['statistic', 'digit'],
  rate: ['ratio', 'tempo'],
  growth: ['expansion', 'development'],
  election: ['ballot', 'poll'],
  party: ['celebration', 'faction'],
  minister: ['official', 'clergyman'],
  leader: ['boss', 'head'],
  chief: ['head', 'principal'],
  world: ['globe', 'planet'],
  mother: ['mum', 'parent'],
  cancer: ['malignancy', 'tumour'],
  breast: ['bosom', 'chest'],
  quickly: ['swiftly', 'hastily'],
  recently: ['lately', 'freshly'],
  currently: ['presently', 'now'],
  largely: ['mostly', 'chiefly'],
};

const KEEP = new Set('be is are was were been being have has had do does did will would can could may might must shall should not no never more most very so just only than then there here now how when where why also even still well too up out'.split(' '));

type Spinner = 'wordnet' | 'thesaurus';

function substitute(word: string, udPos: string, spinner: Spinner): string | null {
  const pos = UD_TO_WN[udPos];
  if (!pos || word.length < 3 || !/^[A-Za-z]+$/.test(word) || KEEP.has(word.toLowerCase())) return null;
  const lem = lemmatize(word, pos);
  if (!lem) return null;
  const pool = spinner === 'thesaurus' ? (HAND[lem.lemma] ?? []) : wordnetSynonyms(pos, lem.lemma);
  const subs = pool.map((s) => matchCase(inflect(s, pos, lem.form), word)).filter((s) => s.toLowerCase() !== word.toLowerCase());
  return subs.length ? subs[Math.floor(rand() * subs.length)] : null;
}

function spinText(doc: Document, rate: number, spinner: Spinner): { text: string; swaps: number } {
  let out = '';
  let last = 0;
  let swaps = 0;
  for (const t of doc.tokens) {
    if (doc.sentences[t.sentence]?.role !== 'body' || !UD_TO_WN[t.pos] || rand() >= rate) continue;
    const r = substitute(t.text, t.pos, spinner);
    if (!r) continue;
    out += doc.text.slice(last, t.start) + r;
    last = t.end;
    swaps++;
  }
  return { text: out + doc.text.slice(last), swaps };
}

function ecb(): { id: string; category: string; path: string }[] {
  const root = join(dataDir(), 'corpora/same-event');
  return readdirSync(root)
    .filter((d) => /^t\d+/.test(d))
    .sort()
    .flatMap((d) => readdirSync(join(root, d)).sort().map((f) => ({ id: `ecb/${d}/${f}`, category: d, path: join(root, d, f) })));
}

function amt(): { id: string; category: string; path: string }[] {
  const root = join(dataDir(), 'corpora/fakenewsamt');
  return ['fakeNewsDataset', 'celebrityDataset'].flatMap((d) =>
    readdirSync(join(root, d, 'legit'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ id: `amt/${d}/${f}`, category: d, path: join(root, d, 'legit', f) })),
  );
}

const analyze = (text: string, like: Article) => analyzeArticle({ ...like, text });
const spinFindings = (d: Document, rule?: string) => d.findings.filter((f) => (rule ? f.ruleId === rule : f.ruleId.startsWith('spin/')));

async function main() {
  const t0 = performance.now();
  const table = collocations();
  const loadMs = performance.now() - t0;
  const dataBytes = statSync(new URL('../data/spin/collocations.bin.gz', import.meta.url)).size;
  const held = (PART === 'ecb' ? ecb() : PART === 'amt' ? amt() : bbcHalf('held').filter((_, i) => (PART === 'tune' ? i % 4 === 0 : i % 4 !== 0))).slice(0, N);
  const orig = { warn: 0, any: 0, byRule: new Map<string, number>() };
  const rates = [0.1, 0.2, 0.3];
  const spinners: Spinner[] = ['wordnet', 'thesaurus'];
  const det = new Map<string, { warn: number; any: number; n: number; swaps: number }>();
  const times: number[] = [];
  const passTimes: number[] = [];
  const tense = { planted: 0, found: 0 };
  let counted = 0;
  for (const e of held) {
    const article = readArticle(e.path, e.id);
    const words = article.text.split(/\s+/).length;
    const s0 = performance.now();
    const d = await analyzeArticle(article);
    if (words >= 500 && words <= 700) {
      times.push(performance.now() - s0);
      const p0 = performance.now();
      await spinAnalyzer.run({ ...d, findings: [] }, { published: null, report() {} });
      passTimes.push(performance.now() - p0);
    }
    counted++;
    const warn = spinFindings(d).filter((f) => f.severity !== 'info');
    if (warn.length) orig.warn++;
    if (spinFindings(d).length) orig.any++;
    for (const f of warn) orig.byRule.set(f.ruleId, (orig.byRule.get(f.ruleId) ?? 0) + 1);
    if (args.includes('--show-fp')) for (const f of warn) console.log(`FP ${e.id}: ${f.ruleId} ${f.message}`);
    // Tense shift: "will <verb> ... next week" turned into "<verbed> ... next week", as the specimen's spinner did.
    for (const m of article.text.matchAll(/\bwill ([a-z]+)\b([^.,;:"]*?\b(?:next (?:week|month|year|season|weekend|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|later this (?:week|month|year)|in the coming (?:days|weeks|months|years)))\b/gi)) {
      const lem = lemmatize(m[1], 'verb');
      if (!lem || lem.form !== 'base' || ['be', 'have'].includes(m[1])) continue;
      const past = inflect(m[1], 'verb', 'past');
      const text = article.text.slice(0, m.index) + past + m[2] + article.text.slice(m.index + m[0].length);
      const sd = await analyze(text, article);
      tense.planted++;
      if (spinFindings(sd, 'spin/tense-shift').some((f) => f.start <= m.index + past.length && f.end > m.index)) tense.found++;
      else if (args.includes('--show-miss')) console.log(`MISS ${e.id}: ${past}${m[2]}`);
    }
    for (const sp of spinners)
      for (const r of rates) {
        const { text, swaps } = spinText(d, r, sp);
        if (!swaps) continue;
        const sd = await analyze(text, article);
        const u = spinFindings(sd, 'spin/unnatural-phrase');
        const k = `${sp} ${Math.round(r * 100)}%`;
        const m = det.get(k) ?? { warn: 0, any: 0, n: 0, swaps: 0 };
        m.n++;
        m.swaps += swaps;
        if (u.some((f) => f.severity !== 'info')) m.warn++;
        if (u.length) m.any++;
        det.set(k, m);
      }
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(`${PART === 'ecb' ? 'ECB+ same-event news' : PART === 'amt' ? 'FakeNewsAMT legit articles' : `BBC held-out half, ${PART} part`}: ${counted} unaltered articles (seed ${opt('--seed', '1')})`);
  console.log(`unaltered with a warning-level spin finding: ${orig.warn} (${pct(orig.warn, counted)}); with any spin finding: ${orig.any} (${pct(orig.any, counted)})`);
  console.log(`  warnings by rule: ${[...orig.byRule].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
  console.log('spun articles detected by spin/unnatural-phrase (warning | any severity), swaps per article:');
  for (const [k, m] of det) console.log(`  ${k.padEnd(14)} ${pct(m.warn, m.n).padStart(6)} | ${pct(m.any, m.n).padStart(6)}   n=${m.n}, ${(m.swaps / m.n).toFixed(1)} swaps`);
  console.log(`spin/tense-shift: ${tense.found} of ${tense.planted} planted shifts found ("will switch ... next week" -> "switched ... next week")`);
  console.log(`speed: spin pass alone, median ${median(passTimes).toFixed(2)} ms per article`);
  console.log(`speed: whole analysis without a corpus, median ${median(times).toFixed(1)} ms per 500-700-word article (n=${times.length})`);
  console.log(`collocation table: ${(dataBytes / 1e6).toFixed(2)} MB on disk, loaded in ${loadMs.toFixed(0)} ms (${table.words.length} words)`);
}

await main();
