"""``python -m bot`` is the same as the ``loaso`` command."""

from bot.cli import main

main()
