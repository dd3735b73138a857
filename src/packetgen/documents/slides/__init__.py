"""The slide decks (kind スライド), from editable slide sources (inputs/<DATE>/slides/<id>.yaml)."""
