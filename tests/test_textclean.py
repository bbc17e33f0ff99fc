"""Cleaning pasted pages: worked example section 1, and the same rules on text we wrote."""

from newsweave.extract import extract
from newsweave.ingest import Source, ingest


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
