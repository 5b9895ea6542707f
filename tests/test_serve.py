"""`councilqa serve`: Streamlit's command line, and a real start that binds only the asked address
and leaves no process behind when serve is stopped."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SAMPLES, FakeEmbedder

from index.settings import Settings
from qa import cli
from qa.engine import CouncilQA
from qa.server import STREAMLIT_OPTIONS, app_path, browser_address, streamlit_command

ROOT = Path(__file__).resolve().parent.parent
START_WAIT = 120  # seconds for Streamlit to start on a busy machine
LISTEN = "0A"  # a listening socket's state in /proc/net/tcp


def option(command: list[str], name: str) -> str:
    return command[command.index(f"--{name}") + 1]


def test_the_streamlit_command_carries_every_setting() -> None:
    command = streamlit_command(Path("/x/app.py"), "127.0.0.1", 8600, Path("/s"), Path("/m"))
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", "/x/app.py"]
    assert option(command, "server.address") == "127.0.0.1"
    assert option(command, "server.port") == "8600"
    assert option(command, "server.headless") == "true"
    assert option(command, "server.fileWatcherType") == "none"
    assert option(command, "browser.gatherUsageStats") == "false"
    assert option(command, "browser.serverAddress") == "127.0.0.1"  # no external-IP lookup
    assert command[command.index("--") :] == ["--", "--store", "/s", "--model", "/m"]
    for name, value in STREAMLIT_OPTIONS:
        assert option(command, name) == value
    assert "--model" not in streamlit_command(Path("/x/app.py"), "::1", 1, Path("/s"))


def test_a_wildcard_bind_still_names_an_address_for_browsers() -> None:
    assert browser_address("0.0.0.0") == "localhost"
    assert browser_address("::") == "localhost"
    assert browser_address("192.168.1.20") == "192.168.1.20"


def test_serve_runs_the_command_built_from_its_options(monkeypatch) -> None:
    ran = []
    monkeypatch.setattr(cli, "run_until_stopped", lambda command: ran.append(command) or 0)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "9001", "--store", "/s", "--model", "/m"]) == 0
    (command,) = ran
    assert command == streamlit_command(app_path(), "0.0.0.0", 9001, Path("/s"), Path("/m"))


# --- a real start -------------------------------------------------------------------------------


def listening(port: int) -> set[str]:
    """Addresses with a socket listening on `port`, IPv4 and IPv6, from the kernel's tables."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == LISTEN and int(hex_port, 16) == port:
                raw = bytes.fromhex(address)
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                found.add(str(ipaddress.ip_address(words)))
    return found


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue  # the process ended while we looked
        if int(fields.get("PPid", "0")) == pid:
            found.append(int(status.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:\t", 1)[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_WAIT
    while not listening(port):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"serve did not start listening on {port}:\n{log.read_text()}")
        time.sleep(0.5)


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("serve") / "store"
    engine = CouncilQA(Settings(store=store), embedder=FakeEmbedder())
    engine.ingest([SAMPLES / "004_67e52966cbe4daee.txt"], progress=False)
    engine.close()
    return store


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc (Linux)")
@pytest.mark.parametrize(
    ("host", "stop"),
    [(None, signal.SIGTERM), ("127.0.0.2", signal.SIGINT)],  # the default, and an address of one's own
    ids=["default-SIGTERM", "host-Ctrl-C"],
)
def test_serve_listens_where_told_only_and_stops_its_child(
    tiny_store: Path, tmp_path: Path, host, stop
) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    command = [sys.executable, "-m", "qa.cli", "serve", "--store", str(tiny_store), "--port", str(port)]
    command += ["--host", host] if host else []
    host = host or "127.0.0.1"
    with log.open("w") as out:
        serve = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group, so the stop below reaches serve alone
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # Ctrl-C works even here
        )
    streamlit = []
    try:
        wait_until_listening(port, serve, log)
        assert listening(port) == {host}
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=30) as reply:
            assert reply.read() == b"ok"
        streamlit = children(serve.pid)
        assert len(streamlit) == 1
        serve.send_signal(stop)
        assert serve.wait(timeout=60) == 0
        assert not running(streamlit[0]), "the Streamlit child outlived serve"
        assert not listening(port)
        shown = log.read_text()
        assert f"URL: http://{host}:{port}" in shown and "External URL" not in shown
        assert "inotify" not in shown.lower()  # no file watcher
    finally:
        for pid in [serve.pid, *streamlit]:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        serve.wait(timeout=10)
