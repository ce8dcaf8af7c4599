"""The risk management plan checklist in Chromium: findings, drafts that survive a
reload only when asked, export and import, keyboard only, and typed text that
stays text on the page, in print and in the Markdown export."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.browser.conftest import PLAN_PAGE, Session, new_session
from tests.browser.forms import examples, fill, read
from tools.core.schema import input_id

SLUG = "risk-management-plan"
TOOL = f"#tool-{SLUG}"
EXAMPLES = {e["name"]: e for e in examples(SLUG)}
COMPLETE = EXAMPLES["complete-plan"]["inputs"]
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def open_plan(session: Session) -> Page:
    page = session.open(PLAN_PAGE)
    session.wait_ready(TOOL)
    page.on("dialog", lambda dialog: (_ for _ in ()).throw(AssertionError(dialog.message)))
    return page


def submit(page: Page) -> str:
    page.click(f"{TOOL} [data-action=submit]")
    result = page.locator(f"{TOOL} [data-role=result]")
    result.locator(".roh-checks").first.wait_for()
    return result.inner_text()


def test_a_complete_plan_is_checked_criterion_by_criterion(session: Session) -> None:
    page = open_plan(session)
    fill(page, SLUG, COMPLETE)
    text = submit(page)
    assert "Findings against HF36" in text
    assert "Element 1: confirm with the person" in text
    assert "P16" in text and "Not given in the source text" in text
    assert "Victim safety planning" in text


def test_gaps_are_reported_in_concrete_terms(session: Session) -> None:
    page = open_plan(session)
    fill(page, SLUG, EXAMPLES["unaddressed-risk-factor"]["inputs"])
    text = submit(page)
    for message in EXAMPLES["unaddressed-risk-factor"]["expected"]["findings"]:
        assert message["message"] in text


def test_a_kept_draft_survives_reload_and_delete_removes_it(session: Session) -> None:
    page = open_plan(session)
    answers = {k: v for k, v in COMPLETE.items() if k.startswith(("rosh", "risk_factors", "supervision"))}
    fill(page, SLUG, answers)
    assert not page.is_checked(f"#{SLUG}-keep-draft"), "drafts must be off by default"
    page.check(f"#{SLUG}-keep-draft")
    page.fill(f"#{input_id(SLUG, 'assessment_summary')}", "Typed after ticking the box")
    page.wait_for_timeout(600)  # drafts are saved 300 ms after the last keystroke
    page.reload()
    session.wait_ready(TOOL)
    restored = page.locator(f"{TOOL} [data-role=draft-notice] [data-notice=restored]")
    restored.wait_for()  # restored through Python, once it has loaded
    assert "was restored" in restored.inner_text()
    assert read(page, SLUG) == {**answers, "assessment_summary": "Typed after ticking the box"}
    assert page.is_checked(f"#{SLUG}-keep-draft")
    page.click(f"{TOOL} [data-action=delete-draft]")
    assert "Draft deleted" in page.inner_text(f"{TOOL} [data-role=draft-status]")
    page.reload()
    session.wait_ready(TOOL)
    assert read(page, SLUG) == {}
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('roh-'))") == []


def test_nothing_is_kept_on_the_device_unless_the_reader_asks(session: Session) -> None:
    page = open_plan(session)
    fill(page, SLUG, {"assessment_summary": "Not to be kept"})
    page.wait_for_timeout(600)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('roh-'))") == []
    page.reload()
    session.wait_ready(TOOL)
    assert read(page, SLUG) == {}


def test_export_json_then_import_in_a_fresh_profile_is_identical(
    session: Session, browser: Browser, base_url: str, tmp_path: Path
) -> None:
    page = open_plan(session)
    answers = {**COMPLETE, "supervision.3.what": "A third supervision action", "agencies": PAYLOAD}
    fill(page, SLUG, answers)
    with page.expect_download() as download:
        page.click(f"{TOOL} [data-action=export-json]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith(f"{SLUG}-") and saved.suffix == ".json"

    fresh = new_session(browser, base_url)
    try:
        other = fresh.open(PLAN_PAGE)
        fresh.wait_ready(TOOL)
        assert read(other, SLUG) == {}
        other.set_input_files(f"#{input_id(SLUG, 'import-file')}", str(saved))
        other.locator(f"{TOOL} [data-role=draft-status]").filter(
            has_text=f"{len(answers)} answers imported").wait_for()
        assert read(other, SLUG) == read(page, SLUG) == answers
        fresh.watch.assert_clean()
    finally:
        fresh.context.close()


def test_importing_a_file_that_is_not_a_plan_says_so(session: Session, tmp_path: Path) -> None:
    page = open_plan(session)
    fill(page, SLUG, {"assessment_summary": "Kept while the import fails"})
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    page.set_input_files(f"#{input_id(SLUG, 'import-file')}", str(bad))
    summary = page.locator(f"{TOOL} [data-role=error-summary]")
    summary.wait_for()
    assert "not a set of answers exported from this guide" in summary.inner_text()
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == input_id(SLUG, "import-file")
    assert read(page, SLUG) == {"assessment_summary": "Kept while the import fails"}


def test_typed_markup_stays_text_on_the_page_in_print_and_in_markdown(
    session: Session, tmp_path: Path
) -> None:
    page = open_plan(session)
    fill(page, SLUG, {**COMPLETE, "plan_reference": PAYLOAD, "supervision.1.what": PAYLOAD})
    text = submit(page)
    assert PAYLOAD in text
    result = page.locator(f"{TOOL} [data-role=result]")
    assert result.locator("script, img").count() == 0
    page.emulate_media(media="print")
    assert result.is_visible() and page.locator(f"{TOOL} form").is_hidden()
    assert PAYLOAD in result.inner_text()
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.click(f"{TOOL} [data-action=export-markdown]")
    markdown = Path(download.value.path()).read_text("utf-8")
    assert "\\<script\\>alert(1)\\</script\\>\\<img src=x onerror=alert(2)\\>" in markdown
    assert "<script>" not in markdown


def test_the_checklist_can_be_completed_with_the_keyboard_alone(session: Session) -> None:
    page = open_plan(session)
    keys = page.keyboard

    def tab_to(element_id: str) -> None:
        for _ in range(400):
            keys.press("Tab")
            if page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    tab_to(input_id(SLUG, "plan_date"))
    keys.type("1/12/2026")
    tab_to(input_id(SLUG, "review_date"))
    keys.type("1/3/2027")
    tab_to(input_id(SLUG, "assessment_summary"))
    keys.type("Summary typed from the keyboard")
    tab_to(input_id(SLUG, "rosh_known_adult_community"))
    keys.type("High")                       # a select: typing picks the option
    tab_to(input_id(SLUG, "risk_factors.1.description"))
    keys.type("Drinks heavily")
    tab_to(input_id(SLUG, "risk_factors.1.priority"))
    keys.type("High")
    keys.press("Tab")                       # the "Add another risk factor" button
    assert page.evaluate("document.activeElement.dataset.action") == "add-row"
    keys.press("Enter")                     # adds row 2 and moves focus into it
    assert page.evaluate("document.activeElement.id") == input_id(SLUG, "risk_factors.2.description")
    keys.type("Controlling behaviour")
    tab_to(input_id(SLUG, "supervision.1.what"))
    keys.type("Weekly appointments")
    tab_to(input_id(SLUG, "supervision.1.addresses"))
    keys.type("1, 2")
    tab_to(f"{SLUG}-keep-draft")             # past the form: submit, then Start again
    keys.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "start-again"
    keys.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "submit"
    keys.press("Enter")
    page.locator(f"{TOOL} [data-role=result] .roh-checks").first.wait_for()
    assert read(page, SLUG)["rosh_known_adult_community"] == "high"
    assert "Every risk factor is addressed by at least one action" in page.inner_text(
        f"{TOOL} [data-role=result]")


def test_print_the_plan_prints_only_the_plan_and_its_findings(session: Session) -> None:
    page = open_plan(session)
    fill(page, SLUG, COMPLETE)
    # Stand in for the print dialog: record what print media would show.
    page.evaluate("""() => { window.print = () => {
        window.rohPrinted = {
          shown: [...document.body.children].filter(e => getComputedStyle(e).display !== "none")
                   .map(e => e.className),
          text: document.querySelector(".roh-print-only").innerText,
          flagged: document.documentElement.classList.contains("roh-print-tool")};
    }; }""")
    page.emulate_media(media="print")  # buttons are hidden in print: press it from script
    page.evaluate(f"document.querySelector('{TOOL} [data-action=print]').click()")
    printed = page.evaluate("new Promise(r => { const t = setInterval(() => "
                            "{ if (window.rohPrinted) { clearInterval(t); r(window.rohPrinted); } }, 50); })")
    page.emulate_media(media="screen")
    assert printed["flagged"] and printed["shown"] == ["roh-print-only md-typeset"]
    assert "Risk management plan: Example plan A" in printed["text"]
    assert "Findings against HF36" in printed["text"]
    assert printed["text"].index("The plan") < printed["text"].index("Findings against HF36")
    assert printed["text"].startswith("Printed on ")
    assert page.locator(".roh-print-only").count() == 0  # tidied away afterwards
