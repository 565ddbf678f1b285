import { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './extract-dom.js';

/** Elements whose start and end break a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'caption', 'hr', 'form', 'fieldset', 'address', 'details', 'summary', 'center', 'body', 'html',
]);
/** Elements whose text is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'head', 'title', 'math', 'canvas']);

// Zero-width space, BOM and soft hyphen vanish; every other run of whitespace (nbsp included) is one space.
const INVISIBLE = /[\u200b\u00ad\ufeff]/g;

export function normalizeSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The text of an element as paragraphs: one per <p>, heading, list item, blockquote, table row or other
 * block, and one per line a <br> ends. Whitespace inside a paragraph is collapsed.
 */
export function blockParagraphs(root: DomNode, clean: boolean | 'picked' = false, stats?: LinkStats): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  let inLink = 0;
  const flush = () => {
    if (buf.length === 0) return;
    const t = normalizeSpace(buf.join(''));
    if (t) out.push(t);
    buf = [];
  };
  // An explicit stack (a deep page overflows a recursive walk): nodes to enter, and element ends.
  const stack: (DomNode | { endOf: string; block: boolean })[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('endOf' in node) {
      if (node.endOf === 'a') inLink--;
      if (node.block) flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      buf.push(t);
      if (stats) {
        stats.chars += t.length;
        if (inLink) stats.linkChars += t.length;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as DomElement).localName;
    if (SKIP.has(tag)) continue;
    if (clean && isNoise(node as DomElement, tag, clean === 'picked')) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    // A table row is one paragraph, its cells apart: "1 | Ann Hale | 5040" stays one line.
    else if (tag === 'td' || tag === 'th') buf.push(' ');
    if (tag === 'a') inLink++;
    stack.push({ endOf: tag, block });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return out;
}

// Readability keeps what sits next to the story inside its container: captions ("2of5 A clerk stacks
// boxes..."), credit lines ("Photo: J. Doe, AP"), share bars, author boxes and promos.
const NOISE_TAG = new Set(['figcaption', 'nav', 'aside', 'footer']);
const NOISE_CLASS =
  /(?:^|[\s_-])(?:caption|credit|credits|wp-caption-text|photo-?credit|image-?credit|share|sharing|social|newsletter|newsletter-?signup|promo|subscribe|subscription|related|related-?(?:stories|articles|posts|content|links)|author-?bio|author-?box|about-?author|bio|byline|tags?|gallery-?count|advert|advertisement|ad-?slot|sponsor|comments?|disqus|donate|donation|donate-?box|support-?us|membership|next-?(?:article|post|story)|read-?next|more-?stories|recirc|outbrain|taboola|twitter-tweet|instagram-media|tiktok-embed|embed|video-?player)(?:$|[\s_-])/i;

// Inside what Readability picked, only what is never story text: a caption, a credit, a
// newsletter or donation box, an author bio, a related list, the next article, comments. Embedded posts stay:
// the extraction benchmark counts a quoted tweet as part of the story (8 of its pages lose 0.03-0.23 F1 without).
const PICKED_NOISE_CLASS =
  /(?:^|[\s_-])(?:caption|credit|wp-caption-text|photo-?credit|image-?credit|newsletter-?signup|author-?bio|about-?author|donate-?box|donation|related-?(?:stories|articles|posts|content|links)|next-?(?:article|post|story)|read-?next|outbrain|taboola|disqus)(?:$|[\s_-])/i;

function isNoise(el: DomElement, tag: string, picked = false): boolean {
  if (NOISE_TAG.has(tag)) return true;
  const re = picked ? PICKED_NOISE_CLASS : NOISE_CLASS;
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if ((cls && re.test(cls)) || (id && re.test(id))) return true;
  return false;
}

// Widget lines a page template leaves between the paragraphs Readability keeps: "READ MORE: ...",
// "You may also like", "Continue Reading Below", "Image 1 of 9", "Skip to content", "Advertisement".
const WIDGET_LINE =
  /^(?:you may also like|recommended(?: for you)?|continue reading(?: below)?|skip to (?:main )?content|advert(?:isement)?|sponsored(?: content)?|sign in|log in|subscribe(?: now)?|tags|topics|share(?: this(?: article| story)?)?|image \d+ of\b.*|photo \d+ of\b.*|this slideshow requires javascript|don'?t miss)\s*[:.!…]*$/i;
// Link lines with a label: "READ MORE: Council backs new routes", "Related: ...".
const LINK_LINE = /^(?:read more|see more|more from|related(?: articles| stories| coverage)?|also read)\s*:/i;
// Stamps: "PUBLISHED: 10:48, Tue, Nov 5, 2019", "| UPDATED: 11:05", "Updated 11:21 pm CST, Tuesday".
// Only a short line whose rest is a time, a year or "ago" is a stamp: "Updated figures show a 12% rise" is not.
const STAMP_HEAD = /^[|\s]*(?:published|updated|last updated|posted|modified)\b[\s:]*(?:on\s)?/i;
function isStampLine(p: string): boolean {
  const m = STAMP_HEAD.exec(p);
  if (!m) return false;
  const rest = p.slice(m[0].length);
  return rest.split(/\s+/).length <= 10 && (/\d{1,2}:\d{2}/.test(rest) || /\b(?:19|20)\d{2}\b/.test(rest) || /\bago\b/i.test(rest));
}
// A caption credit at the end of a line: "(Image: GETTY)", "(AP Photo/J. Doe)", "(Photo: Reuters)".
const CREDIT_END = /\((?:image|images|photo|photos|picture|pictures|foto|credit|ap photo|afp photo|reuters photo)\s*[:/][^()]*\)\s*$/i;

/**
 * A line with no letters ("0", "12", "___"), a lone credit ("Фото: ...", "Photo: AP"), a captioned photo
 * line, or a template widget or stamp line.
 */
function isJunkLine(p: string): boolean {
  if (!/\p{L}/u.test(p)) return true;
  if (p.length < 100 && (WIDGET_LINE.test(p) || LINK_LINE.test(p) || isStampLine(p))) return true;
  if (p.length < 300 && CREDIT_END.test(p)) return true;
  if (p.length < 100 && (CREDIT_LINE_INTL.test(p) || AGENCY_END.test(p))) return true;
  if (p.length < 200 && POST_META.test(p)) return true;
  if (p.length < 400 && (CONSENT_LINE.test(p) || CONSENT_SENTENCE.test(p) || FIGURE_CAPTION.test(p) || CREDIT_TAIL.test(p))) return true;
  return p.length < 80 && /^(?:photo|photos|foto|fotos|фото|image|images|picture|credit|source|getty images|ap photo|caption)\b\s*[:/]/iu.test(p);
}
// Credit and caption labels of other languages and forms: "Bild: dpa", "Quelle: Landesregierung", "Abbildung 4:
// klassische Schwachschicht", "Photograph by Ann Hale", "Crédit photo : AFP", "Fuente: EFE", "Bild anzeigen".
const CREDIT_LINE_INTL =
  /^(?:(?:bild|bilder|bildquelle|bildnachweis|quelle|quellen|abbildung|abb\.|grafik|fotonachweis|foto ?credits?|cr[ée]dits?(?: photo)?|cr[ée]dito|fuente|imagen|fonte|bron)(?:\s*\d+)?\s*:|photograph(?:ed)? by\b|photo(?:graph)? courtesy\b|bild anzeigen$|bild vergrößern$)/iu;
// A blog theme's post-meta line: "This entry was posted in News on March 3, 2020 by Ann.", "Filed under: Transport",
// "Der Beitrag wurde am Mittwoch, 4. März 2020 veröffentlicht.", "Kategorie: News", "Schlagwörter: Bus, Hafen".
const POST_META =
  /^(?:this (?:entry|post) was posted\b|posted in\s|filed under\b|(?:der|dieser) (?:beitrag|eintrag|artikel) wurde (?:am|in)\b.*\b(?:veröffentlicht|geschrieben|erstellt)|(?:kategorie|kategorien|schlagwörter|schlagworte|categories|catégories?|categorías?|etiquetas)\s*:)/iu;
// The placeholder a consent tool leaves where an embed (a tweet, a video, a map) was blocked: "Externer Inhalt",
// "Twitter freischalten", "Inhalt laden", "Datenschutzeinstellungen verwalten", "Load external content".
const CONSENT_LINE =
  /^(?:externe[rn]? inhalte?|inhalte? (?:laden|anzeigen)|(?:inhalt|video|tweet|karte|beitrag|twitter|x|youtube|instagram|facebook|vimeo|spotify|podcast|soundcloud|google maps)\s+(?:freischalten|laden|anzeigen|aktivieren|entsperren)|datenschutzeinstellungen(?: verwalten| anpassen| ändern)?|(?:external|third[- ]party) content|load (?:external )?content|(?:click|tap) (?:here )?to (?:load|show|view) (?:the )?(?:content|video|tweet|map|embed))\s*[.!]?$/i;
// ...and the sentence beside it (our wording of the forms): "Zum Schutz deiner Daten ist das automatische Laden dieses
// Beitrags blockiert.", "Ohne deine Zustimmung stellen wir keine Verbindung zu Twitter her.", "Klicken Sie auf den Button,
// um den Inhalt von www.example.de zu laden.", "Mit dem Laden gehen personenbezogene Daten an den Betreiber der
// Plattform.", "By loading the video, you agree to the platform's privacy policy."
const CONSENT_SENTENCE =
  /(?:das automatische laden|laden (?:der|dieser|des) (?:externen )?(?:inhalte?|videos?|karte|tweets?)\b.{0,60}\b(?:blockiert|zustimm|einverstanden|akzeptier)|um den inhalt von \S+ zu laden|keine verbindung zu \S+(?: \S+)? her\b|personenbezogenen? daten an (?:den|die) (?:betreiber|anbieter)|(?:by )?(?:loading|clicking)\b.{0,60}\byou (?:agree|consent|accept)\b.{0,80}\b(?:privacy|cookie|third[- ]part))/i;
// A figure's caption: "Abbildung 4: Die Schicht unter dem Neuschnee.", "Abb. 2: ...", "Figure 3: ...".
const FIGURE_CAPTION = /^(?:abbildung|abb\.|figure|fig\.|tabelle|table)\s*\d{0,3}\s*:/i;
// A caption whose credit closes the line, or a lone credit: "Die Altstadt im Schnee © Ann Hale/pixelio.de", "Foto ©
// Peter Hale", "© Bundesrat | Tom Reyes", "© 2020 Example Foods All Rights Reserved". The credit after the sign holds no
// sentence end (a story's "©" is followed by more story); a dot inside a name is no end ("bildarchiv.example").
const CREDIT_TAIL = /©(?:[^©.!?]|\.(?=\S)){2,80}$/;

// A credit line that ends with an agency or a picture library: "Augusta National/Getty Images", "Judy Eddy/WENN.com",
// "© picture alliance / dpa".
const AGENCY_END = /(?:[/|©]\s*(?:getty images|dpa|afp|ap|reuters|imago(?: images)?|istock(?:photo)?|shutterstock|picture alliance|wenn\.com|unsplash|pixabay|keystone|epa)\s*)$/iu;

// The tail a template appends after the story: "Sign up for our newsletter", "Support independent
// journalism", "Related", "Next article: ...", "About the author", "Comments", "Ann Hale is a reporter...";
// not "Read more about the fare plans in the committee papers." (a sentence).
const TAIL_HEAD =
  /^(?:related(?: articles| stories| coverage| posts)?|read more|more (?:from|stories|on this)|recommended(?: for you)?|you (?:may|might) also like|next (?:article|story|post)|read next|up next|about the author|comments?|join the (?:conversation|discussion)|follow us|share this(?: article| story)?)\b/i;
// The same headings in the other languages of news sites: "Mehr zum Thema", "Das könnte Sie auch interessieren",
// "Weiterführende Links", "Über den Autor", "Diesen Artikel teilen", "À lire aussi", "Noticias relacionadas",
// "Leggi anche", "Leia também", "Lees ook". Whole heading only (see isTailLine), so "Mehr zum Thema Wärmepumpen
// sagte die Ministerin am Montag." stays.
const TAIL_HEAD_INTL = new RegExp(
  '^(?:' +
    [
      // German
      'mehr (?:zum thema|zu diesem thema|dazu|themen|artikel|beiträge|news|nachrichten)', 'weitere (?:artikel|beiträge|themen|news|nachrichten|links|meldungen|tipps)(?: (?:zum|aus|zu)\\b.*)?',
      'weiterführende (?:links|artikel|beiträge|informationen)', 'das könnte (?:sie|dich|euch) (?:auch )?interessieren', '(?:lesen sie|lies) (?:auch|mehr|weiter)', 'auch lesen', 'zum weiterlesen', 'mehr lesen', 'weiterlesen',
      '(?:empfohlene|ähnliche|verwandte|passende|neueste|aktuelle|beliebte|meistgelesene|meistdiskutierte) (?:artikel|beiträge|themen|news|nachrichten)', 'über (?:den|die) (?:autor|autorin|autoren)',
      '(?:diesen |den )?(?:artikel|beitrag) (?:teilen|empfehlen)', '(?:keine |\\d+ )?kommentare?', 'kommentar (?:schreiben|verfassen)', 'quellen(?:angaben)?', 'das könnte (?:sie|dich) auch',
      // French, Spanish, Italian, Portuguese, Dutch
      '(?:à )?lire (?:aussi|également|la suite)', 'sur le même (?:sujet|thème)', 'articles? (?:similaires|liés|connexes)', 'dans la même rubrique', 'à propos de l.auteur', 'commentaires?', 'partager cet article',
      '(?:te )?puede (?:interesar|interesarte)', 'lee (?:también|más)', '(?:noticias|artículos|notas) relacionad[oa]s', 'más noticias', 'sobre el autor', 'comentarios', 'compartir (?:esta|este) (?:noticia|artículo)',
      'leggi anche', 'articoli correlati', '(?:ti )?potrebbe (?:interessarti|interessare)', 'leia (?:também|mais)', 'veja também', '(?:notícias|matérias) relacionadas', 'comentários',
      'lees (?:ook|meer)', 'gerelateerde (?:artikelen|berichten)', 'meer (?:over dit onderwerp|nieuws)',
    ].join('|') +
    ')\\b',
  'iu',
);
// A plea or a sign-up, whole sentences included: "Sign up for our morning newsletter and never miss a story."
const TAIL_PLEA =
  /^(?:sign up|subscribe|support (?:our|independent|local)|donate|become a (?:member|subscriber)|independent (?:local )?(?:news|journalism) needs your support|have a (?:news )?tip|contact the (?:author|writer))\b/i;
// The same pleas elsewhere: "Abonniere unseren Newsletter", "Jetzt spenden", "War der Artikel nützlich?",
// "Artikel gefallen? Vergiss nicht zu teilen!", "Möchten Sie den Artikel teilen?", the comment form ("Keine
// Kommentare", "Sie sind aktuell nicht eingeloggt.", "Hinterlasse einen Kommentar"), "Abonnez-vous", "Suscríbete a nuestro boletín".
const TAIL_PLEA_INTL =
  /^(?:abonniere|abonnieren sie|jetzt (?:abonnieren|spenden|unterstützen|teilen)|newsletter abonnieren|melde dich (?:jetzt )?(?:für|zum) (?:unseren |den )?newsletter|unterstütze(?:n sie)? (?:uns|unsere|unabhängigen)|spenden sie|(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|(?:hat (?:dir|ihnen) (?:der|dieser) )?(?:artikel|beitrag) gefallen|gefällt (?:dir|ihnen) (?:unser|dieser|der)|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|(?:den |diesen )?(?:artikel|beitrag) mit (?:anderen|freunden) teilen|teilen sie (?:diesen|den) (?:artikel|beitrag)|(?:noch )?keine kommentare|sie (?:sind|müssen) (?:aktuell )?(?:nicht )?(?:eingeloggt|angemeldet)|(?:du musst|you must be) (?:angemeldet|eingeloggt|logged in)|leave a (?:reply|comment)|(?:schreibe|hinterlasse)(?:n sie)? (?:einen kommentar|eine antwort)|laisser un commentaire|deja (?:un|tu) comentario|um (?:den|diesen) (?:tipp|artikel|beitrag|text)\b.{0,60}\bkommentieren|abonnez-vous|inscrivez-vous|soutenez|suscr[ií]bete|apoya (?:nuestro|el periodismo)|iscriviti|assine|inscreva-se)/iu;
const BIO_LINE = /^\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}'’.-]+){0,3}\s(?:is|was)\s(?:a|an|the)\s(?:[\p{L}-]+\s){0,4}(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|intern)\b/u;
/** A line of the template's tail: a heading or link line ("Related", "Next article: ..."), a plea, a bio. */
// A heading may end with "!" ("Das könnte Sie auch interessieren!"), not with a full stop or a question mark.
const isTailHead = (p: string) => p.length < 220 && (TAIL_HEAD.test(p) || TAIL_HEAD_INTL.test(p)) && ((p.length < 90 && !/[.?]["”’)]?$/.test(p)) || /^[^.!?]{0,40}:/.test(p));
// "About the author" and its languages: what follows is the author's bio, however story-like its sentences.
const AUTHOR_HEAD = /^(?:about the (?:author|writer)s?|über (?:den|die) (?:autor|autorin|autoren|autorinnen)|zu(?:r|m) (?:autor|autorin|person)|à propos de l.auteure?|sobre (?:el|la) autora?|sull.autore|sobre o autor|over de (?:auteur|schrijver))\s*[:.]?$/iu;
const isTailLine = (p: string) => p.length < 220 && (TAIL_PLEA.test(p) || TAIL_PLEA_INTL.test(p) || BIO_LINE.test(p) || isTailHead(p));

const isStoryLine = (p: string) => p.length >= 120 && /[.!?]["”’)]?$/.test(p) && !isTailLine(p);
/** Paragraphs less the template's tail: from the end, widget and bio lines go, and a "Related" heading takes what follows. */
export function trimTail(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  const floor = Math.max(1, Math.floor(paragraphs.length * 0.6));
  for (let i = end - 1; i >= floor; i--) {
    const p = paragraphs[i];
    // A heading keeps the story's paragraphs after it: "Leggi anche" between two paragraphs of the story.
    // An "About the author" heading takes the bio after it.
    if (AUTHOR_HEAD.test(p) || (isTailLine(p) && !(isTailHead(p) && paragraphs.slice(i + 1, end).some(isStoryLine)))) end = i;
    else if (i < end - 3) break;
  }
  // A heading such as "Related" or "Mehr zum Thema" followed only by a list of short lines (teaser titles, not
  // the story's paragraphs) takes that list, however long: the walk above gives up after three lines.
  // The list may outnumber the story's paragraphs; the story before it holds at least twice the list's letters.
  const chars = (xs: string[]) => xs.reduce((n, x) => n + x.length, 0);
  // Lists stacked one on another ("Meistgelesene Artikel", its titles, then "Mehr zum Thema" and its titles): once the
  // last list is cut, the one before it may now close the page; a few rounds.
  for (let round = 0, cut = true; cut && round < 4; round++) {
    cut = false;
    for (let i = 1; i < end - 1; i++) {
      if (paragraphs[i].length > 60 || !isTailHead(paragraphs[i])) continue;
      const rest = paragraphs.slice(i + 1, end);
      // Teaser titles end without a full stop; a story's sentence ends with one ("Tornando al remake, ... 2018.").
      if (rest.length <= 15 && rest.every((x) => x.length < 160 && !/\.["”’)]?$/.test(x)) && chars(paragraphs.slice(0, i)) >= 2 * chars(rest)) {
        end = i;
        cut = true;
        break;
      }
    }
  }
  return end === paragraphs.length ? paragraphs : paragraphs.slice(0, end);
}

export interface Extracted {
  paragraphs: string[];
  /** What Readability found, for metadata fallbacks. */
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  /** Share of the extracted letters that sit inside links: a front page or a link list is mostly links. */
  linkDensity: number;
}

/** Characters of text kept, and how many of them sit inside links. */
export interface LinkStats {
  chars: number;
  linkChars: number;
}

/** Elements Readability is run on at most; the 381 pages of the extraction and date benchmarks have at most 6,066 (twice that takes Readability ~2 s). */
export const MAX_READABILITY_ELEMENTS = 12_000;

/**
 * The page's one <article>, when it holds the page's headline, as paragraphs — read before Readability rewrites
 * the page. A story of one short paragraph can lose Readability's vote to a longer block beside it (a list of
 * teasers, the comments, a promo), and the page would be refused or read as that block.
 */
function loneArticle(document: DomDocument): { paragraphs: string[]; stats: LinkStats } | null {
  const arts = document.querySelectorAll('article');
  if (arts.length !== 1) return null;
  const art = arts[0];
  const h1 = document.querySelector('h1');
  if (h1) {
    let n: DomNode | null = h1;
    while (n && n !== art) n = n.parentNode;
    if (!n) return null;
  }
  const stats: LinkStats = { chars: 0, linkChars: 0 };
  const paragraphs = trimTail(blockParagraphs(art, true, stats).filter((p) => !isJunkLine(p)));
  if (paragraphs.join(' ').split(/\s+/).length < 15 || stats.linkChars > stats.chars * 0.5) return null;
  return { paragraphs, stats };
}

/** Little of the <article>'s text (its lines of 40 characters or more) is in what Readability picked. */
function missesArticle(picked: string[], article: string[]): boolean {
  const text = picked.join('\n');
  let total = 0;
  let found = 0;
  for (const p of article) {
    if (p.length < 40) continue;
    total += p.length;
    if (text.includes(p)) found += p.length;
  }
  return total > 0 && found < total * 0.2;
}

/**
 * Main text of a parsed page: Readability picks the article, then its blocks become paragraphs.
 * `elements`: the page's element count when already known (see scanMarkup).
 */
export function extractBody(document: DomDocument, fallback?: () => DomNode, elements?: number): Extracted {
  let parsed: ReturnType<Readability<DomNode>['parse']> = null;
  // Readability spends ~0.1-0.2 ms per element: a page of a million <td>s or <li>s would take minutes. Past
  // the cap the page is read whole (linear), as when Readability finds nothing. (Its own maxElemsToParse
  // counts with getElementsByTagName('*'), which linkedom answers with nothing.)
  const tooMany = (elements ?? document.querySelectorAll('*').length) > MAX_READABILITY_ELEMENTS;
  const lone = tooMany ? null : loneArticle(document);
  if (!tooMany) {
    try {
      parsed = new Readability<DomNode>(document as never, { serializer: (el) => el as unknown as DomNode, keepClasses: true }).parse();
    } catch {
      // Readability can throw on odd trees; the page is then read whole, as when it finds nothing.
    }
  }
  let stats: LinkStats = { chars: 0, linkChars: 0 };
  let paragraphs = parsed?.content ? trimTail(blockParagraphs(parsed.content, 'picked', stats).filter((p) => !isJunkLine(p))) : [];
  // Nothing picked (a bare fragment, a page too short for Readability's thresholds): the whole body, less
  // navigation, footers, asides and widgets.
  if (paragraphs.length === 0 && (fallback || tooMany)) {
    stats = { chars: 0, linkChars: 0 };
    // Untouched by Readability when it was skipped: no need to parse afresh.
    const root = tooMany ? ((document.body ?? document.documentElement) as DomNode) : fallback!();
    paragraphs = trimTail(blockParagraphs(root, true, stats).filter((p) => !isJunkLine(p)));
  }
  if (lone && missesArticle(paragraphs, lone.paragraphs)) {
    paragraphs = lone.paragraphs;
    stats = lone.stats;
  }
  return {
    paragraphs,
    title: parsed?.title || null,
    byline: parsed?.byline || null,
    publishedTime: parsed?.publishedTime || null,
    siteName: parsed?.siteName || null,
    linkDensity: stats.chars ? stats.linkChars / stats.chars : 0,
  };
}
