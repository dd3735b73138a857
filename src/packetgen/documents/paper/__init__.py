"""Word 資料 of kind 文書: made from a 本文 file (from_inputs.py) or an existing paper (existing.py)."""
