"""The pieces a content slide is stacked from. Each block measures its height for a body size and
draws itself; the fitter (slide_fit) picks the size and the pages.

- ``base``: what every block is (Block, Box), the size rules and the measuring of paragraphs;
- ``text``: the lead, bullet groups, notes and footnotes;
- ``grids``: cards, cases and figures on one grid of columns per slide, and its alignment;
- ``table``: tables, whose columns fit their widest phrases.
"""
