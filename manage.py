#!/usr/bin/env python
"""Django's command-line utility for the tracker."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")
    from tracker.config.startup import run_command_line

    run_command_line(sys.argv)


if __name__ == "__main__":
    main()
