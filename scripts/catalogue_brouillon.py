"""Draft catalogue entries for the texts a feature quotes (or given on the command line) that the
catalogue lacks: each text is looked for in the guides (typography aside; the OCR'd guide 04 and the
captions of guide 05 by similarity), and written to the guide's requirements file with its section,
or to simulateur.yaml (informative) when no guide shows it. A person reviews the draft: the
sections, the natures, and the restored French of an OCR'd quote.

    python scripts/catalogue_brouillon.py [--dry-run] ["texte" ...]
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from harness.catalogue import REQUIREMENTS, feature_quotes, load, normalise  # noqa: E402

GUIDES = Path(os.environ.get("ANEF_GUIDES", ROOT.parent / "shared" / "guides"))
FILES = {
    "01": "01-creer-un-compte.md", "02": "02-enfant-de-francais-premiere-demande.md",
    "03": "03-ase-premiere-demande.md", "04": "04-bpi-renouvellement.ocr.txt",
    "05": "05-famille-ue-accueillant-francais.txt",
}
FEATURE_GUIDES = {
    "compte_anef.feature": ["01", "02", "03", "04", "05"], "enfant_de_francais.feature": ["02", "01", "03", "04", "05"],
    "ase.feature": ["03", "02", "01", "04", "05"], "bpi_renouvellement.feature": ["04", "02", "03", "01", "05"],
    "famille_ue.feature": ["05", "02", "03", "04", "01"], "instruction.feature": ["02", "03", "04", "01", "05"],
}
HEADING = re.compile(
    r"^\s*(#+\s*(?P<md>.+)|(?P<roman>[IVX]+\.\s*\S.*)|(?P<num>\d{1,2}\s*[-–]\s+\S.*)|(?P<faq>\d{1,2}\.\s+\S.*\?)"
    r"|.*?(?P<etape>[EÉ]TAPE\s*\d.*))\s*$", re.IGNORECASE)


def clean(line: str) -> str:
    line = re.sub(r"<[^>]+>", "", line).replace("**", "").replace("\\*", "*")
    return re.sub(r"^#+\s*", "", line).strip(" #▼✓")


def sections(guide: str) -> list[tuple[int, str, str]]:
    """(offset in the normalised text, section heading, normalised line) of each line."""
    out, offset = [], 0
    current = "Introduction"
    for raw in (GUIDES / FILES[guide]).read_text(encoding="utf-8").splitlines():
        m = HEADING.match(raw)
        if m and len(raw) < 200:
            current = re.sub(r"\s+", " ", clean(m.group("etape") or raw)).strip()
        text = normalise(clean(raw))
        out.append((offset, current, text))
        offset += len(text) + 1
    return out


def locate(texte: str, guide: str, fuzzy: bool) -> str | None:
    lines = sections(guide)
    wanted = normalise(texte)
    flat = " ".join(t for _, _, t in lines)
    pos = flat.find(wanted)
    if pos >= 0:
        return next(s for off, s, t in reversed(lines) if off <= pos)
    if not fuzzy:
        return None
    best, where = 0.0, None
    for i, (_, sec, t) in enumerate(lines):
        cand = (t + " " + (lines[i + 1][2] if i + 1 < len(lines) else "")).strip()
        sm = difflib.SequenceMatcher(None, wanted.casefold(), cand.casefold())
        if sm.real_quick_ratio() < 0.6:
            continue
        m = sm.find_longest_match(0, len(wanted), 0, len(cand))
        if m.size >= max(8, len(wanted) * 0.6) or sm.ratio() > 0.85:
            score = max(sm.ratio(), m.size / len(wanted))
            if score > best:
                best, where = score, sec
    return where


def slug(text: str, n: int) -> str:
    import unicodedata
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().upper()
    words = [w for w in re.findall(r"[A-Z0-9]+", ascii_) if len(w) > 2 or w.isdigit()]
    return "-".join(words[:n]) or "X"


def nature(step: str) -> str:
    if "courriel" in step:
        return "courriel"
    if "document téléchargé" in step or "attestation" in step and "propose" not in step:
        return "champ_document"
    if any(k in step for k in ("signale", "refuse")):
        return "regle"
    if any(k in step for k in ("clique", "appuie", "étape", "coche", "justificatif", "case", "champ", "bouton",
                                "partie", "propose", "télécharge")):
        return "ecran"
    return "texte"


def main(argv: list[str]) -> None:
    dry = "--dry-run" in argv
    given = [a for a in argv if not a.startswith("--")]
    cat = load()
    known = {normalise(e.texte) for e in cat.exigences}
    ids = {e.id for e in cat.exigences}
    todo: dict[str, tuple[str, str]] = {}
    for feature, step, q in feature_quotes():
        todo.setdefault(normalise(q), (feature, step, q))
    for q in given:
        todo.setdefault(normalise(q), ("", "", q))
    files: dict[str, dict] = {}
    for key, (feature, step, q) in todo.items():
        if key in known or cat.find_template(q) is not None:
            continue
        order = FEATURE_GUIDES.get(feature, ["01", "02", "03", "04", "05"])
        found = next(((g, s) for g in order if (s := locate(q, g, False))), None) or \
            next(((g, s) for g in ("04", "05") if g in order[:1] and (s := locate(q, g, True))), None)
        if found:
            g, sec = found
            fname, prefix, normative = f"{FILES[g].split('.')[0]}.yaml", f"G{g}-{slug(sec, 2)}", True
            guide_file = FILES[g]
        else:
            fname, prefix, normative, sec, guide_file = "simulateur.yaml", "SIM", False, \
                (feature.removesuffix(".feature") or "harness"), "fake_anef (DERIVED)"
        base = f"{prefix}-{slug(q, 3)}"
        id_, n = base, 2
        while id_ in ids:
            id_, n = f"{base}-{n}", n + 1
        ids.add(id_)
        files.setdefault(fname, {"guide": guide_file, "exigences": []})["exigences"].append(
            {"id": id_, "section": sec, "nature": nature(step), "normative": normative, "texte": q})
        known.add(key)
    for fname, data in files.items():
        print(f"{fname}: {len(data['exigences'])} nouvelles exigences")
        if dry:
            print(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200))
            continue
        path = REQUIREMENTS / fname
        if path.exists():
            old = yaml.safe_load(path.read_text(encoding="utf-8"))
            old["exigences"] = (old.get("exigences") or []) + data["exigences"]
            data = old
        REQUIREMENTS.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
