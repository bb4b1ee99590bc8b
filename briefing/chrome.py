"""What page chrome looks like: the patterns that tell a line of a web page from a line of a story.

Shared by ``briefing.reading`` (site chrome above the headline) and ``briefing.cleaning`` (chrome
anywhere in the body). Every pattern matches a WHOLE line, after ``chrome_key`` has normalized it,
so that a story sentence that merely mentions "cookies" or "register" never matches. Lines are
matched case-insensitively, with curly quotes straightened and surrounding decoration (``*``,
``_``, bullets, dashes) removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
# Decoration a scraper or a Markdown author puts around a chrome line.
_DECORATION = " \t*_#>•·|-=~[]"
# Social networks and share targets, as they appear on share-button rows.
_NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|email|e-mail|mail|print"
    r"|flipboard|messenger|bluesky|threads|copy link|copy|link"
)


def chrome_key(line: str) -> str:
    """The form of a line that the patterns are written against."""
    text = unicodedata.normalize("NFKC", line).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip(_DECORATION)
    # A parenthesized credit or note, with or without a full stop after it.
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        text = text.rstrip(".")[1:-1].strip(_DECORATION)
    return text.casefold()


_WEEKDAY = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?"
_MONTH = (
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(uary|ruary|ch|il|e|y|ust|tember"
    r"|ober|ember)?"
)
_DATE = (
    rf"\d{{1,2}}(st|nd|rd|th)? {_MONTH}\.?,? \d{{4}}|{_MONTH}\.? \d{{1,2}}(st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
)


# Reported speech marks a story sentence ("Get the briefing out, she said").
_REPORTING = r"\b(said|says|say|told|tells|according to|wrote|writes)\b"


def _compile(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


# Lines that are chrome wherever they stand. One family per block; each pattern is fullmatched
# against chrome_key(line).
CHROME_PATTERNS: tuple[re.Pattern[str], ...] = _compile(
    [
        # Advertising slots and "continue below the ad" markers.
        r"(advertisement|advertising|advert|ad|sponsored( content)?|paid (post|content)|promoted)"
        r"( ?[-:|·]? ?(scroll|continue|story continues|article continues)\b.{0,40})?",
        r"(the )?(story|article|content|text) continues (below|after|underneath)( (this|the))?"
        r"( advertisement| ad| advert)?",
        r"scroll (down )?to continue( reading| with content)?",
        r"(skip|close) (this )?(advert|advertisement|ad)",
        r"((video )?ad feedback|promoted (stories|content|links)|around the web|supported by)",
        # Cookie and consent banners and their buttons.
        r"(we|this (web)?site|our (web)?site|this page) (use|uses|is using|stores|sets|places)"
        r" cookies\b.{0,300}",
        r"we care about your privacy\b.{0,300}",
        r"(strictly necessary|performance|functional|targeting|analytics|marketing|advertising"
        r"|social media) cookies",
        r"(always active|confirm my choices|privacy preference cent(er|re)|vendor list"
        r"|cookie list)",
        r"by (continuing|using this (web)?site|browsing).{0,120}\bcookies\b.{0,200}",
        r"(accept|allow|reject|decline|refuse)( all| essential| necessary| optional)?( cookies)?",
        r"(manage|customi[sz]e|change)( your)?( cookie| privacy| consent)?"
        r" (preferences|settings|choices|cookies|options)",
        r"cookies? (settings|preferences|policy|notice|consent)",
        r"(privacy|cookie) (policy|notice|settings)( \| (privacy|cookie|terms).{0,40})?",
        r"cookies on (the |this )?.{0,40}(website|site)",
        r"(we value |your )privacy( choices| matters| settings)?",
        r"we and our (\d+ )?(partners|vendors)\b.{0,400}",
        r"do not sell( or share)? my personal information",
        r"(i )?(accept|agree)( all)?( and (continue|close|subscribe))?|(ok,? )?got it|i agree|ok",
        r"terms (of (use|service)|and conditions)( \| .{0,60})?",
        r"privacy notice: .{0,300}",
        # Navigation: skip links, menus, breadcrumbs ("World > Europe"), nav rows ("Home | News").
        r"skip to (main )?(content|navigation|search|footer|main content)",
        r"(menu|main menu|open menu|close menu|search|home|back to top|jump to|toggle navigation"
        r"|show more|see more|load more|next article|previous article|contact us|about us"
        r"|report an error|feedback|corrections|reuse this content|opens in (a )?new (window|tab))",
        r"[\w'&. ]{1,25}( > [\w'&. ]{1,25}){1,5}",
        r"[\w'&. ]{1,25}( \| [\w'&. ]{1,25}){2,12}",
        # Share, print and social buttons, alone or in a row ("Facebook Twitter Email").
        rf"(share|share this( article| story| page| post)?|share (on|via|to) ({_NETWORKS}))",
        rf"({_NETWORKS})(( |, | \| )({_NETWORKS})){{0,8}}",
        rf"share( (this|the) (article|story|page|post))?( (on|via|to|with))? ({_NETWORKS})"
        rf"( ?[,|·]? ?(share( (on|via|to|with))? )?({_NETWORKS})){{1,8}}",
        rf"share (this|the) (article|story|page|post) (on|via|to|with) ({_NETWORKS})",
        r"(tweet|print|print this( article| page| story)?|email this( article| story)?"
        r"|save( article)?|copy link|bookmark|gift (this )?article)",
        # Audio and video players: "Listen to this article · 4 min", "Watch", "Play video".
        r"(listen|listen to (this|the) (article|story)|listen now|play (audio|video)|watch( now"
        r"| live| video| the video)?)( ?[·|:,-]? ?\d{1,2}([:.]\d{2})? ?(min|mins|minutes?)?"
        r"( listen)?)?",
        r"follow (us|@\w+)( on [\w ,&]{1,60})?\.?",
        r"follow [\w .'&-]{1,40} on (twitter|facebook|instagram|x|telegram|youtube|tiktok|linkedin"
        r"|whatsapp|threads|bluesky)\b.{0,80}",
        r"follow [\w.'&-]{1,20}('s)? (live )?coverage\b.{0,200}",
        r"(click|tap) to share on .{1,40}",
        r".{0,80}\((opens|open) in (a )?new (window|tab)\)",
        r"acquire licensing rights.{0,40}",
        # Registration, paywall and sign-in prompts.
        r"register (for free|now|here|today|to (continue|read|keep reading|comment)"
        r"|for an account)\b.{0,200}",
        r"registration is (free|a free)\b.{0,200}",
        r"by registering\b.{0,300}",
        r"by clicking\b.{0,200}\byou (agree|confirm|accept|consent)\b.{0,300}",
        r"already (have an account|a subscriber|registered|a member|subscribed)\??.{0,80}",
        r"(sign|log) ?(in|on|out)( here| now| to (continue|read|comment).{0,80})?\.?",
        r"((sign|log) ?(in|up|out)|register|subscribe|(my|your) account)"
        r"( ?(/|\||or|and) ?((sign|log) ?(in|up|out)|register|subscribe|(my|your) account))+",
        r"(my|your) account",
        r"join our .{0,40}(forum|community|commenting|discussion).{0,80}",
        r"(create|open) (a |an |your )?(free )?account\b.{0,120}",
        r"(please )?(register|sign in|log in|subscribe) to (continue|keep|read|access|comment)"
        r"\b.{0,120}",
        r"(continue|keep) reading( (for|with|by) .{0,80})?\.?",
        r"to (continue|keep) reading,? .{0,150}",
        r"this (article|content|story|page) is (only )?(for|available (only )?to|reserved for)"
        r" (subscribers|members|premium|registered).{0,150}",
        r"this (article|content|story) is free to read\b.{0,150}",
        r"you('ve| have) (reached|used) (your|the|all( of)? your) (limit|maximum|free)\b.{0,150}",
        r"(start|begin|try) (your |a )?free trial\b.{0,120}",
        r"(unlock|get) (this article|unlimited|full|premium) (access|articles|content)?.{0,120}",
        r"subscribe( now| today| here)?( (to|for) .{0,120})?[.!]?",
        r"(become|already) a (subscriber|member)\b.{0,120}",
        r"(support|fund) (our |truly |independent |quality |trusted )+journalism\b.{0,160}",
        r"our mission is\b.{0,250}",
        r"whether .{1,20} or .{1,20}, every contribution counts\b.{0,100}",
        r"support us( to| in| by)?\b.{0,150}",
        r"(editor|editor-in-chief|executive editor|deputy editor)",
        # Template placeholders left in a scraped page ("{{ message }}").
        r".{0,200}\{\{.{0,200}\}\}.{0,300}",
        r"something went wrong\.? please try again( later)?\.?",
        r"join (thought-provoking|the) conversations?\b.{0,150}",
        r"to read (this|the full|the rest of this|the whole) (article|story)\b.{0,120}",
        r"want to read (more|the full story|the rest)\??.{0,80}",
        r"read (the )?(full|whole) (story|article)\.?",
        r"cancel (at )?any ?time\.?",
        r".{0,200}\b(start|begin) your .{0,40}subscription\b.{0,80}",
        r"thank you for (registering|subscribing|signing up)\b.{0,200}",
        r"please refresh (the|your) (page|browser)\b.{0,200}",
        r"read our (privacy|cookie) (notice|policy)\.?",
        r".{0,160}\bwhen you (buy|purchase|shop) (something )?(through|via|using) (links|our links)"
        r"\b.{0,200}",
        # Sign-up form fields and buttons.
        r"(email address|e-mail address|password|first name|last name|submit|continue"
        r"|enter your email( address)?|please enter a valid email( address)?)\.?",
        r"i would like to be (emailed|contacted|notified|kept informed)\b.{0,200}",
        r"(click|tap) here( (to|for) .{0,150}|[.!])?",
        # Newsletter and alert sign-ups.
        r"sign ?up( now| today| here)?[.!]?",
        r"sign ?up( now| today)? (for|to) .{0,100}(newsletter|alerts?|updates|emails?|briefing"
        r"|digest|bulletin)\b.{0,60}",
        r"(get|receive|subscribe to) (our|the free|a free|free)\b.{0,60}"
        r"(newsletter|alerts?|briefing|digest|emails?)"
        r"\b.{0,80}",
        r".{0,40}\b(our|free|daily|weekly|morning|evening)\b.{0,30}\bnewsletters?[.!]?",
        r"(email |e-mail |daily |weekly |free )?newsletters?( sign ?-?up)?",
        r"after newsletter promotion",
        # A named newsletter with its schedule: "Newsletter sign-up: First Edition, every
        # weekday", "Get the Europe Desk newsletter every Monday", "Sign up for Wire Daily, our
        # morning briefing". Imperative or label-shaped, never reported speech.
        r"newsletters? (sign ?-?up|signup|alerts?)s?\s*[:|-]\s*.{1,150}",
        r"newsletter\s*:\s*.{1,150}",
        rf"(?!.*{_REPORTING})(get|receive|join|try|read|don't miss|never miss|sign ?up (for|to)"
        r"|subscribe to)( (the|our|a))? .{0,80}\b(newsletters?|briefings?|digest|bulletin"
        r"|e-?mail (alerts?|updates|briefings?))\b.{0,120}",
        rf"(?!.*{_REPORTING})[\w' .&-]{{1,60}}, our ([\w-]+ ){{0,3}}(newsletter|briefing"
        r"|digest|bulletin|podcast)\b.{0,120}",
        # Notes about the article itself: the series it belongs to, its updates, where it ran.
        r"this (article|story|piece|feature|explainer|post|page|content) (is|forms|was) (a )?part"
        r" of .{1,200}",
        r"this (article|story|piece|post|page|live blog|blog) (has been|was|is being|will be|is)"
        r" (updated|corrected|amended|expanded|revised|refiled)\b.{0,200}",
        r"this (is a )?(developing|breaking)( news)? story\b.{0,150}|(developing|breaking)"
        r" story",
        r"this (article|story|piece) (was )?(originally |first )?(appeared|published|ran"
        r"|posted)\b.{0,200}",
        r"(read|see|follow|get|find|explore) (all )?(of )?our (full |latest |live |complete"
        r" |ongoing )*(coverage|reporting)\b.{0,150}",
        r"(more|full|further|latest|live|related|complete) coverage( of [\w' -]{1,60})?"
        r"(\s*[:|>]\s*.{1,120}|:)?",
        # Comment sections.
        r"comments? (are|have been) (closed|disabled|turned off|switched off)\.?",
        r"join the (conversation|discussion|debate)[.!]?",
        r"((show|view|read|load|hide|see) )?(all )?\d* ?comments?( \(\d+\))?",
        r"(leave|post|add) a (comment|reply)\.?",
        r"be the first to comment\.?",
        # reCAPTCHA and form notices.
        r".{0,80}\bprotected by recaptcha\b.{0,200}",
        # Copyright and redistribution notices.
        r"(©|\(c\)|copyright ©?\s*\d{4}|copyright ©).{0,250}",
        r".{0,120}\ball rights reserved\b.{0,250}",
        r"this (material|article|content|story) (may|must) not be (published|reproduced|copied"
        r"|redistributed|republished).{0,200}",
        r".{0,120}\b(republication|redistribution|reproduction)\b.{0,120}\b(prohibited|forbidden"
        r"|not permitted)\b.{0,120}",
        # Photo and video credits and captions.
        r"(photo|photograph|picture|image|video|file photo|pic|illustration)s?( credit| source"
        r"| caption)?s?\s*:\s*.{1,160}",
        r"(image (source|caption|credit)|media caption)((, ?|: ?| ).{1,160}|,)?",
        r"(credit|source|caption|pictured)\s*:\s*.{1,120}",
        # A caption ending in its credit: "... on Feb. 21. (AP Photo/Alexander Zemlianichenko)".
        r".{0,400}\((ap photo|reuters|afp|epa|getty images|photo by|photo|file photo|anadolu"
        r"|xinhua|bloomberg)[^()]{0,80}/[^()]{1,80}\)\.?",
        r"\(?(reuters|afp|ap|epa|getty images|ap photo|anadolu|xinhua|bloomberg)"
        r"( ?/ ?[\w .'-]{1,40})?\)?",
        r"\(?[\w .'-]{1,40} ?/ ?(reuters|afp|ap|epa|getty images|ap photo|anadolu|xinhua|bloomberg)"
        r"( via getty images)?\)?",
        # A caption that ends in its credit: "... (Image: Getty)", "... [File: Reuters]",
        # "... Credit: Getty - Contributor", "Jane Doe | Getty Images".
        r".{1,300}[(\[](image|photo|picture|pic|credit|file|source|illustration)s?: ?"
        r"[^()\[\]]{1,60}[)\]]\.?",
        r".{1,300}[.)]? (image |photo |picture )?credit: [^.]{1,60}",
        r"[\w .'-]{1,40} ?[|/] ?(getty( images)?|shutterstock|alamy|istock|ap|afp|reuters|epa"
        r"|xinhua|anadolu|bloomberg|nasa|[\w]+ photos?)( via [\w .]{1,30})?",
        # Loading placeholders.
        r"(loading|loading\.\.\.|please wait\.*|loading comments\.*)",
        # Wire agency standards footers (the credits are judged by _is_wire_credit).
        r"our standards: .{0,120}",
        # Time stamps of the page, not of the story.
        r"(published|updated|last updated|first published|posted)( on| at)?:? ((mon|tue|wed|thu|fri"
        r"|sat|sun)\w*,? )?(\d{1,2}[ /.-]\w{1,9}[ /.-]\d{2,4}|[a-z]{3,9}\.? \d{1,2},? \d{4}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}).{0,40}",
        r"((estimated )?(read(ing)? time):? ?)?\d+[- ]?(min|mins|minute|minutes) read",
        r"(estimated )?(read(ing)? time):? ?\d+[- ]?(min|mins|minute|minutes)",
        r"((updated|published|posted) )?\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
        r" ago",
        r"(published|updated|last updated|posted|first published)",
        # A bare date or time stamp: "Thu 13 Apr 2023 14.02 BST", "December 18, 2023 3:52 PM".
        rf"({_WEEKDAY}\.?,? )?({_DATE})(,? (at )?\d{{1,2}}[:.]\d{{2}}( ?[ap]\.?m\.?)?"
        r"( [a-z]{2,5})?)?( ?(updated|last updated) .{0,30})?",
        r"write to [\w .'-]{1,60} at \S+@\S+",
        # A bare address: a link or an email, not a sentence.
        r"(https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+",
        # App prompts.
        r"(download|get) (our|the) (free )?app\b.{0,100}",
        r"open in (the )?app",
        # Tag and topic lists.
        r"(tags?|topics?|filed under|categories|related topics|keywords)\s*:\s*.{1,250}",
    ]
)

# One button of a consent banner; a row of them ("Accept all  Reject all  Customize",
# "Accept | Manage preferences", "Yes, I accept · No, thanks") is chrome as a whole.
_CONSENT_BUTTON = (
    r"((yes,? )?(i )?(accept|agree|allow|reject|decline|refuse|deny|consent|disagree)( to)?"
    r"( all| essential| necessary| optional| selected| only necessary| only essential)?"
    r"( cookies)?( and (continue|close|proceed|subscribe))?"
    r"|(manage|customi[sz]e|change|adjust|review|edit|set)( my| your)?( cookie| privacy| consent"
    r"| data)?( preferences| settings| choices| options| cookies| consent| partners| vendors)?"
    r"|(cookie |privacy |consent )?(settings|preferences|options|choices)"
    r"|learn more|more info(rmation)?|more options|show (details|purposes|vendors|partners)"
    r"|(see |view )?(our )?(partners|vendors)|details|privacy policy|cookie policy"
    r"|(ok|okay)(,? got it)?|got it|close|dismiss|no,? thanks|no thank you"
    r"|continue( without (accepting|agreeing|consenting))?"
    r"|save( (and|&) (exit|close))?( (my )?(preferences|settings|choices))?"
    r"|confirm( my)?( choices| selection)?)"
)
CONSENT_BUTTON_ROW: re.Pattern[str] = re.compile(
    rf"{_CONSENT_BUTTON}( ?[|·•/,]? ?{_CONSENT_BUTTON}){{1,5}}"
)
_CONSENT_VERB = re.compile(r"\b(accept|agree|allow|reject|decline|refuse|deny|consent|cookies?)\b")


# A label that introduces links to other stories; the lines right after it that look like
# headlines are teasers too.
TEASER_LABEL: re.Pattern[str] = re.compile(
    r"(read more|related|related (articles|stories|content|coverage|news|topics)|most read"
    r"|most popular|most viewed|popular|trending|trending now|recommended|recommended for you"
    r"|you may also like|you might also like"
    r"|more (stories|news|on this story|from [\w ]{1,30}|on [\w' -]{1,40})"
    r"|see also|also read|read also|read next|up next|top stories|latest( news)?"
    r"|editor's picks|more to read|what to read next|explore more on these topics|don't miss"
    r"|most (read|popular|viewed|shared)( in [\w ]{1,20})?|latest stories|more videos"
    r"|related (articles?|videos?|content)|suggested topics|elsewhere on [\w ]{1,20}"
    r"|related topics|topics|more on these topics|more about|popular videos)\s*:?"
)
# A caption label standing alone; the caption itself is the next line.
CAPTION_LABEL: re.Pattern[str] = re.compile(r"(image|media|photo|video) caption,?|caption:?")
# "Read more: <headline>" on one line.
INLINE_TEASER: re.Pattern[str] = re.compile(
    r"(read more|related|see also|also read|read also|read next|more from [\w ]{1,30}|most read"
    r"|trending|recommended|watch|listen|explainer|factbox"
    r"|more on this|up next)\s*[:|>-]\s*.{3,160}"
    r"|related (article|video|content)\b.{3,160}"
)
# Words that mark a line at the very end of an article as page chrome rather than story. Used
# only on the trailing block (see briefing.cleaning), never on lines inside the story.
TRAILING_CHROME_WORDS: re.Pattern[str] = re.compile(
    r"\b(sign(ed)? ?(up|in)|log ?in|subscri(be|ber|bers|ption|ptions)|newsletters?"
    r"|registering|registration is|register (for|now|here|today|to)"
    r"|premium (articles|content|access)"
    r"|unlimited (access|articles)"
    r"|privacy (policy|notice)|cookie (policy|settings|preferences)|terms (of|and) (use|service"
    r"|conditions)|recaptcha|all rights reserved|copyright|download (our|the) app|follow us"
    r"|(support|fund) (our|independent|quality) journalism|free (trial|articles)|paywall"
    r"|your inbox|exclusive (newsletters|offers|events))\b"
)


# A byline: "By Jane Smith and Ali Khan, Associated Press". Matched on the line as written,
# since the capitals are what tell names from "By Friday, the bloc had agreed ...".
_NAME = (
    r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|der|den|van|von|al|el|bin|ibn|da|di|du|dos|das|del"
    r"|la|le|ter))*"
)
BYLINE: re.Pattern[str] = re.compile(
    rf"(?:By|BY|Words by|Written by) {_NAME}(?:(?:,| and| &) {_NAME})*"
    rf"(?:,? (?:in|for|at) {_NAME})?(?: \| .{{0,40}})?"
)
MAX_BYLINE_CHARS = 100


def is_chrome(line: str) -> bool:
    """True when the whole line is page chrome by its shape alone."""
    key = chrome_key(line)
    if not key:
        # Nothing but decoration ("___", "* * *", "•"): a separator, not text.
        return bool(line.strip())
    if any(p.fullmatch(key) for p in CHROME_PATTERNS) or INLINE_TEASER.fullmatch(key):
        return True
    if CONSENT_BUTTON_ROW.fullmatch(key) and _CONSENT_VERB.search(key):
        return True
    text = " ".join(line.split())
    return (len(text) <= MAX_BYLINE_CHARS and bool(BYLINE.fullmatch(text))) or _is_wire_credit(text)


_CREDIT_ROLE = (
    r"(?:additional |with |with additional )?(?:reporting|writing|editing|compiled|research"
    r"|fact-checking|graphics)(?: and (?:reporting|writing|editing))? by "
)
_CREDIT_SEGMENT_BREAK = re.compile(rf"\s*;\s*|\.\s+(?={_CREDIT_ROLE})", re.IGNORECASE)
_CREDIT_ROLE_START = re.compile(_CREDIT_ROLE, re.IGNORECASE)
# Words that join the names and places of a credit line; everything else in it is capitalized.
_CREDIT_JOINERS = frozenset(
    {"and", "in", "at", "from", "for", "with", "&", "de", "der", "den", "van", "von", "al", "el"}
    | {"bin", "da", "di", "du", "dos", "das", "del", "la", "le"}
)


def _is_wire_credit(text: str) -> bool:
    """A wire credit line: "Reporting by Jane Doe in Kyiv; Editing by John Roe", perhaps in
    parentheses. Only names and places follow each "by", so "Reporting by state media suggested
    the talks had failed" is a story sentence."""
    text = text.strip()
    if text.startswith("(") and text.rstrip(".").endswith(")"):
        text = text.rstrip(".")[1:-1]
    segments = _CREDIT_SEGMENT_BREAK.split(text.rstrip(". "))
    if len(text) > 300 or not segments:
        return False
    for segment in segments:
        role = _CREDIT_ROLE_START.match(segment)
        if not role:
            return False
        words = re.findall(r"[^\s,]+", segment[role.end() :])
        if not words or not all(w[0].isupper() or w.lower() in _CREDIT_JOINERS for w in words):
            return False
    return True


def is_teaser_label(line: str) -> bool:
    return bool(TEASER_LABEL.fullmatch(chrome_key(line)))


def is_caption_label(line: str) -> bool:
    return bool(CAPTION_LABEL.fullmatch(chrome_key(line)))


# Chrome speaks to the reader ("your inbox", "our journalism"); a story speaks about others.
_READER_ADDRESS = re.compile(r"\b(you|your|yours|our|us)\b")
# "US" and "U.S." are the United States, not the reader: only a lower-case "us" addresses them.
_STATE_US = re.compile(r"\bU\.?S\.?(?![\w.])")


def _addresses_reader(line: str, key: str) -> bool:
    """Whether a line speaks to the reader ("you", "your", "our", "us"), not of the US."""
    return bool(_READER_ADDRESS.search(key)) and bool(
        _READER_ADDRESS.search(chrome_key(_STATE_US.sub(" ", line)))
    )


_REPORTED_SPEECH = re.compile(_REPORTING)


def is_prompt_worded(line: str) -> bool:
    """Whether a line talks to the reader in the vocabulary of sign-up and legal prompts.

    Weaker evidence than ``is_chrome``: the cleaner trusts it only at the end of a page.
    """
    key = chrome_key(line)
    return (
        bool(TRAILING_CHROME_WORDS.search(key))
        and _addresses_reader(line, key)
        and not _REPORTED_SPEECH.search(key)
        and key[:1] not in "\"'"
    )


_CONSENT_WORDS = re.compile(
    r"\b(cookies?|consent|privacy|personal (data|information)|tracking technologies|our partners"
    r"|your (device|browser|data))\b"
)


def is_consent_notice(line: str) -> bool:
    """Whether a line speaks to the reader about cookies, consent or privacy.

    Weaker evidence than ``is_chrome``: the reader trusts it only above the headline, where a
    story sentence cannot stand.
    """
    key = chrome_key(line)
    return (
        bool(_CONSENT_WORDS.search(key))
        and _addresses_reader(line, key)
        and not _REPORTED_SPEECH.search(key)
        and key[:1] not in "\"'"
    )


# English function words: prose is full of them, menus and headlines of names have few. The
# share of them in a line is one of the signs that tell a paragraph of the story from chrome.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves ago already although among another around away back became become been cannot
    despite either else even ever every however instead last less many may might much must
    neither never next often once per perhaps rather since still though thus together toward
    towards upon us whether within without yet said says say told according one two three new
    like well made make many first
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


# The header of a reader's comment: "jdoe says:", "Jane Doe on March 3, 2019 at 9:47 am".
COMMENT_HEADER: re.Pattern[str] = re.compile(
    r"[^\s].{0,40} (says|said|wrote|writes|commented)( on .{1,40})?:"
    rf"|[^\s].{{0,40}} (on )?({_DATE})( (at|-|,|@) ?\d{{1,2}}[:.]\d{{2}}( ?[ap]\.?m\.?)?)?"
)


def is_comment_header(line: str) -> bool:
    # "— Jane Doe (@jdoe) March 3, 2019" signs an embedded post quoted in the story.
    text = line.strip()
    return not text.startswith(("—", "–", "-")) and bool(COMMENT_HEADER.fullmatch(chrome_key(text)))


# What stands around readers' comments: their count, the reply and report buttons, the form.
COMMENT_MARKER: re.Pattern[str] = re.compile(
    r"(reply|report|report abuse|flag|\d+ (likes?|replies|repl(y|ies)))( ↓)?"
    r"|(\d+|no|one) (comments?|responses?|thoughts? on .{1,120})|comments?( \(\d+\))?"
    r"|leave a (comment|reply)( cancel reply)?|(post|add) a comment"
)


def is_comment_marker(line: str) -> bool:
    return bool(COMMENT_MARKER.fullmatch(chrome_key(line)))
