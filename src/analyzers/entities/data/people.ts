// Words around people's names: honorifics (dropped), titles and roles (kept as the entity's role), given names.

/** Honorifics: outside the name and not a role ("Mr Kim", "Mrs. Clinton"). */
export const HONORIFICS = new Set('Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Sir Dame Lord Lady Madam Messrs Messrs.'.split(' '));

/**
 * Capitalised words that make (part of) a role before a name: "President Donald Trump", "Sen. Ana Ruiz",
 * "U.S. District Judge Emmet Doe", "Deputy Foreign Minister Ivan Petrov".
 */
export const ROLE_WORDS = new Set(
  `President Vice Prime Minister Ministers Secretary Senator Sen. Sens. Rep. Reps. Representative Congressman
Congresswoman Governor Gov. Lt. Lieutenant Mayor Chancellor King Queen Prince Princess Crown Pope Emperor Empress Sultan
Emir Ayatollah Sheikh General Gen. Gens. Colonel Col. Major Maj. Captain Capt. Sergeant Sgt. Corporal Cpl. Private Pvt.
Admiral Adm. Commander Cmdr. Marshal Brigadier Field Officer Detective Det. Inspector Insp. Sheriff Deputy Constable
Judge Justice Justices Magistrate Attorney Solicitor Prosecutor Counsel Speaker Leader Whip Chairman Chairwoman
Chairperson Chair Director Ambassador Amb. Envoy Consul Commissioner Superintendent Supt. Chief Executive CEO CFO COO PM
Founder Co-founder President-elect Secretary-General Director-General Attorney-General Governor-General Solicitor-General Surgeon-General Professor Prof. Rev. Reverend Father Fr. Pastor Bishop Archbishop Cardinal Rabbi Imam
Cleric Coach Spokesman Spokeswoman Spokesperson Press Aide Adviser Advisor Assistant Special Undersecretary Under
Foreign Defense Defence Interior Finance Treasury Trade Health Justice Energy Education Labor Labour Home State Economy
Agriculture Transportation Commerce Culture Information Environment Security Intelligence Homeland Armed Services
Councilman Councilwoman Councillor Councilor Alderman Delegate Lawmaker Legislator Majority Minority House Senate
Supreme Circuit District Appeals Federal Former Acting Interim Presidential Democratic Republican GOP Independent
First Chief-of-Staff Staff Nominee Candidate Premier Chairman-elect Dean Provost Principal Headmaster Anchor Host
Correspondent Editor Publisher Columnist Author Economist Analyst Strategist Pollster Activist Attorney-General
Trooper Officer Agent Special-Agent Manager Executive Vice-President Chief-Executive`
    .split(/\s+/)
    .filter(Boolean),
);

/** Role words that can only be a role (not a name part nor an organization word): evidence of a person. */
export const STRONG_ROLES = new Set(
  `President Senator Sen. Sens. Rep. Reps. Representative Congressman Congresswoman Governor Gov. Mayor Chancellor King Queen
Secretary-General Director-General Attorney-General Governor-General Solicitor-General Surgeon-General
Prince Princess Pope Emperor General Gen. Colonel Col. Maj. Captain Capt. Sergeant Sgt. Admiral Adm. Commander Cmdr. Lt.
Lieutenant Detective Det. Inspector Sheriff Judge Justice Ambassador Amb. Envoy Commissioner Superintendent Professor
Prof. Rev. Reverend Father Fr. Pastor Bishop Archbishop Cardinal Rabbi Imam Coach Spokesman Spokeswoman Spokesperson
Minister Secretary Chairman Chairwoman Director Speaker Leader CEO Premier Attorney Councilman Councilwoman Delegate
Trooper Officer Agent President-elect PM CEO Ayatollah Sheikh Sultan Emir Dean Anchor Pollster`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lowercase role nouns that, right before a name, give its role: "Freedonian leader Park Min-jun". */
export const ROLE_NOUNS = new Set(
  `leader president minister secretary senator governor mayor spokesman spokeswoman spokesperson aide adviser advisor
chairman chairwoman chair director ambassador envoy judge justice professor analyst researcher expert economist
strategist pollster candidate nominee frontrunner front-runner rival opponent challenger lawmaker congressman
congresswoman representative attorney lawyer prosecutor general commander officer chief executive ceo founder
co-founder owner manager coach host anchor correspondent reporter editor columnist writer author activist donor
mega-donor businessman businesswoman billionaire tycoon actor actress singer star player dictator king queen premier
chancellor official officer deputy assistant spokesperson consultant operative organizer surrogate supporter
manager chief-of-staff president-elect governor-elect mayor-elect`
    .split(/\s+/)
    .filter(Boolean),
);

/** Family nouns before a name: evidence of a person, but not a role ("Park's wife Choi Ha-eun"). */
export const KIN_NOUNS = new Set('wife husband son daughter brother sister father mother grandfather grandmother uncle aunt cousin nephew niece widow fiancee fiance girlfriend boyfriend'.split(' '));

/** Common given names: a capitalised pair that starts with one is a person ("Hal Harris", "Artyom Petrov"). */
export const FIRST_NAMES = new Set(
  `Aaron Abby Abdul Abe Abigail Adam Adrian Ahmed Al Alan Albert Alberto Alejandro Alex Alexander Alexandra Alexei Alexey
Alfred Ali Alice Alicia Alison Allen Allison Alvin Amanda Amber Amy Ana Andre Andrea Andrei Andrew Andrey Andy Angela
Angelina Angus Anita Ann Anna Anne Annie Anthony Antonio Antonin April Arnold Arthur Artyom Ashley Audrey Austin Barack
Barbara Barry Beatrice Ben Benjamin Bernard Bernie Beth Betsy Betty Beverly Bill Billy Bob Bobby Bonnie Boris Brad Bradley
Brandon Brenda Brent Brett Brian Bridget Britney Brittany Brooke Bruce Bryan Carl Carla Carlos Carly Carmen Carol Caroline
Carolyn Carrie Catherine Cathy Cecilia Chad Charles Charlie Charlotte Chelsea Cheryl Chris Christian Christie Christina
Christine Christopher Chuck Cindy Claire Clara Clarence Claude Claudia Clay Clint Cody Colin Connie Conrad Corey Cory Craig
Cynthia Dale Dan Dana Daniel Danielle Danny Darrell Darren Dave David Dean Debbie Deborah Debra Denis Denise Dennis Derek
Diana Diane Dianne Dick Dmitry Dmitri Dolores Don Donald Donna Doris Dorothy Doug Douglas Duncan Dustin Dwight Dylan Earl
Ed Eddie Edgar Edith Edward Edwin Eileen Elaine Eleanor Elena Eli Elijah Elizabeth Ellen Elliot Elizabeth Emily Emma Emmanuel
Eric Erica Erik Erin Ernest Eugene Eva Evan Evelyn Fatima Felix Fernando Fidel Fiona Frances Francis Francisco Frank
Franklin Fred Frederick Gabriel Gail Gary Gavin Gene George Georgia Gerald Gerry Gina Glenn Gloria Gordon Grace Grant Greg
Gregory Hal Hannah Harold Harriet Harry Hassan Hayley Heather Heidi Helen Henry Herbert Herman Hillary Holly Howard Hugh
Hugo Hussein Ian Igor Irene Isaac Isabel Ivan Ivanka Jack Jackie Jacob Jacqueline Jake James Jamie Jan Jane Janet Janice
Jared Jason Jay Jean Jeanne Jeb Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jesus Jill Jim Jimmy Jo Joan
Joanna Joanne Joe Joel Joey John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh Joshua Joy Joyce Juan Judith Judy Julia
Julian Julie Justin Kaitlyn Karen Karl Kate Katherine Kathleen Kathryn Kathy Katie Katrina Kay Keith Kelly Kellyanne Ken
Kenneth Kevin Kim Kimberly Kirk Kristen Kurt Kyle Lamar Larry Laura Lauren Lawrence Lee Leon Leonard Leslie Linda Lindsay
Lindsey Lisa Liz Lloyd Lois Lori Lorraine Louis Louise Lucas Lucy Luis Luke Lynn Madeleine Maggie Marc Marco Marcus Margaret
Maria Marie Marilyn Mario Marion Marjorie Mark Marsha Martha Martin Marvin Mary Matt Matthew Maureen Max Maxine Megan Melania
Melanie Melissa Michael Michele Michelle Mick Miguel Mike Mikhail Mildred Mitch Mitt Mohammed Mohammad Muhammad Monica Nancy
Naomi Natalie Nathan Neil Nicholas Nick Nicole Nigel Nikki Nina Noah Norma Norman Oliver Olivia Omar Oscar Owen Pamela
Patricia Patrick Patty Paul Paula Pauline Pedro Peggy Penny Pete Peter Phil Philip Phillip Phyllis Rachel Rafael Ralph
Ramon Rand Randy Ray Raymond Rebecca Rebekah Reed Reggie Reince Rex Rhonda Ricardo Richard Rick Ricky Rita Rob Robert Roberta
Robin Rod Rodney Roger Ron Ronald Ronnie Rosa Rose Ross Roy Ruby Rudy Russell Ruth Ryan Sally Sam Samantha Samuel Sandra
Sara Sarah Scott Sean Sergei Sergey Seth Shannon Sharon Shawn Sheila Shelley Sherrod Shirley Sidney Simon Sophie Stacey
Stanley Stephanie Stephen Steve Steven Stuart Sue Susan Suzanne Sylvia Tammy Tanya Ted Teresa Terry Thelma Theodore Theresa
Thomas Tiffany Tim Timothy Tina Todd Tom Tommy Tony Tracy Travis Trey Troy Tyler Valerie Vanessa Vera Veronica Vicki
Victor Victoria Vincent Viktor Vladimir Walter Wanda Warren Wayne Wendy Wesley Will William Willie Wilson Xavier Yuri
Yvonne Zachary Zoe`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Public figures often named by surname alone with no first mention in the article ("Putin will meet
 * the envoy"), and single names (Xi, Lula). Surname (or the name used alone) -> full name.
 */
export const KNOWN_PEOPLE: Record<string, string> = {
  Putin: 'Vladimir Putin', Medvedev: 'Dmitry Medvedev', Lavrov: 'Sergei Lavrov', Peskov: 'Dmitry Peskov',
  Obama: 'Barack Obama', Trump: 'Donald Trump', Clinton: 'Hillary Clinton', Biden: 'Joe Biden', Pence: 'Mike Pence',
  Bush: 'George W. Bush', Kerry: 'John Kerry', Pompeo: 'Mike Pompeo', Tillerson: 'Rex Tillerson', Sanders: 'Bernie Sanders',
  Cruz: 'Ted Cruz', Rubio: 'Marco Rubio', Kasich: 'John Kasich', Romney: 'Mitt Romney', McConnell: 'Mitch McConnell',
  Pelosi: 'Nancy Pelosi', Ryan: 'Paul Ryan', Schumer: 'Chuck Schumer', Reid: 'Harry Reid', McCain: 'John McCain',
  Xi: 'Xi Jinping', Merkel: 'Angela Merkel', Macron: 'Emmanuel Macron', Hollande: 'François Hollande', Sarkozy: 'Nicolas Sarkozy',
  Abe: 'Shinzo Abe', Netanyahu: 'Benjamin Netanyahu', Erdogan: 'Recep Tayyip Erdogan', Assad: 'Bashar al-Assad',
  Rouhani: 'Hassan Rouhani', Khamenei: 'Ali Khamenei', Modi: 'Narendra Modi', Duterte: 'Rodrigo Duterte', Zelensky: 'Volodymyr Zelensky',
  Poroshenko: 'Petro Poroshenko', Lukashenko: 'Alexander Lukashenko', Trudeau: 'Justin Trudeau', Cameron: 'David Cameron',
  Johnson: 'Boris Johnson', Corbyn: 'Jeremy Corbyn', Farage: 'Nigel Farage', Gaddafi: 'Muammar Gaddafi',
  Qaddafi: 'Muammar Qaddafi', Saddam: 'Saddam Hussein', Castro: 'Fidel Castro', Maduro: 'Nicolas Maduro', Chavez: 'Hugo Chavez',
  Mandela: 'Nelson Mandela', Francis: 'Pope Francis', Abbas: 'Mahmoud Abbas',
   Stalin: 'Joseph Stalin', Lenin: 'Vladimir Lenin', Gorbachev: 'Mikhail Gorbachev', Yeltsin: 'Boris Yeltsin',
  Reagan: 'Ronald Reagan', Nixon: 'Richard Nixon', Kennedy: 'John F. Kennedy', Lincoln: 'Abraham Lincoln', Carter: 'Jimmy Carter',
  Comey: 'James Comey', Mueller: 'Robert Mueller', Giuliani: 'Rudy Giuliani', Bannon: 'Steve Bannon', Priebus: 'Reince Priebus',
  Conway: 'Kellyanne Conway', Kushner: 'Jared Kushner', Ivanka: 'Ivanka Trump', Melania: 'Melania Trump', Hillary: 'Hillary Clinton',
  Bernie: 'Bernie Sanders', Fiorina: 'Carly Fiorina', Carson: 'Ben Carson', Christie: 'Chris Christie', Huckabee: 'Mike Huckabee',
  Walker: 'Scott Walker', Paul: 'Rand Paul', Santorum: 'Rick Santorum', Jindal: 'Bobby Jindal', Perry: 'Rick Perry',
  Kaine: 'Tim Kaine', Warren: 'Elizabeth Warren', Gingrich: 'Newt Gingrich', Cheney: 'Dick Cheney', Rumsfeld: 'Donald Rumsfeld',
  Abedin: 'Huma Abedin', Podesta: 'John Podesta', Mook: 'Robby Mook', Lewandowski: 'Corey Lewandowski', Manafort: 'Paul Manafort',
  Limbaugh: 'Rush Limbaugh', Hannity: 'Sean Hannity', 'O’Reilly': 'Bill O’Reilly', "O'Reilly": "Bill O'Reilly", Kelly: 'Megyn Kelly',
  Assange: 'Julian Assange', Snowden: 'Edward Snowden', Lynch: 'Loretta Lynch', Holder: 'Eric Holder', Sessions: 'Jeff Sessions',
  Scalia: 'Antonin Scalia', Garland: 'Merrick Garland', Roberts: 'John Roberts', Ginsburg: 'Ruth Bader Ginsburg',
  Zuckerberg: 'Mark Zuckerberg', Musk: 'Elon Musk', Gates: 'Bill Gates', Buffett: 'Warren Buffett', Soros: 'George Soros',
  Guterres: 'António Guterres', Stoltenberg: 'Jens Stoltenberg',
};

/** Capitalised words that are not names when they open a sentence or stand alone ("However, ...", "The"). */
export const NOT_NAMES = new Set(
  `A An The This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us Me There Here Then When
Where What Which Who Whom Whose Why How If But And Or Nor So Yet For Of In On At By To From With Without As After Before
During While Since Until Though Although Because However Meanwhile Moreover Furthermore Also Still Even Just Only Now
Today Yesterday Tomorrow Tonight Last Next Some Many Most More Much Few All Any Each Every Both Either Neither No Not None
Such Other Another One Two Three Four Five Six Seven Eight Nine Ten First Second Third Yes Oh OK Okay Well
Please Thank Thanks Sorry Hi Hello Dear Read Click Subscribe Updated Note
Breaking Exclusive Video Photo Photos Image Source Sources Related Advertisement Sponsored January February March April May
June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday
Wednesday Thursday Friday Saturday Sunday God Lord Christmas Easter Thanksgiving Halloween Ramadan Internet Web
Democrats Republicans Democrat Republican Conservatives Liberals Americans Christians Muslims Jews Catholics Evangelicals
Americans Russians Koreans Chinese Britons Europeans Asians Africans Latinos Hispanics Blacks Whites Millennials
Independents Libertarians Progressives Socialists Communists Patriots Under Over Above Below Between Among Against
Despite Through Across Along Around Behind Beyond Inside Outside Within Upon Toward Towards Via Amid Unlike Near Into
TV PC PCs GMT BST EST PST DVD DVDs ID IDs MP MPs MEP MEPs IT GDP VHS CD CDs PDA SUV SUVs RSS CEOs IPO FAQ HIV AIDS
DNA USB LCD HD ATM ATMs VAT IQ MVP PS PIN SMS GPS UFO AM OK`
    .split(/\s+/)
    .filter(Boolean),
);
