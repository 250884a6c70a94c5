"""The fuzzing gate, brief and with a fixed seed: only InputError may leave reading,
extraction or a stage, whatever the input. `make fuzz` runs the same checks for longer
(bench/fuzz.py)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent / "hostile_inputs"))
from fuzzing import CONTENT_TYPES, NAMES, byte_pages, check_extract, check_read, check_stages, sentences, text_pages  # noqa: E402

# Examples per property in CI (fixed seed); DYADWATCH_FUZZ_EXAMPLES raises it.
EXAMPLES = int(os.environ.get("DYADWATCH_FUZZ_EXAMPLES", "40"))
CI = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@CI
@given(data=byte_pages, name=st.sampled_from(NAMES))
def test_fuzz_reading_raises_nothing(data: bytes, name: str):
    assert check_read(data, name) >= 0


@CI
@given(data=byte_pages, content_type=st.sampled_from(CONTENT_TYPES))
def test_fuzz_extraction_raises_only_input_errors(data: bytes, content_type: str | None):
    doc = check_extract(data, content_type)
    assert doc is None or doc.text.strip()


@CI
@given(page=text_pages)
def test_fuzz_every_stage_over_html_raises_only_input_errors(page: str):
    doc = check_stages(page, html=True)
    assert doc is None or all(0 <= e.evidence.start <= e.evidence.end <= len(doc.text) for e in doc.events)


@CI
@given(text=sentences)
def test_fuzz_every_stage_over_text_raises_only_input_errors(text: str):
    doc = check_stages(text)
    assert doc is None or all(0 <= q.start <= q.end <= len(doc.text) for q in doc.quotes)
