"""The command line for BCF: export a review's findings, read replies back as a new file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reviewer.cli import main
from reviewer.domain.findings import finding_topics, topic_guid
from reviewer.domain.review import ReplyKind
from reviewer.storage.bcf import read_bcf
from reviewer.storage.review_file import load_review

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "reviewer"
    / "resources"
    / "examples"
    / "galerijflat-veiligheid.review"
)
TEST_CASES = Path(__file__).resolve().parents[1] / "data" / "bcf-2.1" / "test-cases"


def test_bcf_export_then_replies(tmp_path, capsys):
    out = tmp_path / "merelhof.bcf"
    assert main(["bcf", str(EXAMPLE), "-o", str(out)]) == 0
    review = load_review(EXAMPLE).review
    topics = finding_topics(review)
    assert f"{len(topics)} topics, 3 viewpoints" in capsys.readouterr().out
    assert [t.guid for t in read_bcf(out.read_bytes()).topics] == [str(t.guid) for t in topics]
    assert main(["bcf", str(EXAMPLE), "-o", str(out)]) == 2  # no silent overwrite
    assert "already exists" in capsys.readouterr().err

    # the architect closes the entrance topic with a comment
    guid = str(topic_guid(review, "SB-ENTREE-01"))
    replies = tmp_path / "replies.bcf"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(replies, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == f"{guid}/markup.bcf":
                data = data.replace(b'TopicStatus="Open"', b'TopicStatus="Closed"')
            zout.writestr(name, data)
        with zipfile.ZipFile(TEST_CASES / "MinimumInformation.bcf") as other:
            for name in other.namelist():
                if name.endswith("markup.bcf"):
                    zout.writestr(name, other.read(name))
    new = tmp_path / "new.review"
    assert main(["bcf-replies", str(EXAMPLE), str(replies), "-o", str(new)]) == 0
    printed = capsys.readouterr().out
    assert "1 new replies on 1 criteria" in printed
    assert "1 topics are not this review's" in printed
    assert "ae693c83-c932-400e-8570-4a2cf45abcf3" in printed  # listed, not dropped
    [reply] = load_review(new).review.assessments["SB-ENTREE-01"].replies
    assert reply.kind is ReplyKind.STATUS and reply.status == "Closed"


def test_bcf_replies_refuse_bad_input_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.bcf"
    bad.write_bytes(b"PK\x03\x04 not really")
    new = tmp_path / "new.review"
    assert main(["bcf-replies", str(EXAMPLE), str(bad), "-o", str(new)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: Cannot read bad.bcf:") and err.count("\n") == 1
    assert not new.exists()
    assert main(["bcf-replies", str(EXAMPLE), str(bad), "-o", str(EXAMPLE)]) == 2
