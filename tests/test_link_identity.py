"""One identity per actor across documents: ids, transliteration variants, countries, surnames."""
from __future__ import annotations

import pytest

from dyadwatch.link.identity import fold_name, identities_of
from dyadwatch.link.records import ActorRecord


def rec(doc: str, actor_id: str, name: str, country: str | None, kind: str = "PERSON",
        aliases: tuple[str, ...] = ()) -> ActorRecord:
    return ActorRecord(doc_id=doc, actor_id=actor_id, name=name, type=kind, country=country, aliases=aliases)


def global_of(records: list[ActorRecord]) -> dict[tuple[str, str], str]:
    links, _ = identities_of(records)
    return {(l.doc_id, l.actor_id): l.global_id for l in links}


@pytest.mark.parametrize("a, b", [
    ("Ilham Aliyev", "Ilham Aliev"),
    ("Ilham Aliyev", "Ilkham Aliev"),
    ("Ilham Aliyev", "Ильхам Алиев"),
    ("Togrul Djuvarly", "Toghrul Juvarli"),
    ("Gadjiev", "Hajiyev"),
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Dmitry Peskov", "Dmitrii Peskov"),
    ("Yevgeny Prigozhin", "Evgeniy Prigozhin"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Nikol Pashinyan", "Nikol Pashinian"),
    ("Mikhail Galuzin", "Michail Galuzin"),
    ("Rahman Mustafayev", "Rakhman Mustafaev"),
])
def test_identity_fold_name_meets_romanisation_variants(a: str, b: str):
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize("a, b", [
    ("Ilham Aliyev", "Heydar Aliyev"),
    ("Sergey Lavrov", "Sergey Lebedev"),
    ("Nikol Pashinyan", "Nikolai Patrushev"),
    ("Anna Petrova", "Anna Petrov"),
])
def test_identity_fold_name_keeps_different_names_apart(a: str, b: str):
    assert fold_name(a) != fold_name(b)


def test_identity_transliteration_variants_in_two_outlets_are_one_person():
    g = global_of([rec("d1", "ilham-aliev", "Ilham Aliev", "AZE"), rec("d2", "ilham-aliyev", "Ilham Aliyev", "AZE"),
                   rec("d3", "ilham-aliyev", "Ilham Aliyev", "AZE")])
    assert g[("d1", "ilham-aliev")] == g[("d2", "ilham-aliyev")] == "ilham-aliyev"  # the id most documents use


def test_identity_unknown_analyst_quoted_by_two_outlets_is_one_person():
    records = [rec("d1", "norayr-dunamalyan", "Norayr Dunamalyan", "ARM"),
               rec("d2", "norair-dunamalian", "Norair Dunamalian", None, aliases=("the expert",))]
    links, identities = identities_of(records)
    assert len(identities) == 1
    person = identities[0]
    assert person.country == "ARM"
    assert {"Norayr Dunamalyan", "Norair Dunamalian", "the expert"} <= set(person.variants)
    assert {l.rule for l in links} <= {"self", "transliteration", "skeleton"}


def test_identity_same_name_in_different_countries_stays_apart():
    g = global_of([rec("d1", "ali-hasanov-aze", "Ali Hasanov", "AZE"), rec("d2", "ali-hasanov-irn", "Ali Hasanov", "IRN")])
    assert g[("d1", "ali-hasanov-aze")] != g[("d2", "ali-hasanov-irn")]


def test_identity_name_without_country_is_left_alone_when_two_countries_share_it():
    g = global_of([rec("d1", "a1", "Ali Hasanov", "AZE"), rec("d2", "a2", "Ali Hasanov", "IRN"),
                   rec("d3", "a3", "Ali Hasanov", None)])
    assert len({g[("d1", "a1")], g[("d2", "a2")], g[("d3", "a3")]}) == 3


def test_identity_surname_alone_joins_the_one_full_name_that_fits():
    records = [rec("d1", "norayr-dunamalyan", "Norayr Dunamalyan", "ARM")] + \
        [rec(f"d{i}", "dunamalian", "Dunamalian", "ARM") for i in range(2, 5)]
    g = global_of(records)
    # the full name names the identity even when the surname alone is more frequent
    assert g[("d1", "norayr-dunamalyan")] == g[("d2", "dunamalian")] == "norayr-dunamalyan"


def test_identity_ambiguous_surname_stays_alone():
    g = global_of([rec("d1", "ilham-aliyev", "Ilham Aliyev", "AZE"), rec("d2", "heydar-aliyev", "Heydar Aliyev", "AZE"),
                   rec("d3", "aliyev", "Aliyev", "AZE")])
    assert g[("d3", "aliyev")] == "aliyev"
    assert g[("d1", "ilham-aliyev")] != g[("d2", "heydar-aliyev")]


def test_identity_states_join_by_country_code():
    g = global_of([rec("d1", "russia", "Russia", "RUS", kind="COUNTRY"),
                   rec("d2", "russian-federation", "Russian Federation", "RUS", kind="COUNTRY"),
                   rec("d3", "russia", "Russia", "RUS", kind="COUNTRY")])
    assert g[("d2", "russian-federation")] == "russia"


def test_identity_people_and_organisations_do_not_merge_on_spelling():
    g = global_of([rec("d1", "x-person", "Azerbaijan Airlines", "AZE"),
                   rec("d2", "azal", "Azerbaijan Airlines", "AZE", kind="ORG")])
    assert g[("d1", "x-person")] != g[("d2", "azal")]


def test_identity_same_id_is_one_identity_with_all_its_documents():
    _, identities = identities_of([rec(f"d{i}", "vladimir-putin", "Vladimir Putin", "RUS") for i in range(4)])
    assert [(i.global_id, i.documents) for i in identities] == [("vladimir-putin", 4)]
