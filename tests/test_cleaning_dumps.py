"""clean_article on whole-page text dumps: a select-all copy of a web page, article inside.

Every page here is synthetic (written for these tests), built from the parts real pages have:
menus, the page's <title> line, a byline and a date, share rows, captions, the story, lists of
other stories, comments, footers. Each test adds one family of page chrome to a plain page and
checks that the story comes out whole and the chrome goes to ``removed``.
"""

from __future__ import annotations

from briefing.cleaning import clean_article, is_page_dump
from briefing.model import CleanArticle
from briefing.reading import parse_article

HEADLINE = "Harbour town votes to rebuild its flooded sea wall"
SITE = "The Coastal Ledger"
DEK = "The council chose the costliest of three plans after a winter of storms."

STORY = [
    "The council of the harbour town voted on Tuesday to rebuild the sea wall that gave way "
    "during the February storms, choosing the most expensive of the three plans put to it.",
    "The new wall will be two metres higher than the old one and will be built of concrete "
    "rather than stone, the council's engineer told the meeting, which lasted for five hours.",
    "Residents of the lower streets, whose houses were flooded twice in one month, had asked "
    "for the work to begin before the autumn, when the worst of the weather usually arrives.",
    "The council said that it would borrow most of the money and that the repayments would be "
    "spread over thirty years, so that no single budget would have to carry the whole cost.",
    "Fishermen who moor their boats inside the harbour said they were relieved, although some "
    "of them worried that the work would close the slipway for much of the summer season.",
    "The engineer said that the slipway would stay open for all but two weeks of the work and "
    "that the boats could use the beach at the northern end of the town during that time.",
]

TOP_MENU = ["Home", "News", "Local", "Sport", "Weather", "Business", "Opinion", "Obituaries"]
TOP_MENU += ["Events", "Jobs", "Property", "Motors", "Puzzles", "Contact Us", "Advertise"]
FOOTER_MENU = ["About Us", "Careers", "Terms of Use", "Privacy Policy", "Cookie Settings"]
FOOTER_MENU += ["Site Map", "Archive", "Newsletters", "Subscribe", "Help Centre"]
BYLINE = ["By Jane Tremayne", "March 12, 2024 9:41 AM"]
SHARE = ["Share", "Facebook", "Twitter", "Email"]
RELATED = [
    "More from Local",
    "Ferry timetable changes for the summer months",
    "School hall reopens after repairs to its roof",
    "Lifeboat crew rescues two walkers cut off by the tide",
    "Parking charges rise on the promenade from April",
    "New bakery opens on the high street",
]
FOOTER = ["© 2024 The Coastal Ledger. All rights reserved."]


def page(*parts: list[str]) -> str:
    """A page dump: the page's title line, then the parts, one block a line."""
    lines = [f"{HEADLINE} - {SITE}"]
    for part in parts:
        lines.extend(part)
    return "\n\n".join(lines) + "\n"


def clean(text: str) -> CleanArticle:
    return clean_article(parse_article("page.txt", text))


def plain_page(middle: list[str] | None = None, after: list[str] | None = None) -> str:
    return page(
        TOP_MENU,
        [HEADLINE, DEK],
        BYLINE,
        SHARE,
        middle if middle is not None else STORY,
        SHARE,
        after or [],
        RELATED,
        FOOTER_MENU,
        FOOTER,
    )


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_story_is_found_among_menus_share_rows_related_headlines_and_footer() -> None:
    text = plain_page()
    cleaned = clean(text)
    assert cleaned.title == HEADLINE
    assert cleaned.dek == DEK
    assert cleaned.body == "\n\n".join(STORY)
    # Nothing is lost: every line of the page is in the title, the dek, the body or removed.
    kept = [cleaned.title, cleaned.dek, *cleaned.body.split("\n\n")]
    assert sorted(kept + list(cleaned.removed)) == sorted(lines_of(text))
    for chrome in [*TOP_MENU, *BYLINE, *RELATED[1:], *FOOTER_MENU, *FOOTER]:
        assert chrome in cleaned.removed


def test_a_clean_article_is_no_page_dump() -> None:
    assert not is_page_dump([HEADLINE, DEK, *STORY, "Follow us on Twitter"])
    assert is_page_dump(lines_of(plain_page()))


def test_short_lines_between_paragraphs_stay_with_the_story() -> None:
    subheading = "What happens next"
    quote = "It is about time, she said."
    middle = [*STORY[:3], subheading, STORY[3], quote, *STORY[4:]]
    cleaned = clean(plain_page(middle))
    assert cleaned.body == "\n\n".join(middle)


def test_photo_captions_with_credits_go() -> None:
    captions = [
        "Waves break over the old wall in February (Image: Jane Tremayne)",
        "The flooded lower streets [File: Coastal Ledger]",
        "Jane Tremayne | Getty Images",
        "The harbour at low tide. Credit: Harbour Trust",
    ]
    middle = [STORY[0], captions[0], captions[1], *STORY[1:4], captions[2], captions[3], *STORY[4:]]
    cleaned = clean(plain_page(middle))
    assert cleaned.body == "\n\n".join(STORY)
    assert all(caption in cleaned.removed for caption in captions)


def test_readers_comments_after_the_story_go() -> None:
    comments = [
        "2 comments",
        "harbourwatcher says:",
        "March 12, 2024 at 10:15 am",
        "About time too, the council has been talking about this wall for years and years now.",
        "Reply",
        "Old Salt says:",
        "March 12, 2024 at 11:02 am",
        "Thirty years of repayments is a long time, and our children will be the ones paying it.",
        "Reply",
        "Leave a Reply Cancel reply",
    ]
    cleaned = clean(plain_page(after=comments))
    assert cleaned.body == "\n\n".join(STORY)
    assert comments[3] in cleaned.removed and comments[7] in cleaned.removed


def test_a_quoted_post_in_the_story_is_no_comment() -> None:
    post = [
        "The wall is finally going to be fixed, and not a moment too soon for the lower streets.",
        "— Harbour Residents (@harbourfolk) March 12, 2024",
    ]
    middle = [*STORY[:3], *post, *STORY[3:]]
    cleaned = clean(plain_page(middle))
    assert cleaned.body == "\n\n".join(middle)


def test_teaser_cards_of_other_stories_go() -> None:
    cards = [
        "Local",
        "Ferry timetable changes for the summer months",
        "The first boat will leave half an hour earlier from the start of May.",
        "Sport",
        "Town rowing club wins the regional title",
        "The crew beat three larger clubs in a race held in heavy rain.",
        "Business",
        "Fish market to open on Sundays",
        "Traders say the change will bring in visitors from the city.",
    ]
    cleaned = clean(plain_page(after=cards))
    assert cleaned.body == "\n\n".join(STORY)
    assert all(card in cleaned.removed for card in cards)


def test_a_list_that_the_story_introduces_stays_whole() -> None:
    intro = "The work will be done in these stages:"
    items = [
        "May: slipway ramp",
        "June: northern section",
        "July: central section",
        "August: southern section",
        "September: railings and lights",
        "October: final inspection",
    ]
    # A list is one block of the page: its items are not separated by empty lines.
    text = plain_page().replace(
        STORY[-1] + "\n\n", STORY[-1] + "\n\n" + intro + "\n" + "\n".join(items) + "\n\n"
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join([*STORY, intro, *items])


def test_legal_prose_in_the_footer_is_no_article() -> None:
    legal = [
        "The Coastal Ledger is published by Coastal Media Limited, which is registered in "
        "England under number 0123456 and whose registered office is at 1 Quay Street. The "
        "company is regulated by the press standards body and follows its code of practice, "
        "which can be read in full on the body's own website, together with the details of "
        "how to make a complaint about anything that has been published in the newspaper.",
    ]
    short_story = STORY[:2]
    text = page(
        TOP_MENU, [HEADLINE], BYLINE, short_story, RELATED, FOOTER_MENU, TOP_MENU[:6], legal
    )
    cleaned = clean(text)
    assert cleaned.body == "\n\n".join(short_story)
    assert legal[0] in cleaned.removed


def test_a_page_in_another_language_is_read_by_its_own_function_words() -> None:
    story = [
        "Der Gemeinderat der kleinen Hafenstadt hat am Dienstag beschlossen, die im Februar "
        "zerstörte Mauer am Hafen neu zu bauen, und hat dabei den teuersten der drei Pläne "
        "gewählt.",
        "Die neue Mauer wird zwei Meter höher sein als die alte und wird aus Beton gebaut, sagte "
        "der Ingenieur der Gemeinde in der Sitzung, die fünf Stunden gedauert hat.",
        "Die Bewohner der unteren Straßen, deren Häuser in einem Monat zweimal unter Wasser "
        "standen, hatten gefordert, dass die Arbeiten noch vor dem Herbst beginnen.",
        "Die Gemeinde will den größten Teil des Geldes leihen und die Rückzahlung auf dreißig "
        "Jahre verteilen, damit nicht ein einziger Haushalt die ganzen Kosten tragen muss.",
        "Die Fischer, die ihre Boote im Hafen liegen haben, waren erleichtert, auch wenn einige "
        "von ihnen fürchten, dass die Rampe für die Boote den ganzen Sommer über gesperrt ist.",
        "Der Ingenieur sagte, dass die Rampe bis auf zwei Wochen offen bleibt und dass die Boote "
        "in dieser Zeit den Strand am nördlichen Ende der Stadt nutzen können.",
    ]
    menu = ["Startseite", "Nachrichten", "Lokales", "Sport", "Wetter", "Wirtschaft", "Meinung"]
    menu += ["Termine", "Stellenmarkt", "Immobilien", "Kontakt", "Impressum", "Datenschutz"]
    headline = "Hafenstadt baut die Mauer neu"
    text = "\n\n".join([f"{headline} | Hafenbote", *menu, headline, *story, *menu]) + "\n"
    cleaned = clean(text)
    assert cleaned.title == headline
    assert cleaned.body == "\n\n".join(story)
