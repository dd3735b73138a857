"""印刷発注書: the print order, as CSV (for machines), XLSX (for staff to complete) and PDF (for the
printing office).

model.py holds the order and content.py builds it from the packet; then one module per format
(as_csv, as_xlsx, as_pdf), what the printed forms share (layout: the heading's pairs, the columns'
balance), the PDF's fonts (pdf_fonts) and its line breaker (line_breaks). files.py makes the three
files for a print, reusing the last ones when the order is the same.

The PDF is drawn with reportlab, not converted by LibreOffice (a second LibreOffice start costs
~1 s): A4, its text embedded in the font setting's ゴシック, byte-identical for the same order.

Both printed forms are laid out for A4 at 100 %, never fitted to the page: the print step checks the
PDF for legible text (no glyph under 8 pt, a median of 10 pt or more), and a 14-column table fitted
to a page would print at 6–7 pt. So columns are as wide as their contents, 資料名 and ファイル wrap in
the width left, and a long order runs on to a second page with the table header repeated.

Nothing here is imported by the package itself: openpyxl and reportlab load only with the format
that needs them.
"""
