"""The data: settings, the store, importers, validation, provenance and export."""
