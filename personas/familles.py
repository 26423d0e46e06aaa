"""The people a persona is made of, around the applicant (spouse, children, family) and the
applicant and title records every journey starts from.

Why apart: personas.tirages draws values; this assembles them into the model's people, the same
for every journey of personas.factory."""

from __future__ import annotations

from datetime import date, timedelta

from personas.countries import (
    pays_par_code,
)
from personas.model import (
    SEXES,
    SITUATIONS_AVEC_CONJOINT,
    SITUATIONS_AVEC_UNION,
    SITUATIONS_FAMILIALES,
    Demandeur,
    Personne,
    Titre,
    UnionCivile,
)
from personas.tirages import Tirages, add_months, add_years

#: Validity in years of the titles whose length the category fixes (the others draw 1, 2 or 4).
_DUREES = {"BPS": 4, "Réfugié": 10, "VLS-TS": 1, "Membre de famille de ressortissant UE/EEE/Suisse": 5}


class Familles(Tirages):
    """People and records built from the draws (see the module docstring)."""

    # --------------------------------------------------------------------------------------
    # people around the applicant
    # --------------------------------------------------------------------------------------
    def personne(
        self,
        nationalite: str = "FR",
        sexe: str | None = None,
        *,
        naissance: date | None = None,
        age: tuple[int, int] = (18, 80),
        nom: str | None = None,
    ) -> Personne:
        """Someone around the applicant (French parent, spouse, child, accueillant)."""
        code = self._code_pays(nationalite)
        s = self._sexe(sexe)
        if naissance is None:
            naissance = self._naissance(*age)
        return Personne(
            nom=nom if nom is not None else self._brut(code, s, "nom"),
            prenoms=self._prenoms(code, s),
            sexe=s,
            date_naissance=naissance,
            ville_naissance=self._ville(code),
            pays_naissance=pays_par_code(code).pays,
            nationalites=[code],
        )

    def _conjoint(self, d: Demandeur, union_date: date | None, francais: bool = False) -> Personne:
        code = "FR" if francais else (d.nationalite if self._rng.random() < 0.8 else
                                      self._code_pays(None))
        sexe = ("F" if d.sexe == "M" else "M") if self._rng.random() < 0.95 else d.sexe
        limite = add_years(union_date or self.today, -18)
        debut = max(add_years(d.date_naissance, -10), add_years(self.today, -90))
        fin = min(add_years(d.date_naissance, 8), limite)
        naissance = self._date_entre(debut, fin)
        return self.personne(code, sexe, naissance=naissance)

    def _enfants(self, d: Demandeur, n: int) -> list[Personne]:
        if n < 0:
            raise ValueError("enfants must be >= 0")
        if n > 12:
            raise ValueError("more than 12 children requested")
        if n == 0:
            return []
        au_plus_tot = add_years(d.date_naissance, 16)
        confortable = add_years(d.date_naissance, 18)
        fin = self.today - timedelta(days=1)
        if au_plus_tot > fin:
            raise ValueError(
                "children must be at least 16 years younger than the applicant: applicant too young"
            )
        debut = confortable if confortable <= fin else au_plus_tot
        enfants = []
        for _ in range(n):
            naissance = self._date_entre(debut, fin)
            sexe = self._rng.choice(SEXES)
            en_france = d.date_entree_france is not None and naissance > d.date_entree_france
            enfant = Personne(
                nom=d.nom,
                prenoms=self._prenoms(d.nationalite, sexe),
                sexe=sexe,
                date_naissance=naissance,
                ville_naissance=self._ville("FR" if en_france else d.nationalite),
                pays_naissance="France" if en_france else pays_par_code(d.nationalite).pays,
                nationalites=[d.nationalite],
            )
            enfants.append(enfant)
        enfants.sort(key=lambda e: e.date_naissance)
        return enfants

    def _famille(self, d: Demandeur, situation: str, enfants: int, *, union_avant: date | None = None,
                 union_pays: tuple[str, ...] | None = None) -> None:
        """Fill situation, union, conjoint and children of ``d`` consistently."""
        if situation not in SITUATIONS_FAMILIALES:
            raise ValueError(f"situation must be one of {SITUATIONS_FAMILIALES}, not {situation!r}")
        d.situation_familiale = situation
        majorite = add_years(d.date_naissance, 18)
        if situation != "Célibataire" and majorite > self.today:
            raise ValueError(f"{situation}: the applicant must be an adult (union after 18)")
        if situation in SITUATIONS_AVEC_UNION:
            fin = min(self.today, union_avant or self.today)
            debut = majorite
            if situation == "Pacsé(e)":
                # A PACS is registered in France, so after the applicant's arrival when possible.
                pays = "France"
                if d.date_entree_france is not None and max(debut, d.date_entree_france) <= fin:
                    debut = max(debut, d.date_entree_france)
            else:
                choix = union_pays or ("France", pays_par_code(d.nationalite).pays)
                pays = self._rng.choice(choix)
            d.union = UnionCivile(date=self._date_entre(debut, fin), pays=pays)
        if situation in SITUATIONS_AVEC_CONJOINT:
            d.conjoint = self._conjoint(d, d.union.date if d.union else None)
        d.enfants = self._enfants(d, enfants)


    # --------------------------------------------------------------------------------------
    # the applicant
    # --------------------------------------------------------------------------------------
    def _demandeur(self, code: str, sexe: str, naissance: date, parcours: str) -> Demandeur:
        nom, prenoms = self._identite_demandeur(code, sexe)
        return Demandeur(
            nom=nom,
            prenoms=prenoms,
            sexe=sexe,
            date_naissance=naissance,
            ville_naissance=self._ville(code),
            pays_naissance=pays_par_code(code).pays,
            nationalites=[code],
            email=self.email(prenoms[0], nom),
            telephone=self.telephone(),
            adresse=self.adresse(),
            mot_de_passe=self.mot_de_passe(),
            ephoto=self.ephoto(),
            parcours=parcours,
        )

    def _titre(self, *, numero: str, kind: str, categorie: str, mention: str, fin_min: date,
               fin_max: date, duree: int) -> Titre:
        date_fin = self._date_entre(fin_min, fin_max)
        date_debut = add_years(date_fin, -duree) + timedelta(days=1)
        return Titre(numero, kind, categorie, mention, date_debut, date_fin)

    def _entree_avant(self, d: Demandeur, avant: date, *, max_annees: int = 5) -> date:
        debut = max(d.date_naissance + timedelta(days=1), add_years(avant, -max_annees))
        return self._date_entre(debut, avant - timedelta(days=1))

    def _titulaire(self, *, categorie: str, mention: str, kind: str, renouvellement: bool,
                   nationalite: str | None, sexe: str | None, parcours: str,
                   duree: int | None = None, choix_pays: tuple[str, ...] | None = None,
                   age_max: int = 65) -> Demandeur:
        if kind not in ("titre", "visa"):
            raise ValueError(f"kind must be 'titre' or 'visa', not {kind!r}")
        if not categorie:
            raise ValueError("categorie is required")
        if duree is None:
            if kind == "visa":
                duree = 1
            elif categorie in _DUREES:
                duree = _DUREES[categorie]
            else:
                duree = self._rng.choice((1, 2, 4))
        if duree < 1:
            raise ValueError("duree must be >= 1 year")
        code = self._code_demandeur(nationalite, choix_pays)
        s = self._sexe(sexe)
        # The title started after the 18th birthday.
        age_min = 18 + duree + 1
        if age_min > age_max:
            raise ValueError(f"a {duree}-year title cannot be held by someone under {age_min}")
        d = self._demandeur(code, s, self._naissance(age_min, age_max), parcours)
        if renouvellement:
            fin_min, fin_max = add_months(self.today, 2), add_months(self.today, 4)
        else:
            fin_min = self.today + timedelta(days=1)
            fin_max = max(fin_min, add_years(self.today, duree) - timedelta(days=1))
        # Every holder has a numéro étranger: a title carries it, and a VLS-TS gets one when it is
        # validated (guide 01, FAQ 2: the validation reference is the numéro étranger).  A visa's
        # own number is distinct.
        d.numero_etranger = self.numero_etranger()
        numero = d.numero_etranger if kind == "titre" else self.numero_visa()
        t = self._titre(numero=numero, kind=kind, categorie=categorie, mention=mention,
                        fin_min=fin_min, fin_max=fin_max, duree=duree)
        d.titres = [t]
        d.titre = t
        if kind == "visa":
            # A long-stay visa holder enters France within the first weeks of the visa.
            d.date_entree_france = self._date_entre(
                t.date_debut, min(self.today, t.date_debut + timedelta(days=60))
            )
        else:
            d.date_entree_france = self._entree_avant(d, t.date_debut)
        return d
