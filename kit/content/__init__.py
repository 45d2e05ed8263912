"""The content library: models, loader, checks and lint."""
