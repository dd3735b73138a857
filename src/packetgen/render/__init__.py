"""Format primitives: Word, PowerPoint and Excel rendering, fonts and deterministic saving."""
