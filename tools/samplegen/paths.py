"""Where the generator reads and writes: the repository root and the folders under it."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "sample-reports")
EXPECTED = os.path.join(SAMPLES, "expected")
README = os.path.join(SAMPLES, "README.md")
GAZETTEER = os.path.join(ROOT, "crates", "gongkai-core", "data", "gazetteer")
SCHEMA_JSON = os.path.join(ROOT, "tools", "schema.json")
