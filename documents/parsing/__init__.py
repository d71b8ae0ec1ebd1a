"""The parser: bytes of a parliamentary paper in, a ParsedDocument out.

Plain Python, no Django import. Entry point: ``parse_file(path)`` /
``parse_bytes(data, source)`` in ``documents.parsing.pipeline``.
"""
