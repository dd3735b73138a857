"""Reading and validating a meeting's input files into typed models.

Every problem is reported with the file, row and column as the user sees them in Excel or an editor.
"""
