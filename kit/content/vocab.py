"""Vocabularies shared by the whole kit: declared once here and looked up everywhere else."""

from typing import Literal

AudienceId = Literal[
    "upper-primary",
    "lower-secondary",
    "upper-secondary",
    "post-16",
    "adults",
    "parents-carers",
    "professionals",
]
AUDIENCES: tuple[str, ...] = AudienceId.__args__
# Audiences that are children in a classroom: sessions are classroom-sized, DSL told beforehand.
PUPIL_AUDIENCES: tuple[str, ...] = AUDIENCES[:4]
# The module every pupil plan starts with; it is never optional, and the presenter shows it as its own slide.
GROUND_RULES_MODULE = "ground-rules"

NationId = Literal["england", "scotland", "wales", "northern-ireland"]
NATIONS: tuple[str, ...] = NationId.__args__

Lang = Literal["en", "cy"]
LANGS: tuple[str, ...] = Lang.__args__
# What a document can be printed in: one language, or Welsh and English together (Welsh first).
PRINT_LANGS: tuple[str, ...] = ("en", "cy", "bilingual")

LinkStatus = Literal["ok", "verify"]

# The messages every handout must carry, checked by id (see audiences.yaml `required_messages`).
MessageId = Literal[
    "dont-pay",
    "stop-and-block",
    "keep-evidence",
    "report",
    "remove-images",
    "not-your-fault",
    "talk-to-someone",
    "spot-the-signs",
    "support-a-friend",
    "respond-to-disclosure",
    "crisis",  # if you feel overwhelmed or think about hurting yourself: who to call now
    "after-report",  # what happens after you report: who listens, what they do, who else they may tell
    "start-conversation",  # parents: how to open a conversation about it (questions to ask, what to say)
]
MESSAGES: tuple[str, ...] = MessageId.__args__

# Settings an officer delivers in; "assembly" is discouraged for pupils (CEOP Education guidance).
SETTINGS: tuple[str, ...] = ("classroom", "small-group", "assembly", "one-to-one", "online")
