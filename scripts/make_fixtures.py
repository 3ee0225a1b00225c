"""Regenerate every JSON fixture in fixtures/ from real PyTorch and NumPy.

Run with Debian's python3-torch: `/usr/bin/python3 scripts/make_fixtures.py` (or `pnpm fixtures`).
Each script in scripts/fixtures/ writes one fixtures/<name>.json. They run with `-P` so that a
script named like a standard module (random.py) cannot shadow it.

Every script is seeded, so a run on one machine writes the same bytes each time. Across machines
the last bits of float32 results depend on the numerical libraries PyTorch dispatches to, so the
scripts run with those pinned (see `pinned_environment`): without that, a machine whose
libblas.so.3 was another BLAS once wrote nn.json's Linear results 1-2 float32 ulps apart, and
every later `pnpm fixtures` on a stock machine rewrote them.
"""
import glob
import os
import subprocess
import sys

# Debian's reference (netlib) BLAS and LAPACK, which python3-torch depends on: plain scalar code,
# the same result on every x86-64 CPU. libblas.so.3 is an alternative that OpenBLAS or BLIS take
# over when installed (their kernels, chosen per CPU, fuse and reorder the sums).
REFERENCE_LIBS = ["/usr/lib/x86_64-linux-gnu/blas/libblas.so.3", "/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3"]


def pinned_environment():
    """The environment the scripts run in: one thread, AVX2 kernels, the reference BLAS."""
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = "1"  # parallel reductions sum in another order
    env["ATEN_CPU_CAPABILITY"] = "avx2"  # PyTorch's AVX-512 kernels reduce in another order
    found = [os.path.dirname(lib) for lib in REFERENCE_LIBS if os.path.exists(lib)]
    if len(found) < len(REFERENCE_LIBS):
        print("make_fixtures: the reference BLAS/LAPACK (Debian's libblas3, liblapack3) is missing; "
              "float32 matmul results may differ from the committed fixtures in their last bits", file=sys.stderr)
    env["LD_LIBRARY_PATH"] = os.pathsep.join(found + [p for p in [env.get("LD_LIBRARY_PATH")] if p])
    return env


here = os.path.dirname(os.path.abspath(__file__))
environment = pinned_environment()
for script in sorted(glob.glob(os.path.join(here, "fixtures", "*.py"))):
    if os.path.basename(script) in ("common.py", "unary_ops.py"):  # shared by the scripts, not scripts
        continue
    subprocess.run([sys.executable, "-P", script], check=True, env=environment)
