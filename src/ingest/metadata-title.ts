// The headline, chosen among what the page offers (visible <h1>s, JSON-LD headline, og:/twitter: titles,
// <title>) by how many of them agree and whether a reader sees it — not by a fixed order of sources.
import { normalizeSpace } from './extract.js';

export type TitleSource = 'h1' | 'h2' | 'ld' | 'og' | 'twitter' | 'title' | 'itemprop' | 'cms';

export interface TitleCandidate {
  text: string;
  source: TitleSource;
  /** A visible <h1> that sits in a logo, a masthead or a link to the front page. */
  chrome?: boolean;
  /** A label set apart at the head of the <h1> and left out of `text` ("Immobilienkrise" in a roofline span). */
  kicker?: string;
  /** The <h1>'s whole text, kicker included. */
  whole?: string;
  /** How many <h1>s with text (this one included) share its class and its parent's class. */
  peers?: number;
  /** The <h1>'s text before a subtitle set apart at its end (a "dek" span), which counts if another source states it. */
  dek?: string;
}

/** How much a source's say weighs. The visible headline is what a reader takes for the title. */
// An <h2> (read only on a page whose one <h1> is its logo) votes, but never proposes a headline of its own.
const WEIGHT: Record<TitleSource, number> = { h1: 1.1, ld: 1, og: 1, itemprop: 0.9, cms: 0.9, title: 0.8, h2: 0.6, twitter: 0.5 };
const COPY_WEIGHT = 0.05;

// Separators between a headline and a site or section label. ": " only ever proposes a cut that another
// source confirms ("How To Pack for a Weekend: The GQ Eye: GQ" beside an <h1> without the labels).
const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' › ', ' « ', ' / ', ' • ', ' ~ '];
// CJK titles join their labels without spaces: "…城！-新华网", "…：日本経済新聞", "…｜…", "这个约会软件_智能".
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const SEP_RE = new RegExp(
  `\\s+(?:\\||-|–|—|::|·|»|›|«|/|•|~)\\s+|:\\s+|\\s*[｜：]\\s*|(?<=[^\\s\\x00-\\x7f])_(?=[^\\s\\x00-\\x7f])|(?<=[${CJK}！？」』）])[-|](?=[${CJK}])`,
  'gu',
);

const SEP_ONE = new RegExp(SEP_RE.source, 'u');
const SEP_END = new RegExp(`(?:${SEP_RE.source})$`, 'u');

export const titleKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// Words, or for a script written without spaces ("这个约会软件_智能_好奇心日报") about one per three characters.
const words = (s: string) => {
  const n = s.split(/\s+/).filter(Boolean).length;
  const wide = s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu)?.length ?? 0;
  return Math.max(n, Math.round(wide / 3));
};

/** The letters of a name, for comparing "The New Republic" with newrepublic.com. */
// "Die Furche" on furche.at; "Le Monde" on lemonde.fr keeps its article too (both are compared with the host).
const squash = (s: string, article = true) => s.toLowerCase().replace(article ? /^(?:the|die|der|das|le|la|les|el|il|lo)\s+/u : /^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A site's own name: og:site_name, the host's name ("The Political Insider" on thepoliticalinsider.com), the host
 * itself ("petri-heil.ch", "Vegolosi.it"), or another name the page gives itself (`others`: a logo <h1>).
 */
export function isSiteLabel(text: string, siteName: string | null, host: string | null, others: readonly string[] = []): boolean {
  const k = squash(text);
  if (!k) return true;
  const tld = host ? host.toLowerCase().split('.').slice(-1)[0] : '';
  for (const name of siteName ? [siteName, ...others] : others) {
    const n = squash(name);
    if (n && (k === n || n.startsWith(k) || (tld && k === n + tld))) return true;
  }
  // Each part of a logo that is a chain itself ("Section - Site").
  for (const name of others) if (SEP_ONE.test(name) && name.split(SEP_RE).some((p) => squash(p) === k)) return true;
  if (host) {
    if (k === host.toLowerCase().replace(/^www\./, '').replace(/[^a-z0-9]/g, '')) return true;
    const parts = host.toLowerCase().replace(/^www\./, '').split('.');
    const label = parts.length > 2 && /^(co|com|org|net|ne|ac|or)$/.test(parts[parts.length - 2]) ? parts[parts.length - 3] : parts[parts.length - 2];
    if (label && label.length >= 3) {
      const l = label.replace(/[^a-z0-9]/g, '').replace(/^the(?=[a-z]{4})/, '');
      // "lifehackerlifehacker" (a logo's text and its alt), "NOLA.com", "TheDailyBeast".
      for (const kk of [k, squash(text, false)]) if (kk === l || kk === l + 'com' || (words(text) <= 3 && kk.replace(new RegExp(l, 'g'), '') === '')) return true;
    }
  }
  return false;
}

const DATE_LABEL = /^(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/** A form a source's text can stand for; `colon`: cut at its own ": " ("Seat Mo 125" from "Seat Mo 125: Der Test"). */
interface Form {
  text: string;
  cut: number;
  labelled?: boolean;
  colon?: boolean;
  /** What a cut at the end dropped ("was lohnt sich?" of "Auto leasen oder kaufen – was lohnt sich?"). */
  tail?: string;
}

/**
 * " / " before a word or two that end the sentence or go on in lower case is an alternative wording, not a label
 * ("Can fish feel pain / suffer?", "Preise steigen / sinken"): no cut there.
 */
function alternative(t: string, m: RegExpExecArray): boolean {
  if (m[0].trim() !== '/') return false;
  const rest = t.slice(m.index + m[0].length);
  const next = rest.split(SEP_RE)[0].trim();
  return words(next) <= 2 && next === rest.trim() && (/[?!.]$/.test(next) || /^\p{Ll}/u.test(next));
}

/**
 * The forms a source's text can stand for: itself, and the cuts at its separators that leave a label of a few
 * words at either end ("Opinion | X", "X | Section | Site", "Site.com - X"). Dropping the site's own name is no
 * cut at all ("Lockdown: churches stay open › evang.at"), and the form that keeps it is `labelled`.
 */
function forms(text: string, siteName: string | null = null, host: string | null = null, others: readonly string[] = [], siteOnly = false): Form[] {
  const t = normalizeSpace(text);
  const out: Form[] = [{ text: t, cut: 0 }];
  const seps: { i: number; len: number; colon: boolean }[] = [];
  SEP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEP_RE.exec(t)) && seps.length < 8) if (!alternative(t, m)) seps.push({ i: m.index, len: m[0].length, colon: /^\s*[:：]/.test(m[0]) });
  if (seps.length === 0) return out;
  // The words a cut drops, less a site name among them (at the very start or end).
  const first = t.slice(0, seps[0].i).trim();
  const last = t.slice(seps[seps.length - 1].i + seps[seps.length - 1].len).trim();
  // A date in front is a label too ("23.01.2022 - Dorothea Wierer darf noch jubeln" in <h1>, og:title and <title>).
  const siteFirst = (words(first) <= 6 && isSiteLabel(first, siteName, host, others)) || DATE_LABEL.test(first);
  const siteLast = words(last) <= 6 && isSiteLabel(last, siteName, host, others);
  if (siteFirst || siteLast) out[0].labelled = true;
  // A visible <h1> is cut where it names the site ("Headline | Site" in the <h1> itself), or at a separator
  // that another source confirms, never at its own ": " ("Buggy Python Code: The 10 Most Common Mistakes").
  if (siteOnly) {
    const a = siteFirst ? seps[0] : null;
    const b = siteLast ? seps[seps.length - 1] : null;
    const rest = t.slice(a ? a.i + a.len : 0, b ? b.i : t.length).trim();
    if ((a || b) && rest && (!a || !b || a !== b)) out.push({ text: rest, cut: 0 });
    for (const s of seps) {
      if (s.colon || t[s.i] === '_') continue;
      const head = t.slice(0, s.i).trim();
      const tail = t.slice(s.i + s.len).trim();
      if (words(head) >= 3 && words(tail) <= 4) out.push({ text: head, cut: words(tail), colon: true, tail });
      if (words(tail) >= 3 && words(head) <= 4) out.push({ text: tail, cut: words(head), colon: true });
    }
    return out;
  }
  const dropped = (s: string, atStart: boolean) => words(s) - ((atStart ? siteFirst && s.startsWith(first) : siteLast && s.endsWith(last)) ? words(atStart ? first : last) : 0);
  for (const s of seps) {
    const head = t.slice(0, s.i).trim();
    const tail = t.slice(s.i + s.len).trim();
    // One word is enough where what goes is the site's name ("Batteriespeicher - daheim Solar").
    const colon = s.colon;
    if (words(head) >= 2 || (siteLast && s === seps[seps.length - 1] && words(head) >= 1)) out.push({ text: head, cut: dropped(tail, false), colon, tail });
    if ((words(tail) >= 2 || (siteFirst && s === seps[0] && words(tail) >= 1)) && words(head) <= 4) out.push({ text: tail, cut: dropped(head, true) });
  }
  // The site's name inside a chain, its slogan after it ("X : Krimi-Archiv | Ermittlungen seit 2005 | Band 6"):
  // what comes before the name is the headline, what follows it is the site's.
  for (let k = 1; k < seps.length; k++) {
    const seg = t.slice(seps[k - 1].i + seps[k - 1].len, seps[k].i).trim();
    const head = t.slice(0, seps[k - 1].i).trim();
    if (words(seg) <= 6 && words(head) >= 2 && isSiteLabel(seg, siteName, host, others)) {
      out.push({ text: head, cut: 0 });
      out[0].labelled = true;
      break;
    }
  }
  // Both ends labelled: "Opinion | X | Site".
  if (seps.length >= 2) {
    const a = seps[0];
    const b = seps[seps.length - 1];
    const mid = t.slice(a.i + a.len, b.i).trim();
    if (words(mid) >= 2 && words(t.slice(0, a.i)) <= 4) out.push({ text: mid, cut: dropped(t.slice(0, a.i), true) + dropped(t.slice(b.i + b.len), false) });
  }
  return out;
}

/** "Kim to meet Putin | Daily Herald" → "Kim to meet Putin": with nothing to agree with, the usual site suffix goes. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  let t = normalizeSpace(title);
  if (siteName) {
    for (const sep of SEPARATORS) {
      const tail = sep + siteName.trim();
      if (t.toLowerCase().endsWith(tail.toLowerCase()) && t.length > tail.length) return t.slice(0, t.length - tail.length).trim();
      const head = siteName.trim() + sep;
      if (t.toLowerCase().startsWith(head.toLowerCase()) && t.length > head.length) return t.slice(head.length).trim();
    }
  }
  // Up to two labels at the end: "X | Section | Site".
  for (let round = 0; round < 2; round++) {
    let cut = false;
    for (const sep of SEPARATORS) {
      const i = t.lastIndexOf(sep);
      if (i <= 0) continue;
      const head = t.slice(0, i).trim();
      const tail = t.slice(i + sep.length).trim();
      if (words(tail) <= 4 && head.length > tail.length && words(head) >= 2) {
        t = head;
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  // "这个约会软件_智能_好奇心日报": CJK titles chain their labels with underscores.
  const u = /^([^_]{6,}?)_[^_\s]{1,12}(?:_[^_\s]{1,12})?$/u.exec(t);
  if (u && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(u[1])) t = u[1];
  return t;
}

/**
 * "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden" → "Podcasts in Plex einbinden": a title that opens
 * with the site's own name, and a section of one or two words after it where the same separator follows
 * (a breadcrumb). Only where what is left has three words or more.
 */
function stripSitePrefix(title: string, siteName: string | null, host: string | null, others: readonly string[]): string {
  const t = normalizeSpace(title);
  for (const sep of SEPARATORS) {
    const i = t.indexOf(sep);
    if (i <= 0) continue;
    const head = t.slice(0, i).trim();
    if (words(head) > 6 || !isSiteLabel(head, siteName, host, others)) continue;
    let rest = t.slice(i + sep.length).trim();
    const j = rest.indexOf(sep);
    if (j > 0 && words(rest.slice(0, j)) <= 2 && words(rest.slice(j + sep.length)) >= 3) rest = rest.slice(j + sep.length).trim();
    return words(rest) >= 3 ? rest : t;
  }
  return t;
}

/** Signs a meta value was mis-decoded ("Don???t", U+FFFD): another source's spelling is better. */
const GARBLED = /\?{2,}|\ufffd|Ã[\u0080-\u00bf]|â€/;

/**
 * The headline: every form of every candidate is scored by the weights of the sources that state it (a
 * visible <h1> also gains the weight of a meta title it extends: an SEO title cut short), less
 * for a form cut from a longer one, a site's own name, a logo <h1> or a garbled value.
 */
export function chooseTitle(cands: TitleCandidate[], siteName: string | null, host: string | null): string | null {
  // twitter:title is nearly always a copy of og:title: one field of the CMS, one vote.
  const hasOg = cands.some((c) => c.source === 'og');
  // The same text in two <h1>s ("Image Title" on two photo widgets) is one say, not two.
  const seen = new Set<string>();
  const usable = cands.filter((c) => {
    if (!c.text || !normalizeSpace(c.text) || c.text.length > 400 || (c.source === 'twitter' && hasOg)) return false;
    const id = `${c.source} ${titleKey(c.text)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (usable.length === 0) return null;
  // An og:site_name that is a whole title ("Cup-Vorschau: Beim BSV Stans ... - Handball Schweiz") names no site.
  if (siteName && words(siteName) > 8) siteName = null;
  // The page's name as its logo <h1> shows it, repeated at the end or the front of its <title> ("Rinderleber ... |
  // Liebe geht durch den Magen" beside an <h1> "Liebe geht durch den Magen").
  const others: string[] = [];
  for (const c of usable) {
    // Only an <h1> in a logo or masthead: a headline is often the last segment ("Zoll online - Fachmeldungen - X").
    if (c.source !== 'h1' || !c.chrome || words(c.text) > 6) continue;
    for (const o of usable) {
      if (o.source !== 'title' && o.source !== 'og') continue;
      // At either end: "Four Years Remaining » Blog Archive » X" beside a logo <h1> "Four Years Remaining".
      const segs = normalizeSpace(o.text).split(SEP_RE);
      // At the front only of a chain of three or more ("Site » Section » X"), and where no meta title states
      // the <h1>'s text alone (a headline <h1> flagged as beside the article: "Experts in the crisis | Blog").
      const front = segs.length >= 3 && titleKey(segs[0]) === titleKey(c.text) && !usable.some((x) => x.source !== 'h1' && titleKey(x.text) === titleKey(c.text));
      // Or in the middle of a chain ("X : Site | Slogan | Founded 2005"), or as the chain's last segments where the
      // logo is a chain itself ("X - Section - Site" beside a logo <h1> "Section - Site").
      const inside = segs.length >= 3 && segs.slice(1, -1).some((s) => titleKey(s) === titleKey(c.text));
      const ck = titleKey(c.text);
      const ot = normalizeSpace(o.text);
      const chainEnd = SEP_ONE.test(c.text) && ot.endsWith(c.text) && SEP_END.test(ot.slice(0, ot.length - c.text.length));
      if (front || inside || chainEnd || (segs.length >= 2 && titleKey(segs[segs.length - 1]) === ck)) others.push(c.text);
    }
  }
  // A "kicker" that another source runs on into the headline, with no separator, is the headline's first word:
  // "<span class="mc">Storm</span> over the harbour ..." beside an og:title "Storm over the harbour ...". (A
  // label the meta titles set off, "Harbour strike: Ferries ...", stays a kicker.) The <h1> keeps its whole text.
  for (let i = 0; i < usable.length; i++) {
    const c = usable[i];
    if (!c.kicker || !c.whole) continue;
    const k = titleKey(c.whole);
    const runOn = `${c.kicker} ${c.text.split(' ')[0]}`.toLowerCase();
    const stated = usable.some(
      (o) => o.source !== 'h1' && o.source !== 'h2' && normalizeSpace(o.text).toLowerCase().startsWith(runOn) && forms(o.text, siteName, host, others).some((f) => f.cut === 0 && titleKey(f.text) === k),
    );
    if (stated) usable[i] = { text: c.whole, source: c.source, chrome: c.chrome };
  }
  const sourceForms = usable.map((c) => ({ c, forms: forms(c.text, siteName, host, others, c.source === 'h1') }));
  // An <h1> with its subtitle set apart at its end also states its text before the subtitle, where another
  // source states that whole ("Board will rebuild the north pier" in og:title), and the form with it is labelled.
  const dekked = new Set<string>();
  for (const { c, forms: fs } of sourceForms) {
    if (!c.dek) continue;
    const k = titleKey(c.dek);
    if (sourceForms.some(({ c: o, forms: ofs }) => o !== c && ofs.some((f) => f.cut === 0 && !f.colon && titleKey(f.text) === k))) {
      fs.push({ text: c.dek, cut: 0 });
      dekked.add(titleKey(c.text));
    }
  }
  // What an <h1> sets apart as a kicker is a label: the form that keeps it in front is not the headline's.
  const kicked = new Set(usable.filter((c) => c.kicker).map((c) => titleKey(`${c.kicker} ${c.text}`)));
  // A kicker set before the headline in the same <h1> ("Holocaust-Gedenktag Erinnerung an die Opfer" beside an
  // og:title "Erinnerung an die Opfer"): the <h1> also states what another source calls the headline, a few
  // label words cut from its front.
  for (const { c, forms: fs } of sourceForms) {
    if (c.source !== 'h1') continue;
    const hk = titleKey(fs[0].text);
    for (const { c: o, forms: ofs } of sourceForms) {
      if (o.source === 'h1') continue;
      for (const f of ofs) {
        const k = titleKey(f.text);
        if (k.split(' ').length < 4 || !hk.endsWith(` ${k}`)) continue;
        const label = words(hk.slice(0, hk.length - k.length));
        // "Buggy Python Code: The 10 Most Common Mistakes": a head ending in its own colon is the headline's.
        const raw = fs[0].text;
        const head = raw.toLowerCase().endsWith(f.text.toLowerCase()) ? raw.slice(0, raw.length - f.text.length).trimEnd() : '';
        if (/[^\s:]:$/.test(head)) continue;
        if (label >= 1 && label <= 6 && !fs.some((x) => titleKey(x.text) === k)) fs.push({ text: f.text, cut: label });
      }
    }
  }
  // Every distinct form, with the least it was cut anywhere and whether a visible <h1> states it.
  // A head cut at its own ": " ("Seat Mo 125" from "Seat Mo 125: Was kann der Elektroroller..." and "Seat Mo 125:
  // Der Elektroroller im Test") is only a candidate where some source states it whole: two sources with
  // different tails after the same head do not agree on the head.
  const all = new Map<string, { text: string; cut: number; h1: boolean; h1Whole: boolean; loose: boolean }>();
  const whole = new Set<string>();
  for (const { c, forms: fs } of sourceForms) {
    if (c.source === 'h2') continue;
    for (const f of fs) {
      const key = titleKey(f.text);
      if (!key) continue;
      const loose = !!f.colon && f.cut > 0;
      if (!loose && f.cut === 0) whole.add(key);
      const e = all.get(key);
      const h1Whole = c.source === 'h1' && f.cut === 0 && !f.colon;
      if (!e) all.set(key, { text: f.text, cut: f.cut, h1: c.source === 'h1', h1Whole, loose });
      else {
        e.loose &&= loose;
        e.h1Whole ||= h1Whole;
        e.cut = Math.min(e.cut, f.cut);
        if (c.source === 'h1' && !e.h1) Object.assign(e, { text: f.text, h1: true });
      }
    }
  }
  // A head that sources state only by dropping different tails, none a site's name and neither the end of the
  // other ("Auto leasen oder kaufen – was ist günstiger?" in the <h1>, "... – was lohnt sich?" in <title>): two
  // wordings of one headline, not a headline and a label. "X | Site" beside "X | Section | Site" still agree.
  const tails = new Map<string, Map<string, string>>();
  for (const { forms: fs } of sourceForms)
    for (const f of fs) {
      if (!f.tail || !f.cut) continue;
      const key = titleKey(f.text);
      const m = tails.get(key) ?? new Map<string, string>();
      m.set(titleKey(f.tail), f.tail);
      tails.set(key, m);
    }
  const disputed = (key: string) => {
    const ts = tails.get(key);
    if (!ts || ts.size < 2 || whole.has(key)) return false;
    for (const [a, raw] of ts) {
      const segs = raw.split(SEP_RE);
      if (!a || segs.length > 1 || isSiteLabel(segs[segs.length - 1], siteName, host, others)) return false;
      for (const b of ts.keys()) if (a !== b && (a.endsWith(` ${b}`) || b.endsWith(` ${a}`))) return false;
    }
    return true;
  };
  const labelled = new Set([...kicked, ...dekked, ...sourceForms.flatMap(({ forms: fs }) => fs.filter((f) => f.labelled).map((f) => titleKey(f.text)))]);
  // <title> that only repeats og:title (the same CMS field, a site name at most added): one field, one vote and a
  // little, so the two do not outvote a visible <h1> and JSON-LD headline that agree on another text.
  const wholeOf = (src: TitleSource) => new Set(sourceForms.filter(({ c }) => c.source === src).flatMap(({ forms: fs }) => fs.filter((f) => f.cut === 0 && !f.colon).map((f) => titleKey(f.text))));
  const ogWhole = wholeOf('og');
  const titleCopies = [...wholeOf('title')].some((k) => ogWhole.has(k));
  // JSON-LD that states og:title's text (an SEO plugin fills both, and <title>, from one field) is no second vote
  // against a visible <h1> that words the same headline otherwise — same head, another wording or an added tail
  // ("Wein dekantieren: Alles Wissenswerte rund um ..." beside "Wein dekantieren: Alles Wissenswerte
  // zusammengefasst" in og:title, JSON-LD and <title>). An <h1> with another head (a section name) is no variant.
  // Without og:title, <title> is that field ("Auto leasen oder kaufen – was lohnt sich?" in <title> and JSON-LD
  // beside an <h1> "Auto leasen oder kaufen – was ist günstiger?").
  const field: TitleSource = hasOg ? 'og' : 'title';
  const fieldWhole = hasOg ? ogWhole : wholeOf('title');
  const seo = [...wholeOf('ld')].filter((k) => fieldWhole.has(k));
  const ogTexts = sourceForms.filter(({ c }) => c.source === field).flatMap(({ forms: fs }) => fs.filter((f) => f.cut === 0 && !f.colon).map((f) => f.text));
  const variantH1 = seo.length > 0 && usable.some((c) => c.source === 'h1' && !c.chrome && !seo.includes(titleKey(c.text)) && ogTexts.some((t) => seo.includes(titleKey(t)) && sameHead(c.text, t)));
  const ldCopies = variantH1;
  // Three or more <h1>s set alike (same class, same parent's class: "Stores – Germany", "Stores – Worldwide", "More
  // articles") head sections, not the page: each says less about the headline. An <h1> set apart from them
  // ("<h1 class="intro-title">" above three "<h1 class="section-title">") keeps its say.
  const h1Share = (c: TitleCandidate) => (c.source === 'h1' && (c.peers ?? 1) >= 3 ? 2 / c.peers! : 1);
  let best: { text: string; score: number; rank: number } | null = null;
  for (const [key, f] of all) {
    if (isSiteLabel(f.text, siteName, host, others)) continue;
    if ((f.loose && !whole.has(key)) || disputed(key)) continue;
    let score = 0;
    for (const { c, forms: other } of sourceForms) {
      const copy = (c.source === 'title' && titleCopies) || (c.source === 'ld' && ldCopies && seo.includes(titleKey(c.text)));
      const w = (copy ? COPY_WEIGHT : WEIGHT[c.source]) * (c.chrome ? 0.3 : 1) * (GARBLED.test(c.text) ? 0.3 : 1) * h1Share(c);
      // The least cut of the source's forms that state it (a form cut at one separator may also be a site's cut).
      const hit = other.filter((o) => titleKey(o.text) === key).sort((a, b) => a.cut - b.cut)[0];
      if (hit) score += w * (hit.cut ? 0.9 : 1);
      // Only the <h1>'s own whole text gains a title it extends, not a part it was cut to.
      else if (f.h1Whole && c.source !== 'h1' && other.some((o) => extends_(key, titleKey(o.text)))) score += w;
    }
    if (GARBLED.test(f.text)) score *= 0.5;
    // "X | Chefkoch" stated by og:title and <title> alike: the form without the site's name is the headline.
    if (labelled.has(key)) score *= 0.9;
    // Equal scores: the visible headline, then the fuller form.
    const rank = (f.h1 ? 2 : 0) - f.cut * 0.01;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && rank > best.rank)) best = { text: f.text, score, rank };
  }
  // Only one source said anything: its usual site suffix goes.
  if (best && best.score < 1.2) {
    // (or a form already cut from it: "X | Local" once the site's name went).
    const alone = usable.find((c) => titleKey(c.text) === titleKey(best!.text)) ?? usable.find((c) => c.source !== 'h1' && titleKey(c.text).startsWith(`${titleKey(best!.text)} `));
    if (alone && alone.source !== 'h1') return stripSiteSuffix(stripSitePrefix(best.text, siteName, host, others), siteName);
    // A form left once the site's name went from the front ("Blog Archiv » X" of "Site » Blog Archiv » X").
    const under = alone ? undefined : usable.find((c) => c.source !== 'h1' && titleKey(c.text).endsWith(` ${titleKey(best!.text)}`));
    const cut = under ? stripSitePrefix(under.text, siteName, host, others) : null;
    if (cut && titleKey(cut) !== titleKey(under!.text)) return stripSiteSuffix(cut, siteName);
  }
  return best?.text ?? null;
}

/**
 * Two wordings of one headline: the same words before their ": " ("Firmenwagen: Leasing oder Finanzierung?" and
 * "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?"), or without one the same first three words.
 */
function sameHead(a: string, b: string): boolean {
  const head = (s: string) => {
    const i = s.indexOf(': ');
    return i > 0 ? titleKey(s.slice(0, i)) : titleKey(s).split(' ').slice(0, 3).join(' ');
  };
  const ha = head(a);
  if (!ha || ha !== head(b)) return false;
  return a.includes(': ') === b.includes(': ') && titleKey(a).split(' ').length >= 3 && titleKey(b).split(' ').length >= 3;
}

/**
 * One headline extends the other: all the shorter one's words in the longer, in order, and the shorter has at
 * least four words ("Boyfriend of star will sue club" in "Boyfriend of star Ann Lee will sue club where...").
 * Not when the longer only adds a tail: an <h1> holding its subtitle or a widget ("... in 2015 Add to ..."), or a head.
 */
function extends_(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const s = short.split(' ');
  if (s.length < 4 || short === long) return false;
  if (long.startsWith(`${short} `)) return false;
  // Nor when it only adds a label in front: a kicker ("Tunesien Große Aufgaben für die neue Regierung").
  if (long.endsWith(` ${short}`)) return false;
  const l = long.split(' ');
  let j = 0;
  for (const w of l) if (j < s.length && w === s[j]) j++;
  return j === s.length && s.length / l.length >= 0.5;
}
