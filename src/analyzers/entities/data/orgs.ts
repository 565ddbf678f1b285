// Organizations the recognizer knows by name. Each entry: canonical name, then other written forms.

/** News outlets and wire agencies: entities with `outlet: true` ("he told the ABC", "the Daily Clarion reported"). */
export const OUTLETS: string[][] = [
  ['Associated Press', 'AP', 'A.P.'], ['Reuters', 'Thomson Reuters'], ['Agence France-Presse', 'AFP', 'Agence France Presse'],
  ['TASS', 'ITAR-TASS', 'Tass'], ['Yonhap', 'Yonhap News Agency', 'Yonhap News'], ['Korean Central News Agency', 'KCNA'],
  ['KBS', 'Korean Broadcasting System'], ['NK News'], ['ABC', 'ABC News', 'American Broadcasting Company'],
  ['Australian Broadcasting Corporation'], ['BBC', 'BBC News', 'British Broadcasting Corporation'], ['CNN', 'Cable News Network'],
  ['Fox News', 'Fox', 'Fox News Channel', 'FOX News'], ['Fox Business', 'Fox Business Network'], ['MSNBC'], ['CNBC'],
  ['NBC', 'NBC News'], ['CBS', 'CBS News'], ['PBS'], ['NPR', 'National Public Radio'], ['C-SPAN'], ['Univision'],
  ['Telemundo'], ['New York Times', 'NYT', 'New York Times Co.'], ['Washington Post'],
  ['Wall Street Journal', 'WSJ'], ['USA Today', 'USA TODAY'], ['Los Angeles Times', 'LA Times', 'L.A. Times'],
  ['Chicago Tribune'], ['Boston Globe'], ['New York Post'], ['New York Daily News', 'Daily News'], ['Miami Herald'],
  ['Houston Chronicle'], ['San Francisco Chronicle'], ['Dallas Morning News'], ['Des Moines Register'],
  ['Philadelphia Inquirer'], ['Washington Times'], ['Washington Examiner'], ['Politico', 'POLITICO'], 
  ['Axios'], ['Bloomberg', 'Bloomberg News', 'Bloomberg Politics'], ['Breitbart', 'Breitbart News'], ['Huffington Post', 'HuffPost', 'Huff Post'],
  ['BuzzFeed', 'BuzzFeed News'], ['Vox'], ['Slate'], ['Salon'], ['Daily Beast'], ['Drudge Report'], ['National Review'],
  ['Weekly Standard'], ['The Atlantic', 'Atlantic'], ['New Yorker'], ['Newsweek'], ['Time magazine'], ['Mother Jones'],
  ['The Nation'], ['Rolling Stone'], ['Vanity Fair'], ['Forbes'], ['Fortune'], ['The Economist', 'Economist'],
  ['Financial Times', 'FT'], ['The Guardian', 'Guardian'], ['The Independent'], ['Daily Telegraph', 'Telegraph'],
  ['Daily Mail', 'Mail Online', 'MailOnline'], ['The Sun'], ['The Times of London'], ['Sky News'], ['ITV'], ['Channel 4'],
  ['Al Jazeera', 'Al-Jazeera'], ['Al Arabiya'], ['RT', 'Russia Today'], ['Sputnik'], ['Interfax'], ['RIA Novosti', 'RIA'],
  ['Xinhua', 'Xinhua News Agency'], ['China Daily'], ['Global Times'], ['CCTV'], ['Kyodo', 'Kyodo News'], ['NHK'],
  ['Asahi Shimbun'], ['Yomiuri Shimbun'], ['Korea Herald'], ['Korea Times'], ['JoongAng Ilbo'], ['Chosun Ilbo'],
  ['Rodong Sinmun'], ['Der Spiegel', 'Spiegel'], ['Le Monde'], ['Le Figaro'], ['El País', 'El Pais'], ['Haaretz'],
  ['Jerusalem Post'], ['Times of Israel'], ['Deutsche Welle', 'DW'], ['Radio Free Europe', 'RFE/RL'], ['Voice of America', 'VOA'],
  ['UPI', 'United Press International'], ['Gannett'], ['McClatchy'], ['Daily Caller'], ['Western Journal', 'Western Journalism'],
  ['TheBlaze', 'The Blaze', 'Blaze'], ['Infowars'], ['Talking Points Memo'], ['Real Clear Politics', 'RealClearPolitics', 'RCP'],
  ['FiveThirtyEight'], ['Yahoo News'],
  // National news agencies that agency copy credits ("told the CTK news agency", "Itar-Tass reported").
  ['Deutsche Presse-Agentur', 'DPA', 'dpa'], ['ANSA'], ['EFE'], ['ANP'], ['Belga'], ['CTK'], ['MTI'], ['Tanjug'],
  ['PAP'], ['BTA'], ['IRNA'], ['MENA'], ['Press Trust of India', 'PTI'], ['Australian Associated Press', 'AAP'],
  ['Jiji', 'Jiji Press'], ['SAPA'], ['Prensa Latina'], ['KUNA'], ['WAFA'], ['Anadolu', 'Anatolian news agency'],
];

/** Metonyms: a building or capital standing for a government. [name, the country's ISO alpha-3 code]. */
export const METONYMS: [string, string][] = [
  ['Kremlin', 'RUS'], ['White House', 'USA'], ['Downing Street', 'GBR'], ['Number 10', 'GBR'], ['No. 10', 'GBR'],
  ['Whitehall', 'GBR'], ['Westminster', 'GBR'], ['Holyrood', 'GBR'], ['Elysee', 'FRA'], ['Élysée', 'FRA'], ['Elysee Palace', 'FRA'], ['Blue House', 'KOR'],
  ['Zhongnanhai', 'CHN'], ['Pentagon', 'USA'], ['Foggy Bottom', 'USA'], ['Quai d’Orsay', 'FRA'],
];

/** Other organizations known by name or acronym ("the State Department", "GOP", "NATO"). */
export const ORGS: string[][] = [
  ['United Nations', 'UN', 'U.N.'], ['UN Security Council', 'Security Council', 'U.N. Security Council'],
  ['North Atlantic Treaty Organization', 'NATO'], ['European Union', 'EU', 'E.U.'], ['European Commission'],
  ['European Parliament'], ['International Monetary Fund', 'IMF'], ['World Bank'], ['World Health Organization', 'WHO'],
  ['World Trade Organization', 'WTO'], ['International Atomic Energy Agency', 'IAEA'], ['Red Cross'], ['OPEC'], ['ASEAN'],
  ['G7', 'G-7'], ['G20', 'G-20'], ['Interpol'], ['Amnesty International'], ['Human Rights Watch'], ['Greenpeace'],
  ['Congress', 'U.S. Congress'], ['Senate', 'U.S. Senate'], ['House', 'House of Representatives', 'U.S. House'],
  ['Supreme Court', 'U.S. Supreme Court'], ['Federal Reserve', 'Fed'], ['State Department', 'Department of State'],
  ['Justice Department', 'Department of Justice', 'DOJ'], ['Defense Department', 'Department of Defense', 'DoD'],
  ['Treasury', 'Treasury Department', 'Department of the Treasury'], ['Homeland Security', 'Department of Homeland Security', 'DHS'],
  ['Federal Bureau of Investigation', 'FBI'], ['Central Intelligence Agency', 'CIA'], ['National Security Agency', 'NSA'],
  ['Secret Service'], ['Internal Revenue Service', 'IRS'], ['Environmental Protection Agency', 'EPA'],
  ['Federal Election Commission', 'FEC'], ['Securities and Exchange Commission', 'SEC'], ['NASA'],
  ['Republican Party', 'GOP', 'Republican National Committee', 'RNC'], ['Democratic Party', 'Democratic National Committee', 'DNC'],
  ['House of Commons', 'Commons'], ['House of Lords', 'Lords'], ['Liberal Democrats', 'Lib Dems', 'Lib Dem'], ['Libertarian Party'], ['Green Party'], ['Tea Party'], ['Labour Party', 'Labour'], ['Conservative Party', 'Tories'],
  ['Workers’ Party of Korea', "Workers' Party of Korea"], ['Communist Party'], ['United Russia'], ['Hamas'], ['Hezbollah'],
  ['Taliban'], ['al-Qaeda', 'al Qaeda', 'Al Qaeda', 'Al-Qaeda'], ['Islamic State', 'ISIS', 'ISIL', 'Daesh'],
  ['Boko Haram'], ['Muslim Brotherhood'], ['Planned Parenthood'], ['National Rifle Association', 'NRA'], ['ACLU'],
  ['Black Lives Matter'], ['Clinton Foundation'], ['Trump Organization'], ['Heritage Foundation'], ['Cato Institute'],
  ['Brookings Institution', 'Brookings'], ['Council on Foreign Relations'], ['Judicial Watch'], ['Citizens United'],
  ['Chamber of Commerce', 'U.S. Chamber of Commerce'], ['AFL-CIO'], ['Gazprom'], ['Rosneft'],
  ['Gallup'], ['Quinnipiac', 'Quinnipiac University'], ['Rasmussen', 'Rasmussen Reports'], ['Pew Research Center', 'Pew'],
  ['Morning Consult'], ['Public Policy Polling', 'PPP'], ['YouGov'], ['Ipsos'], ['Twitter'], ['Facebook'], ['YouTube'],
  ['Instagram'], ['Google'], ['Yahoo'], ['Reddit'], ['Apple'], ['Microsoft'], ['Amazon'], ['Walmart'], ['Goldman Sachs'], ['JPMorgan', 'JPMorgan Chase'], ['Boeing'],
  ['Exxon', 'ExxonMobil', 'Exxon Mobil'], ['General Motors', 'GM'], ['Ford'], ['Toyota'], ['Samsung'], ['Huawei'],
  ['Uber'], ['Netflix'], ['Disney'], ['PGA Tour', 'PGA'], ['NFL'], ['NBA'], ['MLB'], ['NCAA'], ['FIFA'], ['IOC'],
  ['Army', 'U.S. Army'], ['Navy', 'U.S. Navy'], ['Air Force', 'U.S. Air Force'], ['Marine Corps', 'Marines'],
  ['Coast Guard'], ['National Guard'], ['Joint Chiefs of Staff', 'Joint Chiefs'], ['Electoral College'], ['Harvard', 'Harvard University'],
  ['Yale', 'Yale University'], ['Stanford', 'Stanford University'], ['MIT'], ['Oxford University'], ['Cambridge University'],
  // Exchanges, index providers and central banks: "shares on the Nasdaq", "the Nikkei closed higher".
  ['Nasdaq', 'NASDAQ'], ['New York Stock Exchange', 'NYSE'], ['London Stock Exchange'], ['Tokyo Stock Exchange'],
  ['Euronext'], ['Deutsche Boerse', 'Deutsche Börse'], ['Dow Jones', 'Dow'], ['Nikkei'], ['FTSE'], ['Hang Seng'],
  ['DAX'], ['Standard & Poor’s', "Standard & Poor's", 'S&P'], ['Moody’s', "Moody's"], ['Fitch Ratings'],
  ['European Central Bank', 'ECB'], ['Bundesbank'], ['Bank of Japan'], ['Bank of England'], ['OECD'], ['UNICEF'],
  ['UNHCR'], ['UNESCO'], ['African Union'], ['Arab League'], ['Commonwealth'],
  // Parliaments named by their own one word: "the Communist faction in the Duma", "the Knesset voted".
  ['State Duma', 'Duma'], ['Bundestag'], ['Bundesrat'], ['Knesset'], ['Sejm'], ['Storting'], ['Riksdag'],
  ['Folketing'], ['Verkhovna Rada'], ['Majlis'], ['Eduskunta'], ['Althing'], ['Seimas'], ['Saeima'], ['Riigikogu'],
  ['Lok Sabha'], ['Rajya Sabha'], ['Sabor'], ['Skupstina'],
];

/**
 * Head words that make a capitalised phrase an organization when they end it ("Westland Federal University",
 * "Foreign Ministry") or start it with "of" ("Ministry of Foreign Affairs", "Bank of England").
 */
export const ORG_HEADS = new Set(
  `Ministry Department Agency Administration Office Bureau Service Services Commission Committee Council Authority
Board Court Assembly Parliament Executive Congress Senate Legislature Duma Cabinet Government Police Army Navy Force Forces Guard Fleet
Corps Command University College Institute Institution School Academy Foundation Fund Trust Society Association
League Federation Union Alliance Coalition Party Movement Front Caucus Campaign Group Company Corporation Corp Corp. Co
Co. Inc Inc. Ltd Ltd. LLC LLP PLC Energy Energie Utilities Terminals Shipyard Shipyards Shipping Logistics Technologies Pharmaceuticals Petroleum Railways Holdings Partners Bank Bancorp Airlines Airline Airways Motors Industries Enterprises
Media Network Networks Broadcasting Channel Television TV Radio Studios Records Press Times Post News Journal Herald
Tribune Gazette Telegraph Chronicle Observer Examiner Review Magazine Monitor Standard Star Sun Daily Weekly Wire
Reporter Dispatch Register Inquirer Bulletin Courier Globe Mail Express Center Centre Clinic Hospital Church Club Team
Council PAC Project Initiative Watch Network Exchange Reserve Laboratory Laboratories Labs Systems Technologies
Technology Museum Secretariat Directorate Inspectorate Tribunal Comission Chamber Organization Organisation
Securities Capital Investments Insurance Assurance Entertainment Communications Telecom Telecommunications Foods Brewery
Research Interactive Software Solutions Consulting Pictures Electronics Mining Resources Chemicals Stores Retail
United Rovers Wanderers Athletic Albion Hotspur`
    .split(/\s+/)
    .filter(Boolean),
);

// Industries that end a company's name without a legal suffix: "Halvorsen Marine", "Ostrava Steel".
export const INDUSTRY_HEADS = new Set(
  'Marine Steel Steels Oil Gas Electric Chemical Cement Paper Textiles Sugar Brewing Breweries Mills Metals Minerals Petrochemicals Motor Engineering Construction Properties Realty Finance Financial Credit Savings Transport Pharma Biotech Semiconductor Semiconductors Computers Telecoms Airport Shipbuilding Aerospace Automotive Tobacco Gold Brands Apparel Rail Lines'.split(' '),
);

/** Heads of an organization name that is a news outlet ("the Daily Clarion", "Harbor News"). */
export const OUTLET_HEADS = new Set(
  'Times Post News Journal Herald Tribune Gazette Telegraph Chronicle Observer Examiner Magazine Daily Weekly Wire Reporter Dispatch Register Inquirer Bulletin Courier Globe Mail Express Press Radio Television TV Broadcasting Network Channel'.split(
    ' ',
  ),
);

/** Heads of capitalised phrases that are none of our types: events, laws, works, facilities, products. */
export const NON_ENTITY_HEADS = new Set(
  `War Wars Act Bill Amendment Treaty Accord Accords Agreement Pact Doctrine Plan Program Programme Law Code Convention
Summit Conference Olympics Games Cup Championship Championships Series Open Bowl Award Awards Prize Festival Show Day
Eve Week Month Year Revolution Crisis Scandal Affair Massacre Attack Attacks Shooting Bombing Storm Hurricane Debate
Debates Primary Primaries Caucuses Election Elections Railway Railroad Airport Station Bridge Tower Towers Building Hall
Hotel Resort Stadium Arena Palace Cathedral Mosque Temple Memorial Monument Library Prison Jail Base Highway
Freeway Interstate Tunnel Dam Line Order Report Index Rule Rules Era Age Dynasty Empire Republic
Constitution Declaration Manifesto Bible Koran Quran Gospel Tuesday Wednesday Thursday Friday Saturday Sunday Monday`
    .split(/\s+/)
    .filter(Boolean),
);
