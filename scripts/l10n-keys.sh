#!/usr/bin/env bash
# Lists the localisation keys the code uses and updates Resources/SharedResource.<culture>.resx with the missing
# ones marked for translators (ADR 1401). Usage and options: scripts/l10n-keys.py.
set -euo pipefail
exec python3 "$(dirname "$0")/l10n-keys.py" "$@"
