// Hand-written place lists that the country datasets (world-countries, i18n-iso-countries) do not cover.
// Countries, their official names, codes and capitals come from those datasets (see ../gazetteer.ts).

/** US states with their AP-style and postal abbreviations ("Sen. Ana Ruiz (R-Texas)", "Purchase, N.Y."). */
export const US_STATES: [name: string, ...abbr: string[]][] = [
  ['Alabama', 'Ala.', 'AL'], ['Alaska', 'AK'], ['Arizona', 'Ariz.', 'AZ'], ['Arkansas', 'Ark.', 'AR'],
  ['California', 'Calif.', 'CA'], ['Colorado', 'Colo.', 'CO'], ['Connecticut', 'Conn.', 'CT'],
  ['Delaware', 'Del.', 'DE'], ['Florida', 'Fla.', 'FL'], ['Georgia', 'Ga.', 'GA'], ['Hawaii', 'HI'],
  ['Idaho', 'ID'], ['Illinois', 'Ill.', 'IL'], ['Indiana', 'Ind.', 'IN'], ['Iowa', 'IA'], ['Kansas', 'Kan.', 'KS'],
  ['Kentucky', 'Ky.', 'KY'], ['Louisiana', 'La.', 'LA'], ['Maine', 'ME'], ['Maryland', 'Md.', 'MD'],
  ['Massachusetts', 'Mass.', 'MA'], ['Michigan', 'Mich.', 'MI'], ['Minnesota', 'Minn.', 'MN'],
  ['Mississippi', 'Miss.', 'MS'], ['Missouri', 'Mo.', 'MO'], ['Montana', 'Mont.', 'MT'], ['Nebraska', 'Neb.', 'NE'],
  ['Nevada', 'Nev.', 'NV'], ['New Hampshire', 'N.H.', 'NH'], ['New Jersey', 'N.J.', 'NJ'], ['New Mexico', 'N.M.', 'NM'],
  ['New York', 'N.Y.', 'NY'], ['North Carolina', 'N.C.', 'NC'], ['North Dakota', 'N.D.', 'ND'], ['Ohio', 'OH'],
  ['Oklahoma', 'Okla.', 'OK'], ['Oregon', 'Ore.', 'OR'], ['Pennsylvania', 'Pa.', 'PA'], ['Rhode Island', 'R.I.', 'RI'],
  ['South Carolina', 'S.C.', 'SC'], ['South Dakota', 'S.D.', 'SD'], ['Tennessee', 'Tenn.', 'TN'], ['Texas', 'TX'],
  ['Utah', 'UT'], ['Vermont', 'Vt.', 'VT'], ['Virginia', 'Va.', 'VA'], ['Washington State', 'Wash.', 'WA'],
  ['West Virginia', 'W.Va.', 'W.V.', 'WV'], ['Wisconsin', 'Wis.', 'WI'], ['Wyoming', 'Wyo.', 'WY'],
  ['District of Columbia', 'D.C.', 'DC', 'Washington, D.C.'], ['Puerto Rico', 'PR'],
];

/** Cities beyond the capitals world-countries lists: large, or often datelined in wire copy. */
export const CITIES = `New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|
Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|Charlotte|Seattle|Denver|Boston|El Paso|Detroit|Nashville|
Memphis|Portland|Oklahoma City|Las Vegas|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|
Mesa|Atlanta|Omaha|Colorado Springs|Raleigh|Miami|Long Beach|Virginia Beach|Oakland|Minneapolis|Tulsa|Tampa|Arlington|
New Orleans|Wichita|Cleveland|Bakersfield|Aurora|Anaheim|Honolulu|Santa Ana|Riverside|Corpus Christi|Lexington|Stockton|
St. Louis|Saint Louis|Pittsburgh|St. Paul|Cincinnati|Anchorage|Henderson|Greensboro|Plano|Newark|Lincoln|Toledo|Orlando|
Chula Vista|Irvine|Fort Wayne|Jersey City|Durham|St. Petersburg|Laredo|Buffalo|Madison|Lubbock|Chandler|Scottsdale|Reno|
Glendale|Norfolk|Winston-Salem|Boise|Richmond|Baton Rouge|Des Moines|Spokane|Birmingham|Rochester|Syracuse|Albany|
Tallahassee|Montgomery|Little Rock|Jackson|Charleston|Columbia|Salt Lake City|Hartford|Providence|Springfield|Concord|
Manchester|Burlington|Trenton|Annapolis|Harrisburg|Dover|Cheyenne|Bismarck|Pierre|Helena|Olympia|Salem|Santa Fe|Topeka|
Lansing|Frankfort|Augusta|Montpelier|Juneau|Carson City|Savannah|Palm Beach|West Palm Beach|Fort Lauderdale|Cedar Rapids|
Sioux City|Davenport|Dubuque|Manhattan|Brooklyn|Queens|the Bronx|Bronx|Staten Island|Harlem|Hollywood|Beverly Hills|
Silicon Valley|Ferguson|Flint|Dearborn|Akron|Dayton|Youngstown|Scranton|Allentown|Erie|Pueblo|Ithaca|Cambridge|Princeton|
Berkeley|Palo Alto|Orange County|Miami-Dade|Cook County|Maricopa County|Hong Kong|Shanghai|Guangzhou|Shenzhen|Chongqing|
Wuhan|Osaka|Kyoto|Yokohama|Busan|Incheon|Kaesong|Sinuiju|Vladivostok|St. Petersburg|Saint Petersburg|Novosibirsk|
Yekaterinburg|Sochi|Ussuriysk|Khabarovsk|Kazan|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Bengaluru|Hyderabad|
Karachi|Lahore|Istanbul|Ankara|Aleppo|Homs|Raqqa|Mosul|Fallujah|Basra|Benghazi|Tripoli|Gaza|Jerusalem|Tel Aviv|Haifa|
Ramallah|Dubai|Abu Dhabi|Mecca|Medina|Jeddah|Alexandria|Casablanca|Marrakesh|Lagos|Johannesburg|Cape Town|Durban|
Toronto|Montreal|Vancouver|Calgary|Edmonton|Quebec City|Sydney|Melbourne|Brisbane|Perth|Adelaide|Auckland|Sao Paulo|
São Paulo|Rio de Janeiro|Buenos Aires|Guadalajara|Monterrey|Tijuana|Ciudad Juarez|Juarez|Acapulco|Medellin|Havana|
Barcelona|Milan|Naples|Venice|Florence|Munich|Hamburg|Frankfurt|Cologne|Lyon|Marseille|Nice|Geneva|Zurich|Davos|
Edinburgh|Glasgow|Liverpool|Leeds|Oxford|Belfast|Salisbury|Calais|Strasbourg|Antwerp|Rotterdam|The Hague|Krakow|Odessa|
Donetsk|Luhansk|Kharkiv|Crimea|Sevastopol|Minsk|Hanoi|Ho Chi Minh City|Saigon|Phnom Penh|Mandalay|Yangon|Rangoon|
Kandahar|Herat|Helmand|Peshawar|Quetta|Islamabad|Tehran|Isfahan|Tikrit|Ramadi|Palmyra|Idlib|Daraa|Sanaa|Aden|Mogadishu|
Timbuktu|Chernobyl|Fukushima|Okinawa|Hiroshima|Nagasaki|Macau|Taipei|Kaohsiung|Lhasa|Urumqi|Harbin|Dandong|Panmunjom`
  .split('|')
  .map((s) => s.trim());

/** Regions, continents, geographic features and place nicknames ("the Middle East", "the Big Apple"). */
export const REGIONS = `Europe|Asia|Africa|North America|South America|Latin America|Central America|Antarctica|Arctic|
Antarctic|Oceania|Australasia|Middle East|Near East|Far East|East Asia|Southeast Asia|South Asia|Central Asia|
Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|Scandinavia|Balkans|Baltics|Caucasus|
North Africa|West Africa|East Africa|Sub-Saharan Africa|Horn of Africa|Sahel|Sahara|Persian Gulf|Gulf of Mexico|
Mediterranean|Mediterranean Sea|Black Sea|Caspian Sea|Red Sea|Baltic Sea|North Sea|South China Sea|East China Sea|
Sea of Japan|Yellow Sea|Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic Ocean|Caribbean|
Korean Peninsula|Crimean Peninsula|Arabian Peninsula|Siberia|Kashmir|Tibet|Xinjiang|Kurdistan|West Bank|Gaza Strip|
Golan Heights|Sinai|Donbas|Donbass|Chechnya|Darfur|Patagonia|Amazon|Himalayas|Alps|Andes|Rockies|Appalachia|
New England|Midwest|Deep South|South|North|Rust Belt|Sun Belt|Bible Belt|Great Plains|Great Lakes|Gulf Coast|
West Coast|East Coast|Pacific Northwest|Southwest|Northeast|Southeast|Upper Midwest|Mississippi River|Rio Grande|
Potomac|Hudson River|Thames|Danube|Rhine|Nile|Yangtze|Euphrates|Tigris|Jordan River|Wall Street|Main Street|
Capitol Hill|Big Apple|Windy City|Bay Area|Beltway|Ground Zero|Times Square|Pennsylvania Avenue|Broadway|Hollywood|
Silicon Valley|Mar-a-Lago|Camp David|Guantanamo|Guantanamo Bay|DMZ|Korean DMZ|Demilitarized Zone|Hawaiian Islands|
Florida Keys|Puget Sound|Everglades|Grand Canyon|Yellowstone|Mount Everest|Kilimanjaro|Persian Gulf|Strait of Hormuz|
Taiwan Strait|Bering Strait|English Channel|Suez Canal|Panama Canal|Gulf|Outer Banks|Lower Manhattan|Upper East Side|
Northern Ireland|Scotland|England|Wales|Holland|Kurdistan Region|Mainland China|Korea|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany`
  .split('|')
  .map((s) => s.trim());

/** Words that make a capitalised phrase a place when they end it ("Cook County", "Hudson River"). */
export const PLACE_HEADS = new Set(
  'City County Province Prefecture State Island Islands Isles River Mountains Mountain Mount Sea Ocean Valley Peninsula Gulf Bay Lake Lakes Canyon Desert Strait Coast Beach Heights Hills Park Parish Borough Township Village District Region Territory Territories Street Avenue Boulevard Road Square Plaza Falls Springs Creek Harbor Harbour Canal Channel Straits Oblast Krai Governorate Emirate'.split(
    ' ',
  ),
);
/** Words that make a capitalised phrase a place when they start it ("Lake Erie", "Mount Rushmore"). */
export const PLACE_LEADS = new Set('Lake Mount Mt. Fort Port Cape Isle Gulf Bay Sea Strait'.split(' '));
