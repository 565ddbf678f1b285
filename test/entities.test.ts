import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entitiesAnalyzer } from '../src/analyzers/entities/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import type { Entity } from '../src/model/types.js';

async function entitiesOf(text: string): Promise<Entity[]> {
  const doc = await analyzeArticle(textToArticle(text, { id: 't', origin: null }), { analyzers: [segmentAnalyzer, entitiesAnalyzer] });
  // Every mention is the text at its offsets (into the title for a headline mention), and mentions never overlap.
  for (const field of [undefined, 'title'] as const) {
    const source = field === 'title' ? (doc.article.title ?? '') : doc.text;
    const spans = doc.data.entities!.flatMap((e) => e.mentions).filter((m) => m.field === field).sort((a, b) => a.start - b.start);
    for (const m of spans) expect(source.slice(m.start, m.end)).toBe(m.text);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  }
  return doc.data.entities!;
}

const byMention = (es: Entity[], text: string) => es.find((e) => e.mentions.some((m) => m.text === text));
const texts = (e: Entity | undefined) => e?.mentions.map((m) => m.text) ?? [];

const SPECIMEN = new URL('../../shared/data/seed/article.txt', import.meta.url);

describe.skipIf(!existsSync(SPECIMEN))('entities on the specimen', async () => {
  const es = await entitiesOf(readFileSync(SPECIMEN, 'utf8'));

  it('groups Kim Jong Un, Kim Jong-un, Mr Kim and Kim into one person, apart from Kim Il-sung', () => {
    const kim = byMention(es, 'Kim Jong-un')!;
    expect(kim.type).toBe('person');
    expect(texts(kim)).toContain('Kim');
    expect(kim.aliases).toContain('Mr Kim');
    expect(texts(kim).length).toBeGreaterThanOrEqual(8);
    // The headline's "Kim Jong Un" is the same person, marked as a title mention.
    const inTitle = kim.mentions.filter((m) => m.field === 'title');
    expect(inTitle.map((m) => m.text)).toEqual(['Kim Jong Un']);
    const grandfather = byMention(es, 'Kim Il-sung')!;
    expect(grandfather.id).not.toBe(kim.id);
    expect(texts(grandfather)).toEqual(['Kim Il-sung']);
  });

  it('groups Russia and Russian Federation into one place, and ties the Kremlin to it', () => {
    const russia = byMention(es, 'Russia')!;
    expect(russia.type).toBe('place');
    expect(russia.name).toBe('Russia');
    expect(texts(russia)).toContain('Russian Federation');
    const kremlin = byMention(es, 'Kremlin')!;
    expect(kremlin.type).toBe('organization');
    expect(kremlin.relatedTo).toBe(russia.id);
    // "Russian officials", "Russian parliamentary": adjectives are not mentions.
    expect(es.flatMap(texts)).not.toContain('Russian');
  });

  it('marks the ABC as an outlet, and Harry Harris as a person with his role', () => {
    const abc = byMention(es, 'ABC')!;
    expect(abc).toMatchObject({ type: 'organization', outlet: true });
    const harris = byMention(es, 'Harry Harris')!;
    expect(harris).toMatchObject({ type: 'person', role: 'U.S. Ambassador to South Korea' });
    expect(byMention(es, 'Donald Trump')).toMatchObject({ role: 'President' });
    expect(byMention(es, 'Moon Jae-in')).toMatchObject({ type: 'person', role: 'President' });
  });
});

describe('entities: rules on fictional articles', () => {
  it('keeps hyphenated names whole', async () => {
    const es = await entitiesOf('Jean-Luc Moreau met Park Min-jun and Choi Ha-eun in Westbury on Monday.');
    expect(byMention(es, 'Jean-Luc Moreau')?.type).toBe('person');
    expect(byMention(es, 'Park Min-jun')?.type).toBe('person');
    expect(byMention(es, 'Choi Ha-eun')?.type).toBe('person');
  });

  it('strips honorifics and groups a surname with the full name', async () => {
    const es = await entitiesOf(
      'Dr. Anna Vasquez, a surgeon at the clinic, opened the ward on Friday. Ms Vasquez said the beds were full. "We will cope," Vasquez added.',
    );
    const v = byMention(es, 'Anna Vasquez')!;
    expect(v.type).toBe('person');
    expect(texts(v)).toEqual(['Anna Vasquez', 'Vasquez', 'Vasquez']);
    expect(v.aliases).toContain('Ms Vasquez');
    expect(es.flatMap(texts).some((t) => /^(?:Dr|Ms)/.test(t))).toBe(false);
  });

  it('keeps titles and roles out of the name, as the role', async () => {
    const es = await entitiesOf('Foreign Minister Tomas Reyes flew to Lisbon. Sen. Maria Okafor (D-Ohio) objected, and Gov. Lee Park agreed.');
    expect(byMention(es, 'Tomas Reyes')).toMatchObject({ type: 'person', role: 'Foreign Minister' });
    expect(byMention(es, 'Maria Okafor')).toMatchObject({ type: 'person', role: 'Sen.' });
    expect(byMention(es, 'Lee Park')).toMatchObject({ type: 'person', role: 'Gov.' });
    expect(byMention(es, 'Ohio')?.type).toBe('place');
    expect(byMention(es, 'Lisbon')?.type).toBe('place');
  });

  it('finds outlets and news agencies', async () => {
    const es = await entitiesOf('The mayor told Reuters the plan was dead, the Daily Clarion reported. The AP and Harbor News carried the story.');
    for (const name of ['Reuters', 'Daily Clarion', 'AP', 'Harbor News']) expect(byMention(es, name), name).toMatchObject({ type: 'organization', outlet: true });
    expect(byMention(es, 'AP')!.name).toBe('Associated Press');
  });

  it('finds cities, states and countries, official and common names as one', async () => {
    const es = await entitiesOf('Trade between France and Chicago grew. The French Republic said exports from Texas fell, and officials in Osaka agreed.');
    const france = byMention(es, 'France')!;
    expect(france.type).toBe('place');
    expect(texts(france)).toEqual(['France', 'French Republic']);
    for (const p of ['Chicago', 'Texas', 'Osaka']) expect(byMention(es, p)?.type, p).toBe('place');
  });

  it('keeps an organization named "Ministry of ..." whole', async () => {
    const es = await entitiesOf('The Ministry of Foreign Affairs denied the report, and the Westland Police Department declined to comment.');
    expect(byMention(es, 'Ministry of Foreign Affairs')?.type).toBe('organization');
    expect(byMention(es, 'Westland Police Department')?.type).toBe('organization');
    expect(es).toHaveLength(2);
  });

  it('joins "and" inside one organization name, not between two', async () => {
    const es = await entitiesOf('The fair moved to the Westland Exhibition and Conference Centre. Harlow College and Dunmore University sent students.');
    expect(byMention(es, 'Westland Exhibition and Conference Centre')?.type).toBe('organization');
    expect(byMention(es, 'Harlow College')?.type).toBe('organization');
    expect(byMention(es, 'Dunmore University')?.type).toBe('organization');
  });

  it('tells a month or a first word from a name', async () => {
    const es = await entitiesOf('Shadow minister Theresa Mays said the show opens in May. Officials met in May 2004, and Will Stone came.');
    expect(es.map((e) => e.name)).toEqual(['Theresa Mays', 'Will Stone']);
    const es2 = await entitiesOf('Home Secretary Theresa May spoke in May.');
    expect(es2.map((e) => [e.name, e.role])).toEqual([['Theresa May', 'Home Secretary']]);
  });

  it('does not take a sentence-initial capital for a name', async () => {
    const es = await entitiesOf('Meanwhile, the council voted. Wearing a grey coat, the clerk read the result. However, nobody objected.');
    expect(es).toEqual([]);
  });

  it('types a capital acting as its government as an organization, tied to the country', async () => {
    const es = await entitiesOf('Officials in Beijing met the envoy from China. Beijing denied the claim on Tuesday.');
    const place = es.find((e) => e.name === 'Beijing' && e.type === 'place')!;
    const gov = es.find((e) => e.name === 'Beijing' && e.type === 'organization')!;
    expect(texts(place)).toEqual(['Beijing']);
    expect(gov.relatedTo).toBe(byMention(es, 'China')!.id);
  });

  it('keeps capitals in lists and before a noun as places', async () => {
    const es = await entitiesOf('Tests were missed in Lisbon, Chicago and Beijing. After the failed Beijing summit, Washington was angry.');
    expect(es.filter((e) => e.name === 'Beijing').map((e) => e.type)).toEqual(['place']);
    expect(texts(es.find((e) => e.name === 'Beijing'))).toEqual(['Beijing', 'Beijing']);
    expect(byMention(es, 'Washington')?.type).toBe('organization');
  });

  it('does not take a leading "Former" or a preposition into a name, nor join an acronym to a person', async () => {
    const es = await entitiesOf('Former Brightwave boss Ann Lee was cleared. Under WADA rules, the WADA panel can appeal.');
    expect(es.flatMap(texts).some((t) => t.includes('Former'))).toBe(false);
    expect(byMention(es, 'Brightwave')?.type).not.toBe('person');
    expect(byMention(es, 'Ann Lee')?.type).toBe('person');
    expect(texts(byMention(es, 'WADA'))).toEqual(['WADA', 'WADA']);
    expect(byMention(es, 'WADA')?.type).toBe('organization');
  });

  it('ties metonyms to their country and links short forms and acronyms to the full name', async () => {
    const es = await entitiesOf(
      'The White House said the Federal Bureau of Investigation would look into it. The FBI declined to comment to the Westland Post, and the Post ran the story. The United States has no treaty.',
    );
    const wh = byMention(es, 'White House')!;
    expect(wh.type).toBe('organization');
    expect(wh.relatedTo).toBe(byMention(es, 'United States')!.id);
    expect(texts(byMention(es, 'FBI'))).toEqual(['Federal Bureau of Investigation', 'FBI']);
    expect(texts(byMention(es, 'Westland Post'))).toEqual(['Westland Post', 'Post']);
    expect(byMention(es, 'Westland Post')?.outlet).toBe(true);
  });

  it('reads datelines, websites, station numbers and state tags', async () => {
    const es = await entitiesOf('HALEVILLE, N.Y. — The rifle was listed on GunShop.com, he told Fox 12. Rep. Ana Ruiz (D-N.Y.) objected.');
    expect(byMention(es, 'HALEVILLE')?.type).toBe('place');
    expect(texts(byMention(es, 'N.Y.'))).toEqual(['N.Y.', 'N.Y.']);
    expect(byMention(es, 'GunShop.com')?.type).toBe('organization');
    expect(byMention(es, 'Fox 12')).toMatchObject({ type: 'organization', outlet: true });
    expect(byMention(es, 'Ana Ruiz')).toMatchObject({ type: 'person', role: 'Rep.' });
  });

  it('leaves possessives, "the", demonyms and events out', async () => {
    const es = await entitiesOf("Baxter's plan drew fire from Russian officials. The Senate debated the Westland Water Act, and Tom Baxter spoke.");
    expect(texts(byMention(es, 'Baxter'))).toEqual(['Baxter', 'Tom Baxter']);
    expect(byMention(es, 'Senate')?.type).toBe('organization');
    expect(es.flatMap(texts)).not.toContain('Russian');
    expect(es.flatMap(texts).some((t) => t.includes('Water'))).toBe(false);
    const awards = await entitiesOf('Lee Hale won the Ann Ruiz award for reporting.');
    expect(awards.map((e) => e.name)).toEqual(['Lee Hale']);
  });
});

describe('settlement nouns', () => {
  it('"the port city of Arlenmouth" makes the lone name a place', async () => {
    const { analyzeArticle } = await import('../src/pipeline/analyze.js');
    const { textToArticle } = await import('../src/ingest/text.js');
    const d = await analyzeArticle(textToArticle('Crews reached the port city of Arlenmouth on Monday. Arlenmouth was dark for hours.', { id: 't', origin: null }));
    const e = d.data.entities?.find((x) => x.name === 'Arlenmouth');
    expect(e?.type).toBe('place');
    expect(e?.mentions).toHaveLength(2);
  });
});

describe('the learned tagger and types by context', () => {
  it('ships its weights, and finds names no list holds', async () => {
    const { shippedModel, HASH_BITS, NT } = await import('../src/analyzers/entities/tagger.js');
    const m = shippedModel();
    expect(m?.weights.length).toBe((1 << HASH_BITS) * NT);
    const es = await entitiesOf('Officials in Velmora said on Tuesday that Marta Okonkwo-Lind would lead the inquiry.');
    expect(byMention(es, 'Marta Okonkwo-Lind')?.type).toBe('person');
  });

  it('reads a town as a club in a results line and after "beat", as a place after "in"', async () => {
    const es = await entitiesOf('Plymouth 4 Exeter 1. Fans gathered in Plymouth on Sunday.');
    const clubs = es.filter((e) => e.type === 'organization').map((e) => e.name);
    expect(clubs).toEqual(expect.arrayContaining(['Plymouth', 'Exeter']));
    const place = es.find((e) => e.type === 'place' && e.name === 'Plymouth');
    expect(texts(place)).toEqual(['Plymouth']);
    const match = await entitiesOf('Plymouth beat Exeter in the league match, and the Plymouth manager praised his striker after the goal.');
    expect(texts(match.find((e) => e.name === 'Plymouth'))).toEqual(['Plymouth', 'Plymouth']);
    expect(match.find((e) => e.name === 'Plymouth')?.type).toBe('organization');
    expect(byMention(match, 'Exeter')?.type).toBe('organization');
  });

  it('keeps national sides as places and towns outside sport as places', async () => {
    const es = await entitiesOf('England beat Wales in the match, and the England coach praised his squad after the league season and the goal.');
    expect(byMention(es, 'England')?.type).toBe('place');
    expect(byMention(es, 'Wales')?.type).toBe('place');
    const news = await entitiesOf('Plymouth council said the new road would open next year, and residents in Exeter welcomed it.');
    expect(byMention(news, 'Exeter')?.type).toBe('place');
  });

  it('reads an unlisted company from its context, and every mention of it follows', async () => {
    const es = await entitiesOf('Shares in Brightwave rose 5% after the firm reported record profits. Brightwave employs 3,000 people.');
    expect(byMention(es, 'Brightwave')).toMatchObject({ type: 'organization' });
    expect(texts(byMention(es, 'Brightwave'))).toEqual(['Brightwave', 'Brightwave']);
    const person = await entitiesOf("Tom Baxter's shares fell after Tom Baxter sold them.");
    expect(byMention(person, 'Tom Baxter')?.type).toBe('person');
  });

  it('lets a company speak: a verb of saying alone does not make a lone name a person', async () => {
    const es = await entitiesOf('Kelmont said it would cut 200 jobs. Kelmont has drafted in advisers.');
    expect(byMention(es, 'Kelmont')?.type).toBe('organization');
    const firm = await entitiesOf('Brightwave said its profits had doubled. Brightwave said the year was strong.');
    expect(texts(byMention(firm, 'Brightwave'))).toEqual(['Brightwave', 'Brightwave']);
    expect(byMention(firm, 'Brightwave')?.type).toBe('organization');
    // A person's pronoun refers back first, or the name is a surname in the document: a person.
    expect(byMention(await entitiesOf('Dravik said he would resign. Dravik said its timing was bad.'), 'Dravik')?.type).toBe('person');
    expect(byMention(await entitiesOf('Anna Dravik chairs the board. Dravik said its profits rose.'), 'Dravik')?.type).toBe('person');
  });

  it('reads a club named with a plural head as one organization in a sports report', async () => {
    const es = await entitiesOf('Leicester Tigers beat Sale Sharks at the stadium in the league on Saturday. The Sale Sharks coach praised the referee after the match. Leicester Tigers have won four matches this season.');
    expect(byMention(es, 'Leicester Tigers')?.type).toBe('organization');
    expect(texts(byMention(es, 'Sale Sharks'))).toEqual(['Sale Sharks', 'Sale Sharks']);
    expect(byMention(es, 'Sale Sharks')?.type).toBe('organization');
  });

  it('does not split a long organization name at "and" when a head closes it', async () => {
    const es = await entitiesOf('The Securities and Exchange Commission opened an inquiry into Harlow College and Dunmore University.');
    expect(byMention(es, 'Securities and Exchange Commission')?.type).toBe('organization');
    expect(byMention(es, 'Harlow College')?.type).toBe('organization');
    expect(byMention(es, 'Dunmore University')?.type).toBe('organization');
  });
});
