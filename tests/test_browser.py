"""The chat page in a real browser: Debian's chromium driven by Selenium against `councilqa serve` on a
store of the sample papers, a PDF made here, a paper with markup in it and an exempt paper."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "papers"
SHOTS = Path(os.environ.get("COUNCILQA_SHOTS", "/tmp/councilqa-shots"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
START_WAIT = 180  # seconds for serve to answer its health check on a busy machine
ANSWER_WAIT = 120  # seconds for one answer: the first loads the model
_OPEN_TRIES = 3  # clicks on a select box before its options count as missing
CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",  # the tests may run as root, where chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # nothing leaves the machine
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,2200",
)
SECRET = "Quayside Holdings"
os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver or browser

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # pragma: no cover - the test extra installs it
    webdriver = None

if webdriver is None or not CHROMIUM or not CHROMEDRIVER:
    pytest.skip(
        "browser tests need selenium (pip, the test extra) and Debian's chromium and chromium-driver "
        f"(apt-get install -y chromium chromium-driver); found selenium={webdriver is not None}, "
        f"chromium={CHROMIUM}, chromedriver={CHROMEDRIVER}",
        allow_module_level=True,
    )

pytestmark = pytest.mark.slow


# --- papers the tests make ----------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[str]], title: str) -> Path:
    """A PDF with one line of text per string, a page per list (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setTitle(title)
    for lines in pages:
        y = 780
        for line in lines:
            sheet.drawString(72, y, line)
            y -= 22
        sheet.showPage()
    sheet.save()
    return path


HOSTILE = (
    "Harbour Committee\n\nMinutes of the meeting, 3 March 2021\n\n"
    "Pledge 66 - the harbour wall repairs [x](javascript:alert(1)) finish in July 2023 "
    "![](http://127.0.0.1:9/track.png) <img src=x onerror=alert(1)> <script>alert('xss')</script> "
    "**bold** `code`.\n"
)
EXEMPT = (
    "NOT FOR PUBLICATION\n\nExempt report to Cabinet, 4 May 2021\n\n"
    f"Pledge 91 - the sale of the Harbour Depot to {SECRET} for 4.2 million pounds is agreed.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A store of the samples, a two-page budget PDF, the hostile and the exempt paper, served."""
    root = tmp_path_factory.mktemp("browser")
    papers, exempt, store = root / "papers", root / "exempt", root / "store"
    papers.mkdir()
    exempt.mkdir()
    make_pdf(
        papers / "budget.pdf",
        [
            ["Library Services Budget 2021", "Cabinet report, 12 January 2021", "Introduction and scope."],
            [
                "Library Services Budget 2021",
                "Pledge 77 - the riverside library will reopen in May 2021 after roof repairs.",
                "Parking charges at the leisure centre stay the same.",
            ],
        ],
        "Library Services Budget 2021",
    )
    (papers / "harbour.txt").write_text(HOSTILE, encoding="utf-8")
    (exempt / "exempt.txt").write_text(EXEMPT, encoding="utf-8")
    councilqa = str(Path(sys.executable).with_name("councilqa"))
    # One ingest, one model load; the exempt paper is marked restricted by its own notice.
    run = [councilqa, "ingest", str(SAMPLES), str(papers), str(exempt), "--store", str(store), "--quiet"]
    subprocess.run(run, check=True, capture_output=True, timeout=600)
    port = free_port()
    log = (root / "serve.log").open("w")
    command = [councilqa, "serve", "--store", str(store), "--port", str(port)]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: healthy(url), START_WAIT, f"serve did not start; see {root / 'serve.log'}")
        upload = make_pdf(
            root / "Pool update (draft).pdf",
            [["Leisure Update, 2 June 2022", "Pledge 88 - the new swimming pool opens in June 2022."]],
            "Leisure Update",
        )
        yield {"url": url, "store": store, "upload": upload, "root": root}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        log.close()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "_stcore/health", timeout=5) as reply:
            return reply.status == 200
    except OSError:
        return False


def wait_for(check: Callable[[], object], seconds: float, message: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = check()
        except StaleElementReferenceException:  # the page redrew under the check: look again
            found = None
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(message)


@pytest.fixture
def browser(site: dict, tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """A fresh chromium on the page (a new Streamlit session), downloads into tmp_path/downloads."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-', dir=tmp_path)}")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.downloads = downloads
    driver.get(site["url"])
    WebDriverWait(driver, ANSWER_WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "textarea"))
    try:
        yield driver
    finally:
        driver.quit()


# --- page actions -------------------------------------------------------------------------------


def shot(driver, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def messages(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')


def settled(driver) -> bool:
    """Streamlit has finished the script run: no 'running' status widget."""
    return not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"]')


def ask(driver, question: str) -> object:
    """Type a question and wait for the whole answer; the answer's element."""
    before = len(messages(driver))
    box = driver.find_element(By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')
    box.send_keys(question)
    box.send_keys(Keys.ENTER)

    def answered(d):
        found = messages(d)
        # the feedback form is the answer's last element: once it is there, the answer is whole
        return len(found) >= before + 2 and "Send feedback" in found[before + 1].text and settled(d)

    wait_for(lambda: answered(driver), ANSWER_WAIT, f"no answer to {question!r}")
    return messages(driver)[before + 1]


def choose(driver, label: str, option: str) -> None:
    """Pick `option` in the sidebar selectbox labelled `label` (a react-aria combobox)."""
    # a view just switched to may still be drawing its boxes on a busy machine: wait for this one

    def labelled():
        try:
            boxes = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSelectbox"]')
            return next((b for b in boxes if b.text.startswith(label)), None)
        except StaleElementReferenceException:
            return None

    # a click that lands while the view redraws opens nothing, and an option listed then may be redrawn
    # before it is clicked (each failed once in CI): find the box, open it and click the option again
    for attempt in range(_OPEN_TRIES):
        box = wait_for(labelled, 30, f"no {label!r} box")
        try:
            box.find_element(By.CSS_SELECTOR, 'button[aria-label="Open"]').click()
            options = wait_for(
                lambda: driver.find_elements(By.CSS_SELECTOR, '[role="option"]'), 10, "no options"
            )
            next(o for o in options if o.text == option).click()
            break
        except (AssertionError, StaleElementReferenceException):
            if attempt == _OPEN_TRIES - 1:
                raise
    chosen = box.find_element(By.CSS_SELECTOR, "input")
    wait_for(lambda: chosen.get_attribute("value") == option and settled(driver), 20, f"{label} not {option}")


def button(scope, text: str):
    return wait_for(
        lambda: next((b for b in scope.find_elements(By.TAG_NAME, "button") if b.text.strip() == text), None),
        30,
        f"no button {text!r}",
    )


def open_citation(driver, reply, n: int = 1):
    """Follow the answer's [n] link, then open that citation's expander; the expander's element."""
    link = reply.find_element(By.CSS_SELECTOR, f'a[href$="-{n}"]')
    target = link.get_attribute("href").split("#", 1)[1]
    assert driver.find_elements(By.ID, target), f"the [n] link points at no element #{target}"
    link.click()
    expander = reply.find_elements(By.CSS_SELECTOR, '[data-testid="stExpander"]')[0]
    expander.find_element(By.TAG_NAME, "summary").click()
    return expander


# --- the tests ----------------------------------------------------------------------------------


def test_a_question_and_a_follow_up_are_answered(browser) -> None:
    first = ask(browser, "What is the status of Pledge 48?")
    assert "In Progress" in first.text and "work experience placements" in first.text
    assert re.search(r"Searched all \d+ papers \(2016–202\d\); no filters", first.text)
    follow = ask(browser, "Who is the portfolio holder for it?")
    assert "Read as: Who is the portfolio holder for Pledge 48?" in follow.text
    assert "Jemima Laing" in follow.text
    browser.execute_script("arguments[0].scrollIntoView()", follow)
    shot(browser, "01-follow-up-answer")
    expander = open_citation(browser, follow)
    wait_for(lambda: "▶" in expander.text, 20, "the cited lines are not marked")
    shot(browser, "01-follow-up-cited-lines")


def test_a_citation_opens_the_pdf_page_with_the_passage_highlighted(browser) -> None:
    from PIL import Image

    reply = ask(browser, "When will the riverside library reopen?")
    assert "May 2021" in reply.text
    expander = open_citation(browser, reply)
    wait_for(lambda: "PDF page 2" in expander.text, 30, "page 2, the cited one, is not shown")
    image = expander.find_elements(By.TAG_NAME, "img")[-1]  # the passage's last page: page 2
    browser.execute_script("arguments[0].scrollIntoView()", image)
    with urllib.request.urlopen(image.get_attribute("src"), timeout=10) as reply_image:
        picture = Image.open(BytesIO(reply_image.read())).convert("RGB")
    pixels = np.asarray(picture, dtype=np.int16)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    yellow = int(((r > 240) & (g > 180) & (g < 245) & (b < 200)).sum())
    assert yellow > 500, "no highlight drawn on the page"
    assert button(expander, "Download the original")
    shot(browser, "02-pdf-page-highlight")


def test_a_filter_that_hides_the_answer_is_explained(browser) -> None:
    choose(browser, "Council", "Derby City Council")
    reply = ask(browser, "What is the status of Pledge 48?")
    assert "Pledge 48 appears in 2 papers outside the filters: Plymouth City Council, 2019–2020" in reply.text
    assert "filters: council: Derby City Council" in reply.text
    shot(browser, "03-filter-explained")


def test_an_uploaded_pdf_becomes_searchable(browser, site: dict) -> None:
    field = browser.find_element(By.CSS_SELECTOR, '[data-testid="stFileUploader"] input[type="file"]')
    field.send_keys(str(site["upload"]))
    button(browser, "Add 1 paper(s) to the store").click()
    wait_for(lambda: "Added: Pool update" in browser.page_source, ANSWER_WAIT, "the upload was not added")
    saved = list((site["store"] / "uploads").iterdir())
    assert [p.suffix for p in saved] == [".pdf"] and "Pool" not in saved[0].name  # a generated name
    reply = ask(browser, "When does the new swimming pool open?")
    assert "June 2022" in reply.text
    shot(browser, "04-upload-searchable")


def test_export_downloads_the_citations_and_feedback_is_written(browser, site: dict) -> None:
    reply = ask(browser, "What is the status of Pledge 48?")
    button(reply, "Answer as CSV").click()
    csv_file = wait_for(lambda: list(browser.downloads.glob("*.csv")), 30, "no CSV downloaded")[0]
    exported = csv_file.read_text(encoding="utf-8")
    assert "Children's Services Pledges, February 2020" in exported and "Jemima Laing" in exported
    radio = next(r for r in reply.find_elements(By.CSS_SELECTOR, "label") if r.text.strip() == "wrong")
    radio.click()
    note = reply.find_element(By.CSS_SELECTOR, '[data-testid="stTextInput"] input')
    note.send_keys("checked by the browser test")
    button(reply, "Send feedback").click()
    wait_for(lambda: "feedback is saved" in reply.text, 30, "no feedback confirmation")
    lines = (site["store"] / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    assert record["verdict"] == "wrong" and record["note"] == "checked by the browser test"
    shot(browser, "05-export-feedback")


def test_markup_in_a_paper_is_never_live_and_restricted_text_never_shown(browser) -> None:
    reply = ask(browser, "When do the harbour wall repairs for Pledge 66 finish?")
    assert "July 2023" in reply.text
    expander = open_citation(browser, reply)
    wait_for(lambda: "javascript" in expander.text, 20, "the passage is not shown")
    assert "[x](javascript:alert(1))" in reply.text  # shown as the paper wrote it
    assert not browser.find_elements(By.CSS_SELECTOR, 'a[href^="javascript"]')
    assert not browser.find_elements(By.CSS_SELECTOR, 'img[src*="track.png"], img[onerror], img[src="x"]')
    scripts = browser.find_elements(By.TAG_NAME, "script")
    assert not [s for s in scripts if "xss" in (s.get_attribute("innerHTML") or "")]
    secret = ask(browser, "Who is buying the Harbour Depot in Pledge 91?")
    assert SECRET not in browser.page_source and SECRET not in secret.text
    assert "Log in" not in browser.find_element(By.CSS_SELECTOR, '[data-testid="stSidebar"]').text
    shot(browser, "06-markup-and-restricted")


def test_the_empty_conversation_offers_questions_from_the_store(browser) -> None:
    wait_for(lambda: "does not search the web" in browser.page_source, 30, "no note on what the tool does")
    buttons = wait_for(lambda: browser.find_elements(By.TAG_NAME, "button"), 30, "no buttons")
    examples = [b for b in buttons if b.text.startswith("What ")]  # the sidebar has none such
    assert any(re.fullmatch(r"What is the status of Pledge \d+\?", b.text) for b in examples)
    shot(browser, "00-empty-state")
    question = examples[0].text
    examples[0].click()
    wait_for(
        lambda: len(messages(browser)) == 2 and settled(browser), ANSWER_WAIT, "the example was not asked"
    )
    assert question in messages(browser)[0].text


MINUTES = [
    "MINUTES OF THE PLANNING COMMITTEE HELD AT THE TOWN HALL ON 13 MARCH 2018 AT 7.00 PM",
    "Present: Cllr Ann Brown (Chair), Cllr Tom Green, Cllr Raj Patel",
    "1. Library closure",
    "Moved by Cllr Patel, seconded by Cllr Brown that the library close on 1 June 2018.",
    "CARRIED",
]


def main_text(driver) -> str:
    """The main area's text, read afresh: a rerun replaces its elements."""
    try:
        return driver.find_element(By.CSS_SELECTOR, '[data-testid="stMain"]').text
    except (StaleElementReferenceException, NoSuchElementException):
        return ""


def view(driver, name: str) -> None:
    """Switch the page to the view `name` with the sidebar's radio."""
    sidebar = driver.find_element(By.CSS_SELECTOR, '[data-testid="stSidebar"]')
    next(label for label in sidebar.find_elements(By.TAG_NAME, "label") if label.text.strip() == name).click()
    try:
        wait_for(lambda: settled(driver) and f"\n{name}\n" in main_text(driver), 30, f"no {name} view")
    except AssertionError:
        shot(driver, f"failed-{name}")
        raise


def pick(driver, label: str, words: str) -> None:
    """Pick the first option holding `words` in the selectbox labelled `label`."""
    # a view just switched to may still be drawing its boxes on a busy machine: wait for this one
    box = wait_for(
        lambda: next(
            (
                b
                for b in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSelectbox"]')
                if b.text.startswith(label)
            ),
            None,
        ),
        30,
        f"no {label!r} box",
    )
    box.find_element(By.CSS_SELECTOR, 'button[aria-label="Open"]').click()
    options = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, '[role="option"]'), 10, "no options")
    next(o for o in options if words in o.text).click()
    wait_for(lambda: settled(driver), 20, f"{label} not picked")


def steady_button(driver, text: str):
    """The button labelled `text` once the page holds still (a rerun may replace it while looking)."""

    def found():
        try:
            return settled(driver) and next(
                (b for b in driver.find_elements(By.TAG_NAME, "button") if b.text.strip() == text), None
            )
        except StaleElementReferenceException:
            return None

    return wait_for(found, 30, f"no button {text!r}")


def last_expander(driver):
    return driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMain"] [data-testid="stExpander"]')[-1]


def test_the_decisions_and_timeline_views_show_records_with_their_pages(browser, site: dict) -> None:
    minutes = make_pdf(site["root"] / "Planning minutes.pdf", [MINUTES], "Planning Committee minutes")
    field = browser.find_element(By.CSS_SELECTOR, '[data-testid="stFileUploader"] input[type="file"]')
    field.send_keys(str(minutes))
    button(browser, "Add 1 paper(s) to the store").click()
    wait_for(
        lambda: "Added: Planning minutes" in browser.page_source, ANSWER_WAIT, "the minutes were not added"
    )

    view(browser, "Decisions")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]'), 30, "no table")
    assert "Motions and resolutions read from minutes: 1, oldest first." in main_text(browser)
    assert steady_button(browser, "Decisions as CSV") and steady_button(browser, "Decisions as JSON")
    shot(browser, "07-decisions-table")
    pick(browser, "Open a decision", "library close")
    wait_for(lambda: "Moved: Cllr Patel" in main_text(browser), 30, "the decision was not opened")
    shown = main_text(browser)
    assert "Seconded: Cllr Brown" in shown and "Outcome: carried" in shown
    assert "Open the paper at p. 1" in last_expander(browser).text
    last_expander(browser).find_element(By.TAG_NAME, "summary").click()
    wait_for(
        lambda: "PDF page 1, cited passage highlighted" in main_text(browser), 30, "the page is not shown"
    )
    browser.execute_script("arguments[0].scrollIntoView()", last_expander(browser))
    shot(browser, "08-decision-page")

    view(browser, "Timeline")
    choose(browser, "Commitment", "Pledge 48")
    newer, older = "February 2020 — In Progress", "11 September 2019 — In Progress"
    # the page renders entry by entry: wait for the older (last) one before reading the order
    wait_for(lambda: older in main_text(browser), 30, "no timeline")
    shown = main_text(browser)
    assert "The status did not change across 2 papers." in shown
    assert "Status: In Progress since 11 September 2019 (still in February 2020)" in shown
    assert newer in shown and older in shown and shown.index(newer) < shown.index(older), shown
    browser.execute_script("window.scrollTo(0, 0)")
    shot(browser, "09-timeline")
    sidebar = browser.find_element(By.CSS_SELECTOR, '[data-testid="stSidebar"]')
    next(
        label for label in sidebar.find_elements(By.TAG_NAME, "label") if label.text.strip() == "Ask"
    ).click()
    chat = '[data-testid="stChatInput"] textarea'
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, chat), 30, "the chat did not come back")
