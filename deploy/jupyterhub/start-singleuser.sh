#!/bin/sh
# A student's server starts here, as the student, in the student's home: the first start copies
# the repository's notebooks (the teaching notebooks and notebooks/dashboards) into the home, so
# the student works on a copy of their own; later starts keep what the student changed. Then the
# Jupyter server of the suite's environment replaces this shell.
#   CSL_NOTEBOOKS  the repository's notebooks folder (set by jupyterhub_config.py)
#   CSL_BIN        the bin folder of the suite's environment (set by jupyterhub_config.py)
set -eu
if [ ! -e notebooks ]; then
    cp -R "$CSL_NOTEBOOKS" notebooks
fi
exec "$CSL_BIN/jupyterhub-singleuser" "$@"
