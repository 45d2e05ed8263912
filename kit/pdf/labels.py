"""The fixed words the documents print (headings, instructions, the letter), in English and Welsh.

Welsh strings here are drafts until a Welsh speaker approves them, like the library's own
(cy_review: draft); the lesson plan's Welsh-draft notice covers them too.
"""

from __future__ import annotations

import datetime as dt
import re

LABELS: dict[str, dict[str, str]] = {
    "lesson-plan": {"en": "Lesson plan", "cy": "Cynllun gwers"},
    "handout": {"en": "Handout", "cy": "Taflen"},
    "quiz": {"en": "Quiz", "cy": "Cwis"},
    "answer-key": {"en": "Quiz answers", "cy": "Atebion y cwis"},
    "cards": {"en": "Pocket cards", "cy": "Cardiau poced"},
    "poster": {"en": "Poster", "cy": "Poster"},
    "parent-letter": {"en": "Letter to parents and carers", "cy": "Llythyr i rieni a gofalwyr"},
    "letter-invite": {"en": "Invitation for parents and carers", "cy": "Gwahoddiad i rieni a gofalwyr"},
    "letter-staff": {"en": "Staff briefing", "cy": "Nodyn briffio i staff"},
    "letter-community": {"en": "Note about the session", "cy": "Nodyn am y sesiwn"},
    "pack": {"en": "Session pack", "cy": "Pecyn sesiwn"},
    "answer-cards": {"en": "Answer cards", "cy": "Cardiau ateb"},
    "teacher-sheet": {"en": "Before and after the visit: for the class teacher",
                      "cy": "Cyn ac ar ôl yr ymweliad: i athro'r dosbarth"},
    "teacher-before": {"en": "Before the visit: a 10-minute lead-in", "cy": "Cyn yr ymweliad: cyflwyniad 10 munud"},
    "teacher-after": {"en": "After the visit: follow-up", "cy": "Ar ôl yr ymweliad: gwaith dilynol"},
    "teacher-tells": {"en": "If a pupil tells you something", "cy": "Os yw disgybl yn dweud rhywbeth wrthych chi"},
    "teacher-none": {"en": "This audience has no class teacher activities in the library: share the lesson "
                           "plan and the signposting below.",
                     "cy": "Does dim gweithgareddau i athro'r dosbarth yn y llyfrgell ar gyfer y gynulleidfa "
                           "hon: rhannwch y cynllun gwers a'r cyfeirio isod."},
    "card-number": {"en": "Card {n} of {total}", "cy": "Cerdyn {n} o {total}"},
    "answer-cards-note": {"en": "Cut on the dashed lines. Hold up your answer. No names.",
                          "cy": "Torra ar y llinellau. Dal dy ateb i fyny. Dim enwau."},
    "checked": {"en": "Advice checked on {date}", "cy": "Cyngor wedi'i wirio ar {date}"},
    "page": {"en": "Page {n} of {total}", "cy": "Tudalen {n} o {total}"},
    "now": {"en": "What to do if it's happening now", "cy": "Beth i'w wneud os yw'n digwydd nawr"},
    "help": {"en": "Who can help", "cy": "Pwy sy'n gallu helpu"},
    "starts": {"en": "How it usually starts", "cy": "Sut mae'n dechrau fel arfer"},
    "conversation": {"en": "Starting the conversation", "cy": "Dechrau'r sgwrs"},
    "friend": {"en": "Helping a friend", "cy": "Helpu ffrind"},
    "child-tells": {"en": "If your child tells you", "cy": "Os yw eich plentyn yn dweud wrthych chi"},
    "after-report": {"en": "What happens after you report", "cy": "Beth sy'n digwydd ar ôl rhoi gwybod"},
    "crisis": {"en": "If you feel you can't cope", "cy": "Os wyt ti'n teimlo na alli di ymdopi"},
    "crisis-adult": {"en": "In a crisis, get help now", "cy": "Mewn argyfwng, mynnwch help nawr"},
    "talk-to": {"en": "Who I can talk to", "cy": "Pwy galla i siarad â nhw"},
    "talk-to-prompt": {"en": "Write the names of two adults you trust.",
                       "cy": "Ysgrifenna enwau dau oedolyn rwyt ti'n ymddiried ynddyn nhw."},
    # Still read by the teacher's sheet and the presenter's slides; the handout, poster and cards
    # print the audience's own last words from the library (audiences.yaml print_words).
    "not-fault": {"en": "It is not your fault. Tell someone.",
                  "cy": "Nid dy fai di yw e. Dyweda wrth rywun."},
    # The reader asks a person, not an organisation's name (by default the kit's own, which nobody can ask).
    "accessible": {"en": "Need another format? Ask the person who gave you this for the accessible web page version.",
                   "cy": "Angen fformat arall? Gofynnwch i'r sawl a roddodd hwn i chi am y fersiwn tudalen we "
                         "hygyrch."},
    "scan": {"en": "Scan with a phone camera", "cy": "Sganiwch gyda chamera ffôn"},
    # Nouns, not the informal imperative (Ffonia, Tecstia): the same words suit a pupil's "ti" and a
    # parent's or colleague's "chi".
    "call": {"en": "Call {number}", "cy": "Ffôn {number}"},
    "text": {"en": "Text {number}", "cy": "Tecst {number}"},
    "before-after": {"en": "Tick one:", "cy": "Ticia un:"},
    "before": {"en": "Before the lesson", "cy": "Cyn y wers"},
    "after": {"en": "After the lesson", "cy": "Ar ôl y wers"},
    "no-names": {"en": "Do not write your name on this sheet.",
                 "cy": "Paid ag ysgrifennu dy enw ar y daflen hon."},
    "true": {"en": "True", "cy": "Gwir"},
    "false": {"en": "False", "cy": "Anwir"},
    "answer": {"en": "Answer", "cy": "Ateb"},
    # The letter to parents and carers (formal Welsh, "chi").
    "dear-home": {"en": "Dear parent or carer,", "cy": "Annwyl riant neu ofalwr,"},
    "dear-invite": {"en": "Dear parent or carer,", "cy": "Annwyl riant neu ofalwr,"},
    "dear-staff": {"en": "Dear colleague,", "cy": "Annwyl gydweithiwr,"},
    "dear-community": {"en": "Hello,", "cy": "Helo,"},
    "at": {"en": " at {place}", "cy": " yn {place}"},
    "on": {"en": " on {date}", "cy": " ar {date}"},
    "intro-home": {"en": "Your child's class will have a lesson about staying safe online{when}, led by "
                         "{who}: “{title}”. We are writing so that you know what it covers and can talk "
                         "about it at home.",
                   "cy": "Bydd dosbarth eich plentyn yn cael gwers am gadw'n ddiogel ar-lein{when}, dan "
                         "arweiniad {who}: “{title}”. Rydyn ni'n ysgrifennu er mwyn i chi wybod beth mae'n "
                         "ei gynnwys a gallu siarad amdani gartref."},
    "intro-invite": {"en": "You are invited to a session for parents and carers about keeping children "
                           "safe from online blackmail{when}, led by {who}: “{title}”.",
                     "cy": "Rydych chi'n cael eich gwahodd i sesiwn i rieni a gofalwyr am gadw plant yn "
                           "ddiogel rhag blacmel ar-lein{when}, dan arweiniad {who}: “{title}”."},
    "intro-staff": {"en": "This briefing goes with a session for staff about online blackmail of young "
                          "people{when}, led by {who}: “{title}”.",
                    "cy": "Mae'r nodyn hwn yn mynd gyda sesiwn i staff am flacmel ar-lein pobl ifanc{when}, "
                          "dan arweiniad {who}: “{title}”."},
    "intro-community": {"en": "A note about a community session on staying safe from online blackmail{when}, "
                              "led by {who}: “{title}”.",
                        "cy": "Nodyn am sesiwn gymunedol ar gadw'n ddiogel rhag blacmel ar-lein{when}, dan "
                              "arweiniad {who}: “{title}”."},
    "if-told": {"en": "If a young person tells you", "cy": "Os yw person ifanc yn dweud wrthych"},
    "questions-home": {"en": "If you have any questions about the lesson, please contact the school.",
                       "cy": "Os oes gennych unrhyw gwestiynau am y wers, cysylltwch â'r ysgol."},
    "questions-invite": {"en": "If you have any questions about the session, please contact the school.",
                         "cy": "Os oes gennych unrhyw gwestiynau am y sesiwn, cysylltwch â'r ysgol."},
    "questions-staff": {"en": "Talk to your safeguarding lead about anything in this briefing.",
                        "cy": "Siaradwch â'ch arweinydd diogelu am unrhyw beth yn y nodyn hwn."},
    "questions-community": {"en": "If you have any questions, please ask us at the session.",
                            "cy": "Os oes gennych unrhyw gwestiynau, gofynnwch i ni yn y sesiwn."},
    "covers": {"en": "What the lesson covers", "cy": "Beth mae'r wers yn ei gynnwys"},
    "covers-session": {"en": "What the session covers", "cy": "Beth mae'r sesiwn yn ei gynnwys"},
    "talk": {"en": "Talking about it without blame", "cy": "Siarad am y peth heb feio"},
    "where-help": {"en": "Where to get help", "cy": "Ble i gael help"},
    "crisis-parent": {"en": "If your child seems overwhelmed or talks about hurting themselves, get help now, "
                            "day or night: 999 in danger, or a helpline below.",
                      "cy": "Os yw eich plentyn wedi'i lethu neu'n sôn am ei frifo ei hun, cewch help nawr, "
                            "ddydd neu nos: 999 mewn perygl, neu linell gymorth isod."},
    "sincerely": {"en": "Yours sincerely,", "cy": "Yn gywir,"},
    "signed": {"en": "Signed", "cy": "Llofnod"},
    "officer": {"en": "your local police schools officer", "cy": "swyddog ysgolion yr heddlu lleol"},
    "name-role": {"en": "Name and role", "cy": "Enw a rôl"},
    # The lesson plan (officer and teacher).
    "for-staff": {"en": "For the officer and teacher", "cy": "I'r swyddog a'r athro"},
    "audience": {"en": "Audience", "cy": "Cynulleidfa"},
    "years": {"en": "School years", "cy": "Blynyddoedd ysgol"},
    "nation": {"en": "Nation", "cy": "Gwlad"},
    "length": {"en": "Length", "cy": "Hyd"},
    "minutes": {"en": "{n} minutes", "cy": "{n} munud"},
    "date": {"en": "Date", "cy": "Dyddiad"},
    "school": {"en": "School", "cy": "Ysgol"},
    "group": {"en": "Group size", "cy": "Maint y grŵp"},
    "setting": {"en": "Setting", "cy": "Lleoliad"},
    "check": {"en": "Check before printing", "cy": "Gwirio cyn argraffu"},
    "check-link": {"en": "No stored official page confirms this yet: open it and check it still "
                          "works before a print run.",
                   "cy": "Does dim tudalen swyddogol wedi'i chadw yn cadarnhau hyn eto: agorwch hi a "
                         "gwiriwch ei bod yn dal i weithio cyn argraffu."},
    "drafts": {"en": "Some Welsh text in this session is a draft that a Welsh speaker has not yet "
                     "approved. Read it before you print or use it.",
               "cy": "Mae peth o'r testun Cymraeg yn y sesiwn hon yn ddrafft nad yw siaradwr Cymraeg "
                     "wedi'i gymeradwyo eto. Darllenwch ef cyn ei argraffu neu ei ddefnyddio."},
    "english-only": {"en": "Some of the officer's text (activity steps, facilitator notes, safeguarding notes) "
                           "has no Welsh version yet, so it prints in English.",
                     "cy": "Does dim fersiwn Gymraeg eto o beth o destun y swyddog (camau'r gweithgareddau, "
                           "nodiadau'r hwylusydd, nodiadau diogelu), felly mae'n cael ei argraffu yn Saesneg."},
    "notice": {"en": "Please note", "cy": "Sylwch"},
    "timings": {"en": "Timings", "cy": "Amseriad"},
    "activity": {"en": "Activity", "cy": "Gweithgaredd"},
    "min": {"en": "Minutes", "cy": "Munudau"},
    # The few words the presenter's slides add around the library's texts.
    "slide-of": {"en": "{n} of {total}", "cy": "{n} o {total}"},
    "slide-min": {"en": "{n} min", "cy": "{n} munud"},
    "remember": {"en": "Remember", "cy": "Cofiwch"},
    "clock": {"en": "When", "cy": "Pryd"},
    "baseline-quiz": {"en": "Baseline quiz (before)", "cy": "Cwis cychwynnol (cyn)"},
    "endpoint-quiz": {"en": "End-point quiz (after)", "cy": "Cwis diwedd (ar ôl)"},
    "outcomes": {"en": "Learning outcomes", "cy": "Deilliannau dysgu"},
    "ground-rules": {"en": "Ground rules", "cy": "Rheolau sylfaenol"},
    "activities": {"en": "Activities", "cy": "Gweithgareddau"},
    "notes": {"en": "Facilitator notes", "cy": "Nodiadau'r hwylusydd"},
    "guidance": {"en": "Content guidance", "cy": "Canllawiau cynnwys"},
    "keywords": {"en": "Keywords", "cy": "Geiriau allweddol"},
    "misconceptions": {"en": "Misconceptions and how to answer them",
                       "cy": "Camsyniadau a sut i'w hateb"},
    "safeguarding": {"en": "Safeguarding", "cy": "Diogelu"},
    "reasons": {"en": "Outside the usual age band: reasons", "cy": "Y tu allan i'r band oedran: rhesymau"},
    "curriculum": {"en": "Curriculum links", "cy": "Cysylltiadau â'r cwricwlwm"},
    "school-notes": {"en": "School notes", "cy": "Nodiadau'r ysgol"},
    "signposting": {"en": "Signposting", "cy": "Cyfeirio"},
    "why": {"en": "Why", "cy": "Pam"},
    # Where the session is held (the SETTINGS vocabulary), as the lesson plan prints it.
    "setting-classroom": {"en": "classroom", "cy": "ystafell ddosbarth"},
    "setting-small-group": {"en": "small group", "cy": "grŵp bach"},
    "setting-assembly": {"en": "assembly", "cy": "gwasanaeth"},
    "setting-one-to-one": {"en": "one to one", "cy": "un i un"},
    "setting-online": {"en": "online", "cy": "ar-lein"},
}


# Back-of-handout headings an adult reads differently: a parent's crisis route is for their child.
ADULT_HEADINGS = {"crisis": "crisis-adult"}


def heading_for(key: str, pupil: bool) -> str:
    """Return the labels key of section heading KEY as a pupil or an adult reader should see it."""
    return key if pupil else ADULT_HEADINGS.get(key, key)


def label(key: str, lang: str, **values: object) -> str:
    """Return the fixed words KEY in LANG (English when no Welsh exists), with VALUES filled in."""
    words = LABELS[key]
    return words.get(lang, words["en"]).format(**values)


# The words of the library's school-year names (audiences.yaml year_names, written in English):
# "Years 7–9", "Years 12–13 or college"; year numbers and Scottish P/S years stay as they are.
YEAR_WORDS_CY = (("Years", "Blynyddoedd"), ("Year", "Blwyddyn"), ("or college", "neu goleg"))


def numbers(link, lang: str) -> list[str]:
    """Return the phone and text numbers of LINK as printed lines."""
    out = []
    if link.phone:
        out.append(label("call", lang, number=link.phone))
    if link.text_number:
        out.append(label("text", lang, number=link.text_number))
    return out


def year_name(name: str, lang: str) -> str:
    """Return the school-year NAME ('Years 7–9') in LANG ('Blynyddoedd 7–9')."""
    if lang != "cy":
        return name
    for english, welsh in YEAR_WORDS_CY:
        name = re.sub(rf"\b{english}\b", welsh, name)
    return name


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_CY = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
              "Medi", "Hydref", "Tachwedd", "Rhagfyr")


def long_date(day: dt.date, lang: str) -> str:
    """Return DAY as '26 November 2026' (or its Welsh form)."""
    month = (_MONTHS_CY if lang == "cy" else _MONTHS_EN)[day.month - 1]
    return f"{day.day} {month} {day.year}"


# Printed in every lesson plan, before the library's own safeguarding notes. {lead} and {short}
# are the nation's name for the school's safeguarding lead, {guidance} its own guidance
# (nations.yaml); the library itself says "the safeguarding lead".
SAFEGUARDING: tuple[dict[str, str], ...] = (
    {"en": "Tell the school's {lead} ({short}), the safeguarding lead, about the session beforehand "
           "and agree how a disclosure will be handled.",
     "cy": "Rhowch wybod i {lead} ({short}) yr ysgol, yr arweinydd diogelu, am y sesiwn ymlaen llaw "
           "a chytunwch sut i ymdrin â datgeliad."},
    {"en": "If someone discloses: listen, do not promise secrecy, do not investigate, and pass it "
           "to the {short} the same day. Where an adult is involved, the {short} refers it to the "
           "police: this is not optional.",
     "cy": "Os oes rhywun yn datgelu: gwrandewch, peidiwch ag addo cadw cyfrinach, peidiwch ag "
           "ymchwilio, a rhowch wybod i'r {short} yr un diwrnod. Pan fydd oedolyn yn rhan o'r peth, "
           "mae'r {short} yn ei gyfeirio at yr heddlu: dydy hyn ddim yn ddewisol."},
    {"en": "Never view, copy or forward an image, even if someone offers to show you ({guidance}).",
     "cy": "Peidiwch byth ag edrych ar lun, ei gopïo na'i anfon ymlaen, hyd yn oed os yw rhywun "
           "yn cynnig ei ddangos i chi ({guidance})."},
)
# Where nations.yaml does not name them (a library older than issue 9).
LEAD_DEFAULT = {"lead": {"en": "safeguarding lead", "cy": "arweinydd diogelu"},
                "short": {"en": "safeguarding lead", "cy": "arweinydd diogelu"},
                "guidance": {"en": "national guidance for education settings",
                             "cy": "canllawiau cenedlaethol ar gyfer lleoliadau addysg"}}


def safeguarding_notes(nation) -> tuple[dict[str, str], ...]:
    """Return SAFEGUARDING with NATION's names for the safeguarding lead and its guidance filled in."""
    names = {"lead": nation.safeguarding_lead, "short": nation.safeguarding_lead_short,
             "guidance": nation.safeguarding_guidance}
    return tuple({lang: note[lang].format(**{k: v.get(lang) if v else LEAD_DEFAULT[k][lang]
                                             for k, v in names.items()}) for lang in ("en", "cy")}
                 for note in SAFEGUARDING)

GROUND_RULES: tuple[dict[str, str], ...] = (
    {"en": "No personal stories: we talk about made-up characters.",
     "cy": "Dim straeon personol: rydyn ni'n siarad am gymeriadau dychmygol."},
    {"en": "Say 'someone', never a name.", "cy": "Dywedwch 'rhywun', byth enw."},
    {"en": "You can pass on any question.", "cy": "Gallwch chi basio ar unrhyw gwestiwn."},
    {"en": "Be kind. Questions can go in the anonymous box.",
     "cy": "Byddwch yn garedig. Gall cwestiynau fynd yn y blwch dienw."},
)

TALK: tuple[dict[str, str], ...] = (
    {"en": "Ask what they learned, and listen more than you talk.",
     "cy": "Gofynnwch beth ddysgon nhw, a gwrandewch yn fwy nag yr ydych chi'n siarad."},
    {"en": "Say that they can always tell you, and that they will not be in trouble for telling.",
     "cy": "Dywedwch y gallan nhw ddweud wrthych chi bob amser, ac na fyddan nhw mewn trwbl am "
           "ddweud."},
    {"en": "If something has happened, stay calm: it is never the child's fault. The person making "
           "threats is the one doing wrong.",
     "cy": "Os oes rhywbeth wedi digwydd, arhoswch yn dawel: nid bai'r plentyn yw e byth. Y person "
           "sy'n bygwth sy'n gwneud drwg."},
    {"en": "Do not pay and do not delete the messages, but never save, forward or screenshot the "
           "image itself. Report it to CEOP or the police.",
     "cy": "Peidiwch â thalu a pheidiwch â dileu'r negeseuon, ond peidiwch byth â chadw, anfon "
           "ymlaen na thynnu llun sgrin o'r llun ei hun. Rhowch wybod i CEOP neu'r heddlu."},
)
