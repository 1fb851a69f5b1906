"""The review document's pages: criterion, plan and summary views, the session, and the
new-review dialog."""
