"""The packet's typefaces, in one place.

IPAex fonts are free (Debian fonts-ipaexfont, also installable on Windows), so the PDFs rendered on
Linux use the very fonts the files name. 明朝 for body text, ゴシック for headings and slides, as
Japanese city papers do.
"""

MINCHO = "IPAex明朝"
GOTHIC = "IPAexゴシック"
