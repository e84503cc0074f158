"""Drives LibreOffice headless through UNO; run with Debian's /usr/bin/python3 (python3-uno).

Usage: /usr/bin/python3 uno_driver.py JOB.json
JOB = {"input": path, "output": path or null, "filter": "Calc MS Excel 2007 XML",
       "set": [[sheet, cell, value], ...], "read": [[sheet, cell], ...],
       "validations": [[sheet, cell], ...]}
Prints one JSON object: {"read": {...}, "validations": {...}}. The tests call it as the real client:
it opens a workbook, types values the way a user would (setFormula parses them like typing),
recalculates, and saves.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect():
    profile = tempfile.mkdtemp(prefix="mplan-lo-")
    pipe = "mplan" + str(os.getpid())
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def cell_of(doc, sheet, address):
    return doc.Sheets.getByName(sheet).getCellRangeByName(address)


def main(job_path):
    job = json.load(open(job_path, encoding="utf-8"))
    proc, ctx = connect()
    out = {"read": {}, "validations": {}}
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        for sheet, address, value in job.get("set", []):
            cell = cell_of(doc, sheet, address)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.setValue(value)
            else:
                cell.setFormula(str(value))
        doc.calculateAll()
        for sheet, address in job.get("read", []):
            cell = cell_of(doc, sheet, address)
            out["read"][f"{sheet}!{address}"] = {
                "string": cell.getString(),
                "value": cell.getValue(),
                "formula": cell.getFormula(),
            }
        for sheet, address in job.get("validations", []):
            v = cell_of(doc, sheet, address).getPropertyValue("Validation")
            out["validations"][f"{sheet}!{address}"] = {
                "type": int(v.Type.value if hasattr(v.Type, "value") else 0) if False else str(v.Type.value),
                "formula1": v.getFormula1(),
                "show_list": int(v.ShowList),
            }
        if job.get("output"):
            target = uno.systemPathToFileUrl(os.path.abspath(job["output"]))
            doc.storeToURL(target, (prop("FilterName", job.get("filter", "Calc MS Excel 2007 XML")),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
