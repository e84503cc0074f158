"""The xlsx file format: its modules mirror the parts of the package, as XlsxWriter's do.

- `cells`: A1 addresses.
- `package`: the package (zip) opened once, its parts and relationships; sheet and table lookup.
- `check`, `scan`: what is refused before any value is read (not a workbook, zip bombs, DTDs, huge sheets)
  and what the value reader does not say (error and formula cells, table places, sheet extents).
- `rawzip`: a zip writer that copies the user's parts as stored.
- `bulk`: rows of a worksheet's <sheetData> written as XML.
- one module per index part the report edits: `content_types` ([Content_Types].xml), `workbook`
  (xl/workbook.xml), `workbook_rels` (xl/_rels/workbook.xml.rels), `styles` (xl/styles.xml);
  `graft` puts rendered sheets into the user's package with them.
- `safewrite`: temporary file, locks, fsync, backup, atomic replace; `verify`: the read-back check.

Nothing here is imported by `mplan_xl.ooxml` itself: each command loads only the modules it uses.
"""
