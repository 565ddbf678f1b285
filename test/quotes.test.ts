import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { quotesAnalyzer } from '../src/analyzers/quotes/index.js';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import type { Quote } from '../src/model/types.js';

// Fictional articles written for these tests. `full` runs the whole registry (entities included);
// `bare` runs only segmentation and quotes, the fallback without entities.
async function run(text: string, bare = false) {
  const article = textToArticle(text, { id: 't', origin: null });
  const doc = await analyzeArticle(article, bare ? { analyzers: [segmentAnalyzer, quotesAnalyzer] } : {});
  const quotes = doc.data.quotes ?? [];
  const said = (q: Quote) => (q.speaker.start === undefined ? null : doc.text.slice(q.speaker.start, q.speaker.end));
  return { doc, quotes, said, findings: doc.findings };
}

const find = (quotes: Quote[], words: string) => {
  const q = quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
};

for (const bare of [false, true]) {
  describe(`quotes (${bare ? 'without entities' : 'with entities'})`, () => {
    it('direct quote with the speaker after it, straight and curly marks', async () => {
      const { quotes } = await run(
        'The mayor of Dunmore spoke on Friday.\n\n"We will rebuild the bridge by spring," said Clara Voss, the mayor.\n\n“The money is already there,” Tomas Brandt said.',
        bare,
      );
      const a = find(quotes, 'rebuild the bridge');
      expect(a.kind).toBe('direct');
      expect(a.text).toBe('We will rebuild the bridge by spring,');
      expect(a.speaker.name).toBe('Clara Voss');
      expect(a.cue).toBe('said');
      const b = find(quotes, 'already there');
      expect(b.speaker.name).toBe('Tomas Brandt');
      expect(b.speaker.resolved).toBe(true);
    });

    it('colon introduction and a quote spanning paragraphs', async () => {
      const text =
        'Clara Voss, the mayor of Dunmore, spoke at the depot.\n\nVoss said: "The bridge will open in May. We have the steel.\n\n"And we have the workers too."\n\nThe council meets on Monday.';
      const { quotes } = await run(text, bare);
      const q = find(quotes, 'The bridge will open');
      expect(q.kind).toBe('direct');
      expect(q.text).toContain('workers too');
      expect(q.speaker.name).toMatch(/Voss/);
    });

    it('reported speech: said that, told someone, according to, added', async () => {
      const { quotes, said } = await run(
        'Tomas Brandt said on Tuesday that the depot would close in June. Brandt told reporters the staff had been warned. According to Ines Marlow, the trains will still run. The ferry will stop at noon, Marlow added.',
        bare,
      );
      const a = find(quotes, 'depot would close');
      expect(a.kind).toBe('indirect');
      expect(a.text).toBe('the depot would close in June');
      expect(said(a)).toBe('Tomas Brandt');
      expect(find(quotes, 'staff had been warned').speaker.name).toMatch(/Brandt/);
      const c = find(quotes, 'trains will still run');
      expect(c.cue).toBe('according to');
      expect(c.speaker.name).toBe('Ines Marlow');
      const d = find(quotes, 'ferry will stop');
      expect(d.cue).toBe('added');
      expect(d.text).toBe('The ferry will stop at noon');
      expect(d.speaker.name).toMatch(/Marlow/);
    });

    it('partial quotes and a bracketed insertion inside reported speech', async () => {
      const { quotes } = await run(
        'Clara Voss opened the depot on Monday. She said that the bridge was "only the start" and "would not be [her] last project".',
        bare,
      );
      const p = find(quotes.filter((x) => x.kind === 'direct'), '[her] last project');
      expect(p.kind).toBe('direct');
      expect(p.speaker.resolved).toBe(true);
      expect(p.speaker.name).toMatch(/Voss/);
      expect(find(quotes.filter((x) => x.kind === 'direct'), 'only the start').speaker.name).toMatch(/Voss/);
      // the reported clause around them is a quote too
      expect(find(quotes.filter((x) => x.kind === 'indirect'), 'the bridge was').speaker.name).toMatch(/Voss/);
    });

    it('a pronoun resolves to the nearest person of its gender', async () => {
      const { quotes, said } = await run(
        "Mr Tomas Brandt arrived with his wife Ines Marlow. The crowd cheered. He said the visit was a success. She said the food was cold.",
        bare,
      );
      const he = find(quotes, 'visit was a success');
      expect(said(he)).toBe('He');
      expect(he.speaker.name).toMatch(/Brandt/);
      const she = find(quotes, 'food was cold');
      expect(she.speaker.name).toMatch(/Marlow/);
    });

    it('an unresolved pronoun and a quotation with no speaker are findings', async () => {
      const a = await run('The bridge reopened on Monday.\n\n"It is a great day for the whole town," he said.', bare);
      expect(find(a.quotes, 'great day').speaker.resolved).toBe(false);
      expect(a.findings.map((f) => f.ruleId)).toContain('quote/unresolved-speaker');
      expect(a.findings.map((f) => f.ruleId)).not.toContain('quote/unattributed');
      const b = await run('The bridge reopened on Monday.\n\n"Nobody expected the repairs to take this long at all."', bare);
      const orphan = b.findings.find((f) => f.ruleId === 'quote/unattributed');
      expect(orphan).toBeDefined();
      expect(find(b.quotes, 'Nobody').speaker.name).toBeNull();
    });

    it('a quotation paragraph after an attributed one keeps its speaker', async () => {
      const { quotes, findings } = await run(
        'Clara Voss toured the depot.\n\n"It is a great day for the whole town," Voss said.\n\n"Nobody expected the repairs to take this long."',
        bare,
      );
      expect(find(quotes, 'Nobody').speaker.name).toMatch(/Voss/);
      expect(findings.map((f) => f.ruleId)).not.toContain('quote/unattributed');
    });

    it('outlet credits are kept apart from the speaker', async () => {
      const { quotes, findings } = await run(
        'Tomas Brandt visited the depot. "We will reopen soon," he told the Dunmore Gazette.\n\nBrandt added the line would run again in July, the Daily Courier reported.\n\nThe depot will reopen in July, according to Reuters.',
        bare,
      );
      const a = find(quotes, 'reopen soon');
      expect(a.speaker.name).toMatch(/Brandt/);
      expect(a.credits).toEqual(['Dunmore Gazette']);
      const b = find(quotes, 'run again in July');
      expect(b.speaker.name).toMatch(/Brandt/);
      expect(b.credits).toEqual(['Daily Courier']);
      const c = find(quotes, 'depot will reopen in July');
      expect(c.speaker.name).toBe('Reuters');
      expect(c.credits).toEqual(['Reuters']);
      const credits = findings.filter((f) => f.ruleId === 'attribution/credit').map((f) => f.data?.outlet);
      expect(credits).toEqual(['Dunmore Gazette', 'Daily Courier', 'Reuters']);
    });

    it('paragraphs flattened into one: a mark after a sentence end continues the quotation', async () => {
      const { quotes, findings } = await run(
        'Clara Voss said: "We have doubled the budget. "We are going to double it again." She said the depot would stay open.',
        bare,
      );
      const q = find(quotes, 'doubled the budget');
      expect(q.text).toContain('double it again');
      expect(q.speaker.name).toMatch(/Voss/);
      expect(findings.map((f) => f.ruleId)).not.toContain('quote/unattributed');
    });

    it('a quotation after a sentence of reported speech keeps its speaker', async () => {
      const { quotes, findings } = await run(
        'The Dunmore council said it was reviewing the depot plan. "Nobody will lose their job over this review."',
        bare,
      );
      expect(find(quotes, 'Nobody will lose').speaker.name).toMatch(/council/);
      expect(findings.map((f) => f.ruleId)).not.toContain('quote/unattributed');
    });

    it('progressive cues and parenthetical phrases between speaker and cue', async () => {
      const { quotes } = await run(
        'On Monday Mr Brandt is saying: "The depot stays." Judge Ann Lee, in her ruling, said: "The closure was unlawful."',
        bare,
      );
      expect(find(quotes, 'depot stays').speaker.name).toMatch(/Brandt/);
      expect(find(quotes, 'closure was unlawful').speaker.name).toMatch(/Ann Lee/);
    });

    it('a definite description resolves through a role, and dangles when no one holds it', async () => {
      const a = await run('Chancellor Ann Lee visited the depot. The chancellor said the budget was safe.', bare);
      expect(find(a.quotes, 'budget was safe').speaker.name).toBe('Ann Lee');
      expect(a.findings.map((f) => f.ruleId)).not.toContain('quote/unresolved-speaker');
      const b = await run('The depot reopened on Monday. The spokesman said the trains would run.', bare);
      expect(find(b.quotes, 'trains would run').speaker.resolved).toBe(false);
      expect(b.findings.map((f) => f.ruleId)).toContain('quote/unresolved-speaker');
      // anonymous or institutional sources stay unresolved without a finding
      const c = await run('The depot reopened on Monday. Officials said the trains would run. The report said costs rose.', bare);
      expect(c.quotes.every((q) => !q.speaker.resolved)).toBe(true);
      expect(c.findings.map((f) => f.ruleId)).not.toContain('quote/unresolved-speaker');
    });

    it('a phrase quoted inside a sentence is kept without a finding', async () => {
      const { quotes, findings } = await run('Critics say the bill would allow closures "through the back door of the planning system".', bare);
      expect(quotes.some((q) => q.kind === 'direct' && q.text.includes('back door'))).toBe(true);
      expect(findings.map((f) => f.ruleId)).not.toContain('quote/unattributed');
    });

    it('hyphenated names, poll shares and "who" as speakers', async () => {
      const { quotes, said } = await run(
        'Governor Park Ji-in visited the depot, saying the line would reopen. Six in 10 say the fares are too high. Tomas Brandt, 58, who drives the night train, said the timetable was wrong.',
        bare,
      );
      expect(find(quotes, 'line would reopen').speaker.name).toMatch(/Park Ji-in/);
      expect(said(find(quotes, 'fares are too high'))).toBe('Six in 10');
      expect(find(quotes, 'timetable was wrong').speaker.name).toMatch(/Tomas Brandt/);
    });

    it('first-person text without quotation marks and scare quotes are not flagged', async () => {
      const { quotes, findings } = await run('Our mayor will open the bridge on Monday. Critics call the plan a "miracle" of planning.', bare);
      expect(quotes).toHaveLength(0);
      expect(findings.filter((f) => f.ruleId.startsWith('quote/'))).toHaveLength(0);
    });
  });
}

describe('quotes on the specimen (shared/data/seed/article.txt)', async () => {
  const text = readFileSync(new URL('../../shared/data/seed/article.txt', import.meta.url), 'utf8');
  for (const bare of [false, true]) {
    const { quotes, said, doc } = await run(text, bare);
    const tag = bare ? ' (without entities)' : '';
    it(`credits the "first step" words to Kim${tag}`, () => {
      const q = find(quotes, 'first step');
      expect(said(q)).toBe('He');
      expect(q.speaker.resolved).toBe(true);
      expect(q.speaker.name).toMatch(/Kim/);
    });
    it(`makes Ushakov the speaker of "create preconditions", credited to the Daily Herald${tag}`, () => {
      const q = find(quotes, 'create preconditions');
      expect(q.speaker.name).toMatch(/Ushakov/);
      expect(q.credits).toEqual(['Daily Herald']);
    });
    it(`keeps ABC a credit of "he told the ABC"${tag}`, () => {
      const q = find(quotes, "It's time to have the summit");
      expect(q.credits).toEqual(['ABC']);
      expect(said(q)).toBe('he');
      if (q.speaker.resolved) {
        // resolved to a person named before the quote
        const first = doc.text.indexOf(q.speaker.name!.split(' ')[0]);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(first).toBeLessThan(q.start);
      }
    });
    it(`makes Harry Harris the speaker of "a very bad deal and no deal"${tag}`, () => {
      expect(find(quotes, 'a very bad deal and no deal').speaker.name).toBe('Harry Harris');
    });
    it(`makes Artyom Lukin the speaker of the first sentence${tag}`, () => {
      const q = quotes.find((x) => x.sentence === 0);
      expect(q?.speaker.name).toBe('Artyom Lukin');
      expect(q?.kind).toBe('indirect');
      expect(q?.text).toContain('he has more options');
    });
    it(`does not take the unquoted Kremlin passage for a quotation${tag}`, () => {
      expect(quotes.some((x) => x.text.includes('Our president will hold talks'))).toBe(false);
    });
  }
});

describe('quotes: cue patterns from the PolNeAR dev misses (fictional fixtures)', () => {
  it('a speech verb and a colon closing the paragraph take the quotation after it', async () => {
    const { quotes, said } = await run('The council met in Dunmore on Monday.\n\nClara Voss continued:\n\n“We will open the bridge before the first snow, and nobody will pay a toll.”');
    const q = find(quotes, 'first snow');
    expect(said(q)).toBe('Clara Voss');
    expect(q.cue).toBe('continued');
    // one attribution, not a direct and an indirect copy of it
    expect(quotes.filter((x) => x.speaker.start !== undefined && x.cue === 'continued')).toHaveLength(1);
  });
  it('a colon closing the paragraph with no sentence after it credits nothing', async () => {
    const { quotes } = await run('The council met in Dunmore on Monday.\n\nClara Voss continued:');
    expect(quotes.some((x) => x.cue === 'continued')).toBe(false);
  });
  it('a sentence of only "Name said." credits the quotation that closed the sentence before', async () => {
    const { quotes, said } = await run('The council met in Dunmore on Monday.\n\n“We will open the bridge before the first snow.” Clara Voss said.');
    const q = find(quotes, 'first snow');
    expect(q.kind).toBe('direct');
    expect(said(q)).toBe('Clara Voss');
    expect(quotes.filter((x) => x.cue === 'said')).toHaveLength(1);
  });
  it('"Name said." after a sentence with no quotation credits nothing before it', async () => {
    const { quotes } = await run('The council met in Dunmore on Monday. The bridge was closed.\n\nClara Voss said.');
    expect(quotes.some((x) => x.cue === 'said')).toBe(false);
  });
  it('"Name notes." after a quotation, the verb read as a noun, is a cue', async () => {
    const { quotes, said } = await run('The depot reopened in Hollin last week.\n\n“The night shift is back, and the town is glad of it,” Brandt notes.');
    const q = find(quotes, 'night shift is back');
    expect(said(q)).toBe('Brandt');
    expect(q.cue).toBe('notes');
  });
  it('a party tag in brackets and a comma before the cue keep the name as the speaker', async () => {
    const { quotes, said } = await run('The vote was held on Tuesday.\n\nAfter the count in Hollin, Sen. Clara Voss (D-Arle), said, “We will open the bridge before the first snow.”');
    expect(said(find(quotes, 'first snow'))).toBe('Clara Voss');
  });
  it('"..., records show." closing a sentence credits the records', async () => {
    const { quotes, said } = await run('The depot reopened in Hollin last week.\n\nThe depot lost money for six years in a row, council records show.');
    const q = find(quotes, 'lost money');
    expect(said(q)).toBe('council records');
  });
  it('a participle and a day between the noun and the cue are skipped: "polls released Sunday showed"', async () => {
    const { quotes, said } = await run('The race in Arle County is close.\n\nNew polls released Sunday showed Clara Voss taking a lead in the race for mayor.');
    expect(said(find(quotes, 'taking a lead'))).toBe('New polls');
  });
  it('a party tag and then an appositive before the cue keep the name as the speaker', async () => {
    const { quotes, said } = await run('The vote was held on Tuesday.\n\nRep. Clara Voss (D-Arle), chair of the bridge committee, said that the bridge would open before the first snow.');
    expect(said(find(quotes, 'first snow'))).toContain('Clara Voss');
  });
  it('a description whose head the tagger reads as an adjective still speaks: "The self-described ... said"', async () => {
    const { quotes, said } = await run('Tomas Brandt toured the depot on Saturday.\n\nThe self-described lifelong socialist said he would win the county if turnout were high.');
    const q = find(quotes, 'win the county');
    expect(said(q)).toMatch(/^The self-described/);
  });
  it('an aside between dashes before the cue keeps the name as the speaker', async () => {
    const { quotes, said } = await run('The caucus in Hollin opened at seven.\n\nJason Reed — a teacher from Hollin — says he made up his mind at the door.');
    expect(said(find(quotes, 'made up his mind'))).toBe('Jason Reed');
  });
  it('"released a statement saying": the one who issued the statement is the speaker', async () => {
    const { quotes, said } = await run('The depot closed on Monday.\n\nThe Hollin council released a statement Wednesday saying the depot would reopen in May.');
    expect(said(find(quotes, 'reopen in May'))).toBe('The Hollin council');
  });
  it('"went on to say" credits the subject of "went"', async () => {
    const { quotes, said } = await run('Clara Voss spoke at the depot on Friday.\n\nThe mayor went on to say that the bridge would open before the first snow.');
    expect(said(find(quotes, 'first snow'))).toBe('The mayor');
  });
  it('"he\'s predicted" is "has predicted", not a passive', async () => {
    const { quotes, said } = await run('Tomas Brandt runs the depot in Hollin.\n\nAnd he\'s predicted that the night shift will be busy all winter.');
    const q = find(quotes, 'busy all winter');
    expect(said(q)).toBe('he');
    expect(q.speaker.name).toBe('Tomas Brandt');
  });
  it('"mentioned" takes a plain object as its content', async () => {
    const { quotes, said } = await run('Clara Voss spoke at the depot on Friday.\n\nShe also mentioned the storm damage to the old mill.');
    expect(said(find(quotes, 'storm damage'))).toBe('She');
  });
  it('a long parenthetical with a participle between the name and the cue', async () => {
    const { quotes, said } = await run('The race in Arle County is close.\n\nVoss, in the wake of a new county poll showing her support among farmers down to a third, told the Hollin Courier that she would visit every farm.');
    expect(said(find(quotes, 'visit every farm'))).toBe('Voss');
  });
  it('a participle after a dash is said by the subject of the clause', async () => {
    const { quotes, said } = await run('The depot reopened in Hollin last week.\n\nTomas Brandt changed his mind on the spot – saying he would now back the night shift.');
    expect(said(find(quotes, 'back the night shift'))).toBe('Tomas Brandt');
  });
  it('the subject after several openers speaks the participle clause', async () => {
    const { quotes, said } = await run('The fair closed on Sunday.\n\nAt a town hall in Hollin, Arle County, on Sunday, Ines Marlow tried to calm the crowd, saying that the bakery would stay open all winter.');
    expect(said(find(quotes, 'stay open all winter'))).toBe('Ines Marlow');
  });
});

describe('quotes: labels, holders, credit lines and relative clauses (fictional fixtures)', () => {
  it('"called him divisive", "calling Voss a fraud": a label given to a person is an attribution', async () => {
    const { quotes, said } = await run('The council met in Dunmore on Monday.\n\nBrandt called him divisive. The rivals went further, with Ann Lee calling Voss a fraud.');
    const a = find(quotes, 'him divisive');
    expect(said(a)).toBe('Brandt');
    expect(a.cue).toBe('called');
    expect(said(find(quotes, 'Voss a fraud'))).toBe('Ann Lee');
  });
  it('"called him on Monday", "called the police", "called a vote" are no labels', async () => {
    const { quotes } = await run('The council met in Dunmore on Monday.\n\nBrandt called him on Monday. Lee called the police. Voss called a vote.');
    expect(quotes.some((x) => /^call/.test(x.cue ?? ''))).toBe(false);
  });
  it('footage and results show what they record, the holder before "from" included', async () => {
    const { quotes, said } = await run('The vote in Hollin closed on Sunday.\n\nFootage from the rally shows that the crowd was small. The latest results show Voss ahead in every district.');
    expect(said(find(quotes, 'crowd was small'))).toBe('Footage from the rally');
    expect(said(find(quotes, 'every district'))).toBe('The latest results');
  });
  it('a map or a route shows no one\'s view', async () => {
    const { quotes } = await run('The vote in Hollin closed on Sunday.\n\nThe map from the depot shows the route to the bridge.');
    expect(quotes.some((x) => x.cue === 'shows')).toBe(false);
  });
  it('"Additional reporting by" and "precincts reporting" credit no one', async () => {
    const { quotes } = await run('With 98 percent of precincts reporting, Voss led the race in Hollin.\n\nVoss thanked her volunteers.\n\n(Additional reporting by Ann Lee in Dunmore; editing by Tomas Brandt.)');
    expect(quotes.some((x) => x.cue === 'reporting')).toBe(false);
  });
  it('an appositive with a relative clause between the name and the cue keeps the name', async () => {
    const { quotes, said } = await run('The depot plan was published on Friday.\n\nAnn Lee, a road engineer who has reviewed some of the plans drawn up so far, said she did not see any flaws in the design.');
    expect(said(find(quotes, 'any flaws'))).toBe('Ann Lee');
  });
  it('a progressive after a participial appositive is the main verb, and a stance verb after a comma is never inverted', async () => {
    const { quotes, said } = await run('The depot plan was published on Friday.\n\nMarco Voss, speaking at a rally in his hometown of Hollin, is criticizing the mayor over the toll. Ines Marlow, at a meeting in Arle, praised the depot crew.');
    const a = find(quotes, 'mayor over the toll');
    expect(said(a)).toBe('Marco Voss');
    expect(a.cue).toBe('criticizing');
    const b = find(quotes, 'the depot crew');
    expect(said(b)).toBe('Ines Marlow');
    expect(quotes.some((x) => x.cue === 'praised' && said(x) === 'the depot crew')).toBe(false);
  });
  it('shouted and chanted words in quotation marks are attributed; "yelled at the driver" is not', async () => {
    const { quotes, said } = await run('The rally in Hollin ended early.\n\nA man yelled “Stay there!” The protesters chanted “No toll, no vote!” Later a woman yelled at the driver.');
    expect(said(find(quotes, 'Stay there'))).toBe('A man');
    expect(find(quotes, 'Stay there').cue).toBe('yelled');
    expect(said(find(quotes, 'No toll, no vote'))).toBe('The protesters');
    expect(quotes.some((x) => x.text.includes('the driver'))).toBe(false);
  });
  it('plural men and women in a share of voters hold views', async () => {
    const { quotes, said } = await run('The vote in Hollin closed on Sunday.\n\nAbout 6 in 10 white men supported Voss.');
    expect(said(find(quotes, 'Voss'))).toMatch(/men$/);
  });
  it('"voters who support Voss": a verb after "who" the tagger reads as a noun is still a cue', async () => {
    const { quotes } = await run('The vote in Hollin closed on Sunday.\n\nVoters who support Voss gathered outside the depot.');
    const q = quotes.find((x) => x.cue === 'support');
    expect(q).toBeDefined();
    expect(q!.text).toMatch(/^Voss/);
  });
});

describe('quotes: naming is not speech (fictional fixtures)', () => {
  it('"Nor was X named in the delegation": an inverted passive is no quotation', async () => {
    const { quotes } = await run('The mayor of Hollin flew to Arle on Monday with six aides.\n\nNor was her deputy Tomas Brandt named in the delegation.');
    expect(quotes).toEqual([]);
  });
  it('"was named to the board", "named after her aunt": a name given or listed is no quotation', async () => {
    const { quotes } = await run('Ines Marlow was named to the board of the Hollin depot on Friday.\n\nThe new ferry, named after her aunt, sails in May.');
    expect(quotes).toEqual([]);
  });
  it('a question in quotation marks that opens with "was" still has its speaker', async () => {
    const { quotes, said } = await run('The bridge reopened on Monday.\n\n"Was the bridge ever unsafe?" Clara Voss asked the engineers.');
    expect(said(find(quotes, 'ever unsafe'))).toBe('Clara Voss');
  });
});

describe('quote/unattributed severity', () => {
  it('warns for a quotation with no speech verb around it, and only informs when a verb is there but no speaker was read', async () => {
    const { analyzeArticle } = await import('../src/pipeline/analyze.js');
    const sev = async (body: string) =>
      (await analyzeArticle(textToArticle(body, { id: 't', origin: null }))).findings.filter((f) => f.ruleId === 'quote/unattributed').map((f) => f.severity);
    expect(await sev('The bridge over the Arle reopened on Monday.\n\n"Nobody in this town expected the work to take this long."')).toEqual(['warning']);
    const gap = await sev('The bridge over the Arle reopened on Monday.\n\n"Nobody expected the work to take this long," she said adding that the council had paid for it.');
    expect(gap).toEqual(['info']);
  });
});

describe('quotes: an organization as the speaker (fictional fixtures)', () => {
  it('"Kelmont said": the company speaks, linked to its entity, and is no antecedent of "he"', async () => {
    const { doc, quotes } = await run('Kelmont said it would cut 200 jobs at the Arle plant.\n\n"We regret this," Kelmont said in a statement.');
    const q = find(quotes, 'We regret this');
    const kelmont = doc.data.entities!.find((e) => e.name === 'Kelmont')!;
    expect(kelmont.type).toBe('organization');
    expect(q.speaker).toMatchObject({ name: 'Kelmont', entity: kelmont.id, resolved: true });
  });
});
