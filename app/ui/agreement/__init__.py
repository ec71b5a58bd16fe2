"""The Agreement view: inter-coder reliability figures, the disagreements, adjudication."""
