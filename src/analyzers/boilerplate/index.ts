import type { Analyzer } from '../analyzer.js';

interface Pattern {
  rule: 'boilerplate/template-line' | 'boilerplate/promo' | 'boilerplate/byline';
  re: RegExp;
  what: string;
}

// Only short lines are considered: a template line is a label, not a sentence of the story.
const MAX_WORDS = 14;
const MAX_CHARS = 400;

const PATTERNS: Pattern[] = [
  // "Other reports by", "More stories from"
  { rule: 'boilerplate/template-line', re: /^(other|more) (reports|stories|articles|news|posts) (by|from)\b/i, what: 'author index link' },
  // "Discuss This Article", "Leave a comment", "12 comments"
  { rule: 'boilerplate/template-line', re: /^(discuss this (article|story|post)|leave a (comment|reply)|(\d+ )?comments?( \(\d+\))?|add a comment|join the (discussion|conversation))\b/i, what: 'comment prompt' },
  // "Share this", "Share on Facebook", "Tweet", "Email this article", "Print"
  { rule: 'boilerplate/template-line', re: /^(share|tweet|e-?mail|print|pin)( this( article| story| page)?| on \w+| via \w+)?[:.!]?$/i, what: 'sharing widget' },
  // "Related:", "Read more: ...", "See also", "More on this story" — a label, so a colon, an arrow or nothing follows
  { rule: 'boilerplate/template-line', re: /^(related( (articles|stories|content|coverage|topics))?|read more|read next|see also|more on this( story)?|recommended( for you)?|further reading|you may also like|most (read|popular))\s*(:|[-–|»›>]|$)/i, what: 'related-links label' },
  // "Tags: politics, Russia", "Filed under: World"
  { rule: 'boilerplate/template-line', re: /^(tags?|filed under|topics?|categories|category|posted in)\s*:/i, what: 'tag list' },
  // "Follow us on Twitter", "Like us on Facebook"
  { rule: 'boilerplate/template-line', re: /^(follow|like|join) us (on|at)\b/i, what: 'social prompt' },
  // "© 2019 Daily Herald. All rights reserved."
  { rule: 'boilerplate/template-line', re: /^(©|\(c\)|copyright\b)|all rights reserved\.?$/i, what: 'copyright line' },
  // "Advertisement", "Sponsored content"
  { rule: 'boilerplate/promo', re: /^(advertisement|advert|ad|sponsored( content)?|promoted( content)?|paid content)[:.]?$/i, what: 'advertisement label' },
  // "Click here to subscribe", "Subscribe to our newsletter", "Sign up for our daily briefing"
  { rule: 'boilerplate/promo', re: /\bclick here\b|^(subscribe|sign up|register)\b|\b(subscribe|sign up|register)\b.*\b(newsletter|briefing|updates|alerts|inbox)\b|^(get|receive) (our|the) .*\b(newsletter|briefing)\b/i, what: 'subscription prompt' },
  // "We use cookies to improve your experience. Accept"
  { rule: 'boilerplate/promo', re: /\b(we use cookies|cookie (policy|settings|preferences)|accept (all )?cookies|this (site|website) uses cookies)\b/i, what: 'cookie prompt' },
  // "By Larry Hoffman", "Reporting by Ann Lee; Editing by Tom Hale", "Written by A. Writer"
  { rule: 'boilerplate/byline', re: /^((written |reported )?by|reporting by|editing by|additional reporting by)\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}([;,]|\s+and\s+|$)/iu, what: 'byline' },
];

const MESSAGES: Record<Pattern['rule'], string> = {
  'boilerplate/template-line': 'Site template residue in the body',
  'boilerplate/promo': 'Advertising or subscription prompt in the body',
  'boilerplate/byline': 'A byline left inside the body',
};

/**
 * Template residue: lines a site template leaves in a body ("Other reports by", "Discuss This Article",
 * "Share this", "Advertisement"). Their sentences get role "boilerplate" and stop counting as article sentences.
 */
export const boilerplateAnalyzer: Analyzer = {
  name: 'boilerplate',
  description: 'template residue: share and comment widgets, related links, promos, cookie prompts, lone bylines',
  rules: [
    { id: 'boilerplate/template-line', severity: 'warning', description: 'a site-template line (comment, share, related-links or author-index label) inside the body' },
    { id: 'boilerplate/promo', severity: 'info', description: 'an advertising, newsletter, subscription or cookie prompt inside the body' },
    { id: 'boilerplate/byline', severity: 'info', description: 'a lone byline ("By A. Writer", "Reporting by ...") inside the body' },
  ],
  run(doc, ctx) {
    for (const para of doc.paragraphs) {
      // A template line is short: a long paragraph is not one, even when it is a single run without spaces
      // (the message quotes the line, and would copy a 5 MB run whole).
      if (para.end - para.start > MAX_CHARS) continue;
      const text = doc.text.slice(para.start, para.end).trim();
      if (text.split(/\s+/).length > MAX_WORDS) continue;
      const hit = PATTERNS.find((p) => p.re.test(text));
      if (!hit) continue;
      const first = doc.sentences.findIndex((s) => s.paragraph === para.index);
      for (const s of doc.sentences) if (s.paragraph === para.index) s.role = 'boilerplate';
      ctx.report({
        ruleId: hit.rule,
        message: `${MESSAGES[hit.rule]} (${hit.what}): "${text}"`,
        start: para.start,
        end: para.end,
        sentence: first < 0 ? null : first,
        data: { kind: hit.what },
      });
    }
  },
};
