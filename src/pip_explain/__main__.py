import sys

from pip_explain.cli import main

sys.exit(main())
