"""What every forkserver process pool of ours gives its workers: a watch that ends them with the owner.

Shared by the Dapr extract service (``services.context``) and the Prefect stage pool
(``prefect.pool``); it imports nothing of either, so a pool worker pays for neither.
"""

from __future__ import annotations

import os
import select
import threading
import time


def exit_with(owner_pid: int) -> None:
    """Pool initializer: end this worker when the process that owns the pool is gone, however it died.

    A worker's parent is the fork server, not the owner, and both hold each other's pipes open: when
    the owner is SIGKILLed nothing reaches EOF and the fork server and its workers would live on as
    orphans. Once every worker has exited, the fork server sees EOF on its alive pipe and exits too, and
    then the resource tracker (whose pipe they all held) unlinks the pool's named semaphores.
    """

    def watch() -> None:
        try:
            owner = os.pidfd_open(owner_pid)  # Linux ≥ 5.3: readable once the process has exited
        except (AttributeError, OSError):
            while process_exists(owner_pid):
                time.sleep(1.0)
        else:
            select.select([owner], [], [])
        os._exit(0)

    threading.Thread(target=watch, name="pool-owner-watch", daemon=True).start()


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
