"""The Annotate view: article list, article text, tag panel."""
