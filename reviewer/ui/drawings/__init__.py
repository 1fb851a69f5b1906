"""The Drawings tab: the sheet view and its tools."""
