"""The workshop document: session, models, view, dialogs, export and the revision comparison."""
