"""Use cases shared by the GUI and the command line; every mutation is one transaction."""
