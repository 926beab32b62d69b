// Placeholder so the module has a source until its first file lands.
