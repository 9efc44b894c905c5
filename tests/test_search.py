"""Finding things: technologies and aliases name skills and roles; search ranks what it finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerctl.errors import UnknownName
from careerctl.kb.load import load_kb
from careerctl.model import KnowledgeBase
from careerctl.names import find_any, find_role, find_skill
from careerctl.search import EXACT, NAME_WORDS, TEXT, search
from kbfiles import write_kb

SKILLS = """\
version: 1
skills:
  - id: message-queues
    name: Message queues and streaming
    category: web
    summary: Passing work between services through brokers.
    technologies: [kafka, rabbitmq, sqs]
    levels: {1: Publishes a message, 2: Consumes with retries, 3: Designs topics, 4: Tunes partitions, 5: Runs Kafka clusters at scale}
    resources:
      - {title: Kafka documentation, kind: docs, level: 1}
  - id: data-pipelines
    name: Data pipelines
    category: data
    summary: Moving data in batches and streams, for example from Kafka into a warehouse.
    technologies: [airflow, spark, kafka]
    levels: {1: Runs a job, 2: Schedules jobs, 3: Builds a pipeline, 4: Scales pipelines, 5: Designs platforms}
    resources:
      - {title: Airflow docs, kind: docs, level: 1}
  - id: kubernetes
    name: Kubernetes
    category: operations
    summary: Running containers on a cluster.
    technologies: [helm, kubectl, k8s]
    levels: {1: Runs kubectl get, 2: Writes a deployment, 3: Packages with Helm, 4: Runs clusters, 5: Writes operators}
    resources:
      - {title: Kubernetes documentation, kind: docs, level: 1}
"""

ROLES = """\
version: 1
roles:
  - id: backend-developer
    name: Backend Developer
    aliases: [mid, backend engineer, software engineer]
    track: backend
    seniority: 2
    summary: Builds services that publish to queues.
    skills: {message-queues: 2, kubernetes: 1}
  - id: data-engineer
    name: Data Engineer
    aliases: [data]
    track: data
    seniority: 2
    summary: Builds pipelines.
    responsibilities: [Keeps the Kafka consumers healthy.]
    skills: {data-pipelines: 3}
checks:
  skip: [resource-per-level]
"""


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_kb(write_kb(tmp_path, SKILLS, ROLES)).kb


@pytest.mark.parametrize(
    ("name", "skill"),
    [
        ("helm", "kubernetes"),
        ("K8s", "kubernetes"),
        ("rabbitmq", "message-queues"),
        ("kafka", "message-queues"),
    ],
)
def test_a_technology_names_the_skill_that_covers_it(kb: KnowledgeBase, name: str, skill: str) -> None:
    assert find_skill(kb, name).id == skill
    assert find_any(kb, name).id == skill


@pytest.mark.parametrize("name", ["backend engineer", "Backend  Engineer", " software engineer "])
def test_an_alias_with_spaces_names_its_role(kb: KnowledgeBase, name: str) -> None:
    assert find_role(kb, name).id == "backend-developer"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("kafak", "kafka"),
        ("rabitmq", "rabbitmq"),
        ("backend enginer", "backend engineer"),
        ("kubernets", "kubernetes"),
    ],
)
def test_did_you_mean_reaches_technologies_and_aliases(kb: KnowledgeBase, typed: str, hint: str) -> None:
    with pytest.raises(UnknownName) as caught:
        find_any(kb, typed)
    assert hint in caught.value.suggestions


def test_search_ranks_exact_names_then_name_words_then_text(kb: KnowledgeBase) -> None:
    hits = search(kb, "kafka")
    assert [(h.id, h.tier) for h in hits] == [
        ("message-queues", EXACT),  # technology, level 5, resource title
        ("data-pipelines", EXACT),  # technology, summary
        ("data-engineer", TEXT),  # a responsibility
    ]
    assert hits[0].fields == ("technology", "level 5", "resource")
    assert hits[2].excerpt == "Keeps the Kafka consumers healthy."


def test_search_by_name_words(kb: KnowledgeBase) -> None:
    hits = search(kb, "Pipelines")
    assert [(h.id, h.tier) for h in hits] == [("data-pipelines", NAME_WORDS), ("data-engineer", TEXT)]


def test_search_needs_every_word_in_one_field(kb: KnowledgeBase) -> None:
    assert [h.id for h in search(kb, "publish queues")] == ["backend-developer"]
    assert search(kb, "publish warehouse") == []
    assert search(kb, "   ") == []


def test_search_is_deterministic_and_limited(kb: KnowledgeBase) -> None:
    assert search(kb, "s") == search(kb, "s")
    assert len(search(kb, "s", limit=2)) == 2
