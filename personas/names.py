"""Names as a French administration prints them.

Why: Faker draws names per locale, but several locales write them in their own script (zh_CN,
ar_*, fa_IR, hi_IN, ru_RU ...), some have no person provider at all (ar_EG falls back to US names),
and a French titre de séjour shows Latin letters only.  This module holds:

* :func:`translitterer`: Cyrillic (ICAO 9303 for Russian and Belarusian, the national passport rules
  for Ukrainian, Bulgarian and Macedonian) and Greek (ELOT 743) to Latin, as passports print them;
* :func:`latin_administratif`: keeps the Latin letters a French form accepts (Latin-1 and Latin
  Extended-A: é, ç, ß, ł, ş, ő ...) and strips the rest of their diacritics (Vietnamese ầ -> a);
* built-in pools of common, already transliterated names for the countries Faker cannot serve
  (French transliteration for the francophone countries: "Saïd", "Ouédraogo");
* per-country surnames with particles, apostrophes and hyphens ("Ben Saïd", "N'Diaye",
  "D'Almeida", "Müller-Çelik"), used for about one applicant in four.

No dependency: the transliteration tables are small and written out here.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "POOLS",
    "POOL_PAR_PAYS",
    "PARTICULES_PAR_PAYS",
    "LATIN_SIBLING",
    "translitterer",
    "latin_administratif",
    "sans_diacritiques",
    "LOCALES_SANS_DIACRITIQUES",
    "est_latin",
    "ascii_slug",
    "a_particule",
]

# --------------------------------------------------------------------------------------------
# Built-in pools: m = male given names, f = female given names, noms = plain surnames (one word,
# no apostrophe, no hyphen), particules = surnames with a particle, an apostrophe or a hyphen.
# --------------------------------------------------------------------------------------------
POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "maroc": {
        "m": ("Mohamed", "Youssef", "Karim", "Mehdi", "Amine", "Hamza", "Yassine", "Omar", "Bilal",
              "Hicham", "Rachid", "Saïd", "Abdelkader", "Mustapha", "Ayoub", "Soufiane"),
        "f": ("Fatima", "Khadija", "Amina", "Salma", "Imane", "Meryem", "Nour", "Sara", "Yasmine",
              "Leïla", "Houda", "Soukaïna", "Nadia", "Samira", "Aïcha", "Hajar", "Zineb"),
        "noms": ("Alaoui", "Bennani", "Tazi", "Berrada", "Amrani", "Benjelloun", "Chraibi",
                 "Lahlou", "Ouazzani", "Bouzid", "Tahiri", "Benkirane", "Sqalli", "Ziani",
                 "Bakkali", "Chaoui", "Mansouri", "Haddad"),
        "particules": ("El Amrani", "El Idrissi", "Aït Ahmed", "Aït Ouali", "El Fassi",
                       "Ben Abdallah", "El Ouafi", "Aït Benhaddou", "Ben Saïd"),
    },
    "tunisie": {
        "m": ("Mohamed", "Ahmed", "Youssef", "Karim", "Mehdi", "Amine", "Hamza", "Anis", "Khalil",
              "Walid", "Sami", "Nabil", "Hichem", "Skander", "Aymen", "Wassim", "Oussama"),
        "f": ("Fatma", "Amira", "Salma", "Imen", "Meriem", "Nour", "Sarra", "Yasmine", "Leïla",
              "Rania", "Asma", "Inès", "Nesrine", "Samia", "Olfa", "Emna", "Sonia"),
        "noms": ("Trabelsi", "Gharbi", "Jebali", "Hamdi", "Chaabane", "Ferchichi", "Mejri",
                 "Bouazizi", "Dridi", "Zitouni", "Saidi", "Mansouri", "Ayari", "Jlassi", "Khelifi",
                 "Hammami", "Sassi", "Baccouche", "Karoui"),
        "particules": ("Ben Saïd", "Ben Ali", "Ben Youssef", "Ben Hamouda", "Ben Salah",
                       "Ben Romdhane", "Ben Amor", "El Kefi"),
    },
    "mauritanie": {
        "m": ("Mohamed", "Ahmed", "Sidi", "Cheikh", "Brahim", "Mamadou", "Moussa", "Abdallahi",
              "Yahya", "El Moustapha"),
        "f": ("Mariem", "Fatimetou", "Aïchetou", "Khadijetou", "Zeinabou", "Mounina", "Vatma",
              "Coumba", "Aminata", "Salka"),
        "noms": ("Sall", "Kane", "Sy", "Vall", "Brahim", "Cheikh", "Diop", "Ba", "Ely", "Salem",
                 "Ahmed", "Abdallahi"),
        "particules": ("Ould Ahmed", "Ould Bah", "Ould Cheikh", "Mint Ahmed", "Ould Sidi",
                       "Mint Salem"),
    },
    "machrek": {
        "m": ("Ahmad", "Mohammad", "Omar", "Khaled", "Ali", "Hassan", "Hussein", "Ibrahim",
              "Mahmoud", "Youssef", "Tarek", "Rami", "Karim", "Fadi", "Ziad", "Bassel", "Samer"),
        "f": ("Fatima", "Mariam", "Nour", "Rana", "Lina", "Hiba", "Dina", "Rasha", "Salma", "Layla",
              "Yasmin", "Aya", "Reem", "Sara", "Hala", "Rima", "Dalia"),
        "noms": ("Haddad", "Khoury", "Nasser", "Saleh", "Hamdan", "Mansour", "Darwish", "Issa",
                 "Khalil", "Awad", "Hassan", "Ibrahim", "Mahmoud", "Youssef", "Farouk", "Saeed",
                 "Shaker", "Najjar", "Sabbagh", "Toma"),
        "particules": ("Abou Khalil", "Al Masri", "El Sayed", "Abdel Malek", "Al Hussein",
                       "Abdel Rahman", "El Khoury", "Abou Chakra", "Al Ahmad"),
    },
    "sahel": {
        "m": ("Moussa", "Mamadou", "Ibrahima", "Ousmane", "Abdoulaye", "Souleymane", "Boubacar",
              "Cheikh", "Modou", "Seydou", "Amadou", "Issa", "Lamine", "Alassane", "Adama"),
        "f": ("Aminata", "Fatoumata", "Awa", "Mariama", "Aïssatou", "Kadiatou", "Fanta",
              "Ramatoulaye", "Khady", "Mariam", "Hawa", "Oumou", "Bintou", "Ndeye", "Rokia"),
        "noms": ("Diallo", "Traoré", "Koné", "Coulibaly", "Diop", "Ndiaye", "Sow", "Camara",
                 "Cissé", "Sylla", "Touré", "Fall", "Kouyaté", "Ouédraogo", "Sawadogo", "Kaboré",
                 "Konaté", "Diarra", "Keïta", "Sanogo", "Dembélé", "Gueye", "Maïga", "Barry"),
        "particules": ("N'Diaye", "N'Doye", "N'Dour", "M'Baye", "Ba-Sow", "Diallo-Bah",
                       "N'Diaye-Fall"),
    },
    "golfe_de_guinee": {
        "m": ("Koffi", "Kouassi", "Yao", "Kouadio", "Komlan", "Kossi", "Romaric", "Arnaud", "Serge",
              "Hermann", "Brice", "Ulrich", "Sédjro", "Kodjo"),
        "f": ("Affoué", "Adjoua", "Akissi", "Ama", "Afi", "Sika", "Grâce", "Estelle", "Nadège",
              "Aya", "Mawuena", "Edwige", "Rachida"),
        "noms": ("Kouamé", "Kouassi", "Yao", "Koffi", "Konan", "Agbodjan", "Amoussou", "Houngbo",
                 "Ahouansou", "Mensah", "Lawson", "Dossou", "Bamba", "Kacou", "Tano", "Adjovi"),
        "particules": ("N'Guessan", "N'Dri", "N'Goran", "Kouassi-Konan", "D'Almeida", "De Souza",
                       "Da Silveira", "N'Da"),
    },
    "afrique_centrale": {
        "m": ("Serge", "Patrick", "Hervé", "Christian", "Blaise", "Arnaud", "Cédric", "Emmanuel",
              "Jonathan", "Landry", "Fabrice", "Junior", "Rodrigue", "Yannick", "Franck"),
        "f": ("Grâce", "Merveille", "Nadège", "Christelle", "Prisca", "Sandrine", "Esther",
              "Divine", "Gloire", "Rachel", "Ruth", "Joëlle", "Ornella", "Chancelle", "Falone"),
        "noms": ("Mbarga", "Nkoulou", "Ngono", "Atangana", "Mukendi", "Kabongo", "Tshibanda",
                 "Ilunga", "Mbemba", "Moukoko", "Ondo", "Nzé", "Essomba", "Mabiala", "Makosso",
                 "Lutumba", "Kalonji", "Ngoma", "Mbuyi", "Nkounkou"),
        "particules": ("Ngo Mbarga", "Ze Nguema", "Mba Obiang", "Mve Ondo", "Eto'o", "Ndong-Mba",
                       "Ma Ngoma", "Nkoulou-Essomba"),
    },
    "tchad": {
        "m": ("Mahamat", "Idriss", "Abakar", "Moussa", "Hassan", "Adoum", "Oumar", "Saleh",
              "Brahim", "Djimet"),
        "f": ("Achta", "Halimé", "Fatimé", "Zara", "Khadidja", "Mariam", "Hawa", "Amné", "Djamila"),
        "noms": ("Mahamat", "Abakar", "Idriss", "Adoum", "Hassane", "Saleh", "Brahim", "Djimet",
                 "Nadjingar", "Ngarlem", "Youssouf", "Haroun"),
        "particules": ("Mahamat Saleh", "Abdel Kerim", "Ahmat Hassane"),
    },
    "erythree_ethiopie": {
        "m": ("Yonas", "Dawit", "Tesfaye", "Samuel", "Yohannes", "Filmon", "Semere", "Mehari",
              "Abel", "Biniam", "Henok", "Robel"),
        "f": ("Hiwot", "Selam", "Meron", "Saba", "Helen", "Senait", "Mahlet", "Ruth", "Feven",
              "Luwam", "Tigist", "Yordanos"),
        "noms": ("Tesfaye", "Haile", "Gebremedhin", "Tekle", "Abraha", "Kidane", "Berhane",
                 "Ghebreyesus", "Tesfamariam", "Woldemariam", "Mekonnen", "Girma", "Tsegaye"),
        "particules": ("Gebre Egziabher", "Wolde Giorgis", "Habte Mariam", "Gebre Selassie"),
    },
    "somalie": {
        "m": ("Abdirahman", "Abdullahi", "Mohamed", "Ahmed", "Abdi", "Hassan", "Omar", "Yusuf",
              "Liban", "Guled", "Mahad"),
        "f": ("Hodan", "Fadumo", "Ayan", "Amal", "Asha", "Hibaaq", "Sahra", "Ifrah", "Nasra",
              "Halima", "Deqa"),
        "noms": ("Warsame", "Abdi", "Farah", "Osman", "Hirsi", "Jama", "Ali", "Mohamud", "Egal",
                 "Duale", "Aden", "Hussein"),
        "particules": ("Haji Ali", "Abdi Farah", "Sheikh Omar"),
    },
    "soudan": {
        "m": ("Mohamed", "Ahmed", "Osman", "Abdelrahman", "Omer", "Mustafa", "Elfatih", "Babiker",
              "Hamid", "Adam", "Mujahid"),
        "f": ("Fatima", "Amna", "Sara", "Hiba", "Rayan", "Tasneem", "Mawada", "Samah", "Nahla",
              "Alawia", "Reem"),
        "noms": ("Osman", "Babiker", "Elhassan", "Abdalla", "Ibrahim", "Adam", "Yousif", "Hamid",
                 "Elamin", "Musa", "Ishag", "Elnour", "Bashir"),
        "particules": ("Abdel Rahim", "Abdel Karim", "Abdel Aziz", "Abu Bakr", "El Tayeb"),
    },
    "persan": {
        "m": ("Ahmad", "Mohammad", "Ali", "Reza", "Hossein", "Mahdi", "Farid", "Jawad", "Hamid",
              "Karim", "Rahim", "Masoud", "Navid", "Sohrab", "Bashir", "Zabihullah", "Mirwais"),
        "f": ("Fatemeh", "Zahra", "Maryam", "Shirin", "Parisa", "Leila", "Nargis", "Farida", "Mina",
              "Soraya", "Nasrin", "Roya", "Shabnam", "Mahsa", "Khatera"),
        "noms": ("Ahmadi", "Hosseini", "Rahimi", "Mohammadi", "Karimi", "Rezaei", "Sultani",
                 "Hashemi", "Jafari", "Amiri", "Noori", "Azizi", "Haidari", "Popal", "Wardak",
                 "Safi", "Stanikzai", "Sadeghi"),
        "particules": ("Mir Ahmadi", "Sayed Hashemi", "Abdul Rahimi", "Mohammad Zai", "Haji Karimi"),
    },
    "bangladesh": {
        "m": ("Rahim", "Karim", "Arif", "Sajid", "Tanvir", "Kamal", "Rakib", "Shakil", "Mehedi",
              "Imran", "Shahidul"),
        "f": ("Fatema", "Nusrat", "Sumaiya", "Tahmina", "Sabina", "Rupa", "Jannatul", "Sharmin",
              "Taslima", "Farzana"),
        "noms": ("Rahman", "Hossain", "Islam", "Ahmed", "Chowdhury", "Miah", "Begum", "Uddin",
                 "Sarkar", "Akter", "Talukder", "Khan"),
        "particules": ("Abdul Karim", "Uddin Ahmed", "Al Mamun", "Abdul Kader"),
    },
    "sri_lanka": {
        "m": ("Nuwan", "Kasun", "Tharshan", "Kajan", "Suresh", "Pradeep", "Sanjeev", "Mathan",
              "Kumaran", "Dinesh"),
        "f": ("Dilini", "Nadeesha", "Tharshika", "Nilani", "Kumari", "Priya", "Sharmila", "Anusha",
              "Thanuja"),
        "noms": ("Perera", "Fernando", "Silva", "Jayasinghe", "Bandara", "Sivakumar",
                 "Tharmalingam", "Rajendran", "Kanagaratnam", "Wickramasinghe", "Gunawardena"),
        "particules": ("De Silva", "De Mel", "De Alwis", "De Zoysa"),
    },
    "nepal": {
        "m": ("Bikash", "Sunil", "Anil", "Prakash", "Ramesh", "Sagar", "Bishal", "Nabin", "Suman"),
        "f": ("Sita", "Anjali", "Sabina", "Sunita", "Gita", "Pratima", "Srijana", "Manisha"),
        "noms": ("Shrestha", "Gurung", "Tamang", "Thapa", "Rai", "Magar", "Adhikari", "Karki",
                 "Bhandari", "Sharma", "Limbu"),
        "particules": (),
    },
    "chine": {
        "m": ("Wei", "Hao", "Junjie", "Haoran", "Zihao", "Yuxuan", "Jianguo", "Zhiwei", "Lei",
              "Jie", "Tao", "Ming", "Qiang", "Peng", "Xin", "Bo"),
        "f": ("Xiaomei", "Yuting", "Jing", "Lina", "Meiling", "Xinyi", "Yan", "Hui", "Fang", "Na",
              "Min", "Ying", "Xue", "Lan", "Qian"),
        "noms": ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
                 "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "He", "Gao", "Luo", "Ouyang"),
        "particules": (),
    },
    "philippines": {
        "m": ("Jose", "Juan", "Mark", "John Paul", "Carlo", "Miguel", "Rodel", "Jomar", "Ramon",
              "Angelo", "Christian"),
        "f": ("Maria", "Kristine", "Mary Grace", "Angelica", "Jocelyn", "Rowena", "Lorna",
              "Marites", "Jasmine", "Camille"),
        "noms": ("Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres",
                 "Villanueva", "Ramos", "Aquino", "Castillo", "Flores", "Navarro"),
        "particules": ("Dela Cruz", "De Guzman", "De los Santos", "Del Rosario", "De Leon"),
    },
    "japon": {
        "m": ("Haruto", "Yuto", "Sota", "Takumi", "Kenji", "Hiroshi", "Daiki", "Ren", "Kaito",
              "Shota", "Takeshi"),
        "f": ("Yui", "Hina", "Sakura", "Aoi", "Yuki", "Mei", "Haruka", "Rin", "Emi", "Akiko",
              "Naoko"),
        "noms": ("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto",
                 "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada"),
        "particules": (),
    },
    "coree": {
        "m": ("Min-jun", "Seo-jun", "Ji-hoon", "Hyun-woo", "Jae-won", "Dong-hyun", "Sung-min"),
        "f": ("Seo-yeon", "Ji-woo", "Min-seo", "Su-bin", "Ha-eun", "Ji-eun", "Yu-na"),
        "noms": ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han"),
        "particules": (),
    },
    "thai": {
        "m": ("Somchai", "Anan", "Kittisak", "Nattapong", "Prasert", "Surachai", "Wichai"),
        "f": ("Siriporn", "Nattaya", "Kanya", "Pim", "Suda", "Malee", "Ratana"),
        "noms": ("Saetang", "Srisuk", "Wongsa", "Chaiyaporn", "Rattanakorn", "Boonmee",
                 "Suwannarat", "Kaewkham"),
        "particules": (),
    },
    "georgie": {
        "m": ("Giorgi", "Levan", "Davit", "Nika", "Irakli", "Luka", "Zurab", "Tornike"),
        "f": ("Nino", "Mariam", "Tamar", "Ana", "Salome", "Eka", "Natia", "Ketevan"),
        "noms": ("Beridze", "Kapanadze", "Gelashvili", "Maisuradze", "Lomidze", "Tsiklauri",
                 "Giorgadze", "Nozadze", "Abashidze", "Kvaratskhelia"),
        "particules": (),
    },
    "armenie": {
        "m": ("Armen", "Aram", "Tigran", "Narek", "Hayk", "Vahe", "Gor", "Davit", "Artur"),
        "f": ("Ani", "Anahit", "Lilit", "Gayane", "Nare", "Mariam", "Siranush", "Hasmik"),
        "noms": ("Grigoryan", "Petrosyan", "Hakobyan", "Sargsyan", "Harutyunyan", "Khachatryan",
                 "Karapetyan", "Avetisyan", "Gevorgyan", "Mkrtchyan"),
        "particules": ("Ter-Petrosyan", "Ter-Grigoryan", "Ter-Minasyan"),
    },
    "albanie": {
        "m": ("Arben", "Besnik", "Ilir", "Endrit", "Gentian", "Erion", "Dritan", "Arjan", "Klevis",
              "Ermal"),
        "f": ("Elira", "Anila", "Blerina", "Ermira", "Arta", "Jonida", "Fjolla", "Teuta", "Drita",
              "Valbona"),
        "noms": ("Hoxha", "Shehu", "Krasniqi", "Berisha", "Gashi", "Leka", "Kola", "Dervishi",
                 "Cela", "Muça", "Hysa", "Bytyqi"),
        "particules": (),
    },
    "balkans": {
        "m": ("Nikola", "Marko", "Stefan", "Luka", "Milan", "Nemanja", "Amir", "Emir", "Haris",
              "Adnan", "Dragan"),
        "f": ("Jelena", "Milica", "Ana", "Marija", "Ivana", "Amra", "Lejla", "Emina", "Selma",
              "Aida", "Dragana"),
        "noms": ("Jovanović", "Petrović", "Nikolić", "Marković", "Đorđević", "Hodžić", "Hadžić",
                 "Begić", "Kovačević", "Delić", "Stojanović", "Mehmedović"),
        "particules": (),
    },
    "haiti": {
        "m": ("Jean", "Pierre", "Wilson", "Jameson", "Frantz", "Wesner", "Réginald", "Fritz",
              "Kervens", "Wilner", "Jean-Robert", "Ricardo"),
        "f": ("Marie", "Nadège", "Widline", "Rose-Marie", "Guerline", "Roseline", "Mirlande",
              "Fabienne", "Judith", "Esther", "Marie-Ange"),
        "noms": ("Joseph", "Pierre", "Louis", "Charles", "Désir", "Augustin", "Étienne", "Dorvil",
                 "Exantus", "Fleurimond", "Lafortune", "Dorcely", "Jeune", "Noël"),
        "particules": ("Jean-Baptiste", "Saint-Fleur", "Saint-Louis", "Pierre-Louis", "Jean-Louis",
                       "Saint-Hilaire"),
    },
    "comores": {
        "m": ("Ahmed", "Saïd", "Mohamed", "Ali", "Abdallah", "Ibrahim", "Soilihi", "Youssouf",
              "Houmadi", "Anli", "Nassim"),
        "f": ("Fatima", "Mariama", "Zaïnaba", "Anlia", "Hadidja", "Nassra", "Faouzia", "Echati",
              "Moinaecha", "Rahma"),
        "noms": ("Soilihi", "Abdallah", "Saïd", "Ahamada", "Houmadi", "Mchangama", "Ali", "Mohamed",
                 "Youssouf", "Attoumani", "Madi", "Bacar"),
        "particules": ("Saïd Ali", "Ahmed Abdallah", "Ben Saïd", "Saïd Omar", "Mohamed Bacar"),
    },
    "madagascar": {
        "m": ("Hery", "Tiana", "Faly", "Rivo", "Andry", "Jean", "Mamy", "Toky", "Njaka", "Fidy"),
        "f": ("Voahangy", "Fara", "Hanta", "Lalao", "Nirina", "Miora", "Tsiky", "Onja", "Vola",
              "Hasina"),
        "noms": ("Rakotomalala", "Randrianarisoa", "Rasoanaivo", "Andriamanantena", "Rakotoarisoa",
                 "Razafindrakoto", "Ravelomanana", "Rabemananjara", "Rajaonarison", "Ratsimbazafy"),
        "particules": (),
    },
    "malte": {
        "m": ("Joseph", "John", "Mario", "Paul", "Matthew", "Luke", "Karl"),
        "f": ("Maria", "Rita", "Doris", "Sarah", "Claire", "Ylenia", "Miriam"),
        "noms": ("Borg", "Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Micallef", "Grech",
                 "Attard", "Spiteri"),
        "particules": ("Agius-Vella", "Borg-Cardona", "Said-Camilleri"),
    },
}

#: Countries with no usable Faker locale (none in pays.csv, no person provider, or a non-Latin
#: script with no Latin sibling and no transliteration here).
POOL_PAR_PAYS: dict[str, str] = {
    "MA": "maroc",
    **dict.fromkeys(("TN", "LY"), "tunisie"),
    "MR": "mauritanie",
    **dict.fromkeys(("EG", "SY", "LB", "IQ", "JO"), "machrek"),
    **dict.fromkeys(("SN", "ML", "GN", "BF", "NE"), "sahel"),
    **dict.fromkeys(("CI", "BJ", "TG"), "golfe_de_guinee"),
    **dict.fromkeys(("CM", "GA", "CG", "CD", "CF"), "afrique_centrale"),
    "TD": "tchad",
    **dict.fromkeys(("ER", "ET"), "erythree_ethiopie"),
    **dict.fromkeys(("SO", "DJ"), "somalie"),
    "SD": "soudan",
    **dict.fromkeys(("IR", "AF"), "persan"),
    "BD": "bangladesh",
    "LK": "sri_lanka",
    "NP": "nepal",
    **dict.fromkeys(("RS", "BA"), "balkans"),
    "CN": "chine",
    "PH": "philippines",
    "JP": "japon",
    "KR": "coree",
    "TH": "thai",
    "GE": "georgie",
    "AM": "armenie",
    "AL": "albanie",
    "HT": "haiti",
    "KM": "comores",
    "MG": "madagascar",
    "MT": "malte",
}

_LUSO = ("D'Almeida", "Da Silva", "Dos Santos", "De Oliveira", "Da Costa", "De Souza",
         "Dos Reis", "Da Conceição")
_HISPANO = ("De la Cruz", "Del Río", "García-López", "De León", "Pérez-Gómez", "De la Torre",
            "Sánchez-Vidal", "Del Valle")
_ITALIEN = ("D'Angelo", "De Luca", "Di Stefano", "Lo Bianco", "Della Valle", "D'Amico",
            "De Santis", "La Rosa")
_GERMANIQUE = ("Müller-Çelik", "Schmidt-Yılmaz", "Becker-Öztürk", "von Berg", "Weiß-Kaya",
               "Meyer-Schäfer", "von der Heide")
_FRANCOPHONE = ("Le Gall", "D'Amours", "Saint-Pierre", "Des Rosiers", "Le Blanc", "De Smet",
                "Van den Berghe", "Dupont-Lévesque", "L'Heureux")
_ANGLO = ("O'Brien", "O'Connor", "Smith-Jones", "O'Neill", "Mac Donald", "Fitz-Gerald")

#: Surnames with particles for countries whose names come from Faker.  Countries in neither this
#: table nor a pool with particles get a hyphenated double surname ("Kowalska-Nowak").
PARTICULES_PAR_PAYS: dict[str, tuple[str, ...]] = {
    "DZ": ("Ben Saïd", "Ben Ali", "Aït Ahmed", "Aït Ouali", "Ben Youssef", "Ould Kaci", "Si Ahmed",
           "Ben Abdallah", "El Hadj"),
    **dict.fromkeys(("BR", "PT", "AO", "CV"), _LUSO),
    **dict.fromkeys(("MX", "AR", "CO", "CL", "PE", "VE", "CU", "ES"), _HISPANO),
    "IT": _ITALIEN,
    **dict.fromkeys(("DE", "AT"), _GERMANIQUE),
    **dict.fromkeys(("CA", "BE", "CH", "LU", "FR"), _FRANCOPHONE),
    **dict.fromkeys(("GB", "US", "IE", "AU", "NZ"), _ANGLO),
    "TR": ("Çelik-Müller", "Öztürk-Demir", "Yılmaz-Şahin"),
    "NL": ("Van der Berg", "De Vries", "Van Dijk", "De Jong", "Van den Broek"),
}

#: Locales whose names are in a non-Latin script but which have a Latin-script sibling for the
#: same country.
LATIN_SIBLING: dict[str, str] = {
    "hi_IN": "en_IN",
    "ta_IN": "en_IN",
    "gu_IN": "en_IN",
    "mr_IN": "en_IN",
    "or_IN": "en_IN",
    "ar_DZ": "fr_DZ",
}

# --------------------------------------------------------------------------------------------
# Transliteration
# --------------------------------------------------------------------------------------------
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i",
    "ў": "u",
}
_UK = {
    **_RU,
    "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i", "х": "kh",
    "щ": "shch", "ю": "iu", "я": "ia", "ь": "", "'": "", "’": "", "ʼ": "",
}
# Ukrainian national rule: at the start of a word є ї й ю я become ye yi y yu ya.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_BG = {
    **_RU,
    "х": "h", "ц": "ts", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "й": "y",
}
_MK = {
    **_RU,
    "ѓ": "gj", "ќ": "kj", "љ": "lj", "њ": "nj", "џ": "dzh", "ѕ": "dz", "ј": "j", "х": "h",
    "ц": "c", "ж": "zh", "ч": "ch", "ш": "sh",
}
_EL = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}
_EL_DIGRAPHS = {"ου": "ou", "αυ": "av", "ευ": "ev", "γγ": "ng", "γκ": "gk", "μπ": "mp", "ντ": "nt"}

_TABLES = {"ru": _RU, "be": _RU, "uk": _UK, "bg": _BG, "mk": _MK}


def _case(src: str, out: str) -> str:
    return out[:1].upper() + out[1:] if src.isupper() else out


def translitterer(text: str, langue: str) -> str:
    """Transliterate Cyrillic (``langue`` ru, be, uk, bg, mk) or Greek (el) to Latin letters."""
    if langue == "el":
        base = "".join(
            c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
        )
        out: list[str] = []
        i = 0
        while i < len(base):
            pair = base[i : i + 2]
            if pair.lower() in _EL_DIGRAPHS:
                out.append(_case(pair[0], _EL_DIGRAPHS[pair.lower()]))
                i += 2
                continue
            c = base[i]
            t = _EL.get(c.lower())
            out.append(c if t is None else _case(c, t))
            i += 1
        return "".join(out)
    table = _TABLES.get(langue)
    if table is None:
        raise ValueError(f"no transliteration for language {langue!r}")
    out = []
    for i, c in enumerate(text):
        low = c.lower()
        debut_de_mot = i == 0 or not text[i - 1].isalpha()
        if langue == "uk" and debut_de_mot and low in _UK_INITIAL:
            t = _UK_INITIAL[low]
        else:
            t = table.get(low)
        out.append(c if t is None else _case(c, t))
    return "".join(out)


def est_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter."""
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text
    )


_REMPLACEMENTS = {"ə": "e", "Ə": "E", "ș": "ş", "Ș": "Ş", "ț": "ţ", "Ț": "Ţ", "ʻ": "'", "’": "'",
                  "ʼ": "'", "Ð": "D", "ð": "d"}


def latin_administratif(text: str) -> str:
    """Keep letters of Latin-1 and Latin Extended-A; strip other diacritics ("Trần" -> "Tran")."""
    out = []
    for c in text:
        c = _REMPLACEMENTS.get(c, c)
        if ord(c) <= 0x17F:
            out.append(c)
            continue
        decomposed = unicodedata.normalize("NFD", c)
        base = "".join(x for x in decomposed if unicodedata.category(x) != "Mn")
        base = unicodedata.normalize("NFC", base)
        out.append(base if all(ord(x) <= 0x17F for x in base) else "")
    return "".join(out)


#: Locales whose passports print names without diacritics (Vietnamese passports: "NGUYEN VAN A").
LOCALES_SANS_DIACRITIQUES = frozenset({"vi_VN"})


def sans_diacritiques(text: str) -> str:
    """``"Trần Đức"`` -> ``"Tran Duc"``."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )


def ascii_slug(text: str) -> str:
    """``"Ben Saïd"`` -> ``"ben-said"`` (ASCII, lower case, hyphens)."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
    text = text.replace("Đ", "D").replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    text = text.replace("œ", "oe").replace("þ", "th")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    out = []
    for c in ascii_text:
        out.append(c if c.isalnum() else "-")
    slug = "-".join(part for part in "".join(out).split("-") if part)
    return slug


def a_particule(nom: str) -> bool:
    """True for surnames with a space, an apostrophe or a hyphen ("Ben Saïd", "N'Diaye")."""
    return any(c in nom for c in " '-’")
