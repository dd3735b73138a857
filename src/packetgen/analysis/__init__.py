"""Pure computation on validated inputs (population indicators, the donation report's year-on-year
table and worked example) and the claims of sentences: no Office code here."""
