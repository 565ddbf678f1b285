// Word lists for quote and attribution extraction. Small and general: news conventions, not one article.

/** Speech and reporting verbs: lemma, then irregular forms (regular -s/-ed/-ing forms are derived). */
const VERBS: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  add: [],
  announce: [],
  warn: [],
  claim: [],
  note: [],
  argue: [],
  insist: [],
  deny: ['denies', 'denied', 'denying'],
  confirm: [],
  explain: [],
  state: [],
  report: [],
  tweet: [],
  ask: [],
  reply: ['replies', 'replied', 'replying'],
  respond: [],
  suggest: [],
  acknowledge: [],
  admit: ['admits', 'admitted', 'admitting'],
  contend: [],
  maintain: [],
  predict: [],
  promise: [],
  recall: [],
  reveal: [],
  stress: ['stresses', 'stressed', 'stressing'],
  urge: [],
  declare: [],
  assert: [],
  allege: [],
  complain: [],
  concede: [],
  estimate: [],
  indicate: [],
  emphasize: [],
  emphasise: [],
  testify: ['testifies', 'testified', 'testifying'],
  vow: [],
  pledge: [],
  caution: [],
  observe: [],
  remark: [],
  comment: [],
  disclose: [],
  boast: [],
  joke: [],
  lament: [],
  quip: ['quips', 'quipped', 'quipping'],
  // '“Stay there!” a man yelled', 'protesters chanted “...”': only with a quotation (NEEDS_QUOTE)
  yell: [],
  shout: [],
  chant: [],
  scream: [],
  mention: [],
  proclaim: [],
  conclude: [],
  counter: [],
  retort: [],
  recount: [],
  believe: [],
  think: ['thinks', 'thought', 'thinking'],
  fear: [],
  hope: [],
  feel: ['feels', 'felt', 'feeling'],
  know: ['knows', 'knew', 'known', 'knowing'],
  agree: ['agrees', 'agreed', 'agreeing'],
  worry: ['worries', 'worried', 'worrying'],
  call: [],
  describe: [],
  threaten: [],
  accuse: [],
  charge: [],
  blame: [],
  criticize: [],
  criticise: [],
  slam: ['slams', 'slammed', 'slamming'],
  blast: [],
  praise: [],
  signal: ['signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  show: ['shows', 'showed', 'shown', 'showing'],
  find: ['finds', 'found', 'finding'],
  continue: [],
  propose: [],
  demand: [],
  recommend: [],
  request: [],
  bemoan: [],
  label: ['labels', 'labeled', 'labelled', 'labeling', 'labelling'],
  // Stance and intention (PolNeAR annotates them as attributions): "Voss wants to rebuild", "Brandt endorsed Lee".
  want: [],
  plan: ['plans', 'planned', 'planning'],
  refuse: [],
  decline: [],
  expect: [],
  seek: ['seeks', 'sought', 'seeking'],
  intend: [],
  offer: [],
  decide: [],
  prefer: ['prefers', 'preferred', 'preferring'],
  support: [],
  endorse: [],
  oppose: [],
  defend: [],
  attack: [],
  denounce: [],
  condemn: [],
  applaud: [],
  thank: [],
  mock: [],
  question: [],
  challenge: [],
  highlight: [],
  cite: [],
  discuss: [],
  tout: [],
  reject: [],
  dismiss: [],
  ridicule: [],
  echo: ['echoes', 'echoed', 'echoing'],
  repeat: [],
  favor: [],
  favour: [],
  express: [],
  see: ['sees', 'saw', 'seen', 'seeing'],
  view: [],
  vote: [],
  point: [],
  talk: [],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  apologize: [],
  apologise: [],
  imply: ['implies', 'implied', 'implying'],
  reiterate: [],
  dispute: [],
  doubt: [],
  advocate: [],
  embrace: [],
  welcome: [],
  champion: [],
  reaffirm: [],
  decry: ['decries', 'decried', 'decrying'],
  lambaste: [],
  chide: [],
  rebuke: [],
  deride: [],
  hail: [],
  commend: [],
  laud: [],
  push: [],
  lash: [],
  weigh: [],
  rule: [],
  shoot: ['shoots', 'shot', 'shooting'],
  back: [],
  assure: [],
  reassure: [],
  consider: [],
  refer: ['refers', 'referred', 'referring'],
  focus: [],
  learn: ['learns', 'learned', 'learnt', 'learning'],
  name: [],
  make: ['makes', 'made', 'making'],
};

/** Verbs that are attributions only with their particle: "pointed out", "would vote for", "spoke about". */
export const PHRASAL: Record<string, string[]> = {
  vote: ['for', 'against'],
  point: ['out', 'to'],
  talk: ['about'],
  speak: ['about', 'out', 'of'],
  apologize: ['for'],
  apologise: ['for'],
  push: ['for', 'back'],
  lash: ['out'],
  weigh: ['in'],
  rule: ['out'],
  shoot: ['back'],
  refer: ['to'],
  focus: ['on'],
};

function regular(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(s|sh|ch|x)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  return [lemma, s, `${stem}ed`, `${stem}ing`];
}

/** Word form (lowercase) -> lemma. */
export const SPEECH_FORMS = new Map<string, string>();
for (const [lemma, irregular] of Object.entries(VERBS)) {
  const forms = irregular.length ? [lemma, ...irregular] : regular(lemma);
  for (const f of forms) SPEECH_FORMS.set(f, lemma);
}

/** Verbs that say something only with a clause or quote after them ("added sanctions" is not speech). */
export const NEEDS_CLAUSE = new Set([
  'add', 'note', 'state', 'report', 'maintain', 'stress', 'observe', 'remark', 'comment', 'recall', 'counter',
  'believe', 'think', 'fear', 'hope', 'feel', 'know', 'agree', 'worry', 'find', 'signal', 'indicate',
  'estimate', 'predict', 'promise', 'suggest', 'mention', 'conclude', 'threaten', 'charge', 'explain', 'reveal',
  'disclose', 'ask', 'write', 'confirm', 'deny', 'acknowledge', 'admit', 'claim', 'argue', 'insist', 'warn',
  'urge', 'pledge', 'vow', 'declare', 'announce', 'allege', 'concede', 'contend', 'assert', 'respond', 'reply',
  'continue', 'imply', 'reiterate', 'doubt', 'learn', 'plan', 'refuse', 'decline', 'expect', 'intend', 'decide', 'echo', 'repeat',
]);

/**
 * Stance and intention verbs: not speech, but attributions ("Brandt endorsed Lee", "Voss wants to rebuild the
 * bridge"). Their subject must be someone who can hold a view: not "The bill wants for support".
 */
export const STANCE = new Set([
  'want', 'plan', 'refuse', 'decline', 'expect', 'seek', 'intend', 'offer', 'decide', 'prefer', 'support', 'endorse',
  'oppose', 'defend', 'attack', 'denounce', 'condemn', 'applaud', 'thank', 'mock', 'question', 'challenge', 'highlight',
  'cite', 'discuss', 'tout', 'reject', 'dismiss', 'ridicule', 'echo', 'repeat', 'favor', 'favour', 'express',
  'criticize', 'criticise', 'praise', 'slam', 'blast', 'accuse', 'blame', 'see', 'view', 'vote', 'point', 'talk', 'speak', 'apologize', 'apologise',
  'imply', 'reiterate', 'dispute', 'doubt', 'advocate', 'embrace', 'welcome', 'champion', 'reaffirm', 'decry', 'lambaste',
  'chide', 'rebuke', 'deride', 'hail', 'commend', 'laud', 'push', 'lash', 'weigh', 'rule', 'shoot', 'back', 'assure',
  'reassure', 'consider', 'refer', 'focus', 'learn', 'name', 'make', 'show',
]);

/** Verbs that need a direct quote or "as" after their object: 'called the plan "reckless"', 'described it as'. */
export const NEEDS_QUOTE = new Set(['call', 'label', 'describe', 'yell', 'shout', 'chant', 'scream']);

/** Verbs whose first object is the listener: "told reporters that", "warned Seoul that". */
export const LISTENER_VERBS = new Set(['tell', 'warn', 'assure', 'inform', 'remind', 'ask', 'urge', 'promise']);

/** Personal pronouns that can be a speaker, with the gender or number they tell. */
export const PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'n' | 'self'> = {
  he: 'm',
  she: 'f',
  they: 'pl',
  it: 'n',
  we: 'pl',
  i: 'self',
  who: 'n',
  // possessives name the holder of a nominal cue: "his remarks that ...", "her call for ..."
  his: 'm',
  her: 'f',
  their: 'pl',
};

/** Nouns that carry an attribution after a possessive: "Voss's statement that ...", "his call for ...". */
export const NOMINAL_CUES = new Set(
  'statement statements claim claims remarks comments criticism message view views speech words warning warnings proposal promise pledge argument assertion belief concern concerns accusation accusations insistence suggestion response tweet tweets testimony vow refusal commitment rhetoric endorsement opposition support position stance call calls plan plans attacks complaint complaints denial announcement prediction assessment account explanation description demand demands insistence reasoning contention admission suggestion opinion thoughts answer criticisms defense defence praise'.split(
    ' ',
  ),
);

/** Gender cues in the words right before a name: "Brandt's wife Ines Marlow", "Mrs Voss", "Mr Brandt". */
export const FEMALE_CUE =
  /\b(?:wife|widow|mother|daughter|sister|niece|aunt|grandmother|girlfriend|mrs|ms|miss|madam|madame|lady|dame|queen|princess|empress|actress|chairwoman|spokeswoman|congresswoman|businesswoman|first lady)\.?\s*$/i;
export const MALE_CUE =
  /\b(?:husband|widower|father|son|brother|nephew|uncle|grandfather|grandson|boyfriend|mr|sir|lord|king|prince|emperor|chairman|spokesman|congressman|businessman)\.?\s*$/i;

// Common given names that tell a gender when no title does ("Clara Voss said").
export const FEMALE_NAMES = new Set(
  'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann gloria jean kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise beverly amber theresa marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte hillary chelsea huma nikki condoleezza theresa angela marine nancy elizabeth kellyanne sarah ivanka melania michelle carly hope kirstjen nicola jacinda ursula kamala'.split(
    ' ',
  ),
);
export const MALE_NAMES = new Set(
  'james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny barack bernie ted marco jeb mitt mike chris rand ben bill vladimir xi boris emmanuel harry rex mitch newt reince corey hugh'.split(
    ' ',
  ),
);

/** Titles before a name; not part of the name itself. */
export const TITLES = new Set(
  'mr mrs ms miss dr prof president vice sen senator rep representative gov governor mayor minister secretary gen general lt col colonel maj capt adm sgt rev pope king queen prince princess sir lady lord ambassador judge justice chancellor premier chairman chairwoman speaker leader director chief commissioner officer spokesman spokeswoman'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an organization or place, not a person (fallback without entities). */
export const NON_PERSON_WORDS = new Set(
  'university college school institute ministry department agency bureau office party federation union council committee commission assembly parliament congress senate house court police army navy force forces government administration kremlin pentagon bank company corp inc ltd group republic kingdom state states city county province region street railway airport station war peninsula sea ocean river island islands north south east west northern southern eastern western central news times post herald journal tribune gazette telegraph guardian press radio television tv magazine daily weekly network channel media foundation center centre church club association league campaign fund trust hospital museum summit republican republicans democrat democrats democratic gop'.split(
    ' ',
  ),
);

/** News outlets and agencies, for when the entities pass has not marked them. Lowercase, without "the". */
export const OUTLETS = new Set(
  [
    'ap', 'associated press', 'reuters', 'afp', 'agence france-presse', 'agence france presse', 'tass', 'ria novosti',
    'interfax', 'xinhua', 'yonhap', 'kcna', 'korean central news agency', 'kbs', 'nk news', 'bbc', 'cnn', 'abc',
    'nbc', 'cbs', 'fox news', 'fox', 'msnbc', 'npr', 'pbs', 'bloomberg', 'politico', 'axios', 'the hill', 'upi',
    'al jazeera', 'sky news', 'nikkei', 'kyodo', 'dpa', 'efe', 'ansa', 'pti', 'breitbart', 'huffington post',
    'huffpost', 'buzzfeed', 'vox', 'slate', 'salon', 'cnbc', 'usa today', 'time', 'newsweek', 'the atlantic',
    'new yorker', 'rt', 'sputnik', 'ria', 'arirang', 'nhk', 'le monde', 'der spiegel', 'spiegel', 'guardian',
    'observer', 'telegraph', 'times', 'economist', 'spectator', 'financial times', 'wall street journal',
  ],
);

/** A capitalised name that ends like a publication: "the Daily Herald", "Vladivostok News", "New York Times". */
export const OUTLET_NAME =
  /^(?:[Tt]he\s+)?(?:(?:Daily|Sunday|Evening|Morning)\s+\p{Lu}[\p{L}-]*|(?:\p{Lu}[\p{L}.'-]*\s+)+(?:News|Times|Post|Herald|Journal|Tribune|Gazette|Telegraph|Guardian|Chronicle|Observer|Independent|Mirror|Express|Standard|Examiner|Inquirer|Courier|Dispatch|Bulletin|Press|Wire|Radio|Television|TV|Magazine|Daily|Today|Review|Insider|Beast|Newswire|Network|Broadcasting|Broadcasting Corporation|News Agency|Press Agency))$/u;

/** Weekday and time words that sit between a speaker and the cue: "Kim said Monday", "officials earlier this month said". */
export const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later last this next week month year night morning afternoon evening weekend recently previously once again also repeatedly reportedly publicly privately separately flatly then still already now never not has had have will would could did does do may might must shall should can'.split(
    ' ',
  ),
);

/** Singular nouns for a person in a role: "the spokesman said" points back at someone named before. */
export const PERSON_NOUNS = new Set(
  'spokesman spokeswoman spokesperson official minister secretary aide adviser advisor president chancellor leader chairman chairwoman chair chief director governor mayor senator congressman congresswoman lawmaker mp judge lawyer attorney prosecutor professor teacher doctor analyst economist expert diplomat ambassador envoy general commander officer detective inspector campaigner activist candidate premier king queen prince princess man woman boy girl father mother wife husband son daughter owner founder executive manager coach player striker captain witness victim resident neighbour neighbor farmer worker author writer researcher scientist priest pastor bishop rabbi imam sheriff commissioner superintendent councillor councilor deputy head headteacher principal student pupil nurse surgeon pilot driver spokesman'.split(
    ' ',
  ),
);

/** Plural nouns for unnamed groups; capitalised at the start of a sentence they are still not names. */
export const GROUP_NOUNS = new Set(
  'officials sources analysts critics experts residents witnesses police authorities lawmakers legislators investigators researchers doctors activists voters aides diplomats prosecutors protesters scientists economists observers organisers organizers supporters opponents campaigners ministers officers people leaders members executives insiders militants rebels residents staff workers parents teachers students families neighbours neighbors reports documents polls studies surveys'.split(
    ' ',
  ),
);
