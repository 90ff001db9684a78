"""Starts moto's server and exits when the JVM that launched it goes away, so no emulator outlives its run."""
import os
import sys
import threading
import time

from moto.server import main

launcher_parent = os.getppid()


def exit_with_parent():
    while True:
        if os.getppid() != launcher_parent:
            os._exit(0)
        time.sleep(1)


threading.Thread(target=exit_with_parent, daemon=True).start()
main(sys.argv[1:])
