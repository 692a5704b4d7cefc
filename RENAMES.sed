# Issue 8, pure packages: old module paths and imports -> new ones (GNU sed; `sed -i -f`).
# Lines that import names now split over two modules become two import lines with the same
# indentation. Run `ruff check --fix` afterwards: the new imports may need re-sorting.
# The lead deletes this file after merging.

# signals/lexicon.py (text helpers) -> signals/text.py
s/zorgvuldig\.signals\.lexicon\b/zorgvuldig.signals.text/g
s/^\( *\)from \.lexicon import/\1from .text import/
s/~\.lexicon\./~.text./g

# signals/measure_lexicon.py: the word-pattern language moved to signals/word_patterns.py
s/zorgvuldig\.signals\.measure_lexicon import \(Matcher\|Pattern\|PatternError\|Sentence\|Token\|compile_pattern\|lemma\|normalise\|split_sentences\)$/zorgvuldig.signals.word_patterns import \1/

# rulebooks/conditions.py -> rulebooks/rule_conditions.py
s/zorgvuldig\.rulebooks\.conditions\b/zorgvuldig.rulebooks.rule_conditions/g
s/rulebooks\/conditions\.py/rulebooks\/rule_conditions.py/g

# rulebooks/loader.py: RulebookError, Rule, Weighing, read_file moved to rulebooks/schema.py
s/^\( *\)from zorgvuldig\.rulebooks\.loader import RulebookError, load_rulebooks$/\1from zorgvuldig.rulebooks.loader import load_rulebooks\n\1from zorgvuldig.rulebooks.schema import RulebookError/
s/^\( *\)from zorgvuldig\.rulebooks\.loader import RulebookError, load_rulebooks, rulebook_for$/\1from zorgvuldig.rulebooks.loader import load_rulebooks, rulebook_for\n\1from zorgvuldig.rulebooks.schema import RulebookError/
s/^\( *\)from zorgvuldig\.rulebooks\.loader import Rule, Rulebook, load_rulebooks, rulebook_for$/\1from zorgvuldig.rulebooks.loader import Rulebook, load_rulebooks, rulebook_for\n\1from zorgvuldig.rulebooks.schema import Rule/
s/^\( *\)from zorgvuldig\.rulebooks\.loader import RulebookError$/\1from zorgvuldig.rulebooks.schema import RulebookError/
s/^\( *\)from zorgvuldig\.rulebooks\.loader import Rule$/\1from zorgvuldig.rulebooks.schema import Rule/
s/zorgvuldig\.rulebooks\.loader\.\(Rule\|RulebookError\|Weighing\|read_file\)\b/zorgvuldig.rulebooks.schema.\1/g

# rulebooks/checking.py -> rulebooks/cases.py (the case contract: CaseError, Case, parse_case,
# parse_date, normalise_jurisdiction, TARGETED, NEEDS_TARGET, parse_dated_lines,
# DatedLineError, JURISDICTION_ALIASES) and rulebooks/check.py (run_check, collect_signals,
# jurisdictions_for, LANGUAGES)
s/zorgvuldig\.rulebooks\.checking import run_check\([^,]\|$\)/zorgvuldig.rulebooks.check import run_check\1/g
s/^\( *\)from zorgvuldig\.rulebooks\.checking import collect_signals$/\1from zorgvuldig.rulebooks.check import collect_signals/
s/^\( *\)from zorgvuldig\.rulebooks\.checking import Case, collect_signals$/\1from zorgvuldig.rulebooks.cases import Case\n\1from zorgvuldig.rulebooks.check import collect_signals/
s/^\( *\)from zorgvuldig\.rulebooks\.checking import CaseError, run_check$/\1from zorgvuldig.rulebooks.cases import CaseError\n\1from zorgvuldig.rulebooks.check import run_check/
s/^\( *\)from zorgvuldig\.rulebooks\.checking import CaseError, parse_case, run_check$/\1from zorgvuldig.rulebooks.cases import CaseError, parse_case\n\1from zorgvuldig.rulebooks.check import run_check/
s/^\( *\)from zorgvuldig\.rulebooks\.checking import parse_case, run_check$/\1from zorgvuldig.rulebooks.cases import parse_case\n\1from zorgvuldig.rulebooks.check import run_check/
# every other import from checking (one line or a parenthesised block) names only contract
# names; a block that also names run_check or collect_signals must be split by hand
s/zorgvuldig\.rulebooks\.checking import/zorgvuldig.rulebooks.cases import/g
s/rulebooks\.checking\.run_check/rulebooks.check.run_check/g
s/rulebooks\.checking\.collect_signals/rulebooks.check.collect_signals/g
s/rulebooks\.checking\.\([A-Za-z_]\)/rulebooks.cases.\1/g
s/rulebooks\.checking\b/rulebooks.check/g
# file paths in prose: what checking.py read and validated is in cases.py
s/rulebooks\/checking\.py/rulebooks\/cases.py/g
