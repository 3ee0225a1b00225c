"""Regenerate every JSON fixture in fixtures/ from real PyTorch and NumPy.

Run with Debian's python3-torch: `/usr/bin/python3 scripts/make_fixtures.py` (or `pnpm fixtures`).
Each script in scripts/fixtures/ writes one fixtures/<name>.json. They run with `-P` so that a
script named like a standard module (random.py) cannot shadow it.
"""
import glob
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
for script in sorted(glob.glob(os.path.join(here, "fixtures", "*.py"))):
    if os.path.basename(script) in ("common.py", "unary_ops.py"):  # shared by the scripts, not scripts
        continue
    subprocess.run([sys.executable, "-P", script], check=True)
