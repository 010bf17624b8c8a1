"""The ``xlwings.conf`` sheet: where xlwings' RunPython finds the Python interpreter.

xlwings' VBA (``GetConfigFromSheet`` in xlwings.bas) reads the sheet named exactly ``xlwings.conf``: keys in column
A from A1 down to the first empty cell, each value in column B, keys compared in upper case. A key present on the
sheet wins over the ``xlwings.conf`` file beside the workbook and the user's ``~/.xlwings/xlwings.conf``, even when
its value is empty. Values may hold environment variables: ``%USERPROFILE%`` on Windows, a leading ``$HOME`` on
macOS (xlwings expands both).

The defaults point at the virtual environment the setup guide (docs/setup.md) creates in the user's home folder,
so one workbook works for every teammate who followed it. Notes for people go in column D, never in column A.
"""

from __future__ import annotations

from tkops.xlsm.sheets import XLWINGS_CONF

#: The interpreter of the setup guide's virtual environment on Windows (``python -m venv %USERPROFILE%\tkops-env``).
DEFAULT_INTERPRETER_WIN = r"%USERPROFILE%\tkops-env\Scripts\python.exe"
#: The same on macOS (``python3 -m venv ~/tkops-env``).
DEFAULT_INTERPRETER_MAC = "$HOME/tkops-env/bin/python"


def conf_rows(interpreter_win: str = DEFAULT_INTERPRETER_WIN,
              interpreter_mac: str = DEFAULT_INTERPRETER_MAC) -> list[tuple[str, object]]:
    """The (key, value) rows of the sheet, from A1 down. Booleans are written as Excel booleans."""
    return [
        ("Interpreter_Win", interpreter_win),
        ("Interpreter_Mac", interpreter_mac),
        ("PYTHONPATH", ""),
        ("Conda Path", ""),
        ("Conda Env", ""),
        # tkops is an installed package: the workbook's folder need not be on sys.path. "false" also skips
        # xlwings' OneDrive/SharePoint URL translation, which fails for synced folders it cannot map.
        ("ADD_WORKBOOK_TO_PYTHONPATH", "false"),
        ("Use UDF Server", False),
        ("Show Console", False),
    ]


NOTES: tuple[str, ...] = (
    "xlwings 设置：按钮通过 xlwings 运行 Python。A 列是设置名，B 列是值；"
    "请勿在 A 列其它位置输入内容，也不要改本表名称。",
    "xlwings settings: the buttons run Python through xlwings. Column A holds the keys, column B the values; "
    "keep column A free of anything else and do not rename this sheet.",
    "",
    "Interpreter_Win：Windows 上装有 tkops 的 python.exe 的完整路径（可用 %USERPROFILE%）。",
    "Interpreter_Win: full path of the python.exe that has tkops installed (%USERPROFILE% is expanded).",
    "Interpreter_Mac：macOS 上装有 tkops 的 python 的完整路径（可用 $HOME 开头）。",
    "Interpreter_Mac: full path of the python that has tkops installed on macOS (may start with $HOME).",
    "默认值对应安装指南中在用户主目录创建的 tkops-env 虚拟环境；若装在别处，请改为实际路径。",
    "The defaults are the tkops-env virtual environment the setup guide creates in your home folder; "
    "if Python is elsewhere, put its path here.",
    "Windows 上填 python 表示使用 PATH 中的 Python。",
    "On Windows, the value python means the Python found on PATH.",
    "Show Console：设为 TRUE 可在运行时显示命令行窗口，用于排查问题（仅 Windows）。",
    "Show Console: TRUE shows the console window while Python runs, for troubleshooting (Windows only).",
)


def write_conf_sheet(workbook, interpreter_win: str, interpreter_mac: str):
    """Add the ``xlwings.conf`` sheet (call it last: it is the last tab); returns the worksheet."""
    ws = workbook.add_worksheet(XLWINGS_CONF)
    key = workbook.add_format({"bold": True, "font_name": "Consolas"})
    value = workbook.add_format({"font_name": "Consolas", "bg_color": "#FFF8E1", "border": 1,
                                 "border_color": "#E0D7B8"})
    note = workbook.add_format({"font_color": "#6B6F7B"})
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 2, 3)
    ws.set_column(3, 3, 110)
    ws.set_tab_color("#9AA0AC")
    rows = conf_rows(interpreter_win, interpreter_mac)
    for r in range(max(len(rows), len(NOTES))):
        if r < len(rows):
            name, val = rows[r]
            ws.write_string(r, 0, name, key)
            if isinstance(val, bool):
                ws.write_boolean(r, 1, val, value)
            elif val == "":
                ws.write_blank(r, 1, None, value)
            else:
                ws.write_string(r, 1, val, value)
        if r < len(NOTES) and NOTES[r]:
            ws.write_string(r, 3, NOTES[r], note)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    return ws
