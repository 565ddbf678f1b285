// Shapes of agency copy that sentences and taggers do not read: a dateline ("LONDON 1996-08-30"), a row of a
// results or standings table ("Plymouth 4 Exeter 1", "Barnsley 5 3 1 1 9 6 10"), a competitor with a country
// in brackets ("Pete Sampras ( U.S. ) beat ..."), a headline in capitals that repeats names from the body
// ("SOCCER - PLYMOUTH HOLD EXETER"). Each is decided by the line's layout, after the other rules.
import { sentenceAt, type Document } from '../../model/document.js';
import type { EntityType } from '../../model/types.js';
import { DEMONYMS, FIRST_NAMES, INDUSTRY_HEADS, NOT_NAMES, ORG_HEADS, ROLE_NOUNS, lookup, norm } from './gazetteer.js';
import { lowerWords, mention, type RawMention } from './recognize.js';
import { INDIVIDUAL_SLUG, NOT_SHORT, sportsDocument } from './context.js';
import { SpanIndex } from '../../text/spans.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}';
// "LONDON 1996-08-30", "PORT ALDA, Marenvia 1996-08-29", "KESTON, Aug 31": a town in capitals, an optional
// region or country, then a date, opening a line.
const DATELINE = new RegExp(
  `^([A-Z][A-Z'.]*(?:[ -][A-Z][A-Z'.]*){0,3})(?:\\s*,\\s*(\\p{Lu}[\\p{L}.'’]*(?: \\p{Lu}[\\p{L}.'’]*){0,2}))?\\s*,?\\s+(?:\\d{4}-\\d{2}-\\d{2}|${MONTH})\\b`,
  'u',
);
// A cell of a table row that is no name: numbers, scores, ranks, brackets, dashes.
const CELL = /^(?:[\d.,:;/*+%()–-]+|-|aet|pen|pens|pts|\(|\))$/;
const DIGIT = /\d/;
// What stands between the names of a batting line: dismissals and numbers.
const BATTING = /^(?:c|b|lbw|st|run|out|not|&|retired|hurt|[\d.,()*-]+)$/;
// Lines that list players in results copy.
const PLAYER_LIST = /^(?:(?:Goal)?[Ss]corers?|Bowling|Booked|Bookings|Sent off|Sent-off|Yellow cards?|Red cards?|Man of the match|Squads?|Teams?|Line-ups?|Lineups?|Referee|Substitutes|Subs)\s*:/;
// "Wasim Akbar 3-50", "M. Atherley 80", "Verhoek 34 *": a player and his figures inside a scorecard's brackets.
const FIGURES = /^(\s*)(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})\s+\d{1,3}(?:[-–/]\d{1,3})?\s*\*?\s*$/u;
const NAME_RUN = "\\p{Lu}[\\p{L}'’.&-]*(?: \\p{Lu}[\\p{L}'’.&-]*){0,3}";
const FIXTURE = new RegExp(`^(${NAME_RUN}) (?:at|v|vs\\.?) (${NAME_RUN})\\s*\\.?$`, 'u');
// "Blake 17", "McGinlay 61 pen", "Walker 34 , 78": a scorer and the minutes.
const SCORER = /^(\s*)(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})\s+\d{1,3}(?:\s*(?:pen|og|\d{1,3}))*\s*$/u;
// Labels in results tables.
const LABELS = new Set('halftime half-time attendance result results scorers score scores total totals played points standings division group round final semifinal semifinals quarterfinal quarterfinals note pts leading referee extras'.split(' '));
const PROSE = /(?<!\p{L})(?!(?:aet|pen|pens|pts|and|del|van|von|des)(?!\p{L}))\p{Ll}{3,}/u;
const CAP_WORD = /^\p{Lu}[\p{L}\p{M}'’.&-]*$/u;
const JOINERS = new Set(['de', 'of', 'and', '&', 'la', 'van', 'von', 'del', 'do', 'da']);
// Particles inside people's names in line-ups ("Edwin van der Sar", "Ulrich van Gobbel"): up to two in a row.
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'ter', 'di', 'da', 'du', 'del', 'della', 'le', 'la', 'dos', 'das', 'do', 'el', 'al', 'bin']);

interface Run {
  start: number;
  end: number;
  words: string[];
}

/** The capitalised runs of a line (words joined by single spaces or a joiner) and the other cells. */
function cells(line: string, base: number): { runs: Run[]; rest: string[] } {
  const runs: Run[] = [];
  const rest: string[] = [];
  const toks = [...line.matchAll(/\S+/g)];
  let cur: Run | null = null;
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i][0];
    const at = base + toks[i].index!;
    if (CAP_WORD.test(w) && /\p{L}/u.test(w)) {
      if (cur) {
        cur.end = at + w.length;
        cur.words.push(w);
      } else runs.push((cur = { start: at, end: at + w.length, words: [w] }));
    } else if (cur && JOINERS.has(w) && toks[i + 1] && CAP_WORD.test(toks[i + 1][0])) {
      cur.words.push(w);
    } else if (cur && PARTICLES.has(w) && PARTICLES.has(toks[i + 1]?.[0] ?? '') && toks[i + 2] && CAP_WORD.test(toks[i + 2][0])) {
      cur.words.push(w, toks[i + 1][0]);
      i++;
    } else {
      cur = null;
      rest.push(w);
    }
  }
  return { runs, rest };
}

const isCountryOrRegion = (s: string) => {
  const e = lookup(s);
  return !!e && e.type === 'place' && /^[cr]:/.test(e.key);
};

// "Jens Aaltonen ( Finland )", "Pete Brook (U.S.)".
const BRACKETED = /(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}) ?\( ?(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?) ?\)/gu;
// A team after a competitor's country: a name, then a time, a number or "same time" / "behind".
const TEAM_AFTER = /^ ?(\p{Lu}[\p{L}'’.&-]*(?: \p{Lu}[\p{L}'’.&-]*){0,2})( (?=\d|same time|behind|at )|\s*$)/u;
const isCountry = (s: string) => isCountryOrRegion(s) || /^(?:U\.S\.|U\.K\.|USA|UK)$/.test(s);

/** A line in capitals (a headline): most of its letters are upper case. */
function capsLine(line: string): boolean {
  let up = 0;
  let low = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c.toUpperCase() !== c) {
      if (++low > 20) return false;
    } else if (c.toLowerCase() !== c) up++;
  }
  return up >= 4 && low <= up * 0.15;
}

export function wireCopy(doc: Document, ms: RawMention[]): RawMention[] {
  const text = doc.text;
  const add: RawMention[] = [];
  const put = (start: number, end: number, type: EntityType, evidence: RawMention['evidence'] = 'strong') => {
    const s = text.slice(start, end);
    const e = lookup(s);
    add.push(mention(start, end, text, type, evidence, -1, e && e.type === type ? e : undefined));
  };
  const caps: { start: number; end: number }[] = [];
  // Names a results table reads as clubs: their mentions in the report's prose are the club too.
  const clubs = new Set<string>();
  let sports: boolean | undefined;
  // Towns of the datelines ("NEW HAVEN , Connecticut 1996-08-22").
  const towns = new Set<string>();
  // Competitors with a country in brackets ("Seve Aranda ( Spain ) 67 68"): a results table of an individual
  // sport, whose rows name people, not clubs.
  let individual: boolean | undefined;
  const isIndividual = () => {
    if (individual === undefined) {
      let bracketed = 0;
      for (const line of text.split('\n')) {
        if (!line.includes('(')) continue;
        for (const m of line.matchAll(BRACKETED)) if (isCountry(m[2])) bracketed++;
        if (bracketed >= 2) break;
      }
      // "GOLF - LEADING SCORES ... ( Britain unless stated )": a golf, tennis or athletics slug says so too (not
      // motor racing or cycling, whose rows name teams beside the drivers).
      individual = bracketed >= 2 || (INDIVIDUAL_SLUG.test(text) && !/^(?:MOTOR|CYCLING|FORMULA)/m.test(text.slice(0, 200)));
    }
    return individual;
  };
  let base = 0;
  for (const line of text.split('\n')) {
    const lineStart = base;
    base += line.length + 1;
    const trimmed = line.trimStart();
    const off = lineStart + line.length - trimmed.length;
    if (!trimmed) continue;
    const d = DATELINE.exec(trimmed);
    if (d && /\p{Lu}{2}/u.test(d[1])) {
      put(off, off + d[1].length, 'place');
      towns.add(norm(d[1]));
      if (d[2]) {
        const at = off + trimmed.indexOf(d[2], d[1].length);
        put(at, at + d[2].length, 'place');
      }
      continue;
    }
    // "Barrowby 2 Culmstead 1", "Fennick Athletic 5 4 1 0 12 3 13": names and numbers only, a number in it;
    // a line may hold several such rows between commas ("136 Jack Brook 70 66 , Nobu Tanaka 69 67").
    // (A line with a lowercase word is prose, no row: checked first, as most lines are prose.)
    // "TENNIS - VERHOEK BEATS PRYCE 6-4 6-3": a slug and a dash open a headline, not a row.
    const headline = capsLine(trimmed) && /^\p{Lu}[\p{Lu} .&'’/]* [-–] \S/u.test(trimmed);
    // "Division one : Greenock Morton 2 St Mirren 1 , Falkirk 0 Airdrie 1": a label before a colon may hold
    // lowercase words; the rows after it are read (the label blanked, so that offsets stay).
    const lab = /^\p{Lu}[\p{L}\d' ]{0,30}? : (?=\S)/u.exec(trimmed);
    const rowText = lab ? ' '.repeat(lab[0].length) + trimmed.slice(lab[0].length) : trimmed;
    let table = DIGIT.test(rowText) && !PROSE.test(rowText) && !headline ? rowText : '';
    // "Bolton 2 ( Blake 17 , McGinlay 61 pen ) Sheffield United 1": scorers and their minutes in brackets are
    // people; the row is read without them. In a sports report the same holds in a line of prose: "England 326
    // and 220-5 ( M. Atherley 80 , N. Hussein 45 ; Wasim Akbar 3-50 )" names batsmen and a bowler.
    const prose = !table && !headline && trimmed.includes('(') && DIGIT.test(trimmed) && (sports ??= sportsDocument(text));
    if (prose) {
      for (const b of trimmed.matchAll(/\(([^()]*)\)/g)) {
        const items = b[1].split(/[,;]/);
        const named = items.map((x) => FIGURES.exec(x));
        if (!named.every(Boolean)) continue;
        let pos = b.index! + 1;
        items.forEach((x, k) => {
          const n = named[k]!;
          put(off + pos + n.index + n[1].length, off + pos + n.index + n[1].length + n[2].length, 'person');
          pos += x.length + 1;
        });
      }
    }
    if (table.includes('(')) {
      table = table.replace(/\(([^()]*)\)/g, (all, inner: string, at: number) => {
        const items = inner.split(/[,;]/);
        const named = items.map((x) => SCORER.exec(x) ?? FIGURES.exec(x));
        if (!named[0] || !named.every((x, k) => x || /^\s*\d{1,3}\s*$/.test(items[k]))) return all;
        let pos = at + 1;
        items.forEach((x, k) => {
          const n = named[k];
          if (n) put(off + pos + n.index + n[1].length, off + pos + n.index + n[1].length + n[2].length, 'person');
          pos += x.length + 1;
        });
        return ' '.repeat(all.length);
      });
    }
    // "Attendance : 6,200", "Halftime 1-0", "Result : Ostraven 4 Mirlow 0": a label of the table is no name.
    const label = (r: Run) => /^\s*:/.test(text.slice(r.end, r.end + 3)) || (r.words.length === 1 && LABELS.has(r.words[0].toLowerCase()));
    const parts = table
      ? [...table.matchAll(/[^,]+/g)].map((p) => {
          const c = cells(p[0], off + p.index!);
          return { runs: c.runs.filter((r) => !label(r)), rest: c.rest };
        })
      : [];
    // Each comma-separated part a row of at most two names and cells; a number in the line ("5 - Ronaldo ( Barcelona
    // ) , Davor Suker ( Real Madrid )": the rank is written once).
    const numbered = parts.some((p) => p.rest.some((c) => DIGIT.test(c)));
    // "66 Callum Ferrie , Deryck Lomas": players level on a score share the number, written once; a part after the
    // first may be a name alone.
    const row = ({ runs, rest }: ReturnType<typeof cells>, k: number) => runs.length <= 2 && (rest.length > 0 || (k > 0 && runs.length === 1 && numbered)) && rest.every((c) => CELL.test(c));
    // "Scorers : Barrowby - Verhoek 17 , Pryce 61 . Culmstead - Lund 34", "Bowling : Ambler 20-5-50-2",
    // "Booked : Verhoek ( Barrowby )": a list of players; a name before a dash or in brackets is the club.
    const players = PLAYER_LIST.exec(trimmed);
    if (players) {
      for (const r of cells(trimmed.slice(players[0].length), off + players[0].length).runs) {
        const s = text.slice(r.start, r.end);
        const club = /^\s*[-–:]/.test(text.slice(r.end, r.end + 3)) || /\(\s*$/.test(text.slice(r.start - 3, r.start));
        if (!club) put(r.start, r.end, 'person');
        else put(r.start, r.end, isCountryOrRegion(s) ? 'place' : 'organization');
      }
      continue;
    }
    // "Feyenoord - Ed de Goey ; Ulrich van Gobbel , John de Wolf": a line-up in a sports report, the side before
    // the dash (a country there is the place) and its players after it, between commas and semicolons.
    if (!headline && /^\p{Lu}[^\n]{0,40}? [-–] \p{Lu}/u.test(trimmed) && /[,;]/.test(trimmed) && !DIGIT.test(trimmed)) {
      const { runs, rest } = cells(trimmed, off);
      if (runs.length >= 3 && /^[-–]$/.test(rest[0] ?? '') && rest.slice(1).every((c) => /^[,;.]$/.test(c)) && /^\s*[-–]/.test(text.slice(runs[0].end, runs[0].end + 3)) && (sports ??= sportsDocument(text))) {
        const side = text.slice(runs[0].start, runs[0].end);
        put(runs[0].start, runs[0].end, isCountryOrRegion(side) ? 'place' : 'organization');
        if (!isCountryOrRegion(side)) clubs.add(norm(side));
        for (const r of runs.slice(1)) put(r.start, r.end, 'person');
        continue;
      }
    }
    // "Barrowby first innings": the side.
    const innings = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}) (?:first|second|1st|2nd) innings\b/u.exec(trimmed);
    if (innings) {
      put(off, off + innings[1].length, isCountryOrRegion(innings[1]) ? 'place' : 'organization');
      continue;
    }
    // "M. Ambler c Holm b Wicks 34", "R. Dahl not out 12": a batting line names people only.
    if (/ (?:c|b|lbw|st|not out|run out) /.test(trimmed) && /\d\s*$/.test(trimmed)) {
      const { runs, rest } = cells(trimmed, off);
      if (runs.length && rest.every((c) => BATTING.test(c))) {
        for (const r of runs) if (!LABELS.has(r.words[0].toLowerCase())) put(r.start, r.end, 'person');
        continue;
      }
    }
    // "San Francisco at New York", "Barrowby v Culmstead": a fixture list of a sports report names two clubs.
    const fixture = FIXTURE.exec(trimmed);
    if (fixture && (sports ??= sportsDocument(text))) {
      for (const k of [1, 2]) {
        const at = off + trimmed.indexOf(fixture[k], k === 1 ? 0 : fixture[1].length);
        if (!isCountryOrRegion(fixture[k])) {
          put(at, at + fixture[k].length, 'organization');
          clubs.add(norm(fixture[k]));
        } else put(at, at + fixture[k].length, 'place');
      }
      continue;
    }
    if (parts.length && numbered && parts.every(row)) {
      const individual = isIndividual();
      const runs = parts.flatMap((p) => p.runs);
      // "Karim Belhadj ( Nantes ) 4", "Gray ( Kilbarron ) 12": a name with a bracketed name after it is a player
      // and his club (or country), as in scorers' and competitors' tables.
      const player = new Set<Run>();
      for (let k = 0; k + 1 < runs.length; k++) {
        const a = runs[k];
        const b = runs[k + 1];
        if (!/^\s*\(\s*$/.test(text.slice(a.end, b.start)) || !/^\s*\)/.test(text.slice(b.end, b.end + 3)) || isCountryOrRegion(text.slice(a.start, a.end))) continue;
        player.add(a);
      }
      for (const r of runs) {
        const s = text.slice(r.start, r.end);
        if (player.has(r)) put(r.start, r.end, 'person');
        else if (isCountryOrRegion(s)) put(r.start, r.end, 'place');
        // "Colin Brook 69 70 71": a competitor named by a given name is a person; so is a name in two or more
        // words in the table of an individual sport.
        else if (r.words.length > 1 && ((FIRST_NAMES.has(r.words[0]) && lookup(r.words[0])?.type !== 'place') || (individual && !lookup(s) && !r.words.some((w) => ORG_HEADS.has(w))))) put(r.start, r.end, 'person');
        else if (!individual || r.words.length === 1) {
          put(r.start, r.end, 'organization');
          clubs.add(norm(s));
        }
      }
      continue;
    }
    if (capsLine(trimmed)) {
      caps.push({ start: off, end: off + trimmed.length });
      continue;
    }
  }
  // "Barrowby 2 Culmstead 1" above, "Culmstead's second goal" below: the club, unless a place preposition
  // comes first ("in Culmstead").
  if (clubs.size) {
    for (const m of ms) {
      if (m.type === 'organization' || !clubs.has(norm(m.text)) || (m.key && /^[cr]:/.test(m.key))) continue;
      if (/\b(?:in|near|outside|around|from) $/i.test(text.slice(Math.max(0, m.start - 8), m.start))) continue;
      m.type = 'organization';
      m.evidence = 'strong';
      m.key = `o:${norm(m.text)}`;
      delete m.unknown;
      delete m.name;
      delete m.speaker;
    }
  }
  // "NEW HAVEN , Connecticut 1996-08-22 ... the New Haven tournament": the dateline's town is a place in the
  // body too, never a person (a club context has typed it already and is left alone).
  if (towns.size) {
    for (const m of ms) {
      if (m.type !== 'person' || m.role || m.honorific || !towns.has(norm(m.text))) continue;
      // "BONN 1996-09-12 ... Bonn said on Thursday": a capital that speaks is its government.
      const cap = lookup(m.text)?.capitalOf;
      if (cap && m.speaker) {
        Object.assign(m, { type: 'organization', evidence: 'known', key: `g:${cap}`, country: cap });
        delete m.unknown;
        delete m.name;
        delete m.speaker;
        continue;
      }
      m.type = 'place';
      m.evidence = 'strong';
      delete m.unknown;
      delete m.name;
      delete m.speaker;
    }
  }
  // Headlines in capitals: a run that names what the body names ("BARROWBY" for "Barrowby") takes its type.
  if (caps.length) {
    const capsIndex = new SpanIndex(caps);
    const inCaps = (m: { start: number }) => capsIndex.any(m.start, m.start + 1);
    const body = bodyTypes([...ms, ...add].filter((m) => !inCaps(m)), (sports ??= sportsDocument(text)), lowerWords);
    for (const c of caps) namesInCaps(text, c.start, c.end, body, put);
    // What the rules or the tagger found in a headline in capitals is kept only when a gazetteer knows it.
    const exact = new Set(add.map((a) => `${a.start}:${a.end}`));
    ms = ms.filter((m) => !inCaps(m) || m.evidence === 'known' || exact.has(`${m.start}:${m.end}`));
  }
  // "Men 's singles", "Women 's 400 metres": the event, no one's name.
  ms = ms.filter((m) => !(/^(?:Men|Women|Boys|Girls)$/.test(m.text) && /^ ?['’]s\b/.test(text.slice(m.end, m.end + 3))));
  if (!add.length) return ms;
  for (const a of add) a.sentence = sentenceAt(doc, a.start) ?? 0;
  const added = new SpanIndex(add);
  const kept = ms.filter((m) => !added.any(m.start, m.end));
  return [...kept, ...add].sort((a, b) => a.start - b.start);
}

// Business heads among the organization heads: "Kaldor Airlines" -> "Kaldor".
const BUSINESS_HEADS = /^(?:Mining|Airlines|Airways|Motors|Energy|Petroleum|Pharmaceuticals|Technologies|Shipping|Bancorp|Insurance|Electronics|Telecom|Communications|Resources|Chemicals|Foods|Brewery|Securities|Investments|Software|Logistics|Shipyards?)$/;

// A company's legal or group suffix: "Dravo Industries", "Kessling AB", "Varrow Holdings".
const CORP_SUFFIX = /^(?:Industries|Group|Corp\.?|Corporation|Inc\.?|Incorporated|Holdings?|Co\.?|Cos\.?|Ltd\.?|Limited|AG|SA|S\.A\.|NV|N\.V\.|Oy|Oyj|AB|ASA|A\/S|plc|PLC|GmbH|SpA|Bhd|Berhad|KK|BV|LLC|International)$/;

/**
 * A company's short name: "Dravo Industries ... Dravo declined to comment" — the name without its suffix is
 * the company wherever it stands alone in the document. And "Dravo Industries of Finland" is the company and
 * the country, not one name (a suffix closes a company's name; "Bank of Finland" has none).
 */
export function firmShortNames(doc: Document, ms: RawMention[]): RawMention[] {
  const text = doc.text;
  const out: RawMention[] = [];
  for (const m of ms) {
    const of = m.type === 'organization' ? /^(.+ (\S+)) of (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)$/u.exec(m.text) : null;
    if (of && CORP_SUFFIX.test(of[2]) && lookup(of[3])?.type === 'place') {
      const firm = mention(m.start, m.start + of[1].length, text, 'organization', 'strong', m.sentence);
      const at = m.end - of[3].length;
      out.push(firm, mention(at, m.end, text, 'place', 'strong', m.sentence, lookup(of[3])));
      continue;
    }
    out.push(m);
  }
  for (const m of out) {
    // "Halvorsen Marine ASA": a name that ends in a company's suffix is a company, whoever said it.
    if (m.type !== 'organization' && m.evidence !== 'known' && / /.test(m.text) && CORP_SUFFIX.test(m.text.slice(m.text.lastIndexOf(' ') + 1)) && m.text.slice(m.text.lastIndexOf(' ') + 1) !== 'International') {
      m.type = 'organization';
      m.evidence = 'strong';
      delete m.unknown;
      delete m.speaker;
      delete m.name;
    }
  }
  const shorts = new Set<string>();
  for (const m of out) {
    if (m.type !== 'organization') continue;
    const ws = m.text.split(' ');
    let k = ws.length;
    while (k > 1 && CORP_SUFFIX.test(ws[k - 1])) k--;
    // "Glynford Mining Corp", "Halvorsen Marine": an industry word after one name word goes too ("Glynford said").
    if (k === 2 && (INDUSTRY_HEADS.has(ws[1]) || BUSINESS_HEADS.test(ws[1])) && m.evidence !== 'known' && !DEMONYMS.has(ws[0]) && !ORG_HEADS.has(ws[0]) && !NOT_NAMES.has(ws[0]) && !FIRST_NAMES.has(ws[0])) {
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(ws[0]) && !lookup(ws[0])) shorts.add(ws[0]);
    }
    if (k === ws.length || k > 2) continue;
    const short = ws.slice(0, k).join(' ');
    if (!/^\p{Lu}/u.test(short) || lookup(short) || FIRST_NAMES.has(ws[0])) continue;
    shorts.add(short);
  }
  if (!shorts.size) return out;
  const add: RawMention[] = [];
  const spans = new SpanIndex(out);
  const at = new Map(out.map((m) => [`${m.start}:${m.end}`, m]));
  for (const short of shorts) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'gu');
    for (const x of text.matchAll(re)) {
      const start = x.index!;
      const end = start + short.length;
      const same = at.get(`${start}:${end}`);
      // "a plant in Glynford": the town the company is named after stays the town.
      const before = text.slice(Math.max(0, start - 20), start);
      if (/\b(?:in|at|near|from|outside) $/.test(before) && !/\b(?:shares|stake|stakes|investment|interest) in $/.test(before) && same?.type !== 'organization') continue;
      if (same) {
        if (same.type !== 'organization' && same.evidence !== 'known') {
          same.type = 'organization';
          same.evidence = 'strong';
          delete same.unknown;
          delete same.name;
        }
        continue;
      }
      if (spans.any(start, end)) continue;
      add.push(mention(start, end, text, 'organization', 'strong', sentenceAt(doc, start) ?? 0));
    }
  }
  return add.length ? [...out, ...add].sort((a, b) => a.start - b.start) : out;
}

// Positions and jobs that open a sentence in capitals before a name: "Striker Tomas Verhoek scored", "Centre Tony
// Marsh scored two tries", "Wicketkeeper Dan Lowe took four catches".
const POSITIONS = new Set('striker midfielder defender goalkeeper keeper winger forward substitute skipper captain batsman bowler opener spinner jockey trainer rider driver veteran teenager centre center prop hooker flanker fly-half scrum-half stand-off full-back fullback left-back right-back centre-back centre-half sweeper wicketkeeper wicket-keeper all-rounder fielder pitcher catcher quarterback'.split(' '));

/**
 * "Midfielder Piet Haarland" is the person without the position (the guideline keeps titles out of names). A
 * position before a listed given name makes the rest a person whatever the tagger typed the whole run
 * ("Centre Tony Marsh" read as one organization).
 */
export function trimPositions(ms: RawMention[]): RawMention[] {
  for (const m of ms) {
    const sp = m.text.indexOf(' ');
    if (sp < 0 || m.text.indexOf(' ', sp + 1) < 0) continue; // two words left at least
    const first = m.text.slice(0, sp);
    const low = first.toLowerCase();
    if (first === low || !(POSITIONS.has(low) || ROLE_NOUNS.has(low))) continue;
    if (m.type !== 'person') {
      const given = m.text.slice(sp + 1).split(' ')[0];
      if (!POSITIONS.has(low) || !FIRST_NAMES.has(given)) continue;
      m.type = 'person';
    }
    m.role ??= first;
    m.start += sp + 1;
    m.text = m.text.slice(sp + 1);
  }
  return ms;
}

/**
 * "Jens Aaltonen ( Finland ) beat Kwame Osei ( Ghana )": a competitor and the country in brackets are a person
 * and a place. Run before the club rules, so that "Osei" alone later is that person, not a club.
 */
export function competitors(doc: Document, ms: RawMention[]): RawMention[] {
  const text = doc.text;
  if (!text.includes('(')) return ms;
  const add: RawMention[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const name = m[1];
    const country = m[2];
    if (!isCountry(country) || name.includes('\n')) continue;
    const ws = name.split(' ');
    if (lookup(name) || ws.some((w) => ORG_HEADS.has(w)) || lookup(ws[0])?.type === 'place') continue;
    const at = m.index!;
    const c = at + m[0].lastIndexOf(country);
    const sentence = sentenceAt(doc, at) ?? 0;
    add.push(mention(at, at + name.length, text, 'person', 'strong', sentence), mention(c, c + country.length, text, 'place', 'strong', sentence, lookup(country)));
    // "1. Marco Fenzi ( Italy ) Velotec 4:21:52": in a results row, the name after the country and before the
    // time is the competitor's team.
    const after = at + m[0].length;
    const team = TEAM_AFTER.exec(text.slice(after, after + 60));
    if (team && !isCountry(team[1]) && /^(?:\d+\.?\s|\d+\s*-\s)?$/.test(text.slice(text.lastIndexOf('\n', at) + 1, at))) {
      const t = after + team[0].length - team[1].length - team[2].length;
      add.push(mention(t, t + team[1].length, text, 'organization', 'strong', sentence));
    }
  }
  if (!add.length) return ms;
  const added = new SpanIndex(add);
  return [...ms.filter((m) => !added.any(m.start, m.end)), ...add].sort((a, b) => a.start - b.start);
}


/**
 * Each name's type in the body, by majority ("Barrowby" a club twice and a place once is a club); a mention
 * with evidence counts more than a guess, one without none.
 */
function bodyTypes(ms: RawMention[], sports = false, lowered?: Set<string>): Map<string, EntityType> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of ms) {
    if (m.unknown) continue;
    const v = votes.get(norm(m.text)) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + (m.evidence === 'weak' ? 1 : m.evidence === 'strong' ? 2 : 3));
    votes.set(norm(m.text), v);
  }
  const out = new Map<string, EntityType>();
  for (const [k, v] of votes) out.set(k, [...v].sort((a, b) => b[1] - a[1])[0][0]);
  // "SOCCER - VITESSE HOLD PSV" over "Vitesse Arnhem ... PSV Eindhoven": a sports headline names a club by the
  // first word of its name. Not a word that opens place names ("New", "San") or any other kind of name.
  if (sports) {
    for (const m of ms) {
      const sp = m.text.indexOf(' ');
      if (m.type !== 'organization' || sp < 0) continue;
      const first = m.text.slice(0, sp);
      const k = norm(first);
      if (out.has(k) || !/^(?:\p{Lu}\p{Ll}{2,}|\p{Lu}{2,5})$/u.test(first) || NOT_SHORT.has(first) || ORG_HEADS.has(first) || FIRST_NAMES.has(first) || DEMONYMS.has(first) || NOT_NAMES.has(first)) continue;
      if (lowered?.has(first.toLowerCase()) || /^[cs]:/.test(lookup(first)?.key ?? '')) continue;
      // "Major League Baseball": a word before a head that does not end the name qualifies the head.
      const ws = m.text.split(' ');
      if (ws.length > 2 && ORG_HEADS.has(ws[1])) continue;
      out.set(k, 'organization');
    }
  }
  // "VERHOEK BEATS PRYCE" over "Tomas Verhoek ... Aled Pryce": a surname of a person named in full.
  for (const m of ms) {
    const sp = m.text.lastIndexOf(' ');
    if (m.type !== 'person' || sp < 0) continue;
    const last = norm(m.text.slice(sp + 1));
    if (!out.has(last)) out.set(last, 'person');
  }
  return out;
}

/** The longest runs of words (up to four) of a line in capitals that name what the body names. */
function namesInCaps(text: string, start: number, end: number, body: Map<string, EntityType>, put: (s: number, e: number, type: EntityType) => void): void {
  for (const r of cells(text.slice(start, end), start).runs) {
    const ws = [...text.slice(r.start, r.end).matchAll(/\S+/g)].map((x) => ({ s: r.start + x.index!, e: r.start + x.index! + x[0].length }));
    for (let i = 0; i < ws.length; ) {
      let hit = 0;
      for (let j = Math.min(ws.length, i + 4); j > i && !hit; j--) {
        const span = text.slice(ws[i].s, ws[j - 1].e);
        // "UK PRESS DIGEST", "ARGENTINA SAYS IMF TALKS ...": a name the body does not repeat is typed as the
        // gazetteer types it written in mixed case (names that are also common words are marked weak there).
        const g = body.has(norm(span)) ? undefined : lookup(span);
        const type = body.get(norm(span)) ?? (g && !g.weak ? g.type : undefined);
        if (type) {
          put(ws[i].s, ws[j - 1].e, type);
          hit = j - i;
        }
      }
      i += hit || 1;
    }
  }
}

/**
 * A headline in capitals given as the article's title ("SOCCER - BARROWBY EDGE PAST CULMSTEAD"): its names are
 * the body's names; what else the title alone yields is kept only when a gazetteer knows it.
 */
export function capsTitle(title: string, titleMs: RawMention[], body: RawMention[]): RawMention[] {
  if (!capsLine(title)) return titleMs;
  const add: RawMention[] = [];
  namesInCaps(title, 0, title.length, bodyTypes(body, sportsDocument(title)), (s, e, type) => {
    const g = lookup(title.slice(s, e));
    add.push(mention(s, e, title, type, 'strong', 0, g && g.type === type ? g : undefined));
  });
  const added = new SpanIndex(add);
  return [...titleMs.filter((m) => m.evidence === 'known' && !added.any(m.start, m.end)), ...add].sort((a, b) => a.start - b.start);
}

// "the Brussels grand prix meeting", "the New Haven tennis tournament", "RESULTS FROM BRUSSELS GRAND PRIX": an
// event named after its town; the event is none of our types and the town inside its name no mention.
const EVENT_AFTER = /^ (?:(?:tennis|golf|athletics|squash|snooker|chess|ski|cycling|indoor|international) )?(?:grand prix|tournament|marathon|championships?|masters|classic|rally|regatta)\b/i;

// "at the Khettarama Stadium", "at The Oval", "at Hallam Park": a venue of a sports report is a place (the agency
// guideline's), named by a ground's head word.
const GROUND = /\bat (?:the )?((?:The )?(?:\p{Lu}[\p{L}'’-]+ ){0,3}(?:Stadium|Stadion|Ground|Oval|Arena|Park|Velodrome|Circuit|Racecourse|Raceway|Speedway|Dome))\b/gu;

/**
 * Drops a town named as part of a sports event's name ("the Veldhoven championships") and reads a ground after "at"
 * as a place, in sports reports only.
 */
export function eventTowns(text: string, ms: RawMention[]): RawMention[] {
  if (!sportsDocument(text)) return ms;
  const grounds: RawMention[] = [];
  for (const g of text.matchAll(GROUND)) {
    const start = g.index! + g[0].length - g[1].length;
    grounds.push(mention(start, start + g[1].length, text, 'place', 'strong', -1));
  }
  if (grounds.length) {
    const at = new SpanIndex(grounds);
    ms = [...ms.filter((m) => !at.any(m.start, m.end)), ...grounds].sort((a, b) => a.start - b.start);
  }
  return ms.filter((m) => {
    // A town the tagger took for a weak person's name ("the Marlow tennis tournament") goes too.
    if ((m.type !== 'place' && !(m.type === 'person' && m.evidence === 'weak')) || /^[csr]:/.test(m.key ?? '') || m.country) return true;
    const after = text.slice(m.end, m.end + 40);
    const caps = /^\p{Lu}[\p{Lu} .'-]+$/u.test(m.text);
    if (caps) return !/^ GRAND PRIX\b/.test(after);
    return !(EVENT_AFTER.test(after) && /\bthe $/i.test(text.slice(Math.max(0, m.start - 5), m.start)));
  });
}

