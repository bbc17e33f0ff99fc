"""Cleaning pasted pages: worked example section 1, and the same rules on text we wrote."""

from newsweave.demo import demo_source
from newsweave.extract import extract
from newsweave.ingest import Source, ingest
from newsweave.textclean import clean_text


def article_from(path):
    [raw] = ingest(Source(str(path), path.read_bytes()))
    return extract(raw)


def test_noisy_seed_is_cleaned(seeds):
    noisy, _ = seeds
    article = article_from(noisy)
    assert article.title.startswith("Top US and British diplomats")
    assert article.title.endswith("as Ukraine wages Putin's war")
    assert "Skip to content" not in article.text
    assert ("Skip to content", "navigation") in [(r.text, r.reason) for r in article.removed]
    # The caption is pasted twice on one line and once more alone: one copy, as a caption.
    assert len(article.captions) == 1
    assert article.captions[0].endswith("(POOL/AFP via Getty Images)")
    assert "Getty Images" not in article.text
    flagged = [r for r in article.removed if r.reason == "suspected_related_link"]
    assert [r.text.strip("“”") for r in flagged] == [
        "Putin's Winter Playbook for Weaponizing Energy and Electricity."
    ]
    # Indentation is layout; the words stay verbatim.
    assert article.paragraphs[0].startswith("US Secretary of State Antony Blinken")
    assert "Mr Blinked added:" in article.text


def test_clean_seed_keeps_its_title_and_names_its_source(seeds):
    _, clean = seeds
    article = article_from(clean)
    assert article.title == "US, UK diplomatic leaders to jointly visit Ukraine this week"
    assert article.outlet == "Caliber.Az"
    assert [(m.kind, m.outlet) for m in article.markers] == [("citing", "foreign media")]
    assert article.removed == ()


def test_pasted_page_rules_are_general():
    page = "\n".join(
        [
            "Menu",
            "Subscribe",
            "Share this article",
            "Follow us on X",
            "Storm closes harbour for two days",
            "    Heavy seas closed the harbour at Port Vell on Monday, and ferries stayed in port.",
            "Boats tied up at the quay (Photo: Ana Ruiz/Coast Images)Boats tied up at the quay (Photo: Ana Ruiz/Coast Images)",
            "    Harbour officials said the closure would last until Wednesday at the earliest.",
            "Island Timetables Cut for Summer",
            "    Fishermen said they had never seen waves so high inside the breakwater this late in the year.",
            "Boats tied up at the quay (Photo: Ana Ruiz/Coast Images)",
        ]
    )
    article = extract(ingest(Source("paste.txt", page.encode()))[0])
    assert article.title == "Storm closes harbour for two days"
    assert article.captions == ("Boats tied up at the quay (Photo: Ana Ruiz/Coast Images)",)
    assert len(article.paragraphs) == 3
    reasons = {r.reason for r in article.removed}
    assert {
        "navigation",
        "caption_pasted_twice",
        "duplicate_caption",
        "suspected_related_link",
    } <= reasons


def test_a_pasted_pages_header_gives_title_and_byline_and_leaves_the_body():
    page = "\n".join(
        [
            "Skip to content",
            "The Velmora Post",
            "News",
            "Harbour",
            "Weather",
            "",
            "Storm closes harbour for two days",
            "By Ana Ruiz and Tomas Berg, harbour correspondents",
            "Tuesday 3 March 2026, 07:15",
            "Share this article",
            "    Heavy seas closed the harbour at Port Vell on Monday, and ferries stayed in port "
            "while waves broke over the outer wall for most of the afternoon.",
            "    Harbour officials said the closure would last until Wednesday at the earliest, "
            "and that fishing boats should stay tied up inside the breakwater.",
            "Newsletter: the Velmora Post in your inbox every morning",
        ]
    )
    for given in (None, "Storm closes harbour for two days"):
        raw = ingest(Source("paste.txt", page.encode()))[0].model_copy(update={"title": given})
        article = extract(raw)
        assert article.title == "Storm closes harbour for two days"
        assert article.byline == "Ana Ruiz and Tomas Berg"
        assert [p[:12] for p in article.paragraphs] == ["Heavy seas c", "Harbour offi"]
        reasons = {r.text: r.reason for r in article.removed}
        assert reasons["The Velmora Post"] == reasons["Weather"] == "navigation"
        assert reasons["Tuesday 3 March 2026, 07:15"] == "dateline"
        assert reasons["By Ana Ruiz and Tomas Berg, harbour correspondents"] == "byline"


def test_a_pasted_headline_with_a_year_is_no_date_line():
    page = "\n".join(
        [
            "Menu",
            "Sport",
            "World Cup 2026 final set for Sunday in Velmora",
            "Updated 14 July 2026, 09:10 BST",
            "    The final of the tournament will be played at the harbour stadium on Sunday "
            "evening, organisers confirmed after a meeting with the city council.",
            "    About 60,000 spectators are expected, and extra ferries will run from the islands "
            "throughout the weekend.",
        ]
    )
    article = extract(ingest(Source("paste.txt", page.encode()))[0])
    assert article.title == "World Cup 2026 final set for Sunday in Velmora"
    assert ("Updated 14 July 2026, 09:10 BST", "dateline") in [
        (r.text, r.reason) for r in article.removed
    ]
    assert len(article.paragraphs) == 2


def test_a_sentence_opening_on_by_or_a_short_first_line_stays_in_the_body():
    text = "\n".join(
        [
            "By Tuesday, the council had approved the tram line after a five-hour debate.",
            "Work starts in 2027.",
            "The line will have 22 stops between the central station and the eastern suburbs, "
            "and the council expects the first trams to run four years after work begins.",
        ]
    )
    article = extract(ingest(Source("note.txt", text.encode()))[0])
    assert article.byline is None
    assert article.paragraphs[0].startswith("By Tuesday, the council")
    assert "Work starts in 2027." in article.paragraphs


def test_the_demos_pasted_page_keeps_its_eight_body_paragraphs():
    # src/newsweave/demo/CORPUS.md, event B: "A cleaner should keep 9 - 1 = 8 body paragraphs".
    [pasted] = [d for d in ingest(demo_source()) if d.kind == "text" and "Lindqvist" in d.body]
    article = extract(pasted)
    assert len(article.paragraphs) == 8
    assert article.byline == "Petra Lindqvist"
    assert not any("Coastline Daily" in p or "Lindqvist" in p for p in article.paragraphs)


def test_header_lines_that_look_like_a_byline_a_date_or_prose_are_read_as_what_they_are():
    body = "Heavy seas closed the harbour at Port Vell on Monday, and ferries stayed in port."
    lead_in = clean_text(f"Tram line approved\nBy Monday, three things had changed:\n{body}")
    assert (
        lead_in.byline is None and lead_in.paragraphs[0] == "By Monday, three things had changed:"
    )
    question = "Will the harbour reopen before the summer season?"
    asked = clean_text(f"{question}\n{body}", title=question)
    assert asked.paragraphs == (body,)
    budget = clean_text(f"Skip to content\nThe Velmora Post\nBudget 2026\nBy Ana Ruiz\n{body}")
    assert budget.title == "Budget 2026" and budget.byline == "Ana Ruiz"


def test_the_outlets_notes_are_set_apart_and_sentences_like_them_stay():
    text = "\n\n".join(
        [
            "Salmonella cases rose to 31 on Wednesday, officials said.",
            "(Reporting by Lena Ostrow; Editing by Paul Marr)",
            "Additional reporting by Tom Ray in Carrowby.",
            "Have you or your family been affected? Contact our newsroom at news@courier.example",
            "This article was amended on 11 June 2026 to correct the spelling of a name.",
            "Reporting by the team shows that the kitchen had failed two inspections.",
            "Have you been affected by the closures, residents asked the mayor.",
            "The report was amended after ministers objected to its conclusions.",
            "Have you tried to book a GP appointment lately? Tell me how long you waited.",
        ]
    )
    cleaned = clean_text(text, title="Cases rise")
    assert cleaned.paragraphs == (
        "Salmonella cases rose to 31 on Wednesday, officials said.",
        "Reporting by the team shows that the kitchen had failed two inspections.",
        "Have you been affected by the closures, residents asked the mayor.",
        "The report was amended after ministers objected to its conclusions.",
        "Have you tried to book a GP appointment lately? Tell me how long you waited.",
    )
    assert [r.reason for r in cleaned.removed] == ["notice"] * 4


def test_a_read_more_link_with_its_headline_is_navigation_and_a_sentence_on_it_stays():
    cleaned = clean_text(
        "The bank cut its key rate on Thursday.\n\n"
        "Read more: How the Reserve Bank sets interest rates\n\n"
        "Related: Five charts on the marel\n\n"
        "Read more about the cut in our guide, which explains what happens next."
    )
    assert cleaned.paragraphs == (
        "The bank cut its key rate on Thursday.",
        "Read more about the cut in our guide, which explains what happens next.",
    )
    assert {r.reason for r in cleaned.removed} == {"navigation"}
