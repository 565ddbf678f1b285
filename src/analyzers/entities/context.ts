// Types decided by context after recognition: a town named as a sports club. "in Plymouth" is the place;
// "Plymouth beat Exeter", "Plymouth 4 Exeter 1", "the Plymouth manager", "Plymouth have won" are the club.
// National sides keep the country's type (a country is always a place in the guidelines).
import type { RawMention } from './recognize.js';
import { KNOWN_SURNAMES, lookup, norm } from './gazetteer.js';
import { FIRST_NAMES } from './data/people.js';
import { SpanIndex } from '../../text/spans.js';

// Words of sports reports: a document with several of them reads towns as clubs.
const SPORT = new Set(
  'match matches goal goals striker strikers midfielder defender goalkeeper keeper winger league cup club clubs coach manager season fixture fixtures tournament premiership squad scored scorer unbeaten relegation promotion semi-final quarter-final innings wicket wickets referee penalty penalties champions derby stadium half-time kick-off footballer football rugby cricket playoff play-off table'.split(
    ' ',
  ),
);
// "the Plymouth manager", "Exeter's striker".
const CLUB_NOUNS = /^(?:'s |’s |' )?(?:manager|boss|coach|chairman|striker|winger|midfielder|defender|goalkeeper|keeper|captain|skipper|player|players|fans|supporters|squad|side|team|legend|team-mate|forward|academy|youngster|board|owner|shirt|debut|prop|centre|fly-half|scrum-half|lock|flanker|hooker|full-back|wing|batsman|bowler|all-rounder|opener|spinner)\b/i;
// "Plymouth beat Exeter", "Plymouth have won", "Exeter were relegated" (British plural agreement with a club).
// A side's place in the table and its next match: "Norbury stayed top", "Harwick moved up to third", "Harwick
// play Lydgate on Tuesday", "who meet Castlegate in the final".
const CLUB_VERBS = /^(?: ,)?(?:,? who)? (?:beat|beats|drew|draw|lost|won|win|face|faces|host|hosts|edged|thrashed|hammered|crushed|routed|held|sacked|signed|have|are|were|need|needs|trail|lead|led|visit|visits|play|meet|meets|(?:stayed|stay|stays|remain|remained|remains|went|go|goes|moved|move|moves|climbed|slipped|dropped|fell) (?:top|bottom|second|third|fourth|clear|up|down|into|to|off|level|unbeaten))\b/;
// "beat Exeter", "against Exeter", "defeat at Shrewsbury", "a win over Exeter", "joined Exeter", with a score
// between: "drew 1-1 with Hull", "lost 2-0 at home to Derby", "a 3-1 win over Exeter", "went down 2-0 to Hull";
// the passive: "were held 1-1 by Vitesse", "beaten 2-0 by Derby".
const CLUB_BEFORE = /\b(?:beat|beating|beaten|defeated|thrashed|against|v|vs\.?|(?:play|plays|playing|meet|meets|meeting|face|faces|facing|host|hosts|hosting|visit|visits|visiting|entertain|entertains)|(?:beat|beating|beaten|defeated|thrashed|hammered|edged|drew|draw|drawn|drawing|lost|losing|won|winning|went down|win|victory|defeat|loss|lead) (?:\d{1,2} ?[-–] ?\d{1,2} )?(?:at home |away )?(?:over|at|to|against|with)|held \d{1,2} ?[-–] ?\d{1,2} (?:at home |away )?by|(?:beaten|defeated|thrashed|hammered|edged out) (?:\d{1,2} ?[-–] ?\d{1,2} )?(?:at home |away )?by|(?:points?|goals?) (?:ahead of|behind|clear of)|at home to|away to|joined|joining|signed for|rejoined|(?:signed|bought|loan|loaned|moved|transfer|joined|arrived) from|on loan (?:at|from)|(?:move|switch|transfer|loan) to|(?:career|spell|spells|stint|season|seasons|years) at|(?:leaders|champions|rivals|holders|hosts|visitors|neighbours|opponents|newly-promoted|promoted|relegated|bottom club|struggling)|(?:scored|scoring|score|goals?|played|plays|playing|appearances?|debut)(?: \w+)? for|(?:player|manager|striker|captain|boss|coach) (?:at|of)) $/i;
// "Plymouth 4 Exeter 1", "Plymouth 4-1 Exeter": a results line.
const SCORE_AFTER = /^ \d{1,2}(?:\s?[-–]\s?\d{1,2})?,? (?=\p{Lu})|^ \d{1,2}\s*(?:\n|$)/u;
const SCORE_BEFORE = /\p{L} \d{1,2} $/u;
// A side's innings in a scoreboard: "Kelshire 287-6 ( Hallam 92 ) v Darnshire", "Halshire 301 v Brackenshire",
// "Moorshire 154 and 60-1 ;" (a batsman's runs are followed by a comma or a bracket's end, not these).
const INNINGS_AFTER = /^ \d{2,3}(?:-\d{1,2})?(?: and \d{1,3}(?:-\d{1,2})?)? (?:\(|v\b|;)/;
// "Cork City travel to Dundalk", "Wexford County 154": a town and the word clubs add to it, in a sports report.
const CLUB_SUFFIX = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?) (?:City|Town|County|United|Rovers|Athletic|Wanderers|Albion)$/u;
// Words for a side's standing that open a sentence before its name: "Champions Ellesby", "Leaders Lydgate".
const STANDING = /^(?:Champions|Leaders|Rivals|Holders|Hosts|Visitors|Neighbours|Opponents|Promoted|Relegated) (?=\p{Lu})/u;
// The winner's side of a result: "Plymouth Argyle beat Exeter City 2-1" (the opponent, then the score).
const RESULT_OVER = /^ (?:beat|beats|defeated|edged|thrashed|hammered|routed|drew with|lost to|lost at|won at)\s+\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}\s+\d{1,2}\s?[-–]\s?\d{1,2}\b/u;
// Sets in a row after the opponent ("beat Pryce 6-4 6-2") are a player's result, not a club's.
const wonOver = (after: string) => RESULT_OVER.test(after) && !/\d{1,2}\s?[-–]\s?\d{1,2} \(?\d{1,2}\s?[-–]\s?\d{1,2}\b/.test(after.slice(0, 60));
// The passive with a score: "were held 1-1 by Vitesse Arnhem", "beaten 2-0 at home by Derby".
const PASSIVE_SCORE = /\b(?:held|beaten|defeated|thrashed|hammered) \d{1,2} ?[-–] ?\d{1,2} (?:at home |away )?by $/;
// "drew 1-1", "won 2-0 at", "were held 0-0": a side's result, the score right after the verb.
const RESULT_AFTER = /^ (?:drew|won|lost|beat|were held|was held|held|went down|crashed|slumped)\s+\d{1,2}\s?[-–]\s?\d{1,2}\b/;
// A place after these stays a place: "in Plymouth", "near Exeter".
const PLACE_BEFORE = /\b(?:in|near|outside|across|throughout|around|born in|based in) $/i;

// "Leicester Tigers", "Sale Sharks": a club named with a plural head (never "Chris Evans": no given name first).
function pluralClub(m: RawMention): boolean {
  const ws = m.text.split(/\s+/);
  if (ws.length < 2 || ws.length > 3 || FIRST_NAMES.has(ws[0]) || m.role || m.honorific) return false;
  if (!/^\p{Lu}\p{Ll}+[^s'’]s$/u.test(ws[ws.length - 1])) return false;
  return (m.type === 'person' && m.evidence === 'weak') || (m.type === 'place' && !m.key);
}

/** A town, an unlisted place or a lone unknown name: could be a club. Countries, states, regions never are. */
/** A mention retyped as an organization by its context: strong evidence, no longer a person's name. */
function toOrganization(m: RawMention): void {
  m.type = 'organization';
  m.key = `o:${norm(m.text)}`;
  m.evidence = 'strong';
  delete m.unknown;
  delete m.name;
}

// "Sturm Graz drew 1-1 at Linz", "Vitesse Arnhem": a name in two or three words with a town in it, no given name
// first, that the tagger read as a person.
function townClub(m: RawMention): boolean {
  if (m.type !== 'person' || m.evidence === 'known' || m.role || m.honorific) return false;
  const ws = m.text.split(/\s+/);
  if (ws.length < 2 || ws.length > 3 || FIRST_NAMES.has(ws[0])) return false;
  return ws.some((w) => {
    const e = lookup(w);
    return !!e && e.type === 'place' && !e.weak && !/^[csr]:/.test(e.key);
  });
}

function candidate(m: RawMention): boolean {
  if (pluralClub(m) || townClub(m)) return true;
  const key = m.key ?? lookup(m.text)?.key;
  if (key && /^[csr]:/.test(key)) return false;
  if (m.country || m.outlet) return false;
  if (m.type === 'place') return true;
  return m.type === 'person' && !/\s/.test(m.text) && (m.evidence !== 'strong' || !!m.speaker) && !m.role && !m.honorific && !KNOWN_SURNAMES.has(m.text);
}

// Words that open names of many kinds (places, clubs, firms): never a club's short name by themselves.
export const NOT_SHORT = new Set('New North South East West Upper Lower Great Old Saint San Santa Los Las La Le El Al De Port Fort Mount Lake Cape Royal National International General United Real'.split(' '));

// Sports of players, not clubs: "TENNIS - MUSTER BEATS MOYA".
export const INDIVIDUAL_SLUG = /^(?:TENNIS|GOLF|ATHLETICS|BOXING|SQUASH|BADMINTON|CYCLING|SKIING|ALPINE SKIING|SWIMMING|SNOOKER|TABLE TENNIS|MOTOR RACING|MOTORCYCLING|FORMULA ONE)\b[^\n\p{Ll}]* [-–] /mu;
// Two set or game scores in a row: "6-3 6-4", "15-10 15-8".
const SETS_AFTER = /^ \d{1,2}\s?[-–]\s?\d{1,2} \(?\d{1,2}\s?[-–]\s?\d{1,2}\b/;
// An agency's sports slug opening a line: "SOCCER - ENGLISH LEAGUE RESULTS", "TENNIS - RESULTS AT ...".
const SPORT_SLUG = /^(?:SOCCER|FOOTBALL|TENNIS|CRICKET|RUGBY(?: UNION| LEAGUE)?|GOLF|ATHLETICS|CYCLING|BASEBALL|BASKETBALL|(?:ICE )?HOCKEY|MOTOR RACING|MOTORCYCLING|MOTOCROSS|BOXING|SKIING|SWIMMING|HORSE RACING|AMERICAN FOOTBALL|NFL|NBA|NHL|SQUASH|BADMINTON|VOLLEYBALL|HANDBALL|ROWING|SAILING|SNOOKER|YACHTING|TABLE TENNIS|ALPINE SKIING|FORMULA ONE)\b[^\n\p{Ll}]* [-–] /mu;

// Scores: a result with a score ("beat Harwick 2-1", "drew 0-0 with", "won 3-1 at") or a results line
// ("Harwick 2 Carnforth 1"). Two make a sports report whatever its words.
const SCORES = /\b(?:beat|beating|drew|draw|lost|losing|won|winning|defeated|held|led|leading|victory|defeat|win)\b[^.\n\d]{0,30}\b\d{1,2} ?[-–] ?\d{1,2}\b|^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} \d{1,2} \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} \d{1,2}\s*$/gmu;

export function sportsDocument(text: string): boolean {
  if (SPORT_SLUG.test(text)) return true;
  let n = 0;
  for (const w of text.toLowerCase().match(/[a-z-]+/g) ?? []) if (SPORT.has(w) && ++n >= 4) return true;
  n = 0;
  for (const _ of text.matchAll(SCORES)) if (++n >= 2) return true;
  return false;
}

/**
 * Retypes club mentions as organizations (in place); every mention of a name found as a club follows it.
 * `dropped` are rule mentions left out for want of evidence ("Exeter" in "Plymouth 4 Exeter 1"): a club
 * context is that evidence, and they come back.
 */
export function typeClubs(text: string, ms: RawMention[], dropped: RawMention[] = [], title = ''): RawMention[] {
  // The agency's sports slug may stand in the title ("SOCCER - BARROWBY EDGE PAST CULMSTEAD").
  const sports = sportsDocument(text) || SPORT_SLUG.test(title);
  // "TENNIS - ...": players, not clubs, beat and lose in an individual sport's report; "beat Rosset 7-6 6-2",
  // sets in a row, is a player's result anywhere.
  const individual = INDIVIDUAL_SLUG.test(text) || INDIVIDUAL_SLUG.test(title);
  // Without teams at all (motor racing and cycling have them).
  const solo = individual && !/^(?:MOTOR|CYCLING|FORMULA)/m.test(title + '\n' + text.slice(0, 200));
  // "Kafelnikov , who beat Rosset 7-6 6-2": a lone name that only the tagger read as an organization is a player
  // in such a report, or before sets in a row.
  for (const m of ms) {
    if (m.type !== 'organization' || m.evidence !== 'weak' || m.key || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(m.text)) continue;
    if (solo || SETS_AFTER.test(text.slice(m.end, m.end + 24))) {
      m.type = 'person';
      delete m.key;
    }
  }
  const clubs = new Set<string>();
  // "Tony Adams of Arsenal" in a sports report: a player's club after his name (a country stays a place:
  // candidates are never countries).
  const personEnds = new Set(ms.filter((m) => m.type === 'person' && m.text.includes(' ')).map((m) => m.end));
  const isClub = (m: RawMention) => {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    if (sports && before.endsWith(' of ') && personEnds.has(m.start - 4)) return true;
    const after = text.slice(m.end, m.end + 24);
    if (individual || SETS_AFTER.test(after)) return false;
    if (SCORE_AFTER.test(after) || SCORE_BEFORE.test(before)) return true;
    if (sports && INNINGS_AFTER.test(after)) return true;
    // "beat Exeter City 2-1", "drew with Hull 1-1": a match result names a club in any document.
    if (CLUB_BEFORE.test(before) && /^ \d{1,2} ?[-–] ?\d{1,2}\b/.test(after)) return true;
    if (wonOver(text.slice(m.end, m.end + 60)) || PASSIVE_SCORE.test(before)) return true;
    return sports && !PLACE_BEFORE.test(before) && (CLUB_NOUNS.test(after.replace(/^ /, '')) || CLUB_VERBS.test(after) || CLUB_BEFORE.test(before));
  };
  // "Tomas Verhoek ( Netherlands ) beat ... Verhoek beat Pryce": a word of a person named in full is that
  // person, not a club, in a tennis or golf report.
  const nameWords = new Set<string>();
  for (const m of ms) if (m.type === 'person' && m.text.includes(' ')) for (const w of m.text.split(/\s+/)) nameWords.add(w);
  // A lone word the tagger alone read as an organization ("Grantley beat Swanmore 2-0") is a club in a club
  // context too: its other mentions follow it, and a town after "in" is told apart with evidence.
  const taggerOrg = (m: RawMention) => m.type === 'organization' && m.evidence === 'weak' && !m.key && !m.outlet && /^\p{Lu}\p{Ll}+$/u.test(m.text);
  for (const m of ms) if ((candidate(m) || taggerOrg(m)) && !nameWords.has(m.text) && isClub(m)) clubs.add(m.text);
  // "Sturm Graz drew 1-1 at Linz": a name in two or three words that only the tagger read as a person, with no
  // given name first, is a club when a result with a score follows it straight away (players' results put the
  // opponent, not the score, after the verb: "Verhoek beat Pryce 6-4").
  const guessed = new Set<string>();
  if (sports && !individual) {
    for (const m of ms) {
      if (m.type !== 'person' || m.evidence !== 'weak' || m.role || m.honorific || !/^\S+(?: \S+){1,2}$/.test(m.text) || FIRST_NAMES.has(m.text.slice(0, m.text.indexOf(' ')))) continue;
      const after = text.slice(m.end, m.end + 60);
      if (RESULT_AFTER.test(after) || wonOver(after) || PASSIVE_SCORE.test(text.slice(Math.max(0, m.start - 30), m.start))) guessed.add(m.text);
    }
    for (const g of guessed) clubs.add(g);
  }
  // "Cork City travel to Dundalk ... gave Derry their third win": a town and a club word is a club in a team
  // sport's report (a place the gazetteer knows whole, "Mexico City", stays one), and the town alone names it too.
  if (sports && !individual) {
    for (const m of ms) {
      const c = CLUB_SUFFIX.exec(m.text);
      if (!c || m.role || m.honorific || m.country || lookup(m.text)?.type === 'place' || FIRST_NAMES.has(c[1])) continue;
      clubs.add(m.text);
      guessed.add(m.text);
      if (!NOT_SHORT.has(c[1])) clubs.add(c[1]);
    }
  }
  // "Champions Ellesby have won only one", "Leaders Lydgate drew": a word for a side's standing opening a sentence
  // joins the capitalised name after it; the name is the club.
  const described: RawMention[] = [];
  if (sports && !individual) {
    const inMs = new Set(ms);
    for (const m of [...ms, ...dropped]) {
      const d = STANDING.exec(m.text);
      const rest = d ? m.text.slice(d[0].length) : '';
      if (!d || !/^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}$/u.test(rest) || FIRST_NAMES.has(rest.split(' ')[0])) continue;
      const e = lookup(rest);
      Object.assign(m, { start: m.start + d[0].length, text: rest });
      // "Champions Germany": a national side is the country, by the guideline.
      if (e && /^[csr]:/.test(e.key)) Object.assign(m, { type: 'place', evidence: 'known', key: e.key, country: e.country });
      else {
        toOrganization(m);
        clubs.add(rest);
      }
      if (!inMs.has(m)) described.push(m);
    }
  }
  const back = [...described, ...dropped.filter((m) => !described.includes(m) && (!/\s/.test(m.text) || (sports && pluralClub({ ...m, evidence: 'weak' }))) && /^\p{Lu}\p{Ll}/u.test(m.text) && candidate({ ...m, evidence: 'weak' }) && isClub(m))];
  for (const m of back) if (!nameWords.has(m.text)) clubs.add(m.text);
  // "Halvik lost to Haarmond 6-4 3-6 7-5" in a tennis report: lone names the rules left out (one opens a
  // sentence) come back as players where a result names them.
  if (solo) {
    const players = dropped.filter((m) => /^\p{Lu}\p{Ll}+$/u.test(m.text) && candidate({ ...m, type: 'person', evidence: 'weak' }) && (CLUB_VERBS.test(text.slice(m.end, m.end + 24)) || CLUB_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))));
    for (const m of players) Object.assign(m, { type: 'person', evidence: 'weak' });
    if (players.length) ms = [...ms, ...players].sort((a, b) => a.start - b.start);
    // A lone name with no evidence of its own is dropped by grouping unless a full name holds it: a result is
    // its evidence here.
    for (const m of ms) {
      if (m.type === 'person' && m.unknown && (CLUB_VERBS.test(text.slice(m.end, m.end + 24)) || CLUB_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)))) delete m.unknown;
    }
  }
  if (!clubs.size) return sports ? townsAfterIn(text, ms) : ms;
  const returned = new Set(back);
  // "Barrowby moved top of the table": a club's name opening a sentence that no rule kept (a capital there proves
  // nothing) is the club once the report has named it as one — in a sports report only.
  const again: RawMention[] = [];
  if (sports) {
    const taken = new SpanIndex([...ms, ...back]);
    for (const name of clubs) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}'’-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'gu');
      for (const x of text.matchAll(re)) {
        const start = x.index!;
        const end = start + name.length;
        if (taken.any(start, end) || PLACE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
        // The sentence of the nearest mention before (no sentence list here).
        const near = ms.findLast((m) => m.start < start);
        again.push({ sentence: near?.sentence ?? 0, text: name, start, end, type: 'organization', evidence: 'strong', key: `o:${norm(name)}` });
      }
    }
  }
  // "120 games for Carnforth and Norbury": two clubs of the report joined by "and" into one mention are two.
  const split: RawMention[] = [];
  if (sports) {
    for (const m of ms) {
      const x = / and /.exec(m.text);
      if (!x || m.text.indexOf(' and ', x.index + 1) >= 0) continue;
      const a = m.text.slice(0, x.index);
      const b = m.text.slice(x.index + 5);
      if (!clubs.has(a) || !clubs.has(b)) continue;
      Object.assign(m, { text: a, end: m.start + a.length });
      toOrganization(m);
      const second = { ...m, text: b, start: m.start + x.index + 5, end: m.start + x.index + 5 + b.length };
      toOrganization(second);
      split.push(second);
    }
  }
  const out = [...ms, ...back, ...again, ...split].sort((a, b) => a.start - b.start);
  for (const m of out) {
    if (!clubs.has(m.text)) continue;
    if (m.type !== 'organization' && !guessed.has(m.text) && !candidate({ ...m, evidence: returned.has(m) ? 'weak' : m.evidence })) continue;
    // "Fans in Harwick were angry": the club's town after a place preposition is the town, with evidence of its
    // own (grouping would otherwise join a weak mention to the club).
    if (PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) {
      if (m.type !== 'organization' && !m.key) Object.assign(m, { type: 'place', evidence: 'strong' });
      continue;
    }
    toOrganization(m);
  }
  return sports ? townsAfterIn(text, out) : out;
}

/**
 * "Swanmore beat Lydgate ... In Swanmore , fans called for the manager to go": in a sports report a town after a
 * place preposition is the town even where the club of the same name was typed by the tagger, not a rule; its
 * own evidence keeps grouping from joining it to the club.
 */
function townsAfterIn(text: string, ms: RawMention[]): RawMention[] {
  const orgs = new Set(ms.filter((m) => m.type === 'organization' && m.evidence !== 'weak').map((m) => m.text));
  for (const m of ms) {
    if (m.type !== 'place' || m.evidence !== 'weak' || m.key || !orgs.has(m.text)) continue;
    if (PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) m.evidence = 'strong';
  }
  return ms;
}

// "shares in Brightwave", "the carmaker Brightwave", "Brightwave's chief executive", "Brightwave shares":
// a name in a company's context. Nouns before the name are lowercase common nouns naming the kind of firm.
const FIRM_BEFORE = /\b(?:firm|company|newspaper|daily|tabloid|magazine|news agency|companies|union|group|maker|makers|carmaker|operator|retailer|airline|carrier|bank|insurer|lender|giant|rival|subsidiary|unit|brand|label|broadcaster|startup|start-up|chain|publisher|studio|developer|manufacturer|supplier|distributor|conglomerate|shares in|shares of|stake in|stakes in|takeover of|bid for|merger with|acquisition of|deal with|customers of|owners of|owner of) $/i;
const FIRM_AFTER = /^(?:'s |’s |' | )(?:shares|share price|stock|profits?|losses|revenues?|sales|turnover|earnings|shareholders|chief executive|boss|board|chairman|chairwoman|spokesman|spokeswoman|spokesperson|subsidiary|products|executives|bosses|takeover|results)\b/;
// "Arafat 's Fatah movement", "the Kaldor engineering union", "the Tarvos militant group": a name before a
// lowercase head that names a kind of organization (a known place there is a modifier and stays a place).
// The word between is a modifier by its ending ("engineering", "nationalist", "militant", "regional"), never a
// verb ("Baxter told party members").
const ORG_NOUN_AFTER = /^ (?:[\p{Ll}-]{2,}(?:ing|ist|ant|al|ic|ary|ive|ian|ese|ern) )?(?:party|movement|union|faction|militia|group|news agency|agency|organisation|organization)\b/u;
const FIRM_APPOS = /^, (?:the |a |an )?(?:[\p{Ll}-]+ ){0,3}(?:firm|company|group|maker|carmaker|operator|retailer|airline|carrier|bank|insurer|lender|giant|broadcaster|startup|chain|publisher|studio|developer|manufacturer|supplier|conglomerate|portal)\b/u;

// "Analysts at Harrow Lynch", "dealers at Kessling Brothers": people who work for a bank or broker are named
// with their employer, never with a person's name. With "and" the next name is one too ("analysts at Harrow
// Lynch and Tarrant Brothers").
const EMPLOYER_BEFORE = /\b(?:analysts?|economists?|dealers?|traders?|strategists?|brokers?|bankers?|fund managers?) (?:at|with) $/i;

/** Retypes company mentions as organizations, like typeClubs: the context is the evidence. */
// A share's move after its name: "fell 2.10 marks", "gained 4 percent", "was flat", "ended unchanged at 410".
const PRICE_MOVE = /^ (?:rose|fell|gained|lost|jumped|slipped|eased|added|shed|dropped|climbed|firmed|advanced|declined|slumped|surged|soared|tumbled|plunged|rallied|dipped|edged (?:up|down|higher|lower)|was (?:flat|unchanged|steady|firmer|weaker|higher|lower|up|down)|ended (?:flat|unchanged|higher|lower|up|down)|closed (?:flat|unchanged|higher|lower|up|down))\b/;
const MARKET_WORDS = /\b(?:shares|stocks|bourse|index|stock exchange|brokers?|dealers?|traders?|trading|trade|points|percent|blue chips?)\b/gi;
/** A market report: share, index and dealing words several times over. */
function marketReport(text: string): boolean {
  let n = 0;
  for (const _ of text.slice(0, 4000).matchAll(MARKET_WORDS)) if (++n >= 5) return /\b(?:shares|stocks|bourse|index)\b/i.test(text);
  return false;
}

export function typeFirms(text: string, ms: RawMention[], dropped: RawMention[] = []): RawMention[] {
  let employer: RawMention | null = null;
  for (const m of ms) {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    const hit = EMPLOYER_BEFORE.test(before) || (employer !== null && /^ and $/.test(text.slice(employer.end, m.start)));
    employer = null;
    if (!hit || m.honorific || m.role || (m.key && m.type !== 'person')) continue;
    if (m.type !== 'organization') toOrganization(m);
    employer = m;
  }
  const firms = new Set<string>();
  // A kind of organization after the name retypes a mention; it brings back none the rules left out ("Advocacy
  // group:" opening a headline).
  const isFirm = (m: RawMention, noun = true) => {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    const after = text.slice(m.end, m.end + 40);
    return FIRM_BEFORE.test(before) || FIRM_AFTER.test(after) || FIRM_APPOS.test(after) || (noun && ORG_NOUN_AFTER.test(after));
  };
  // A person named in full ("Tom Baxter's shares") is no firm: only lone words and unevidenced runs.
  const open = (m: RawMention) => candidate(m) && (m.type !== 'person' || !m.text.includes(' ') || m.evidence === 'weak');
  // A place the gazetteers know stays a place ("a deal with Paris"); one only the tagger called a place may be a firm.
  const unlisted = (m: RawMention) => m.type !== 'place' || !m.key;
  // "Veltronix was flat", "Quorvane fell 2 percent": in a market report a lone name before a price move is a
  // listed company.
  const market = marketReport(text);
  const moved = (m: RawMention) => market && !m.text.includes(' ') && m.evidence !== 'known' && PRICE_MOVE.test(text.slice(m.end, m.end + 50));
  for (const m of ms) if (open(m) && unlisted(m) && (isFirm(m) || moved(m))) firms.add(m.text);
  const back = dropped.filter((m) => /^\p{Lu}/u.test(m.text) && candidate({ ...m, evidence: 'weak' }) && (isFirm(m, false) || moved(m)));
  for (const m of back) firms.add(m.text);
  if (!firms.size) return ms;
  const returned = new Set(back);
  const out = [...ms, ...back].sort((a, b) => a.start - b.start);
  for (const m of out) {
    if (!firms.has(m.text) || m.type === 'organization' || !unlisted(m)) continue;
    if (!returned.has(m) && !open(m)) continue;
    toOrganization(m);
  }
  return out;
}

// After a speaker, what refers back first: "Brightwave said its profits ...", "... the company said" against
// "he", "his". A company's pronoun or noun before any person's is a company's cue.
const BACK_REF = /\b(?:(its)|it (?:would|will|had|has|was|is|expects|expected|plans|planned|hopes)|the (?:firm|company|group|carmaker|retailer|lender|insurer|airline|broadcaster|chain|bank|club|business|conglomerate|manufacturer|publisher|agency|organisation|organization)|(he|she|his|her|him|himself|herself|Mr|Mrs|Ms))\b/;

/**
 * A name that is a person only as the subject of a verb of saying ("Brightwave said") is a document-level
 * decision: never named with a first name or title, it becomes an organization when another of its mentions
 * is one (the tagger's reading elsewhere) or what refers back to it first is a company's ("its", "the firm").
 */
export function typeSpeakers(text: string, ms: RawMention[]): RawMention[] {
  const speakers = new Set(ms.filter((m) => m.speaker && m.type === 'person').map((m) => m.text));
  if (!speakers.size) return ms;
  // "Paris said on Thursday it saw no need": a capital whose name is also a given name speaks as its government,
  // unless a person of that name is named in full ("Paris Holt said").
  const fullNames = ms.filter((m) => m.type === 'person' && m.text.includes(' ')).flatMap((m) => m.text.split(/\s+/));
  for (const m of ms) {
    const cap = m.type === 'person' && m.speaker && !m.role && !m.honorific && !m.text.includes(' ') ? lookup(m.text)?.capitalOf : undefined;
    if (!cap || fullNames.includes(m.text)) continue;
    Object.assign(m, { type: 'organization', evidence: 'known', key: `g:${cap}`, country: cap });
    delete m.unknown;
    delete m.name;
    delete m.speaker;
  }
  const byText = new Map<string, RawMention[]>();
  // Words of people's names in more than one word: "Tom Brightwave" makes "Brightwave" a person's name.
  const nameWords = new Set<string>();
  for (const m of ms) {
    const list = byText.get(m.text);
    if (list) list.push(m);
    else byText.set(m.text, [m]);
    if (m.type === 'person') for (const w of m.text.split(/\s+/)) if (w !== m.text) nameWords.add(w);
  }
  for (const name of speakers) {
    const same = byText.get(name) ?? [];
    // "Tom Brightwave", "Mr Brightwave", "Brightwave, a lawyer": a person somewhere is a person everywhere.
    const personal = nameWords.has(name) || same.some((m) => m.type === 'person' && !m.speaker && (m.evidence !== 'weak' || m.honorific || m.role));
    if (personal || KNOWN_SURNAMES.has(name)) continue;
    // A vote: each mention the tagger read as an organization, and each company's reference back, against
    // each person's reference back ("Dravik said he ... Dravik said its ..." stays a person).
    let vote = 0;
    for (const m of same) {
      if (m.type === 'organization') vote++;
      // A name in full ("Hamid Reza Asefi told") needs the company's pronoun right after its verb.
      const ref = BACK_REF.exec(text.slice(m.end, m.end + 240));
      if (!ref) continue;
      if (ref[2]) vote--;
      else if (!name.includes(' ') || /^,? \p{L}+ $/u.test(text.slice(m.end, m.end + ref.index))) vote++;
    }
    const org = vote > 0;
    if (!org) continue;
    for (const m of same) {
      if (m.type !== 'person') continue;
      m.type = 'organization';
      m.key = `o:${norm(m.text)}`;
      m.evidence = 'strong';
      delete m.unknown;
      delete m.name;
      delete m.speaker;
    }
  }
  return ms;
}
