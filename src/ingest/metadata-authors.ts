// The article's authors, chosen among JSON-LD, meta tags and the visible byline by agreement and by how much
// each looks like a person's name: a person beats a site, desk or staff label, a CMS user name or an empty
// name left with only the outlet (", The Daily Journal").
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './extract-dom.js';
import { normalizeSpace } from './extract.js';
import { isSiteLabel } from './metadata-title.js';

export type AuthorSource = 'visible' | 'rel' | 'ld' | 'meta' | 'twitter' | 'other';
const WEIGHT: Record<AuthorSource, number> = { visible: 1.2, rel: 1, ld: 1, meta: 0.8, twitter: 0.7, other: 0.6 };

export interface AuthorCandidate {
  /** Raw values: a byline ("By Ann Hale and Tom Reyes, Staff"), or one name each. */
  values: string[];
  source: AuthorSource;
  /** JSON-LD said this is an Organization, not a Person. */
  organization?: boolean;
  /** The page marks it as its byline: a byline element whose name links to the writer's profile page. */
  labelled?: boolean;
}

// Words of a label, not a person: "Motley Fool Staff", "BWW News Desk", "Glamour Magazine", "UPROXX Media".
const LABEL_WORD =
  /\b(?:staff|magazine|media|news|newsroom|desk|team|editors|editorial|redaktion|rédaction|redacción|wire|press|agency|agencies|reporters|contributors|submissions|group|network|online|daily|times|post|journal|herald|tribune|gazette|inc|ltd|llc|corp|company|services|associated|reuters|afp|bloomberg|admin|administrator|webmaster|home|desk|sponsored|partner|guest|politik|sport|sports|opinion|world|business)\b/i;
// Role and bio words after a name: "Lynne Eldridge MD Lung Cancer Expert", "Sam Stein Senior Politics Editor".
const ROLE_WORD =
  /^(?:senior|chief|staff|contributing|contributor|digital|deputy|managing|executive|associate|assistant|editor|editors|writer|reporter|correspondent|columnist|fellow|producer|ceo|cto|founder|expert|md|phd|m\.d\.|ph\.d\.|intern|photographer|analyst|host|anchor|critic|blogger|director|president|professor|dr|commentator|political|politics|special|national|international|investigative|sports?|business|science|health|tech|technology|entertainment|culture|fashion|beauty|lifestyle|travel|food|opinion)$/i;
// An organization's legal form or kind: "Web Commerce GmbH", "Bund der Energieverbraucher e.V.", "Wikimedia Foundation".
// German compounds end in the kind ("Bundesverband", "Landesstiftung"); legal forms: "Co. KG", "AG".
const ORG_WORD = /(?:\b(?:gmbh|foundation|association|institute|university|ministry|kg|ag|ohg|gbr|sarl|srl)\b|(?:verband|stiftung|verein|institut|universit[äa]t|ministerium|gesellschaft|genossenschaft)\b|(?:^|\s)e\.\s?V\.)/i;
const PARTICLE = /^(?:de|da|das|do|dos|del|della|di|du|van|von|der|den|la|le|y|e|bin|ibn|al|el|st\.?|mc|mac|ter|ten|zu)$/;

/** Text of an element with a space at every element boundary: "Joe Davidson<span>Washington Post</span>" stays apart. */
export function spacedText(root: DomNode, max = 400): string {
  const parts: string[] = [];
  let len = 0;
  const stack: DomNode[] = [root];
  while (stack.length && len < max) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      const t = n.textContent ?? '';
      parts.push(t);
      len += t.length;
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const tag = (n as DomElement).localName;
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'time') continue;
    parts.push(' ');
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return normalizeSpace(parts.join(''));
}

/**
 * The site's own name, for a byline: as for the headline (metadata-title.ts), except that a site named after its
 * owner ("Dana Pike's Blog", "Dana Pike's Notes") does not make the owner a label: the owner is the author.
 */
function siteLabel(text: string, siteName: string | null, host: string | null): boolean {
  const owner = siteName ? /^(.+?)['’]s\s+(?:blog|weblog|site|homepage|notes|journal|newsletter)\b/i.exec(siteName.trim()) : null;
  if (owner && nameKey(owner[1]) === nameKey(text)) return false;
  // A name that starts like an article ("Le Van Thanh", "La Toya Brandt") is the site only if the rest is the
  // site's whole name or host ("Die Furche" on furche.example), not the start of it ("Van Thanh Daily").
  const art = /^(?:die|der|das|le|la|les|el|il|lo)\s+(.+)$/i.exec(text.trim());
  if (art) return sameAsSite(art[1], siteName, host) || sameAsSite(text, siteName, host);
  return isSiteLabel(text, siteName, host);
}

/** The host's name: "harbourpost" for www.harbourpost.co.uk. */
function hostLabel(host: string | null): string {
  const parts = host ? host.toLowerCase().replace(/^www\./, '').split('.') : [];
  const label = parts.length > 2 && /^(?:co|com|org|net|ne|ac|or)$/.test(parts[parts.length - 2]) ? parts[parts.length - 3] : (parts[parts.length - 2] ?? '');
  return label.replace(/[^a-z0-9]/g, '');
}

/** The text is the site's whole name or its host's name, letters compared. */
function sameAsSite(text: string, siteName: string | null, host: string | null): boolean {
  const k = nameKey(text).replace(/\s+/g, '');
  return !!k && ((!!siteName && nameKey(siteName).replace(/\s+/g, '') === k) || hostLabel(host) === k);
}

/**
 * The byline's words from `j` on are the site's name ("Joe Davidson Washington Post", "Houzz Deutschland" on
 * houzz.example): the first word is the site's whole name or host, or a word and the next word or all the rest are a site
 * label — not one word that merely starts the site's name ("Guido Beyss" on BeyssOnManagement).
 */
function siteTail(ws: string[], j: number, siteName: string | null, host: string | null): boolean {
  // Only at the head: "Daniel Lemire" on lemire.example is its owner's site.
  if (j === 0 && sameAsSite(ws[j], siteName, host)) return true;
  return ws.length - j >= 2 && (siteLabel(ws.slice(j, j + 2).join(' '), siteName, host) || siteLabel(ws.slice(j).join(' '), siteName, host));
}

/** "Senior", "Writer", "Correspondent": a word of a job title after a name. */
export const isRoleWord = (w: string) => ROLE_WORD.test(w);

/** How much a string looks like one person's name, 0 to 1. */
export function personScore(name: string, siteName: string | null, host: string | null): number {
  const n = name.trim();
  if (!n || n.length > 60 || /\d|@|https?:|www\.|\.com\b|[|/\\<>{}=#:]/i.test(n)) return 0;
  if (LABEL_WORD.test(n) || ORG_WORD.test(n) || siteLabel(n, siteName, host)) return 0;
  const ws = n.split(/\s+/);
  // "Bund der" (left of "Bund der Energieverbraucher e.V."): a name does not end in a particle.
  if (ws.length > 1 && PARTICLE.test(ws[ws.length - 1])) return 0;
  // Scripts without case (Japanese, Chinese, Korean): a short run of letters.
  if (!/[A-Za-zÀ-ɏ]/.test(n)) return /^[\p{L}\p{M}・·\s]{2,20}$/u.test(n) && ws.length <= 3 ? 0.7 : 0;
  if (ws.length > 5) return 0;
  let caps = 0;
  for (const w of ws) {
    if (/^\p{Lu}/u.test(w) || /^(?:\p{Lu}\.)+$/u.test(w)) caps++;
    else if (PARTICLE.test(w.toLowerCase()) || /^(?:d'|o'|de|van|von|mc|mac)\p{Lu}/iu.test(w)) continue;
    else return 0.15; // "doumae", "steventroughtonsmith", "u/benyacobi": a CMS user name
  }
  if (caps === 0) return 0;
  // One word is a first name, a handle or a section ("Life", "Home"), not a byline's person.
  if (ws.length === 1) return 0.2;
  return 1;
}

/** A byline or meta value cut to its names' part: "By Ann Hale | ahale@x.com", "Ann Hale on December 4, 2014". */
export function cleanAuthorText(s: string): string {
  // A separator left in front by an empty date or icon: "| Klaus Quibeldey-Cirkel".
  let t = normalizeSpace(s)
    .replace(/^(?:[|•·/／,;]\s*|[-–—]{2,}\s*)+/, '')
    // A text credit shared with the photos is the writer's: "Text & Fotos: Ivan Valetny".
    .replace(/^(?:text|texte|words|story)\s*(?:&|\+|\/|und|and|et|y)\s*(?:fotos?|photos?|bilder|images?)\s*:\s*/i, '')
    // An author box's heading: "About the Author - Florina Ionescu"; "SHOW ALL ARTICLES OFHeiko Sauer".
    .replace(/^(?:about the author|über (?:den|die) autor(?:in)?)\s*[-–—:]?\s*/i, '')
    .replace(/^(?:show|see|view)\s+all\s+(?:articles|posts|stories)\s+(?:of|by|from)\s*(?=\p{Lu})/iu, '');
  // The author's field in a row of labelled fields: "Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet",
  // "Letzte Aktualisierung: 28.01.2022 Autor*in Brit Weirich (Medizinredakteurin)".
  const field = /\s(?:Autor(?:\*in|in|en)?|Author|Verfasser(?:in)?|Auteure?)\s*:?\s+(?=\p{Lu})/u.exec(t);
  if (field && /^\p{L}[\p{L} ]{0,30}:/u.test(t)) t = t.slice(field.index + field[0].length).replace(/\s+\p{Lu}\p{Ll}+:\s.*$/u, '');
  // A copyright line is the publisher's: "Copyright Haufe-Lexware GmbH & Co. KG".
  if (/^(?:copyright|©|\(c\))/i.test(t)) return '';
  // A photo or illustration credit is not a byline.
  if (/^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|fotos?|bild(?:er|quelle)?|fotografía|©|\(c\))\s*(?:by\b|von\b|por\b|de\b|:|(?=\p{Lu}))/iu.test(t)) return '';
  t = t
    .replace(/^\[(.*)\]$|^\((.*)\)$|^《(.*)》$/, '$1$2$3')
    // Buttons set before the byline: "Print", "Email", "Share".
    .replace(/^(?:(?:print|email|e-mail|share|tweet|comments?|follow|listen|save)\s+)+(?=\p{Lu})/iu, '')
    .replace(/^(?:written\s+|words\s+|text\s+|story\s+|reporting\s+)?by[:\s]*by[:\s]+/i, '')
    .replace(/^(?:written\s+|words\s+|text\s+|story\s+|reporting\s+)?by[:\s]+/i, '')
    .replace(/^By(?=\p{Lu}\p{Ll})/u, '')
    .replace(/^by$/i, '')
    .replace(/^(?:文|著者|筆者|記者|作者|撰文)\s*[●:：]?\s*/u, '')
    // A date before the name: "Posted on September 21, 2020 by Adi Tzlil", "Published 3 May 2020 by ...".
    .replace(/^(?:posted|published|written|updated|geschrieben|ver[öo]ffentlicht|publié|publicado)\b.{0,40}?\s(?:by|von|par|por)\s+(?=\p{Lu})/iu, '')
    // A label before the name: "Veröffentlicht von", "Ein Artikel von", "Eine Kolumne von", "Interview:",
    // "Autorin:", "Escrito por", "Publié par", "Show all articles of".
    .replace(/^(?:(?:ver[öo]ffentlicht|eingestellt|gepostet|erstellt|geschrieben|verfasst|ein(?:e)?|artikel|beitrag|gastbeitrag|blog|blogbeitrag|kolumne|kommentar|text|interview|analyse|escrito|publicado|publié|écrit|un|una|article|artículo|columna|show|see|view|all|alle|articles|artikel|more|mehr|posts?)\s+){1,4}(?:von|par|por|by|of|de)\b[:\s]*/iu, '')
    .replace(/^(?:von|par|por|di|door|av|de|curator|author|autor|autorin|autoren|auteur|auteure|text|interview|texto|posted by|reported by|reporter|reporterin)[:\s]+/i, '')
    // "Redaktion: Ann Hale" — but "Redaktion Gelbe Liste" is the desk, not a person: only with its colon.
    .replace(/^(?:redaktion|rédaction|redacción)\s*:\s*/i, '')
    .replace(/^\s*[-–—:]\s*/, '');
  // What follows the names: a date, a stamp, contacts, follow buttons, a read time.
  t = t
    .replace(/\s+(?:on|am|le|el|il|op)\s+(?:\d|\p{Lu}\p{Ll}+\.?,?\s+\d).*$/u, '')
    .replace(/\s*\b(?:updated|published|posted|modified|last updated|aktualisiert|mis à jour|actualizado)\b.*$/i, '')
    .replace(/\s*(?:[|•·/／]|\s-\s|\s–\s|\s—\s).*$/, '')
    // Another credit after the writer's: "Christian Seiler Illustration von Markus Roost", "Ann Hale Photos by Jo".
    .replace(/\s+(?:illustrations?|fotos?|photos?|photography|bilder|grafik|graphics?|video|kamera|camera)\s*(?:von|by|par|por|:).*$/i, '')
    .replace(/\s*[(（[].*$/, '')
    .replace(/\s*\S+@\S+.*$/, '')
    .replace(/\s*@\w+.*$/, '')
    .replace(/\s*\b(?:follow|email|e-mail|see full bio|see all articles|more articles|more by|view all|send email|subscribe|twitter|facebook|bio)\b.*$/i, '')
    .replace(/\s*\d+\s*(?:min(?:ute)?s?)\s+read\b.*$/i, '')
    .replace(/\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*$/i, '')
    .replace(/\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}.*$/, '')
    // A weekday left before a cut date: "Tomas Spahn Fr, 14.02.2020".
    .replace(/\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)\.?,?$/i, '')
    .replace(/\s*\d+\s+comments?\b.*$/i, '')
    .replace(/\s*(?:leave a comment|\d+ comments?)$/i, '');
  return t.replace(/[\s,;:]+$/, '').trim();
}

/** A cleaned byline split into its people: "Ann Hale, Tom Reyes and Li Wei, The Daily Journal" → the three. */
export function splitPeople(byline: string, siteName: string | null, host: string | null): { people: string[]; labels: string[] } {
  const people: string[] = [];
  const labels: string[] = [];
  const parts = byline.split(/\s*(?:,|;|&|、|，|\b(?:and|AND|And)\b)\s*|\s+(?:und|et|y|e)\s+/).filter(Boolean);
  parts.forEach((part, index) => {
    const p = part.replace(/^(?:and|by)\s+/i, '').trim();
    // "Sam Stein Senior Politics Editor": the name stops at the first role word or the site's name;
    // ", Northeast Ohio Media Group" after a comma is a label through and through.
    const ws = p.split(/\s+/);
    const keep: string[] = [];
    let stopped = false;
    let label = false;
    for (const [j, w] of ws.entries()) {
      if (ROLE_WORD.test(w)) {
        stopped = true;
        break;
      }
      if (LABEL_WORD.test(w) || siteTail(ws, j, siteName, host)) {
        label = keep.length < 2 || index > 0 || keep.some((k) => /^the$/i.test(k));
        stopped = true;
        break;
      }
      keep.push(w);
    }
    if (label) {
      labels.push(p);
      return;
    }
    // "Joe Davidson Washington Post", "Meg Wagner NEW YORK DAILY NEWS": a name told apart from what follows
    // only by a label word keeps its first two words (and the particles and initials between).
    if (stopped && keep.length > 2) {
      const out: string[] = [];
      let full = 0;
      for (const w of keep) {
        if (full >= 2) break;
        out.push(w);
        if (!PARTICLE.test(w.toLowerCase()) && !/^(?:\p{Lu}\.)+$/u.test(w)) full++;
      }
      keep.splice(0, keep.length, ...out);
    }
    const name = keep.join(' ').replace(/[.,]$/, (m) => (/\b\p{Lu}\.$/u.test(keep.join(' ')) ? m : ''));
    const sc = personScore(name, siteName, host);
    if (sc >= 0.5) people.push(titleCaseShouting(name));
    else if (p) labels.push(p);
  });
  return { people, labels };
}

/** "JOSH HASKELL" → "Josh Haskell": a byline set in capitals by its style sheet's author. */
function titleCaseShouting(name: string): string {
  if (!/\p{Ll}/u.test(name) && /\p{Lu}{2}/u.test(name)) return name.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  return name;
}

const nameKey = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The authors: each source's people are a candidate list; a list scores the weights of the sources that give
 * the same people (half for a source giving a part or a superset of them) times how name-like its names are.
 * With no person anywhere, a label the page shows in its byline (a desk, "Staff") is kept; an invisible one
 * (a meta tag naming the magazine) is not.
 */
export function chooseAuthors(cands: AuthorCandidate[], siteName: string | null, host: string | null): string[] {
  // A site named after its owner, with no "'s Blog" to say so ("Dana Pike" on danapike.example): where JSON-LD
  // calls the site's whole name a Person and the visible byline signs with it, the owner is the author. An
  // outlet is an Organization there, or signs with no JSON-LD Person at all.
  if (siteName) {
    const key = (v: string) => nameKey(cleanAuthorText(v));
    const owner = cands.find((c) => c.source === 'ld' && !c.organization && c.values.length === 1 && sameAsSite(cleanAuthorText(c.values[0]), siteName, null))?.values[0];
    // "Die Tagespresse", "The Harbour Post": a name with an article in front is an outlet's, whatever JSON-LD says.
    if (owner && !/^(?:the|die|der|das|le|la|les|el|il|lo)\s/i.test(cleanAuthorText(owner)) && personScore(cleanAuthorText(owner), null, null) >= 1 && cands.some((c) => c.source === 'visible' && c.values.some((v) => key(v) === key(owner)))) return [cleanAuthorText(owner)];
  }
  const lists: { people: string[]; source: AuthorSource; quality: number }[] = [];
  let visibleLabel: string | null = null;
  const handles = new Map<string, { name: string; sources: Set<AuthorSource>; labelled: boolean }>();
  const loose = new Map<string, { name: string; sources: Set<AuthorSource> }>();
  for (const c of cands) {
    const people: string[] = [];
    for (const v of c.values) {
      if (!v) continue;
      const cleaned = cleanAuthorText(v);
      if (!cleaned) continue;
      if (c.organization) continue;
      if (isProse(cleaned)) continue;
      if (isHandle(cleaned, siteName, host)) {
        const h = handles.get(cleaned.toLowerCase()) ?? { name: cleaned, sources: new Set<AuthorSource>(), labelled: false };
        h.sources.add(c.source);
        h.labelled ||= c.source === 'visible' && (!!c.labelled || BY_LABEL.test(normalizeSpace(v)) || DATED_VON.test(normalizeSpace(v)) || datedBy(normalizeSpace(v), cleaned));
        handles.set(cleaned.toLowerCase(), h);
      }
      const split = splitPeople(cleaned, siteName, host);
      people.push(...split.people);
      // "Ann hale": a name typed with a lower-case surname, kept where two kinds of source agree on it.
      if (!split.people.length && LOOSE_NAME.test(cleaned) && !LABEL_WORD.test(cleaned) && !siteLabel(cleaned, siteName, host)) {
        const l = loose.get(nameKey(cleaned)) ?? { name: cleaned, sources: new Set<AuthorSource>() };
        l.sources.add(c.source === 'rel' ? 'visible' : c.source);
        loose.set(nameKey(cleaned), l);
      }
      // Only a label that says it is one ("BWW News Desk", "Motley Fool Staff"), not any short text.
      if (c.source === 'visible' && !visibleLabel && split.labels.length && !split.people.length && cleaned.length <= 40 && /^\p{Lu}/u.test(cleaned) && LABEL_WORD.test(cleaned) && !siteLabel(cleaned, siteName, host)) visibleLabel = cleaned;
    }
    let uniq = [...new Map(people.map((p) => [nameKey(p), p])).values()];
    // "Paul Wiseman Fatima Hussein" beside "Paul Wiseman" and "Fatima Hussein": the run-together one goes.
    uniq = uniq.filter((p) => uniq.filter((q) => q !== p && ` ${nameKey(p)} `.includes(` ${nameKey(q)} `)).length < 2).slice(0, 8);
    if (uniq.length) lists.push({ people: uniq, source: c.source, quality: Math.min(...uniq.map((p) => personScore(p, siteName, host))) });
  }
  let best: { people: string[]; score: number } | null = null;
  for (const l of lists) {
    const keys = new Set(l.people.map(nameKey));
    let score = 0;
    for (const o of lists) {
      const ok = o.people.map(nameKey);
      const same = ok.length === keys.size && ok.every((k) => keys.has(k));
      const overlap = ok.filter((k) => keys.has(k)).length;
      if (same) score += WEIGHT[o.source];
      else if (overlap > 0) score += WEIGHT[o.source] * (keys.size > ok.length ? 0.6 : 0.4);
    }
    score *= l.quality;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && l.people.length > best.people.length)) best = { people: l.people, score };
  }
  if (best) return best.people;
  // No person's name anywhere: a one-word name or user name the page gives as its byline ("By Kay", "von
  // gnaddrig", "Isabella.DiBiase"), where two kinds of source agree (a rel=author link and the visible byline,
  // JSON-LD and meta) or the page labels it ("By Kay", "erstellt von Dominique"); unlabelled in one source
  // alone it may be a section or a tag.
  for (const h of handles.values()) if (h.sources.size >= 2 || h.labelled) return [h.name];
  for (const l of loose.values()) if (l.sources.size >= 2) return [l.name];
  return visibleLabel ? [visibleLabel] : [];
}

// "By Kay", "erstellt von Dominique", "Autor: Cortyn": a byline's own label.
// A bare "von", "par" or "por" is as often a preposition ("von Firmenwagen"): only after a verb or a noun.
const BY_LABEL = /^(?:[|•·]\s*)?(?:by|autor|autorin|author|auteur|(?:written|posted|published|veröffentlicht|eingestellt|gepostet|erstellt|geschrieben|verfasst|beitrag|artikel|publié|publicado|escrito)\s+(?:by|von|par|por))\b/i;
// "von lupa am 26/10/13", "von Limespacer · 22. Oktober 2019", "Von kay.b am Samstag, 19. Oktober 2019": a "von"
// with a date after the name signs.
const DATED_VON = /^(?:von|par|por)\s+\S+\s+(?:(?:am|le|el)\s+(?:\p{L}+\.?,?\s+)?|[·|•,–-]\s*)\d/iu;
/** "Posted in <a>Travel</a> by kayb on August 3, 2019": the handle signs where "by" and a date frame it mid-line. */
function datedBy(line: string, handle: string): boolean {
  const i = line.indexOf(` ${handle} `);
  return i > 0 && /\s(?:by|von|par|por)$/i.test(line.slice(0, i)) && /^\s(?:on|am|le|el|@)\s+\S*\d/i.test(line.slice(i + handle.length + 1));
}
// Words a CMS puts where no one signed: "admin", "Unknown", "Gast", "Redaktion", "sv_team", a template's "BY DATE".
const NOT_A_NAME = /^(?:admin\w*|\w*admin|\w*[_.-]team|team[_.-]\w*|date|datum|time|name|title|administrator|webmaster|root|user|editor|redakt\w*|unknown|anonym\w*|guest|gast|autor\w*|author|auteur|team|staff|posted|published|by|von|keine|none|null|undefined|rechtsanwalt|anwalt|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|today|gestern|yesterday)$/i;
// Wire agencies sign with their initials: "dpa", "APA", "KNA" — an agency, not a person.
const AGENCY = /^(?:dpa|apa|afp|ap|kna|epd|sda|ats|ansa|efe|upi|pti|ians|sid|ddp|aap|rtr|idea|kathpress|xinhua|kyodo|tass|ria|anp|belga|ctk|pap|tt|ntb|stt)$/i;

// Two or three words, only the first capitalized: "Ann hale", "Ana de la cruz".
const LOOSE_NAME = /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}{2,}){1,2}$/u;

/** A one-word name or CMS user name: "Kay", "gnaddrig", "Isabella.DiBiase", "Herr_Rein", "r23". */
function isHandle(s: string, siteName: string | null, host: string | null): boolean {
  if (s.length < 2 || s.length > 30 || /\s/.test(s)) return false;
  if (!/^\p{L}[\p{L}\p{N}._-]*$/u.test(s) || (s.match(/\p{L}/gu)?.length ?? 0) < 2) return false;
  // The site's whole name is the site ("Harbourpost"); a handle that only starts it is its owner ("Ela" on Elavegan).
  return !NOT_A_NAME.test(s) && !AGENCY.test(s) && !LABEL_WORD.test(s) && !ROLE_WORD.test(s) && !sameAsSite(s, siteName, host) && !isSiteLabel(s, null, host);
}

/** A text a site says about itself: its name (og:site_name, the header's title), its tagline, its copyright line. */
export interface SiteText {
  text: string;
  kind: 'name' | 'tagline' | 'copyright';
}

/**
 * The owner of a personal site, from what the site says about itself: its tagline ("Ann Hale", "Ann Hale's
 * personal pages"), its copyright line ("© 2020 Ann Hale. All rights reserved"), a titled name ("Dr. Ann Hale").
 * Only a person's name whose letters are the host's (annhale.example, ann-hale.example, annhale.blog.example), or
 * one of whose names is the host's where the site gives it twice (copyright and tagline: "hale.example"). The
 * site's own name is a brand even when it reads like a person's ("Copper Lane" on copperlane.example).
 */
export function siteOwner(texts: SiteText[], host: string | null): string | null {
  const labels = host ? host.toLowerCase().replace(/^www\./, '').split('.').slice(0, -1).map((l) => l.replace(/[^a-z0-9]/g, '')) : [];
  if (!labels.length) return null;
  const joined = (ws: string[]) => nameKey(ws.join(' ')).replace(/\s+/g, '');
  const siteKeys = new Set(texts.filter((t) => t.kind === 'name').map((t) => joined([t.text])).filter(Boolean));
  const parts = new Map<string, { name: string; kinds: Set<string> }>();
  for (const { text, kind } of texts) {
    const t = normalizeSpace(text);
    const copy = /(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?(\p{Lu}[^.|•·,;©]{2,40})/iu.exec(t);
    const own = /^(.{3,40}?)['’]s?\s+\p{L}+/u.exec(t);
    const titled = /^(?:dr|prof|mag)\.?\s/i.test(t);
    // The whole text where it is a name and no more: a tagline, or a titled name.
    const whole = (kind === 'tagline' || titled) && t.split(/\s+/).length <= 4 ? t : null;
    for (const [c, how] of [[copy?.[1], 'copyright'], [own?.[1], 'title'], [whole, 'title']] as const) {
      // "© New Work SE", "© The Verge": a firm's legal form or an article in front is an outlet's name.
      if (!c || LABEL_WORD.test(c) || ORG_WORD.test(c) || /\b(?:SE|SA|PLC|NV|BV|AB|Inc|Ltd)\b/.test(c) || /^(?:the|die|der|das|le|la|les|el|il|lo)\s/i.test(c)) continue;
      const ws = c.replace(/^(?:(?:dr|prof|mag)\.?\s+)+/i, '').trim().split(/\s+/);
      const brand = (n: string[]) => !titled && c !== own?.[1] && (siteKeys.has(joined(n)) || n.some((w) => siteKeys.has(joined([w]))));
      // "© 2020 Ann Hale Proudly powered by ...": the name is its first two or three words.
      const names = [ws.slice(0, 3), ws.slice(0, 2)].filter((n) => n.length >= 2 && personScore(n.join(' '), null, null) >= 1 && !brand(n));
      const full = names.find((n) => labels.includes(joined(n)));
      if (full) return titleCaseShouting(full.join(' '));
      const part = names.find((n) => n.length === 2 && labels.some((l) => l.length >= 4 && n.some((w) => joined([w]) === l)));
      if (part) parts.set(joined(part), { name: part.join(' '), kinds: (parts.get(joined(part))?.kinds ?? new Set<string>()).add(how) });
    }
  }
  for (const p of parts.values()) if (p.kinds.size >= 2) return titleCaseShouting(p.name);
  return null;
}

/** A sentence caught in an element classed "author" ("Yellow Vests and I I am glad that the media noticed ..."). */
const isProse = (s: string) => s.split(/\s+/).length > 12 && /\b\p{Ll}+\s+\p{Ll}+\s+\p{Ll}+\s+\p{Ll}+\b/u.test(s);

/** The people of a byline found by other means (Readability's), or none: a label or an empty name is no author. */
export function peopleOf(byline: string | null, siteName: string | null, host: string | null): string[] {
  if (!byline) return [];
  const cleaned = cleanAuthorText(byline);
  return cleaned && !isProse(cleaned) ? splitPeople(cleaned, siteName, host).people : [];
}
