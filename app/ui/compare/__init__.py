"""The comparison views: the claims × sources matrix, side by side, timeline and charts."""
