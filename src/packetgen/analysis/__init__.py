"""Pure computation on validated inputs (population indicators, donation totals): no Office code here."""
