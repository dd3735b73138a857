"""What changed: text per slide/page/sheet kept by build and print, the diff, the preview page."""
