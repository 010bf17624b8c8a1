"""Write a VBA project (``vbaProject.bin``) from source text, without Excel.

* :mod:`tkops.vba.compression`: MS-OVBA 2.4.1 compression / decompression.
* :mod:`tkops.vba.cfb`: minimal MS-CFB version 3 (OLE2) container writer.
* :mod:`tkops.vba.project`: the VBA project streams and :func:`build_vba_project`.
"""

from .project import Module, build_vba_project, module_source, strip_export_header

__all__ = ["Module", "build_vba_project", "module_source", "strip_export_header"]
