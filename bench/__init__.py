"""Load and import benchmarks for ouderplatform (see bench/README.md)."""
