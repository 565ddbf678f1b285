// Body text on sites no rule was tuned on (issue 12): the template's tail in other languages, and a related
// list longer than three lines. Fictional pages written for these tests.
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../src/ingest/html.js';

const p = (t: string) => `<p>${t}</p>`;
const body = (parts: string[]) => htmlToArticle(`<html><body><article>${parts.join('')}</article></body></html>`, { id: 't', origin: 't.html' }).text.split('\n\n');

const STORY_DE = [
  'Der Stadtrat von Kleinhafen hat am Dienstag beschlossen, die Buspreise im April zum ersten Mal seit sechs Jahren anzuheben.',
  'Die Fahrkarte für eine Zone kostet dann 2,40 Euro statt 2,10 Euro, teilte die Verkehrsverwaltung mit.',
  'Mehr zum Thema Nahverkehr sagte die Bürgermeisterin, dass neue Linien zum Krankenhaus geplant seien.',
  'Im Sommer soll außerdem ein Nachtbus zwischen dem Hafen und dem Bahnhof fahren, der bis zwei Uhr verkehrt.',
  'Die Opposition kritisierte die Erhöhung als zu hoch und verlangte ein günstigeres Sozialticket für Familien.',
];

describe('body: the template tail in other languages', () => {
  it('drops German related headings, pleas and an author box after the story, keeping sentences that start alike', () => {
    const got = body([
      ...STORY_DE.map(p),
      p('Das könnte Sie auch interessieren'),
      p('Abonniere unseren Newsletter und verpasse keine Nachricht mehr!'),
      p('Über den Autor'),
      p('Möchten Sie den Artikel teilen?'),
    ]);
    expect(got).toEqual(STORY_DE);
  });

  it('drops French and Spanish related headings', () => {
    const story = [
      'Le conseil municipal a voté mardi une hausse du prix des billets de bus, la première depuis six ans.',
      'Le ticket à l’unité passera de 1,80 euro à 2 euros au mois d’avril, a précisé la mairie dans un communiqué.',
      'L’opposition a dénoncé une mesure injuste pour les familles et demandé un tarif social.',
    ];
    expect(body([...story.map(p), p('À lire aussi'), p('Suscríbete a nuestro boletín')])).toEqual(story);
    expect(body([...STORY_DE.map(p), p('War der Artikel nützlich?')])).toEqual(STORY_DE);
    // The comment form after the story.
    expect(body([...STORY_DE.map(p), p('Keine Kommentare'), p('Sie sind aktuell nicht eingeloggt.'), p('Hinterlasse einen Kommentar')])).toEqual(STORY_DE);
  });
});

describe('body: a related heading takes the list after it', () => {
  it('cuts "Mehr zum Thema" and six teaser titles, but not a heading followed by the story’s paragraphs', () => {
    const teasers = ['Neue Buslinie zum Krankenhaus', 'Nachtbus ab Juli', 'Sozialticket für Familien', 'Baustelle am Bahnhof', 'Radweg am Hafen eröffnet', 'Fähre fährt wieder'];
    expect(body([...STORY_DE.map(p), p('Mehr zum Thema'), ...teasers.map((t) => `<li>${t}</li>`)])).toEqual(STORY_DE);
    // A heading inside the story with long paragraphs after it is the story's own section.
    const long = STORY_DE.slice(0, 3);
    const section = [STORY_DE[3], STORY_DE[4], 'Die Verwaltung will die Erhöhung im nächsten Jahr überprüfen und die Zahl der Fahrgäste danach neu zählen lassen.'];
    expect(body([...long.map(p), p('Kommentare'), ...section.map(p)])).toEqual([...long, 'Kommentare', ...section]);
  });
});

describe('body: credits and captions inside the text', () => {
  it('drops credit lines of other languages and agency credits, keeping sentences that name a source', () => {
    const got = body([
      p(STORY_DE[0]),
      p('Bild: Stadtwerke Kleinhafen'),
      p('Abbildung 2: Die neuen Fahrpreise im Überblick'),
      p(STORY_DE[1]),
      p('Ann Hale/Getty Images'),
      p('Photograph by Ann Hale'),
      p('Quelle der Zahlen ist der Jahresbericht der Verkehrsbetriebe, der im März erschienen ist.'),
      p(STORY_DE[4]),
    ]);
    expect(got).toEqual([STORY_DE[0], STORY_DE[1], 'Quelle der Zahlen ist der Jahresbericht der Verkehrsbetriebe, der im März erschienen ist.', STORY_DE[4]]);
  });
});

describe('body: a blog theme’s post-meta lines', () => {
  it('drops "This entry was posted ..." and "Der Beitrag wurde am ... veröffentlicht", keeping a sentence about posting', () => {
    const kept = 'The council posted the new timetable at every stop on Monday, so riders can plan ahead before April.';
    const got = body([
      p(STORY_DE[0]),
      p(kept),
      p(STORY_DE[4]),
      p('Der Beitrag wurde am Mittwoch, 4. März 2020 in Verkehr veröffentlicht.'),
      p('This entry was posted in Transport on March 4, 2020 by Ann Hale.'),
      p('Kategorie: News'),
    ]);
    expect(got).toEqual([STORY_DE[0], kept, STORY_DE[4]]);
  });
});

describe('body: placeholders of blocked embeds, captions, author boxes and stacked lists (meta-body, round 2)', () => {
  it('drops the consent placeholder a blocked tweet or map leaves, keeping a sentence about privacy', () => {
    const own = 'Die Stadt will die Privatsphäre der Fahrgäste schützen und speichert keine Daten der Fahrkarten.';
    const got = body([
      p(STORY_DE[0]),
      p('Externer Inhalt'),
      p('Zum Schutz deiner Daten ist das automatische Laden von Beiträgen der Plattform kurznachrichten.example blockiert.'),
      p('Twitter freischalten'),
      p('Ohne deine Zustimmung stellen wir keine Verbindung zu Twitter her.'),
      p('Datenschutzeinstellungen verwalten'),
      p(STORY_DE[1]),
      p('Klicken Sie auf den unteren Button, um den Inhalt von www.radkarte.example zu laden.'),
      p('Inhalt laden'),
      p('By loading the video, you agree to the privacy policy of the video platform.'),
      p(own),
      ...STORY_DE.slice(2).map(p),
    ]);
    expect(got).toEqual([STORY_DE[0], STORY_DE[1], own, ...STORY_DE.slice(2)]);
  });

  it('drops figure captions and captions closed by a © credit, keeping a sentence that cites a figure', () => {
    const cites = 'Wie Abbildung 2 zeigt, fahren die meisten Fahrgäste morgens zwischen sieben und acht Uhr.';
    const got = body([
      p(STORY_DE[0]),
      p('Abbildung 4: Der neue Busbahnhof am Hafen. Die Dächer sammeln Regenwasser für die Waschanlage.'),
      p('Abb. 2: Fahrgäste pro Stunde'),
      p('Der Busbahnhof im Schnee© Tom Reyes/bildarchiv.example'),
      p('Foto © Ann Hale, Lia Berg'),
      p('© 2020 Kleinhafen Verkehrsbetriebe, alle Rechte vorbehalten'),
      p(cites),
      ...STORY_DE.slice(1).map(p),
    ]);
    expect(got).toEqual([STORY_DE[0], cites, ...STORY_DE.slice(1)]);
  });

  it('takes the bio after an "About the author" heading, a related heading ending in "!", and "Mehr lesen:"', () => {
    const bio = 'Ann Hale (Jahrgang 1970) schreibt seit mehr als zwanzig Jahren über Verkehr und Stadtplanung in Norddeutschland.';
    expect(body([...STORY_DE.map(p), p('Über den Autor'), p(bio)])).toEqual(STORY_DE);
    expect(body([...STORY_DE.map(p), p('Das könnte Sie auch interessieren!'), p('12. Mai // Tipps'), p('3. Juni // Technik')])).toEqual(STORY_DE);
    expect(body([...STORY_DE.map(p), p('Mehr lesen:'), p('Neue Nachtbusse ab Juni'), p('Hafenfähre fährt wieder')])).toEqual(STORY_DE);
  });

  it('cuts two related lists stacked one on the other', () => {
    const teasers = (n: number, w: string) => Array.from({ length: n }, (_, i) => p(`${w} ${i + 1}: Neue Linie zum Krankenhaus geplant`));
    const got = body([
      ...STORY_DE.map(p),
      ...STORY_DE.map((x) => p(x.replace('Kleinhafen', 'Großhafen'))),
      p('Meistgelesene Artikel'),
      ...teasers(7, 'Meldung'),
      p('Mehr zum Thema'),
      ...teasers(7, 'Bericht'),
    ]);
    expect(got.at(-1)).toBe(STORY_DE.at(-1)!.replace('Kleinhafen', 'Großhafen'));
  });
});
