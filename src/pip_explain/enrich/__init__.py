"""Enrichment: what this machine is (platform), and the fixes that fit it."""
