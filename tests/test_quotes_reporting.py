"""Speakers from the grammar of reporting in news copy (issue 13, second round).

Each test holds passages written for it: the classes of speaker faults that real news shows
(datelines and stamps before the speaker, roles that bring in someone new, documents and
their issuers, epithets, introductions before a quotation, bylines after one).
"""
from __future__ import annotations


def quotes_of(text: str):
    from dyadwatch.pipeline import run_text

    return run_text(text).quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes_of(text)]


def test_quotes_reporting_dateline_agency_is_never_the_speaker(english):
    for text in ('LISBON, May 12 (Harbour Press Agency) - Finance Minister Joana Reis said on Monday that the deficit '
                 'would fall below two percent next year.',
                 'OSLO (Northern Wire) — Defence Minister Ivar Lunde denied on Friday that the frigate had entered '
                 'Russian waters.'):
        (q,) = quotes_of(text)
        assert q.speaker.name in ("Joana Reis", "Ivar Lunde"), text
        assert "Agency" not in (q.speaker.name or "") and "Wire" not in (q.speaker.name or "")


def test_quotes_reporting_content_starts_after_the_dateline(english):
    (q,) = quotes_of('QUITO, Feb 3 (Harbour Press Agency) - The rebels have agreed to a new round of talks in Lima, '
                     'according to two mediators.')
    assert q.text.startswith("The rebels have agreed")
    (q,) = quotes_of('11:05 GMT — The vote on the motion has been postponed until Thursday, the speaker of the assembly said.')
    assert q.text.startswith("The vote on the motion")


def test_quotes_reporting_indefinite_role_is_someone_new(english):
    text = ('Prime Minister Halvard Brekke met the union leaders on Monday. A spokesman for the transport ministry '
            'said on Tuesday that the strike would cost the railways millions. Deputy minister Sigrid Aune declined to comment.')
    (q,) = quotes_of(text)
    assert q.speaker.name == "spokesman for the transport ministry"


def test_quotes_reporting_role_of_someone_is_not_that_someone(english):
    text = ('Voters in the district backed Democrat Lucia Ferrante by a wide margin.\n\n'
            "Ferrante's chief of staff told reporters the candidate would speak within the hour. "
            "Our correspondent at the hotel says the ballroom is already full.")
    assert speakers(text) == ["Ferrante's chief of staff", "Our correspondent at the hotel"]


def test_quotes_reporting_definite_role_takes_the_unnamed_speaker_before(english):
    text = ("Seoul's chief nuclear negotiator warned on Monday that the North was preparing another test. "
            '"We see the signs every day," the official told reporters.')
    names = speakers(text)
    assert len(names) == 2 and all(n == "Seoul's chief nuclear negotiator" for n in names)


def test_quotes_reporting_definite_role_still_takes_the_person_named_before(english):
    text = ('Political scientist Marek Zielinski was interviewed on Monday. '
            '"The coalition will not survive the budget," the expert said.')
    assert speakers(text) == ["Marek Zielinski"]


def test_quotes_reporting_statement_speaks_for_its_issuer_named_before(english):
    text = ('In a statement issued on Sunday, the Danish foreign ministry said the ambassador had been recalled for talks. '
            '"Denmark will not accept threats against its diplomats," the statement said.')
    qs = quotes_of(text)
    assert len(qs) == 2
    assert all("ministry" in (q.speaker.name or "") or "Denmark" == q.speaker.name for q in qs), [q.speaker for q in qs]
    text = ('In a letter to the party chairs, Governor Ilse Brandt wrote that the budget talks had failed. '
            'The letter, seen by reporters, also said that state offices would close on Friday.')
    assert speakers(text) == ["Ilse Brandt", "Ilse Brandt"]


def test_quotes_reporting_statement_speaks_for_its_owner(english):
    text = ('"We regret the delay," the railway company\'s statement said. '
            'A report from the audit office said that the tunnel was three years late.')
    names = speakers(text)
    assert names == ["railway company", "audit office"]


def test_quotes_reporting_publication_piece_speaks_for_the_publication(english):
    (q,) = quotes_of("The Morning Ledger's editorial argues that the mayor has run out of excuses.")
    assert q.speaker.name == "Morning Ledger"


def test_quotes_reporting_text_with_no_issuer_speaks_itself(english):
    (q,) = quotes_of('The report said that water levels in the reservoir had fallen by a third since May.')
    assert q.speaker.name == "report"


def test_quotes_reporting_epithet_is_the_person_named_before(english):
    text = ('Senator Noemi Castellanos said on Sunday that the farm bill would pass before the recess. '
            '"We have the votes," the Nevada Democrat told reporters. '
            'Representative Carl Jansen wrote on Monday that the bill was too expensive, '
            'and the Ohio Republican said he would vote against it.')
    assert speakers(text) == ["Noemi Castellanos", "Noemi Castellanos", "Carl Jansen", "Carl Jansen"]


def test_quotes_reporting_party_members_as_a_group_are_their_own_speaker(english):
    (q,) = quotes_of('Mayor Hana Novak met the council on Monday. Republicans said that the tax plan would fail.')
    assert q.speaker.name == "Republicans"


def test_quotes_reporting_paragraph_with_colon_introduces_the_speaker(english):
    text = ('Senator Petra Holm ended the session with a challenge to the mayor:\n\n'
            '"Show us the contracts, all of them, and let the voters decide whether this was worth the money."')
    assert speakers(text) == ["Petra Holm"]
    text = ('The environment ministry issued the following statement on Friday:\n\n'
            '"The permits for the mine have been suspended until the inspection of the dam is complete."')
    assert speakers(text) == ["environment ministry"]


def test_quotes_reporting_person_introduced_before_a_long_quotation(english):
    text = ('Dr Amara Okafor, who ran the field hospital for two years, spoke to the inquiry on Tuesday.\n\n'
            '"We had no fuel for the generators, no clean water for surgery, and every week more patients than beds."')
    assert speakers(text) == ["Amara Okafor"]


def test_quotes_reporting_intro_without_a_person_gives_no_speaker(english):
    text = ('The hearing resumed after a short break.\n\n'
            '"We had no fuel for the generators, no clean water for surgery, and every week more patients than beds."')
    assert speakers(text) == [None]


def test_quotes_reporting_byline_after_a_quotation_names_its_speaker(english):
    text = ('How the papers saw the debate:\n\n'
            '"A draw on points, and nobody watching at home will remember a single line of it." — Tomas Lindgren, The Baltic Courier\n\n'
            '"The challenger finally sounded like someone who wants the job." -- Ines Moreau')
    assert speakers(text) == ["Tomas Lindgren", "Ines Moreau"]


def test_quotes_reporting_dash_inside_a_sentence_is_no_byline(english):
    text = 'Residents said the water was "brown and smelled of diesel" - and the council did nothing for a week.'
    assert all(q.kind == "indirect" for q in quotes_of(text))


def test_quotes_reporting_live_blog_name_before_a_colon_is_the_speaker(english):
    text = ('21:10 CET — Polls have closed and the first projection is due at nine.\n\n'
            '21:25 CET — Green party co-chair Lotte Krag to cheering supporters: "Tonight the country chose the future."\n\n'
            '21:40 CET — Finance Minister Pavel Dusek concedes. "The voters have spoken," he says.')
    assert speakers(text) == ["Lotte Krag", "Pavel Dusek"]


def test_quotes_reporting_hedge_joined_to_the_reported_clause_is_the_reporters(english):
    text = 'Governor Elena Marsh said the agency saw "early progress" on the backlog but warned that staffing remained short.'
    qs = quotes_of(text)
    assert len(qs) == 2 and all(q.speaker.name == "Elena Marsh" for q in qs), [(q.text, q.speaker) for q in qs]


def test_quotes_reporting_by_saying_takes_the_subject_of_the_clause(english):
    text = 'Chancellor Rhea Lind opened the debate by saying the treasury had found savings in every department.'
    (q,) = quotes_of(text)
    assert q.speaker.name == "Rhea Lind" and q.text.startswith("the treasury")


def test_quotes_reporting_it_is_the_institution_speaking_before_not_one_it_reports(english):
    text = ('The Estonian defence ministry said on Monday that a drone had crossed the border overnight. '
            'Tallinn will raise the incident at the OSCE Permanent Council in Vienna, it added.')
    qs = quotes_of(text)
    assert len(qs) == 2 and all("ministry" in (q.speaker.name or "") or q.speaker.name == "Estonia" for q in qs), \
        [q.speaker for q in qs]


def test_quotes_reporting_participle_of_saying_is_a_report_of_its_own(english):
    text = ('Senator Ida Voss argued on Sunday that the navy should escort the grain ships, saying the blockade '
            'would end "the day it costs them" and not before.')
    qs = quotes_of(text)
    assert [q.kind for q in qs] == ["indirect", "indirect"]
    assert [q.speaker.name for q in qs] == ["Ida Voss", "Ida Voss"]
    assert qs[1].text.startswith("the blockade") and [p.text for p in qs[1].parts] == ["the day it costs them"]
    text = 'Kovacs said he would decide "after the hearing" and not sooner, adding that he resented the pressure from the party.'
    qs = quotes_of(text)
    assert [q.text[:20] for q in qs] == ["he would decide \"aft", "he resented the pres"]


def test_quotes_reporting_appended_fragment_finishes_the_report(english):
    (q,) = quotes_of('Former minister Hugo Brandt wrote on Friday that the summit would be remembered, "and not fondly."')
    assert q.kind == "indirect" and [p.text for p in q.parts] == ["and not fondly."]


def test_quotes_reporting_appended_clause_stays_its_own_quotation(english):
    qs = quotes_of('Former minister Hugo Brandt wrote on Friday that the summit had failed, "although the talks will go on."')
    assert sorted(q.kind for q in qs) == ["direct", "indirect"]


def test_quotes_reporting_month_after_a_title_or_given_name_is_a_name(english):
    text = ('Former Prime Minister Theresa May told peers on Tuesday that the bill risked undoing years of work.\n\n'
            'Lady May, who chaired the inquiry in 2014, said she would table amendments next week. '
            'In early May, ministers had insisted that the bill was safe.')
    names = speakers(text)
    assert len(names) == 3 and names[0] == names[1] == "Theresa May" and names[2] == "ministers", names


def test_quotes_reporting_trailing_attribution_with_hearer_or_following_clause(english):
    (q,) = quotes_of('The central bank will hold rates until the spring, Governor Aino Salo told lawmakers on Tuesday.')
    assert q.speaker.name == "Aino Salo" and q.text.startswith("The central bank will hold rates")
    qs = quotes_of('The reform will survive any court challenge, Prime Minister Luis Ferrer said on Wednesday, '
                   'as opposition leader Marta Gil vowed that her party would repeal it.')
    assert [q.speaker.name for q in qs] == ["Luis Ferrer", "Marta Gil"]


def test_quotes_reporting_verbs_of_rejoinder_and_hinting_report_their_clause(english):
    for text, content in (
        ('Opposition leader Marta Ferreira retorted that the cabinet was "running on fumes".', "the cabinet was"),
        ("The finance minister, Ivo Maric, countered that the deficit had already narrowed.", "the deficit had already narrowed"),
        ("Chancellor Elke Brandt signalled on Monday that her party would back the bill.", "her party would back the bill"),
        ("Senator Dana Whitlow hinted that she might run for governor next year.", "she might run for governor"),
    ):
        found = [q for q in quotes_of(text) if q.kind == "indirect"]
        assert found and found[0].text.startswith(content), (text, found)
