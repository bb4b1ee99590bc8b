"""Imported by the fork server that starts ``briefing add --jobs N``'s workers (see
``briefing.importing._PoolAnalyzer``): the language model loads here, once, and every worker is
forked from this process with the model in memory.

Not to be imported anywhere else: importing it loads the model.
"""

import signal

# Ctrl-C is the parent's to handle (the server would ignore it from its next line on, but the
# load takes a second: a KeyboardInterrupt traceback here would bury the parent's message).
# Workers forked from the server inherit this until their initializer sets it again.
signal.signal(signal.SIGINT, signal.SIG_IGN)

from briefing.importing import _load_worker_model  # noqa: E402  (after the signal, on purpose)

_load_worker_model()
