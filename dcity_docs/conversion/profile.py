"""The settings every LibreOffice profile of ours starts with: links to the outside blocked.

A document may carry a picture linked to a web address or a local path, an INCLUDEPICTURE field or
a linked object (a user's template is checked for these, but a converter must not rely on that):
LibreOffice would fetch or embed them while it converts. Each profile we make (one per worker or
server) gets a ``user/registrymodifications.xcu`` before LibreOffice first starts with it, which
LibreOffice keeps and reads as the user's own settings.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

_SETTINGS: tuple[tuple[str, str, str, str], ...] = (
    # Links from a document outside the trusted locations (there are none) are not followed.
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "xs:boolean", "true"),
    # Macros never run, whatever the document says.
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "xs:boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "xs:int", "3"),
    # Links (linked sections, pictures, objects) are never updated: 0 is "never" for Writer,
    # 1 for Calc.
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "xs:int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "xs:int", "1"),
)


def registry_modifications() -> str:
    """The text of ``registrymodifications.xcu`` with :data:`_SETTINGS`."""
    items = "".join(
        f"<item oor:path={quoteattr(path)}><prop oor:name={quoteattr(name)} oor:op=\"fuse\">"
        f"<value>{value}</value></prop></item>\n"
        for path, name, _kind, value in _SETTINGS
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            f"{items}</oor:items>\n")


def prepare_profile(profile: Path) -> None:
    """Give the (new, empty) LibreOffice profile folder ``profile`` our settings."""
    user = profile / "user"
    user.mkdir(mode=0o700, parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(registry_modifications(), encoding="utf-8")
