// A light, deterministic stemmer shared by indexing and tracing. Both sides only need to agree, so it is
// aggressive about inflection (tense, number) and leaves derivation alone: "will switch" / "switched",
// "policies" / "policy", "transferred" / "transfer", "taking" / "took" / "take".

// Irregular verb forms and plurals that suffix rules cannot reach ("took" -> "take", "said" -> "say").
const IRREGULAR = new Map<string, string>();
for (const line of `be was were been being is are am
have has had having
do does did done doing
go goes went gone
say says said
take took taken
make made
give gave given
get got gotten
come came
see saw seen
know knew known
think thought
tell told
find found
leave left
feel felt
bring brought
begin began begun
keep kept
hold held
write wrote written
stand stood
hear heard
let lets
mean meant
set sets
meet met
run ran
pay paid
sit sat
speak spoke spoken
lie lay lain
lead led
grow grew grown
lose lost
fall fell fallen
send sent
build built
spend spent
cut cuts
rise rose risen
drive drove driven
buy bought
wear wore worn
choose chose chosen
seek sought
throw threw thrown
catch caught
deal dealt
win won
forget forgot forgotten
sell sold
fight fought
teach taught
eat ate eaten
draw drew drawn
fly flew flown
strike struck stricken
hit hits
hang hung
shake shook shaken
break broke broken
steal stole stolen
swear swore sworn
sing sang sung
freeze froze frozen
bear bore borne
beat beaten
bind bound
forbid forbade forbidden
shoot shot
spread spreads
withdraw withdrew withdrawn
undergo underwent undergone
overtake overtook overtaken
understand understood
undertake undertook undertaken
man men
woman women
child children
person people
mouse mice
foot feet
tooth teeth`.split('\n')) {
  const [base, ...forms] = line.split(' ');
  for (const f of forms) IRREGULAR.set(f, base);
}

const VOWEL = /[aeiouy]/;

function undouble(w: string): string {
  // "transferr" -> "transfer", "stopp" -> "stop"; but not "fall", "pass", "buzz".
  const n = w.length;
  if (n > 3 && w.charCodeAt(n - 1) === w.charCodeAt(n - 2) && !/[lsz]/.test(w[n - 1]) && !VOWEL.test(w[n - 1])) return w.slice(0, -1);
  return w;
}

/** Stem of a lowercase word. */
export function stem(w: string): string {
  const irr = IRREGULAR.get(w);
  if (irr !== undefined) w = irr;
  let n = w.length;
  if (n <= 3) return w;
  if (w.endsWith('ies') && n > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  n = w.length;
  if (w.endsWith('ied') && n > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('eed')) w = w.slice(0, -1);
  else if (w.endsWith('ed') && n > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ing') && n > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  n = w.length;
  // "hope" / "hoped" / "hoping" all end as "hop".
  if (n > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
