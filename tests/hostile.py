"""Hostile files built in the tests themselves: a PDF whose page content inflates to
hundreds of megabytes of drawing operators (a compressed-stream bomb)."""

from __future__ import annotations

import zlib

# one line segment, stroked: pdfium keeps a path object of a few hundred bytes for each
SEGMENT = b"0 0 m 1 1 l S\n"


def pdf_content_bomb(operators_mb: int) -> bytes:
    """A one-page A4 PDF whose FlateDecode content stream inflates to `operators_mb`
    megabytes of drawing operators: about 0.2 MB of file per 100 MB of operators, and
    some 17 times the inflated size in pdfium's memory when the page is loaded."""
    block = SEGMENT * 4096
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(block) for _ in range(operators_mb * 2**20 // len(block))]
    parts.append(compressor.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
