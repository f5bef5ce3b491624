"""The claims and the Gephi graph built from the two seed articles."""

import io
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

import quotes
from quotes.analysis import Analysis
from quotes.graph import build_graph, write_graph
from quotes.types import Article, Entity, Paragraph, Quote, Span

SCHEMA = Path(__file__).parent / "data" / "graphml-structure.xsd"
GEXF_SCHEMA = Path(__file__).parent / "data" / "gexf-structure.xsd"
CORPUS = Path(__file__).parent.parent / "corpus"
ARAB_NEWS, AFP = "000_7ce02406a65dd357", "001_b8fb2cd4f4ce1228"
SHARED = ["There is war, there is pressure", "We have plans to retake the districts",
          "We had to abandon our base", "They may have abandoned their posts"]


@pytest.fixture(scope="module")
def graph(seeds_analysis):
    return build_graph(seeds_analysis)


def nodes_of(g, kind):
    return {n: d for n, d in g.nodes(data=True) if d["type"] == kind}


def test_one_mohib_with_his_role(graph):
    mohib = [d for d in nodes_of(graph, "person").values() if "Mohib" in d["name"]]
    assert len(mohib) == 1
    assert mohib[0]["name"] == "Hamdullah Mohib"
    assert "national security adviser" in mohib[0]["roles"]
    assert mohib[0]["articles"] == 2


def test_shopkeeper_is_a_separate_person_with_no_edge_to_mohib(graph):
    people = nodes_of(graph, "person")
    mohib = next(n for n, d in people.items() if d["name"] == "Hamdullah Mohib")
    shopkeeper = next(n for n, d in people.items() if d["name"] == "Hamdullah")
    assert "shopkeeper" in people[shopkeeper]["roles"]
    assert not graph.has_edge(mohib, shopkeeper) and not graph.has_edge(shopkeeper, mohib)


def test_the_four_shared_quotes_are_claims_reported_in_both_articles(seeds_analysis, graph):
    for start in SHARED:
        claims = [c for c in seeds_analysis.claims if c.text.startswith(start)]
        assert len(claims) == 1, start
        claim = claims[0]
        assert {q.doc for q in claim.reports} == {ARAB_NEWS, AFP}
        assert not claim.wording_differs  # only quote marks and apostrophes differ
        articles = {v for _, v, d in graph.out_edges(claim.id, data=True) if d["type"] == "reported_in"}
        assert articles == {f"article:{ARAB_NEWS}", f"article:{AFP}"}
        speakers = {u for u, _, d in graph.in_edges(claim.id, data=True) if d["type"] == "said"}
        assert len(speakers) == 1


def test_near_identical_indirect_claim_is_merged_and_flagged(seeds_analysis):
    claims = [c for c in seeds_analysis.claims if "intend to focus on securing major cities" in c.text]
    assert len(claims) == 1
    assert {q.doc for q in claims[0].reports} == {ARAB_NEWS, AFP}
    assert claims[0].wording_differs and claims[0].differences()


def test_kirby_is_affiliated_with_the_pentagon_as_spokesman(graph):
    kirby = next(n for n, d in nodes_of(graph, "person").items() if d["name"] == "John Kirby")
    edges = [(v, d) for _, v, d in graph.out_edges(kirby, data=True) if d["type"] == "affiliated_with"]
    assert [(graph.nodes[v]["name"], d["role"]) for v, d in edges] == [("Pentagon", "spokesman")]


def test_outlets_publish_articles(graph):
    outlets = {graph.nodes[v]["label"] for _, v, d in graph.edges(data=True) if d["type"] == "published_by"}
    assert outlets == {"arab.news", "AFP"}


def test_every_attribute_is_a_gephi_scalar(graph):
    items = [*graph.nodes(data=True), *((u, d) for u, _, d in graph.edges(data=True))]
    for _, data in items:
        for value in data.values():
            assert isinstance(value, (str, int, float, bool)), value
    assert all("label" in d for _, d in graph.nodes(data=True))


def test_graphml_validates_and_loads_back(graph, tmp_path):
    path = tmp_path / "seeds.graphml"
    write_graph(graph, path)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log.last_error
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_json_loads_back(graph):
    buf = io.BytesIO()
    write_graph(graph, buf, fmt=".json")
    data = json.loads(buf.getvalue())
    assert len(data["nodes"]) == graph.number_of_nodes()


def test_gexf_validates_and_keeps_edge_types_and_offsets(seeds_analysis, graph, tmp_path):
    path = tmp_path / "seeds.gexf"
    write_graph(graph, path)
    schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
    assert schema.validate(etree.parse(str(path))), schema.error_log.last_error
    back = nx.read_gexf(path)
    assert back.graph.get("mode") != "dynamic"  # quote offsets are not times
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert Counter(d["relation"] for _, _, d in back.edges(data=True)) == \
        Counter(d["type"] for _, _, d in graph.edges(data=True))
    texts = {f"article:{a.id}": a.text for a in seeds_analysis.articles}
    reports = [(v, d) for _, v, d in back.edges(data=True) if d["relation"] == "reported_in"]
    assert reports
    for article, d in reports:
        assert texts[article][d["quote_start"]:d["quote_end"]] == d["text"]


def control_character_analysis() -> Analysis:
    """One article whose title, outlet, speaker and quote carry characters XML 1.0 forbids."""
    text = '"We stay\x0b here," said Jamie\x0cSmith.'
    start, end = 1, text.index(",")
    speaker = text.index("Jamie")
    article = Article("feed\x01a", text, [Paragraph(Span.of(text, 0, len(text)))], title="Title\x0bone",
                      outlet="AF\x02P")
    entity = Entity("Jamie\x0cSmith", "PERSON", "spokes\x1fman", "Ac\x07me")
    quote = Quote(article.id, "direct", Span.of(text, start, end), Span.of(text, end + 3, end + 7),
                  Span.of(text, speaker, len(text) - 1), entity)
    return Analysis([article], [quote])


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_control_characters_are_written_as_valid_xml(suffix, tmp_path):
    g = build_graph(control_character_analysis())
    path = tmp_path / f"g{suffix}"
    write_graph(g, path)
    back = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    names = {d["label"] for _, d in back.nodes(data=True)}
    assert {"Jamie Smith", "Title one", "AF P", "Ac me"} <= names
    values = [str(v) for n, d in back.nodes(data=True) for v in (n, *d.values())]
    values += [str(v) for *_, d in back.edges(data=True) for v in d.values()]
    assert not any(ch < " " and ch not in "\t\n\r" for value in values for ch in value)


def test_reports_say_which_reader_found_them(tmp_path):
    analysis = quotes.analyze(CORPUS / "GUM_news_asylum.txt", models="compact")
    g = build_graph(analysis)
    edges = [d for _, _, d in g.edges(data=True) if d["type"] == "reported_in"]
    by_span = {(q.content.start, q.content.end): q for q in analysis.quotes}
    for d in edges:
        q = by_span[(d["start"], d["end"])]
        assert d["reader"] == q.reader and d.get("confidence") == q.confidence
    assert {d["reader"] for d in edges} == {"rules", "tagger:spans.pt"}
    write_graph(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert sorted(d["reader"] for _, _, d in back.edges(data=True) if d["type"] == "reported_in") == \
        sorted(d["reader"] for d in edges)


def test_said_edges_carry_the_role_and_organization_of_their_reports(graph):
    kirby = next(n for n, d in nodes_of(graph, "person").items() if d["name"] == "John Kirby")
    said = [d for _, _, d in graph.out_edges(kirby, data=True) if d["type"] == "said"]
    # per mention: where the sentence names him with his title; "he said" states none
    readings = {(d["role"], d["organization"]) for d in said}
    assert ("spokesman", "Pentagon") in readings and readings <= {("spokesman", "Pentagon"), ("", "")}


def test_one_person_named_two_ways_is_one_node_with_its_roles_per_article(two_names):
    g = build_graph(two_names)
    people = nodes_of(g, "person")
    assert list(people) == ["person:donald j. trump"]
    assert people["person:donald j. trump"]["roles"] == "front-runner"
    edges = [d for _, v, d in g.out_edges("person:donald j. trump", data=True) if d["type"] == "affiliated_with"]
    assert [(d["role"], d["articles"]) for d in edges] == [("front-runner", "nyt")]
