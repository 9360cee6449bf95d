"""dcity-docs: bilingual Ukrainian/English agreements for the Defence City programme."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dcity-docs")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
