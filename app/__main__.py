"""`python -m app`: the same as the `sourcetrack` command."""

import sys

from app.main import main

sys.exit(main())
