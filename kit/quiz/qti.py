"""IMS QTI 2.1: one assessmentItem per question and a test, in a content package zip."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, letter, write_each
from kit.quiz.package import zip_bytes
from kit.quiz.xmltext import check_characters, comment, document, plain, sub

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# QTI identifiers are XML names: they cannot start with a digit or a hyphen.
NAME_START = re.compile(r"^[A-Za-z_]")


def identifier(question_id: str) -> str:
    """Return QUESTION_ID as a QTI identifier."""
    return question_id if NAME_START.match(question_id) else f"q-{question_id}"


def _root(tag: str, namespace: str, schema: str, **attrs: str) -> ET.Element:
    # Namespaces as plain attributes: ElementTree's register_namespace would change a global table.
    return ET.Element(tag, {"xmlns": namespace, "xmlns:xsi": XSI,
                            "xsi:schemaLocation": f"{namespace} {schema}", **attrs})


def _declarations(item: ET.Element, quiz: Quiz, question: Question, cardinality: str) -> None:
    response = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                   baseType="identifier")
    correct = sub(response, "correctResponse")
    for i, (_, right) in enumerate(quiz.choices(question)):
        if right:
            sub(correct, "value", letter(i))
    score = sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(score, "defaultValue"), "value", "0")
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="single", baseType="identifier")


def _processing(item: ET.Element) -> None:
    processing = sub(item, "responseProcessing")
    condition = sub(processing, "responseCondition")
    match = sub(sub(condition, "responseIf"), "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    for branch, score in ((condition[0], "1"), (sub(condition, "responseElse"), "0")):
        sub(sub(branch, "setOutcomeValue", identifier="SCORE"), "baseValue", score, baseType="float")
    # The explanation is shown whatever was answered, as it is in the classroom.
    show = sub(processing, "setOutcomeValue", identifier="FEEDBACK")
    sub(show, "baseValue", "EXPLANATION", baseType="identifier")


def _item(quiz: Quiz, question: Question, cardinality: str, max_choices: str) -> ET.Element:
    check_characters(quiz, question)
    item = _root("assessmentItem", QTI, QTI_XSD, identifier=identifier(question.id),
                 title=question.id, adaptive="false", timeDependent="false")
    item.set("xml:lang", quiz.lang)
    _declarations(item, quiz, question, cardinality)
    interaction = sub(sub(item, "itemBody"), "choiceInteraction", responseIdentifier="RESPONSE",
                      shuffle="false", maxChoices=max_choices)
    sub(interaction, "prompt", quiz.text(question.stem))
    for i, (text, _) in enumerate(quiz.choices(question)):
        sub(interaction, "simpleChoice", text, identifier=letter(i))
    _processing(item)
    sub(item, "modalFeedback", quiz.text(question.explanation), outcomeIdentifier="FEEDBACK",
        identifier="EXPLANATION", showHide="show")
    return item


def _single(quiz: Quiz, question: Question) -> tuple[str, ET.Element]:
    return question.id, _item(quiz, question, "single", "1")


def _multiple(quiz: Quiz, question: Question) -> tuple[str, ET.Element]:
    return question.id, _item(quiz, question, "multiple", "0")


WRITERS = {"single": _single, "multiple": _multiple, "true-false": _single}


def _test(quiz: Quiz, ids: list[str]) -> ET.Element:
    test = _root("assessmentTest", QTI, QTI_XSD, identifier="quiz", title=plain(quiz.title) or "Quiz")
    part = sub(test, "testPart", identifier="part", navigationMode="linear", submissionMode="individual")
    section = sub(part, "assessmentSection", identifier="section", title="Questions", visible="true")
    for question_id in ids:
        sub(section, "assessmentItemRef", identifier=identifier(question_id), href=f"items/{question_id}.xml")
    return test


def _manifest(quiz: Quiz, ids: list[str], notes: list[str]) -> ET.Element:
    manifest = _root("manifest", CP, CP_XSD, identifier="safer-sessions-kit-quiz")
    manifest.append(comment(f"Safer Sessions Kit quiz: {quiz.title}"))
    for note in notes:
        manifest.append(comment(note))
    metadata = sub(manifest, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(manifest, "organizations")
    resources = sub(manifest, "resources")
    test = sub(resources, "resource", identifier="test", type="imsqti_test_xmlv2p1", href="test.xml")
    sub(test, "file", href="test.xml")
    for question_id in ids:
        href = f"items/{question_id}.xml"
        sub(test, "dependency", identifierref=f"item-{question_id}")
        item = sub(resources, "resource", identifier=f"item-{question_id}", type="imsqti_item_xmlv2p1", href=href)
        sub(item, "file", href=href)
    return manifest


def write(quiz: Quiz) -> Export:
    """Return QUIZ as a QTI 2.1 content package (zip), noting left-out questions in its manifest."""
    written, left_out = write_each(quiz, WRITERS, "QTI")
    ids = [question_id for question_id, _ in written]
    entries = [("imsmanifest.xml", document(_manifest(quiz, ids, [str(n) for n in left_out]))),
               ("test.xml", document(_test(quiz, ids)))]
    entries += [(f"items/{question_id}.xml", document(item)) for question_id, item in written]
    return Export(zip_bytes(entries), tuple(left_out))
