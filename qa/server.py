"""`councilqa serve`: the chat page, run by Streamlit in a child process that stops when `serve` stops."""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

# Streamlit settings passed on its command line, so an installed package behaves like a checkout
# (Streamlit reads .streamlit/config.toml from the working folder, not from beside app.py).
STREAMLIT_OPTIONS = (
    ("server.headless", "true"),  # a server: never open a browser or ask for an e-mail address
    (
        "server.fileWatcherType",
        "none",
    ),  # watching the folder (and .venv) floods the log with inotify overflows
    ("server.runOnSave", "false"),
    ("browser.gatherUsageStats", "false"),  # nothing leaves the machine
    ("client.toolbarMode", "viewer"),  # no "Deploy" button on a council laptop
)
# With a browser address of its own, Streamlit never looks up the machine's external IP address.
_ANY_ADDRESS = {"", "0.0.0.0", "::"}
STOP_WAIT = 10.0  # seconds Streamlit gets to shut down after SIGTERM before it is killed
_PR_SET_PDEATHSIG = 1  # Linux prctl: a signal the child gets when its parent dies, even by SIGKILL
_LINUX = sys.platform.startswith("linux")
# The signals that ask serve to stop, besides Ctrl-C's SIGINT (SIGHUP: the terminal closed).
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class _Stop(Exception):
    """serve was told to stop (SIGTERM, SIGHUP)."""


def app_path() -> Path:
    """app.py beside the packages in a checkout, else the installed module."""
    beside = Path(__file__).resolve().parent.parent / "app.py"
    if beside.exists():
        return beside
    import app

    return Path(app.__file__)


def browser_address(host: str) -> str:
    """The address the page tells browsers: the bound one, or 'localhost' for a wildcard bind."""
    return "localhost" if host in _ANY_ADDRESS else host


def streamlit_command(
    app: Path, host: str, port: int, store: Path, model: Path | None = None, access: str | None = None
) -> list[str]:
    """`python -m streamlit run app.py --server.address HOST ... -- --store DIR [--model DIR]
    [--access restricted]` (restricted: the page offers a login for restricted papers)."""
    options = [
        ("server.address", host),
        ("server.port", str(port)),
        ("browser.serverAddress", browser_address(host)),
    ]
    command = [sys.executable, "-m", "streamlit", "run", str(app)]
    for name, value in (*options, *STREAMLIT_OPTIONS):
        command += [f"--{name}", value]
    command += ["--", "--store", str(store)]
    command += ["--model", str(model)] if model else []
    return command + (["--access", access] if access else [])


def _die_with_parent() -> None:
    """In the child before exec (Linux only): get SIGTERM if `serve` dies without cleaning up."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signal.Signals(signum).name)


def run_until_stopped(command: Sequence[str]) -> int:
    """Run `command` until it exits (its status is returned) or `serve` is stopped by Ctrl-C, SIGTERM
    or SIGHUP: then the child gets SIGTERM and, after STOP_WAIT seconds, SIGKILL, and 0 is returned."""
    previous = {sig: signal.signal(sig, _raise_stop) for sig in _STOP_SIGNALS}
    previous[signal.SIGINT] = signal.getsignal(signal.SIGINT)
    child = None
    try:
        child = subprocess.Popen(list(command), preexec_fn=_die_with_parent if _LINUX else None)
        return child.wait()
    except (KeyboardInterrupt, _Stop):
        for sig in previous:  # a second Ctrl-C must not cut the shutdown short
            signal.signal(sig, signal.SIG_IGN)
        if child is not None:
            _stop(child)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


def _stop(child: subprocess.Popen) -> None:
    """SIGTERM, a grace period, then SIGKILL; always reaped, so no process is left holding the port."""
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(STOP_WAIT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
