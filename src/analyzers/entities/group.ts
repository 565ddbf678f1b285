// Coreference: mentions grouped into one entity per referent.
import type { Entity, EntityType } from '../../model/types.js';
import { isNamePart, norm } from './gazetteer.js';
import type { RawMention } from './recognize.js';

interface Cluster {
  key: string;
  type: EntityType;
  mentions: RawMention[];
  /** Mentions of two or more words: how firmly the full name is established. */
  full: number;
  first: number;
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'on', 'at', 'to', '&']);

/** "Federal Bureau of Investigation" -> "fbi". */
function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !SMALL.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

function tokens(text: string): string[] {
  return norm(text)
    .split(' ')
    .filter((t) => t && !/^(?:jr|sr|ii|iii|iv)$/.test(t) && !/^\p{L}$/u.test(t));
}

/** Groups raw mentions (any order, possibly overlapping) into entities numbered by first mention. */
export function group(raw: RawMention[]): Entity[] {
  const sorted = [...raw].sort((a, b) => a.start - b.start || b.end - a.end);
  const ms: RawMention[] = [];
  for (const m of sorted) if (!ms.length || m.start >= ms[ms.length - 1].end) ms.push(m);

  const clusters = new Map<string, Cluster>();
  // Step 3b's look-up: the clusters (in creation order) holding a mention with evidence, by normalized text.
  // Scanning every cluster's mentions per lone word was quadratic: 4,000 repeats of "U.S., the, Gazette,
  // i.e., Ostrena, " took 18 s.
  const order = new Map<Cluster, number>();
  const byText = new Map<string, Set<Cluster>>();
  const addTo = (key: string, type: EntityType, m: RawMention) => {
    let c = clusters.get(key);
    if (!c) {
      clusters.set(key, (c = { key, type, mentions: [], full: 0, first: m.start }));
      order.set(c, order.size);
    }
    m.type = type;
    c.mentions.push(m);
    if (m.evidence !== 'weak') {
      const n = norm(m.text);
      let set = byText.get(n);
      if (!set) byText.set(n, (set = new Set()));
      set.add(c);
    }
    if (m.text.includes(' ') || m.text.includes('-')) c.full++;
    c.first = Math.min(c.first, m.start);
  };

  // 1. Full names of people: "Park Min-jun" and "Park Min Jun" share a key (first and last name parts);
  //    "Ana Q. Ruiz" and "Ana Ruiz" too.
  const singles: RawMention[] = [];
  for (const m of ms) {
    if (m.type !== 'person') continue;
    const t = tokens(m.text);
    if (t.length >= 2) addTo(`p:${t[0]}|${t[t.length - 1]}`, 'person', m);
    else singles.push(m);
  }
  // 2. Known organizations and places.
  for (const m of ms) {
    if (m.type === 'person') continue;
    if (m.key || m.evidence !== 'weak') addTo(m.key ?? `${m.type[0]}:${norm(m.text)}`, m.type, m);
    else singles.push(m);
  }

  const people = [...clusters.values()].filter((c) => c.type === 'person');
  const orgs = () => [...clusters.values()].filter((c) => c.type === 'organization');
  const best = (cands: Cluster[]) => cands.sort((a, b) => b.full - a.full || a.first - b.first)[0];

  // 3. A surname or given name alone joins the person named in full: "Park", "Mr Park" -> "Park Min-jun"
  //    (the most often named in full when several share it: "Park Ji-ho" named once loses); "Harris" ->
  //    "Hal Harris"; "Bernie" -> "Bernie Sanders"; "the Baxters" -> "Baxter".
  singles.sort((a, b) => a.start - b.start);
  for (const m of singles) {
    const t = tokens(m.text);
    const w = t.join(' ');
    const stem = w.endsWith('s') ? w.slice(0, -1) : w;
    // (An acronym never stands for a person: "WADA" is not "Under WADA".)
    if ((m.type === 'person' || m.unknown || m.evidence === 'weak') && !/^[A-Z]{2,}$/.test(m.text)) {
      const byLast = people.filter((c) => {
        const k = c.key.split('|')[1];
        return k === w || k === stem;
      });
      const byFirst = byLast.length ? [] : people.filter((c) => c.key.slice(2).split('|')[0] === w);
      const p = best(byLast.length ? byLast : byFirst);
      if (p && (m.type === 'person' || m.unknown || m.evidence === 'weak')) {
        addTo(p.key, 'person', m);
        continue;
      }
    }
    // 3b. A weak or unknown lone word that is exactly a place or organization named before with evidence:
    //     "the port city of Arlenmouth ... Arlenmouth was dark".
    if (m.unknown || m.evidence === 'weak') {
      let same: Cluster | undefined;
      for (const c of byText.get(norm(m.text)) ?? []) if (c.type !== 'person' && (!same || order.get(c)! < order.get(same)!)) same = c;
      if (same) {
        addTo(same.key, same.type, m);
        continue;
      }
    }
    // 4. An organization's short form or acronym: "the Post" after "the Washington Post", "FBI".
    if (m.type !== 'place') {
      const o = orgs().find((c) => {
        const n = c.mentions[0].name ?? c.mentions[0].text;
        return n.includes(' ') && (acronym(n) === w.replace(/ /g, '') || norm(n).split(' ').pop() === w);
      });
      if (o) {
        addTo(o.key, 'organization', m);
        continue;
      }
    }
    // 5. Otherwise the mention keeps its own evidence; a lone word with none that is no known name part
    //    is dropped ("Proceeds go to charity", "The Longest Winter").
    if (m.unknown && (m.type !== 'person' || !isNamePart(m.text))) continue;
    const key = m.type === 'person' ? `p:${w}|${w}` : (m.key ?? `${m.type[0]}:${w}`);
    addTo(key, m.type, m);
    if (m.type === 'person') people.push(clusters.get(key)!);
  }

  // 6. Entities, numbered by first mention.
  const list = [...clusters.values()].sort((a, b) => a.first - b.first);
  const entities: Entity[] = list.map((c, i) => {
    const mentions = c.mentions.sort((a, b) => a.start - b.start);
    const gazName = mentions.find((m) => m.name)?.name;
    const longest = [...mentions].sort((a, b) => tokens(b.text).length - tokens(a.text).length || a.start - b.start)[0];
    const name = gazName ?? longest.text;
    const aliases = new Set<string>();
    for (const m of mentions) {
      if (m.text !== name) aliases.add(m.text);
      if (m.honorificAlias) aliases.add(m.honorificAlias);
    }
    const role = mentions.find((m) => m.role)?.role ?? null;
    const e: Entity = {
      id: `e${i + 1}`,
      type: c.type,
      name,
      aliases: [...aliases],
      role,
      mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    };
    if (mentions.some((m) => m.outlet)) e.outlet = true;
    return e;
  });
  // 7. Metonyms point at their country: "the Kremlin" -> Russia, "Pyongyang denied" -> North Korea.
  list.forEach((c, i) => {
    const iso = c.mentions.find((m) => m.country)?.country;
    if (c.type !== 'organization' || !iso) return;
    const k = list.findIndex((x) => x.key === `c:${iso}`);
    entities[i].relatedTo = k >= 0 ? entities[k].id : null;
  });
  return entities;
}
