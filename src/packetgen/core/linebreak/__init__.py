"""Japanese line breaking, one breaker for every document, each caller's rules given as data.

- ``kinsoku``: the character classes, the 禁則 sets and ``Rules`` (what may not start or end a line,
  which runs stay whole, and how the greedy breaker carries characters along).
- ``phrases``: where a line may end between phrases (BudouX's boundaries, corrected).
- ``phrase_lines``: the phrase-aware breaker of the slides and the findings sheet (no widows,
  bracketed groups whole, a quality report).
- ``greedy_lines``: as many pieces a line as fit, with 禁則: the order sheet and the terminal.

Callers measure: the breakers take a measurer (font advance widths, reportlab widths, terminal
columns) and hold no state of their own beyond memoising pure functions of immutable arguments.
"""
