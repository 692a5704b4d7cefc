"""Write ``signals/data/hurtlex.yaml``: the part of HurtLex 1.2 (Dutch and English) the
tone cues use, selected by HurtLex's own categories.

HurtLex (Bassignana, Basile and Patti, "Hurtlex: A Multilingual Lexicon of Words to Hurt",
CLiC-it 2018; github.com/valeriobasile/hurtlex, lexica/NL/1.2 and lexica/EN/1.2) is licensed
CC BY-NC-SA 4.0; the file written here is an adaptation and carries the same licence.

Run (the two TSV files as published, read from a copy of the repository)::

    .venv/bin/python scripts/build_hurtlex_subset.py hurtlex_NL.tsv hurtlex_EN.tsv

Selection, the same for both languages and never from case texts:

- level ``conservative`` only (HurtLex: "obtained by translating offensive senses");
- ``attack`` (name-calling, derision, accusations of bad character or incompetence): the
  categories CDS (derogatory words), DMC (moral and behavioural defects) and DDP (cognitive
  disabilities, used as insults), nouns; ``attack_adjectives`` the adjectives of those
  categories (they insult a person only when the sentence names one: "he is cruel", not
  "the policy is cruel");
- ``slur`` (words that insult a group for what it is): the categories PS (negative
  stereotypes, ethnic slurs) and OM (homosexuality), minus every lemma HurtLex also files
  under CDS, DMC, DDP or AN (those are general insults that the automatic translation put
  in PS as well: "idioot", "sukkel");
- ``derision``: the lemmas of those categories that dismiss what someone says or does
  (``DERISION`` below: "onzin", "nonsense"), kept apart from the attack words;
- single words only (multi-word entries are mostly translation artefacts), written in the
  Latin alphabet;
- minus the lemmas listed in ``EXCLUDED`` below: reviewed one by one because their common
  sense is neutral (professions and officials, animals, food and things, topic nouns such
  as "fascisme", neutral words for identities and origins), or because they describe
  things rather than persons ("slecht", "rampzalig", "nonsense"). HurtLex's own README
  asks users to remove items that are wrong for a language.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/zorgvuldig/signals/data/hurtlex.yaml"

ATTACK = {"cds", "dmc", "ddp"}
SLUR = {"ps", "om"}
GENERAL = ATTACK | {"an"}
WORD = re.compile(r"[a-zA-ZÀ-ÖØ-öø-ÿ]+(?:['-][a-zA-ZÀ-ÖØ-öø-ÿ]+)*")

#: Reviewed: words that dismiss what someone says or does ("onzin", "nonsense"). They are
#: written to the ``derision`` section; an attack when the sentence names whom it is about.
DERISION: dict[str, set[str]] = {
    "NL": {
        "bullshit", "brandhout", "flauwekul", "kletskoek", "larie", "lariekoek", "nonsens",
        "onzin", "onzinnige", "onzinnigheid", "puinhoop", "prutsding", "prulleboel",
        "prullenboel",
    },
    "EN": {
        "bunk", "codswallop", "garbage", "hokum", "nonsense", "non-sense", "rubbish",
        "tripe", "trash", "trumpery",
    },
}  # fmt: skip

#: Reviewed: a common neutral sense, or a word for things rather than persons.
EXCLUDED: dict[str, str] = {
    "NL": """
    gappen aanbrenger aangever aanschaf aanwensel aap achtergebleven aftrekken afval agent agente
    agitator agnosie amateurisme appelflap argeloos augiasstal augurk axiometer
    baldadigheid balling ballingschap beest bende bendegeweld bendelid bendeoorlogen bendes
    berucht bedrogene beginneling bikker bobby boekenwurm boer boosdoener bot bout
    brandhout broekje brutaliteit bullshit capo catastrofaal champetter codswallop
    computeroperator conformist conformistische crimineel cut-up dakloze damp demagogie
    desastreus dier dissident dogmatisme druif dupe duivel eend eergevoel egoïsme ei eitje
    element empirisme extreem-winger ezel fanatiek fascisme fascism fascismo facisme fierheid
    flauwekul flic flik folderol freak gang gat gedrevene gedupeerde gek gekheid geldschieter
    geldschieters geraffineerd gerechtsdienaar geslepen gewichtigheid gewiekst gierig
    grappenmaker groene groentje hals herrie homofilie homoseksualiteit hond hongerlijder
    hoogmoed hosselen huisvuil hyperseksualiteit hyperseksueel ijdelheid ijveraar individu
    informant jan-van-gent jeugdbende jeugdbendes jeugddelinquent joekel jojo kalf kaper
    kapoen kattekwaad kattenkwaad-making keet kerkverlater kinderkaartspel kippenvlees klager
    knol knuppel koe krachtmens krachtpatser krankzinnige kriel kudde kuiken kundig kwaad
    kwajongen kwal larie lariekoek leep libertijn libertijnisme libertinisme lichtgewicht
    line-shooter listig listige loanshark loansharking maffia mafia massa massa's meeuw
    menigte mensen metaalafval minimumlijder modder moedeloos moneylending motoragent mug
    mussiness nagemaakt namaak naïef nep nerd nerdy nieuweling nieuwkomer nieuwsgierigaard
    nieuwsjager nieuwtjesjager no-rekening nonsens nymfomanie officier onderwijzeres
    ondeugende oneerlijk ongehoord onverstandig onverstandige onwetendheid onwijs onzin
    onzinnige onzinnigheid operator ostentatiousness outlaw pens plattelander plukken
    politie politie-agent politieagent politieagente politieagenten politieambtenaar
    politiebeambte politieman politievrouw polyhistor probleem probleemstelling problematiek
    provinciaal pseudo puinhoop puzzelaar rakker rampspoedig rampzalig randfiguur reactionair
    reactionaire reet rentenier rommel rookie rotzooi rover roversbende ruimen rund
    satyriasis schacht schandelijk schooljuffrouw schoolma'am schoolmeester schoonschrijver
    schrijver schroot schuldig scribent shit simpel simpele sjouter slachtoffer slecht
    slimheid slimmerd slimmerik snuffelen splashiness stank starheid stinken stinkt
    straatbende straatbendes strafrechtelijk struikroverij suf superbia teem tipgever
    toeschouwer troep trots uil uitgekookt ultraconservatieve vals valse varken veeleisend
    veelweter veldwachter verbeelding verboden verduiveld verslaafde verteller vertragen
    vervolger verwerpen verworpen vogelvrij vogelvrije volk volksleider voorstander vossen
    vrijgeest vuil vuilnis waanzinnige wanorde weg-agent wheeler-dealer wilde woeker
    woekeraar woekeraars woekeraarster woekerrente zaag zak zelf-liefde zo-en-zo zoetje
    zondaar zondig zooerastia zooerasty zooi zootje zoöfilie zwarthemd zwarthemden zwerver
    zwervers zwijn
    gay gehandicapte holebi homo homo's homobeweging homofiel homofiele homofielen
    homoseksueel homoseksuele hun jerry kinderlokker kinderverkrachter mesties mestiezen
    mestizaje mestizo moor nicht paederast pederast pedo pedofiel queer razend ruiner
    straatschender twink uprooter utrechtenaar vandaal verbrasser verkwister vernielal
    vernieler verspiller vreemd woedend zwarte
    """,
    "EN": """
    sob misleading academic addict adolescent akranis andromania anti-progressive
    assumption bad bandit
    banditti base beast black blood boob book-louse bookworm brutal brutality bull bum bunk
    butcher buttery calamitous cheek chesty chicken codswallop cop copper counterfeit craft
    criminal crust cub cull culled culling culls cunning cut-up demanding dense devil dim
    disastrous disorder dog dope dull empiricism evil exigent fake false fascism facism
    facsism fascsim fashism fasism fast fatal fateful fearful fell folderol folly fooled foul
    fox freezer-duty freshness funky fuzz gall gang gangmembers gangs gangsterism garbage
    goose gossip green greenhorn grind hack heavies heel heller herd highjacker hijacker
    highway-robber highwayman highwaymen hog hound hyper-sexual hyper-sexuality
    hyper-sexually hyper-sexualism hyper-sexualisms hyper-sexualist hyper-sexualists
    hyper-sexualities hyper-sexuals hyperlibido hyperphilia hyperphiliac hyperphiliacs
    hyperphilias hyperphilic hypersexual hypersexualism hypersexualisms hypersexualist
    hypersexualists hypersexualities hypersexuality hypersexually hypersexuals ignorance
    imitative inflation informer innocent insular junk juvenile katerfelts kolotripa lie
    loan-sharking loanshark loansharking looker-on low lump mac madams madness magpie mark
    mass masses mess mischief mischty miserable mistress mob money-lender money-lending
    moneylender moneylenders moneylending monkey montambanco multitude muscle muscleman muss
    mussiness myopic mystificational mystified mystifiedly mystifier mystifiers mystifies
    mystify mystifying mystifyingly narrow nitouche non-sense nonsense nonesense nonsence
    nonsensal nonsenses nonsents nut nympho nymphomania nymphomaniac nymphomaniacs officer
    oily onanism onlooker operator outlaw outlawed outlawing outlawry pack parochial patrolman
    peasant penman people policeofficer police-man police-woman police-women policeman
    policemen policewoman poop pride problem procrasturbation pseudo pseudo-medicine
    puffiness pup puppy puzzle rake rat reactionaries reactionarism reactionary reactionist
    refuse regressivism reject ring rip robber rook rookie rounder rout rubbish ruck sap
    savage sbirro scholastic scrap scrapped scrapping scribe sextrader sextraders sex-trader
    sex-traders shit shrimp silly simple sinner slacked slick slow slug snoop soapy stink
    story storyteller tale teaser trash trick tricky trouble ugly ultraconservative untrue
    usuary usura usurary usurer usurious usury vainest vanity victim villain waste whopper
    wish-wash wolf worthless wretched wrongly yahoo yellow zaptiah
    boy-crazier boy-craziest boy-crazily boy-craziness boycrazier boycraziest boycrazily
    boycraziness girl-crazier girl-craziest girl-crazily girl-craziness girlcrazier
    girlcraziest girlcrazily girlcraziness man-crazy man-crazier man-craziest man-crazily
    man-craziness mancrazier mancraziest mancrazily mancraziness mancrazy woman-crazy
    woman-crazier woman-craziest woman-crazily woman-craziness womancrazier womancraziest
    womancrazily womancraziness womancrazy clitoromania satyriac satyriacs satyriases
    satyriasis satyriasistic satyriasistically satyromania
    destroyer fairy gay gayest gays homophile homophilia homophilic homosexual hun
    japanese-mestizo jerry ladino livid mestico mesticos mestiso mestizaje mestizo mestizos
    queen queer queer-identified queers ruiner shman hnrrep spade twink twinkie undoer
    uprooter vandal paederast pederast
    """,
}


def select(path: Path, lang: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """``(attack nouns, attack adjectives, slur, derision)`` lemmas of one HurtLex TSV
    file, sorted. A lemma HurtLex gives as a noun too counts as a noun."""
    excluded = set(EXCLUDED[lang].split())
    cats: dict[str, set[str]] = {}
    pos: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            lemma = row["lemma"].strip().lower()
            if row["level"] != "conservative" or not WORD.fullmatch(lemma):
                continue
            cats.setdefault(lemma, set()).add(row["category"])
            pos.setdefault(lemma, set()).add(row["pos"])
    attack = sorted(
        w
        for w, c in cats.items()
        if c & ATTACK and pos[w] & {"n", "a"} and w not in excluded
    )
    slur = sorted(
        w for w, c in cats.items() if c & SLUR and not c & GENERAL and w not in excluded
    )
    derision = sorted(w for w, c in cats.items() if c & ATTACK and w in DERISION[lang])
    attack = [w for w in attack if w not in DERISION[lang]]
    nouns = [w for w in attack if "n" in pos[w]]
    adjectives = [w for w in attack if "n" not in pos[w]]
    return nouns, adjectives, slur, derision


def _block(words: list[str], indent: str = "    ") -> str:
    lines, line = [], ""
    for w in words:
        item = f'"{w}"' if "'" in w or w in ("yes", "no", "on", "off") else w
        piece = f"{item}, "
        if len(indent) + len(line) + len(piece) > 92:
            lines.append(indent + line.rstrip())
            line = ""
        line += piece
    if line:
        lines.append(indent + line.rstrip().rstrip(","))
    text = "\n".join(lines)
    return text.rstrip(",")


HEADER = """\
# HurtLex 1.2, the Dutch and English lexica: the entries the tone cues use.
#
# Source: Elisa Bassignana, Valerio Basile, Viviana Patti, "Hurtlex: A Multilingual Lexicon
#   of Words to Hurt", Proceedings of CLiC-it 2018 (ceur-ws.org/Vol-2253/paper49.pdf);
#   github.com/valeriobasile/hurtlex, lexica/NL/1.2/hurtlex_NL.tsv and
#   lexica/EN/1.2/hurtlex_EN.tsv.
# Licence: Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International
#   (CC BY-NC-SA 4.0, creativecommons.org/licenses/by-nc-sa/4.0/). This file is an
#   adaptation (a selection, see below) and is distributed under the same licence, not
#   under the EUPL of the code; anyone using the product commercially must remove it (the
#   tone cues then use the other lists only; see docs/rules.md).
# Changes: written by scripts/build_hurtlex_subset.py, whose docstring gives the selection:
#   level "conservative"; attack = categories CDS, DMC, DDP (nouns; attack_adjectives the
#   adjectives, which insult only when the sentence names a person); slur =
#   categories PS and OM minus lemmas also in CDS, DMC, DDP or AN; single words only; minus
#   lemmas reviewed as neutral in their common sense (listed in the script); derision =
#   the attack lemmas that dismiss what someone says or does. Never from
#   case texts. Do not edit by hand: change the script and run it again.
"""


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    nl_attack, nl_adj, nl_slur, nl_derision = select(Path(argv[1]), "NL")
    en_attack, en_adj, en_slur, en_derision = select(Path(argv[2]), "EN")
    body = [HEADER, "attack:"]
    body += ["  nl: [", _block(nl_attack), "  ]", "  en: [", _block(en_attack), "  ]"]
    body += ["attack_adjectives:"]
    body += ["  nl: [", _block(nl_adj), "  ]", "  en: [", _block(en_adj), "  ]"]
    body += ["slur:"]
    body += ["  nl: [", _block(nl_slur), "  ]", "  en: [", _block(en_slur), "  ]"]
    body += ["derision:"]
    body += [
        "  nl: [",
        _block(nl_derision),
        "  ]",
        "  en: [",
        _block(en_derision),
        "  ]",
    ]
    OUT.write_text("\n".join(body) + "\n", encoding="utf-8")
    print(
        f"{OUT}: attack nl {len(nl_attack)}+{len(nl_adj)}, "
        f"en {len(en_attack)}+{len(en_adj)}; "
        f"slur nl {len(nl_slur)}, en {len(en_slur)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
