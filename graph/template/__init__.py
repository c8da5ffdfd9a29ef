"""The planners' template: one spec, the workbook it generates, and the importer it drives."""
