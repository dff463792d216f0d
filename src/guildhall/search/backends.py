"""The full-text engine behind search: SQLite FTS5 or PostgreSQL tsvector, one small interface.

Both parse the member's words the same way (`parse_query`): double-quoted phrases, plain words
(all must match), a trailing `*` for a prefix. Operators of either engine are never passed
through: whatever is typed becomes words, so no input can make the query fail.

A backend answers three questions:
- `match(entries, terms)`: the entries matching;
- `page(entries, terms, window)`: `(id, type, object_id)` of the matching entries in the slice
  `window` of their ranking: text relevance (title > body > comments) times a recency boost
  from 2 for today down towards 1 for old items, higher first; then newer, then higher id;
  the entries of `last` (demoted items: obsolete knowledge, `content.hooks.demoted_items`)
  after all the others;
- `snippets(ids, terms)`: for one page of results, `{id: (title, body, comments)}` with the
  matched words between `MARK_START` and `MARK_END` (turned into <mark> after HTML-escaping).
"""

import json
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Func, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL

# Private-use characters, removed from all indexed text, so only ours can mark a match.
MARK_START = "\ue000"
MARK_END = "\ue001"

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
MAX_WORD_CHARS = 60
WORD = re.compile(r"\w+")
TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


def parse_query(q: str) -> list[Term]:
    """The member's input as terms: `"exact phrase"`, `word`, `lubric*` (prefix)."""
    q = (q or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    for phrase, token in TOKEN.findall(q):
        words = [w[:MAX_WORD_CHARS].lower() for w in WORD.findall(phrase or token)]
        if not words:
            continue
        if phrase:
            terms.append(Term(tuple(words)))
            continue
        prefix = token.endswith("*")
        terms.extend(Term((w,)) for w in words[:-1])
        terms.append(Term((words[-1],), prefix=prefix))
    return terms[:MAX_TERMS]


def _accent_table() -> tuple[str, str]:
    """Latin letters with accents (é, ü, ñ, ø, ł...) and their plain letters, one for one: what
    PostgreSQL's translate() needs to fold accents as SQLite's FTS5 does."""
    accented, plain = ["øØłŁđĐħĦı"], ["oOlLdDhHi"]
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base != char and len(base) == 1 and base.isascii() and base.isalpha():
            accented.append(char)
            plain.append(base)
    return "".join(accented), "".join(plain)


ACCENTED, UNACCENTED = _accent_table()
_FOLD = str.maketrans(ACCENTED, UNACCENTED)


def fold_accents(text: str) -> str:
    return text.translate(_FOLD)


def clean_text(text: str) -> str:
    return (text or "").replace("\x00", "").replace(MARK_START, "").replace(MARK_END, "")


class SqliteBackend:
    """FTS5 table `search_fts` (porter stemming, Unicode words, accents folded)."""

    WEIGHTS = "10.0, 4.0, 1.5"  # title, body, comments
    BOOST = (
        "(1.0 + 1.0 / (1.0 + MAX(julianday('now') - "
        "julianday(COALESCE(search_searchentry.date, '1970-01-01')), 0) / 30.0))"
    )

    @staticmethod
    def expression(terms: list[Term]) -> str:
        parts = []
        for term in terms:
            # \w words never hold a double quote: each is a safe FTS5 string.
            quoted = '"' + " ".join(term.words) + '"'
            parts.append(quoted + ("*" if term.prefix else ""))
        return " AND ".join(parts)

    def match(self, entries: QuerySet, terms: list[Term]) -> QuerySet:
        matching = RawSQL(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [self.expression(terms)]
        )
        return entries.filter(pk__in=matching)

    def page(
        self, entries: QuerySet, terms: list[Term], window: slice, last: QuerySet | None = None
    ) -> list[tuple]:
        # One pass over the matches, joined to the (already filtered) entries: bm25() is read
        # where the MATCH is. (As a correlated subquery per row it re-reads every match for
        # each row ranked: seconds for a common word.)
        limit = -1 if window.stop is None else max(window.stop - (window.start or 0), 0)
        visible, params = entries.values("pk").query.sql_with_params()
        demoted, demoted_params = "", []
        if last is not None:  # demoted entries (`content.hooks.demoted_items`) rank last
            last_sql, demoted_params = last.values("pk").query.sql_with_params()
            demoted = f"search_searchentry.id IN ({last_sql}) ASC, "
        with connection.cursor() as cursor:
            # Only constants and Django's own SQL are formatted in; user input is a parameter.
            cursor.execute(
                "SELECT search_searchentry.id, search_searchentry.type, "  # noqa: S608
                "search_searchentry.object_id FROM search_fts JOIN search_searchentry "
                "ON search_searchentry.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s AND search_searchentry.id IN ({visible}) "
                f"ORDER BY {demoted}-bm25(search_fts, {self.WEIGHTS}) * {self.BOOST} DESC, "
                "search_searchentry.date DESC, search_searchentry.id DESC LIMIT %s OFFSET %s",
                [
                    self.expression(terms),
                    *params,
                    *demoted_params,
                    limit,
                    window.start or 0,
                ],
            )
            return cursor.fetchall()

    def snippets(self, ids: list[int], terms: list[Term]) -> dict[int, tuple[str, str, str]]:
        if not ids:
            return {}
        marks = f"'{MARK_START}', '{MARK_END}'"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, highlight(search_fts, 0, {marks}), "  # noqa: S608
                f"snippet(search_fts, 1, {marks}, '…', 24), "
                f"snippet(search_fts, 2, {marks}, '…', 16) "
                "FROM search_fts WHERE search_fts MATCH %s "
                f"AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [self.expression(terms), *ids],
            )
            return {row[0]: row[1:] for row in cursor.fetchall()}

    def vectorize(self, entries: QuerySet) -> None:
        """Nothing to do: triggers keep search_fts equal to the entries."""

    @staticmethod
    def ids(ids: list[int]) -> RawSQL:
        """A subquery of `ids` for `pk__in=`, sent as one parameter (a thousand `%s` in an IN
        list cost more to send and plan than the query they filter)."""
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


class PostgresBackend:
    """tsvector `search_vector` (weights A title, B body, C comments) with a GIN index.

    Accents are folded on both sides (the vector is made from the text without accents, and so is
    the query), so `cafe` finds "Café" as on SQLite; headlines are cut from the text as written,
    with the words as typed or folded."""

    CONFIG = "english"
    BOOST = (
        "(1.0 + 1.0 / (1.0 + GREATEST(EXTRACT(EPOCH FROM (now() - "
        "COALESCE(search_searchentry.date, 'epoch'::timestamptz)))::float8, 0) / 2592000.0))"
    )

    def _term(self, words: tuple[str, ...], prefix: bool) -> SearchQuery:
        if len(words) > 1:
            return SearchQuery(" ".join(words), config=self.CONFIG, search_type="phrase")
        # A \w word is a safe to_tsquery operand; `:*` asks for a prefix.
        raw = words[0] + (":*" if prefix else "")
        return SearchQuery(raw, config=self.CONFIG, search_type="raw")

    def query(self, terms: list[Term], *, as_typed: bool = False) -> SearchQuery:
        """All terms, accents folded; `as_typed` also accepts each word as typed (for headlines,
        which read the text with its accents)."""
        combined = None
        for term in terms:
            folded = tuple(fold_accents(word) for word in term.words)
            part = self._term(folded, term.prefix)
            if as_typed and folded != term.words:
                part = part | self._term(term.words, term.prefix)
            combined = part if combined is None else combined & part
        return combined

    def match(self, entries: QuerySet, terms: list[Term]) -> QuerySet:
        return entries.filter(search_vector=self.query(terms))

    def rank(self, terms: list[Term]):
        boost = RawSQL(self.BOOST, [], output_field=FloatField())  # noqa: S611 - a constant
        return SearchRank(F("search_vector"), self.query(terms)) * boost

    def page(
        self, entries: QuerySet, terms: list[Term], window: slice, last: QuerySet | None = None
    ) -> list[tuple]:
        ranked = entries.annotate(rank=self.rank(terms))
        order = ["-rank", "-date", "-pk"]
        if last is not None:  # demoted entries (`content.hooks.demoted_items`) rank last
            ranked = ranked.annotate(
                demoted=Case(When(pk__in=last.values("pk"), then=1), default=0)
            )
            order.insert(0, "demoted")
        return list(ranked.order_by(*order).values_list("pk", "type", "object_id")[window])

    def snippets(self, ids: list[int], terms: list[Term]) -> dict[int, tuple[str, str, str]]:
        from guildhall.search.models import SearchEntry

        if not ids:
            return {}
        query = self.query(terms, as_typed=True)
        options = {"config": self.CONFIG, "start_sel": MARK_START, "stop_sel": MARK_END}
        rows = (
            SearchEntry.objects.filter(pk__in=ids)
            .annotate(
                t=SearchHeadline("title", query, highlight_all=True, **options),
                b=SearchHeadline(
                    "body",
                    query,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                    **options,
                ),
                c=SearchHeadline(
                    "comments", query, max_words=24, min_words=8, max_fragments=1, **options
                ),
            )
            .values_list("pk", "t", "b", "c")
        )
        return {pk: (t, b, c) for pk, t, b, c in rows}

    def vectorize(self, entries: QuerySet) -> None:
        def folded(field: str, weight: str) -> SearchVector:
            text = Func(
                F(field),
                Value(ACCENTED),
                Value(UNACCENTED),
                function="translate",
                output_field=TextField(),
            )
            return SearchVector(text, weight=weight, config=self.CONFIG)

        entries.update(
            search_vector=folded("title", "A") + folded("body", "B") + folded("comments", "C")
        )

    @staticmethod
    def ids(ids: list[int]) -> RawSQL:
        """A subquery of `ids` for `pk__in=`, sent as one array parameter (a thousand `%s` in
        an IN list take longer to send and plan than the query they filter: 15 ms against 6)."""
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
