from hypothesis import given
from hypothesis import strategies as st

from zorgvuldig.signals.marking import split_marked


def test_marks_are_cut_out_in_order():
    assert split_marked("De ambassadeur is berispt.", [(18, 25, "x")]) == [
        ("De ambassadeur is ", None),
        ("berispt", "x"),
        (".", None),
    ]


def test_overlapping_marks_keep_the_first():
    assert split_marked("abcdef", [(1, 4, "a"), (2, 5, "b")]) == [
        ("a", None),
        ("bcd", "a"),
        ("ef", None),
    ]


@given(
    st.text(), st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50), st.just(1)))
)
def test_pieces_join_to_the_text(text, marks):
    assert "".join(p for p, _ in split_marked(text, marks)) == text
