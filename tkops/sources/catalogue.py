"""The door's messages (input files checked before and while they are read), in English and Chinese
(``tkops/locale/sources.toml``), merged into the lookup of :mod:`tkops.messages`.

``what.*``, ``advice.*`` and ``rule.*`` entries are parts of sentences: :func:`tkops.messages.render` translates
them when they are given as the ``what``, ``advice`` or ``rule`` parameter of another message.
"""

from __future__ import annotations

from tkops.locale_files import catalogue

CATALOGUE = catalogue("sources")
