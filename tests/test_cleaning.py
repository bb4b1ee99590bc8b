"""clean_article: page chrome goes, every line of the story stays, and what went is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cleaning import clean_article
from briefing.model import ArticleMeta, RawArticle
from briefing.reading import read_article

SEED = Path(__file__).resolve().parent.parent / "sample_articles" / "000_3697d80e75a72aeb.txt"

STORY = [
    "Japan's government says it is expelling eight Russian diplomats over the invasion.",
    "Foreign Ministry spokesperson Hikariko Ono announced the decision Friday.",
    '"We will not accept this," she said.',
]

# Lines of story that look a little like chrome: they mention its words, or they are short.
TRICKY_CONTENT = [
    "Japan's parliament voted to register foreign agents before the election.",
    "Registration of foreign agents begins in May.",
    "Cookie makers in Ohio say the tariffs will cost them millions.",
    "Share prices in Moscow fell 3 percent on Monday.",
    "Print and broadcast media were ordered to close.",
    "Related talks will continue in Geneva next week.",
    "Subscribers to the state pension scheme will not be affected.",
    "The ministry did not respond to a request for comment.",
    "The leak was first reported by the Playbook newsletter.",
    "Photographs of the meeting were released by the Kremlin.",
    "Video, which was posted online, showed the convoy.",
    "Published figures showed exports fell by 12 percent.",
    "Copyright law was also changed in 2019.",
    "No.",
    "“Never,” he said.",
    "Sanctions.",
    "Why now?",
    "Follow-up talks are planned.",
    "Sign-up for military service was extended, the defence ministry said.",
    "Loading of Russian oil at the port stopped on Tuesday.",
    "The agency measures consumer prices every month.",
    "By Friday, the bloc had agreed to ban Russian coal.",
    "Japan expelled eight diplomats (Reuters).",
    "OK, the minister said, we will look at it.",
    "World",
    "My account of the events is different, she said.",
    "Receive the briefing from officials, he said.",
    "The editor of the newspaper was arrested.",
    # The words of newsletter, coverage, credit, audio and consent chrome, in story sentences.
    "The newsletter's editor was arrested on Monday.",
    "The newsletter, published every Monday, was banned by the ministry.",
    "The leak came from Playbook, the newsletter read by lawmakers.",
    "Part of the coverage focused on the border.",
    "Ukraine war coverage dominated Russian television.",
    "Full coverage of the talks was banned.",
    "The story has been updated many times by state television.",
    "The article was published in Izvestia on Tuesday.",
    "This report is part of a wider investigation by the UN panel.",
    "Reporting by state media suggested the talks had failed.",
    "Reporting by Reuters showed the tankers had switched off their transponders.",
    "Editing by hand is slow, officials complained.",
    "Getty Images photographers were barred from the summit.",
    "Watch parties were held across the country.",
    "Listen to the people, the minister urged.",
    "Accept the deal or face tariffs, Washington told Beijing.",
    "Yes, I accept the ruling, she said.",
    "Agree to disagree.",
    "Advertising revenue fell by a third.",
    "Three hours ago, the first convoy crossed the border.",
    "Get the sanctions lifted first, the envoy said.",
    "Read the briefing notes, officials told reporters.",
    "The ministry said it would receive a briefing from the central bank every Monday.",
    "Click the link, the message told recipients.",
    "Read the email the ambassador sent to Moscow.",
    "More on that later, the spokesman said.",
]

# Page chrome, one or more lines per family.
CHROME = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "We use cookies to give you the best experience. By continuing to browse, you agree.",
    "This website uses cookies to ensure you get the best experience.",
    "Accept all cookies",
    "Manage preferences",
    "Skip to main content",
    "Home | World | Business | Sport",
    "News > World > Europe",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Email",
    "Tweet",
    "Print",
    "Email this article",
    "Copy link",
    "Follow us on Twitter and Facebook",
    "Register for free to continue reading",
    "Registration is a free and easy way to support our truly independent journalism",
    "By registering, you will also enjoy limited access to Premium articles",
    "By clicking ‘Register’ you confirm that you have read and agree to our Terms of use.",
    "Already have an account? sign in",
    "Already a subscriber? Log in",
    "Sign in",
    "Create a free account to keep reading",
    "Please register to keep reading",
    "This article is for subscribers only. Subscribe now for unlimited access.",
    "You have reached your limit of free articles",
    "Subscribe",
    "Subscribe for full access",
    "Click here to subscribe to our daily newsletter",
    "Sign up",
    "Sign up for our Europe newsletter",
    "Sign up for breaking news alerts",
    "Get our free daily newsletter",
    "Comments are closed",
    "Join the conversation",
    "Show comments (12)",
    "This site is protected by reCAPTCHA and the Google Privacy policy and Terms of service apply.",
    "© 2022 Sample Wire. All rights reserved.",
    "Copyright 2016 Sample Wire. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "All rights reserved. Republication or redistribution of this content is prohibited.",
    "Photo: Leonhard Foeger / Reuters",
    "Photo credit: Reuters",
    "(Reuters/Kim Kyung-Hoon)",
    "Image caption, Protesters outside the embassy",
    "Loading...",
    "Loading…",
    "Read more: How investigators traced the hacking back to Moscow",
    "Related: How Taiwan is courting Central Europe",
    "Tags: Chelsea, Roman Abramovich, sanctions",
    "Topics: Russia, Japan",
    "Reporting by Jane Doe; Editing by John Roe",
    "Published: 8 April 2022 10:32 GMT",
    "Download our app for the latest news",
    "By Jane Smith and Ali Khan, Associated Press",
    "FILE - Vladimir Putin at a meeting in Moscow, on Feb. 21, 2022. (AP Photo/Alexei Nikolsky)",
    "Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine",
    "___",
    "Ad Feedback",
    "https://example.org/world/story",
    "Published",
    "27 February 2022",
    "Thu 13 Apr 2023 14.02 BST",
    "December 18, 2023 3:52 PM GMT",
    "Image caption,",
    "Cookies Settings",
    "Strictly Necessary Cookies",
    "Manage Consent Preferences",
    "This website stores cookies on your computer.",
    "Sign In / Register",
    "Your account",
    "Join our commenting forum",
    "Want to bookmark your favourite articles? Start your Premium subscription today.",
    "Thank you for registering",
    "Please refresh the page or navigate to another page on the site to be logged in",
    "I would like to be emailed about offers, events and updates from Sample Wire",
    "Email address",
    "Submit",
    "Support truly independent journalism",
    "Our mission is to deliver unbiased, fact-based reporting that holds power to account.",
    "Whether $5 or $50, every contribution counts.",
    "Support us to deliver journalism without an agenda.",
    "Get the free Morning Headlines email for news from our reporters across the world",
    "{{ #verifyErrors }}{{ message }}{{ /verifyErrors }}Something went wrong.{{ /verifyErrors }}",
    # Rows of consent buttons, however they are separated.
    "Accept | Manage preferences",
    "Accept all  Reject all  Customize",
    "Agree and close",
    "I agree · Learn more",
    "Allow all  Deny",
    "Accept and continue  Manage options",
    "Yes, I accept  No, thanks",
    "OK, got it",
    # Newsletter promotions that name the newsletter and its schedule.
    "Newsletter sign-up: Morning Brief, every weekday",
    "Newsletter signup | The Europe Desk",
    "Get the Europe Desk newsletter every Monday",
    "Get the Europe Desk email alerts",
    "Receive our Business Desk briefing in your inbox every Friday.",
    "Sign up for Wire Daily, our daily briefing",
    "Sign up for First Edition, our free daily newsletter – every weekday at 7am",
    "The Download, our weekly newsletter on technology and power",
    "Join 30,000 readers who get our newsletter every morning",
    # Notes about the article: its series, its updates, where it first ran.
    "This article is part of our Ukraine war coverage",
    "This story is part of a series on sanctions and the global economy.",
    "This story has been updated",
    "This article has been updated with a statement from the Kremlin.",
    "This is a developing story and will be updated.",
    "This article was originally published by Sample Wire.",
    "Read our full coverage of the war in Ukraine",
    "Full coverage: Russia's war in Ukraine",
    # Ad slots, audio players, read times, share rows, credits and wire footers.
    "ADVERTISEMENT - SCROLL TO CONTINUE READING",
    "Article continues below this advertisement",
    "Listen to this article · 4 min",
    "Listen to this article 12 minutes",
    "Listen · 4:12",
    "Watch",
    "Play video",
    "5-minute read",
    "Reading time: 6 min",
    "3 hours ago",
    "Share on Facebook Share on X",
    "Share on Facebook  Share via Email  Copy link",
    "Share this article on LinkedIn",
    "Click here",
    "Click here to read more.",
    "Image source,Reuters",
    "Getty Images",
    "(Additional reporting by Jane Doe in London; Editing by Mark Heinrich).",
    "Reporting by Ali Khan in Islamabad and Maria de la Cruz in Madrid. Editing by Tom Roe",
    "Writing by Jane Doe; editing by John Roe and Sami Aboudi",
    "Our Standards: The Thomson Reuters Trust Principles.",
]


def raw(paragraphs: list[str], preamble: tuple[str, ...] = ()) -> RawArticle:
    return RawArticle(
        path="a.txt",
        raw_text="\n".join(paragraphs),
        title="Headline",
        dek=None,
        paragraphs=tuple(paragraphs),
        meta=ArticleMeta(source="Wire"),
        preamble_removed=preamble,
    )


def test_seed_loses_exactly_its_six_trailing_lines() -> None:
    article = read_article(SEED)
    cleaned = clean_article(article)
    assert cleaned.removed == article.paragraphs[-6:]
    assert cleaned.body == "\n\n".join(article.paragraphs[:-6])
    assert (cleaned.title, cleaned.dek, cleaned.meta) == (article.title, article.dek, article.meta)
    assert cleaned.raw_text == article.raw_text


@pytest.mark.parametrize("line", CHROME)
def test_chrome_goes_in_the_middle_of_a_story(line: str) -> None:
    cleaned = clean_article(raw([STORY[0], line, STORY[1], STORY[2]]))
    assert cleaned.removed == (line,)
    assert cleaned.body == "\n\n".join(STORY)


@pytest.mark.parametrize("line", TRICKY_CONTENT)
def test_story_lines_stay_wherever_they_stand(line: str) -> None:
    for paragraphs in (
        [line, *STORY],
        [STORY[0], line, *STORY[1:]],
        [*STORY, line],
        [*STORY, line, "Advertisement", "© 2022 Sample Wire"],
    ):
        cleaned = clean_article(raw(paragraphs))
        assert line in cleaned.body.split("\n\n"), paragraphs
        assert line not in cleaned.removed


def test_teaser_headlines_under_a_label_go_and_the_story_resumes() -> None:
    paragraphs = [
        STORY[0],
        "Related",
        "Chelsea fans fear for the season",
        "What a special licence means for the club",
        STORY[1],
        "Most read",
        "Five charts that explain the Russian economy",
        "Loading...",
        "Why the rouble matters",
    ]
    cleaned = clean_article(raw(paragraphs))
    assert cleaned.body == f"{STORY[0]}\n\n{STORY[1]}"
    assert cleaned.removed == tuple(p for p in paragraphs if p not in STORY)


def test_topic_lists_and_present_tense_teasers_go_too() -> None:
    paragraphs = [
        STORY[0],
        "Read Next",
        "Ukraine says it downed 20 drones overnight",
        "Explore more on these topics",
        "Russia",
        "news",
    ]
    cleaned = clean_article(raw(paragraphs))
    assert cleaned.body == STORY[0]


def test_a_caption_under_its_label_goes_but_a_sentence_stays() -> None:
    caption = "Russian travellers queue at the Narva border crossing in Estonia"
    cleaned = clean_article(raw([STORY[0], "Image caption,", caption, STORY[1]]))
    assert cleaned.removed == ("Image caption,", caption)
    sentence = clean_article(raw([STORY[0], "Image caption,", STORY[1]]))
    assert sentence.body == f"{STORY[0]}\n\n{STORY[1]}"


def test_a_label_followed_by_story_sentences_takes_none_of_them() -> None:
    cleaned = clean_article(raw(["Trending", STORY[0], STORY[2]]))
    assert cleaned.removed == ("Trending",)
    assert cleaned.body == f"{STORY[0]}\n\n{STORY[2]}"


def test_prompt_wording_goes_only_inside_the_trailing_chrome_block() -> None:
    # Worded like a prompt, but not shaped like one (no imperative, no label): trusted only at
    # the end of the page.
    prompt = "More than 30,000 readers get our newsletter every morning"
    at_end = clean_article(raw([*STORY, prompt, "© 2022 Sample Wire"]))
    assert at_end.removed == (prompt, "© 2022 Sample Wire")
    story_end = "The minister said she would write about the talks in her newsletter."
    last = clean_article(raw([*STORY, story_end]))
    assert last.removed == ()
    inside = clean_article(raw([STORY[0], prompt, *STORY[1:]]))
    assert prompt in inside.body


def test_a_trailing_block_of_promos_and_notes_goes_and_the_story_ends_whole() -> None:
    closing = [
        "This article is part of our Ukraine war coverage",
        "Reporting by Jane Doe in Kyiv; Editing by John Roe",
        "Newsletter sign-up: Morning Brief, every weekday",
        "More on this story",
        "Japan expels Russian diplomats in tit-for-tat move",
        "Get the Europe Desk newsletter every Monday",
        "This story has been updated",
    ]
    ending = "Part of the coverage focused on the border."
    cleaned = clean_article(raw([*STORY, ending, *closing]))
    assert cleaned.body == "\n\n".join([*STORY, ending])
    assert cleaned.removed == tuple(closing)


def test_ads_and_players_in_the_middle_of_a_markdown_story(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Japan expels diplomats\n\nListen to this article · 4 min\n\n5 min read\n\n"
        f"{STORY[0]}\nAdvertisement\n\nStory continues below advertisement\n\n{STORY[1]}\n\n"
        "Image source, Getty Images\n\nWatch: The convoy crosses the border\n\n"
        f"{STORY[2]}\n\n(Additional reporting by Jane Doe in London; Editing by Mark Heinrich).\n",
        encoding="utf-8",
    )
    cleaned = clean_article(read_article(path))
    assert cleaned.body == "\n\n".join(STORY)
    assert len(cleaned.removed) == 7


def test_removed_starts_with_the_preamble_and_keeps_order() -> None:
    cleaned = clean_article(
        raw([STORY[0], "Advertisement", STORY[1], "Print"], preamble=("Accept cookies",))
    )
    assert cleaned.removed == ("Accept cookies", "Advertisement", "Print")


def test_lines_of_one_markdown_paragraph_are_judged_one_by_one() -> None:
    mixed = (
        f"{STORY[0]}\nSign up for our Europe newsletter\n© 2022 Sample Wire. All rights reserved."
    )
    cleaned = clean_article(raw([mixed, STORY[1]]))
    assert cleaned.body == f"{STORY[0]}\n\n{STORY[1]}"
    assert cleaned.removed == (
        "Sign up for our Europe newsletter",
        "© 2022 Sample Wire. All rights reserved.",
    )
    wrapped = clean_article(raw(["The European Union adopted a package of\nsanctions on Friday."]))
    assert wrapped.body == "The European Union adopted a package of sanctions on Friday."


def test_markdown_sample_chrome_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: T\n---\n\nThe bloc acted on Friday.\n\n"
        "Read more: [Other story](https://example.org/x)\n\n"
        "* [Share on Facebook](https://example.org/fb)\n* [Print this article](https://x.org/p)\n\n"
        "_Subscribe to read unlimited articles._\n",
        encoding="utf-8",
    )
    cleaned = clean_article(read_article(path))
    assert cleaned.body == "The bloc acted on Friday."
    assert cleaned.removed == (
        "Read more: Other story",
        "Share on Facebook",
        "Print this article",
        "Subscribe to read unlimited articles.",
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(STORY + TRICKY_CONTENT), st.sampled_from(CHROME)),
        min_size=1,
        max_size=25,
    )
)
def test_cleaning_partitions_the_lines_and_never_drops_story(paragraphs: list[str]) -> None:
    cleaned = clean_article(raw(paragraphs))
    kept = cleaned.body.split("\n\n") if cleaned.body else []
    assert sorted(kept + list(cleaned.removed)) == sorted(paragraphs)
    story = set(STORY + TRICKY_CONTENT)
    assert [p for p in paragraphs if p in story] == [p for p in kept if p in story]
