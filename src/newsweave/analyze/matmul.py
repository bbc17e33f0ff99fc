"""spaCy's matrix products on numpy's BLAS.

thinc's CPU backend multiplies matrices with its bundled BLIS, which on this kind of machine
selects a generic AVX2 kernel; numpy's OpenBLAS picks the processor's own and ran the same
products of the small model's layers 1.6-1.8x faster on one thread (4,000 tokens by 288 against
288 by 288). Products are about a quarter of the model's time. Only `gemm` changes: every other
operation, and every number the model computes up to rounding, stays thinc's.

OpenBLAS would split these small products over every core and spin its threads between them,
which made the whole analysis twice as slow in CPU time; parsing runs under `one_blas_thread`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import cache
from typing import Any

import numpy
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController


class MatmulOps(NumpyOps):
    """thinc's numpy backend with `gemm` done by `numpy.matmul`."""

    name = "numpy"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        """`x @ y` (either transposed first), into `out` when given."""
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_matmul(nlp: Any) -> None:
    """Point every layer of every model in `nlp` at `MatmulOps`.

    Layers keep the backend they were built with, so setting thinc's current ops after loading
    would change nothing; the parser's and NER's per-step products stay in their compiled code.
    """
    ops = MatmulOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS runs on the calling thread only."""
    return _controller().limit(limits=1, user_api="blas")


@cache
def _controller() -> ThreadpoolController:
    # Finding the loaded libraries reads the process's memory map: once is enough.
    return ThreadpoolController()
