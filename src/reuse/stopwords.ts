// Function words: kept for the verbatim and edit comparison, never counted as evidence of reuse.
export const STOPWORDS = new Set(
  `a about above after again against all almost along already also although am among an and another any anyone
anything are around as at be because been before being below between both but by can cannot could did do does
doing down during each either else enough even ever every few for from further had has have having he her here
hers herself him himself his how however i if in into is it its itself just least less let like many may me
might more most much must my myself neither no nor not now of off often on once one only onto or other others
our ours ourselves out over own per perhaps quite rather same several shall she should since so some still such
than that the their theirs them themselves then there these they this those though through thus to too toward
towards under until up upon us very via was we well were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself s t d ll m re ve don doesn didn isn wasn
weren won wouldn couldn shouldn hasn haven hadn aren`.split(/\s+/),
);

// Words every news story uses: counted for alignment, never used alone as a fingerprint ("said", "year").
export const COMMON = new Set(
  `say said says told tell according added add year years new people time times first last mr mrs ms dr
week weeks month months day days today yesterday news report reported reports two three four
also back way make made get got go going well take took part number many`.split(/\s+/),
);
