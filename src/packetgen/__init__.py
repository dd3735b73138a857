"""packetgen: builds the meeting packet of 一関市まち・ひと・しごと創生有識者会議 as Office files."""

__version__ = "0.1.0"
