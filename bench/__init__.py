"""Benchmarks at parliamentary scale (issue 10): ``python bench/run.py --scale small``."""
