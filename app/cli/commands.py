"""The command names, apart from their implementation: the entry point reads them to tell a
command from a project path without importing the command line's dependencies."""

COMMANDS = (
    "demo",
    "import",
    "articles",
    "statements",
    "tag",
    "mark",
    "review",
    "suggest",
    "compare",
    "export",
    "import-tags",
    "sources",
    "agreement",
    "merge",
)
