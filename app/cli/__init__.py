"""The command line. It shares the services with the GUI and never imports Qt."""
