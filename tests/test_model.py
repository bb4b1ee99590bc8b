"""The analyze JSON is the stable interface: it must round-trip through the dataclasses."""

from briefing.model import Actor, Analysis, ArticleMeta, Fact, Measure


def test_analysis_json_round_trip() -> None:
    body = "Japan expels eight Russian diplomats."
    analysis = Analysis(
        path="a.txt",
        title="T",
        dek=None,
        body=body,
        removed=("Register for free",),
        actors=(Actor("Japan", "GPE", "Japan", 0, 5, "country"),),
        measures=(Measure("expels", "expulsion", 6, 12),),
        facts=(
            Fact("expulsion", "Japan", "Russian diplomats", "8", None, "announced", body, 0, 37),
        ),
        meta=ArticleMeta(source="AP", published="2022-04-08", tags=("russia",)),
        pipeline_version="1",
    )
    data = analysis.to_json()
    assert data["actors"][0]["text"] == body[data["actors"][0]["start"] : data["actors"][0]["end"]]
    assert Analysis.from_json(data) == analysis


def test_joint_actors_lists_every_actor_of_a_joint_fact() -> None:
    from briefing.model import joint_actors

    assert joint_actors("United States, France and Germany") == [
        "United States",
        "France",
        "Germany",
    ]
    assert joint_actors("Europe and Canada") == ["Europe", "Canada"]
    assert joint_actors("Japan") == ["Japan"]
    assert joint_actors(None) == []
