"""For the tests that run a real Celery worker in a process of its own."""

import subprocess
import time


def wait_for(condition, seconds=60):
    """Whether `condition()` came true within `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def stop(process: subprocess.Popen) -> None:
    """Stops a worker warmly, then coldly if it does not end within 30 seconds."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
