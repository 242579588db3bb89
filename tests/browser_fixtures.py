"""Browser-test fixtures (Playwright on Debian's chromium, axe-core, the Nu Html Checker). Filled in separately."""
