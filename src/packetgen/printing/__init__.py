"""Print hand-off: LibreOffice rendering to PDF and checks of what it produced."""
