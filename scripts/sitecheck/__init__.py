"""Helpers of scripts/check-site: one module per check, run as python -m sitecheck.NAME."""
