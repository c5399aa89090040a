/* test_forms.c: the word forms of Dutch lemmas (src/forms.c). The expected
 * paradigms are written out by hand from the ANS (Algemene Nederlandse
 * Spraakkunst, 2nd ed. 1997, 2.3.2 regular verbs, 2.3.5 and 2.3.6 the
 * irregular ones) and the Woordenlijst spelling, not printed by the code:
 * each string lists the one-token forms in paradigm order (infinitive,
 * present 1sg, 3sg, 2sg where it differs, past singular, past plural,
 * participle, its inflected form, present participle and its inflected
 * form), each text once. */
#include "forms.h"
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one-token forms (or the split forms) of 'lemma', joined by spaces,
 * in a static buffer; "error: MESSAGE" when the expansion fails. */
static const char *forms_of(const char *lemma, qc_pos pos, bool split) {
  static char buf[2048];
  qc_forms f = QC_FORMS_INIT;
  qc_error err;
  qc_error_clear(&err);
  if (qc_forms_expand(&f, lemma, pos, &err) != QC_OK) {
    snprintf(buf, sizeof buf, "error: %s", err.msg);
    return buf;
  }
  buf[0] = '\0';
  size_t n = split ? f.nsplit : f.n;
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(buf, " ");
    strcat(buf, split ? f.split[i].text : f.v[i].text);
  }
  qc_forms_release(&f);
  return buf;
}

/* The tags of the one-token forms, joined by commas. */
static const char *tags_of(const char *lemma, qc_pos pos, bool split) {
  static char buf[2048];
  qc_forms f = QC_FORMS_INIT;
  buf[0] = '\0';
  if (qc_forms_expand(&f, lemma, pos, NULL) != QC_OK)
    return "error";
  size_t n = split ? f.nsplit : f.n;
  for (size_t i = 0; i < n; i++) {
    if (i)
      strcat(buf, ",");
    strcat(buf, split ? f.split[i].tag : f.v[i].tag);
  }
  qc_forms_release(&f);
  return buf;
}

typedef struct expect {
  const char *lemma, *forms;
} expect;

static void check_all(qc_test *t, const expect *e, size_t n, qc_pos pos) {
  for (size_t i = 0; i < n; i++)
    STR_EQ(t, forms_of(e[i].lemma, pos, false), e[i].forms, e[i].lemma);
}

#define CHECK_ALL(t, arr, pos)                                                 \
  check_all((t), (arr), sizeof(arr) / sizeof *(arr), (pos))

/* ---- the table ---- */

static bool field_eq(qc_forms_field f, const char *s) {
  return f.len == strlen(s) && memcmp(f.s, s, f.len) == 0;
}

/* Every row has five columns, an infinitive in -n, and is in order; the
 * present column is '-' or three space-separated forms. */
static void table_is_well_formed(qc_test *t) {
  size_t n = qc_forms_verb_count();
  OK(t, n >= 150, "at least 150 irregular verbs");
  char prev[64] = "";
  for (size_t i = 0; i < n; i++) {
    qc_forms_field c[5];
    qc_forms_verb_at(i, c);
    char inf[64];
    snprintf(inf, sizeof inf, "%.*s", (int)c[0].len, c[0].s);
    bool ok = c[0].len && c[1].len && c[2].len && c[3].len && c[4].len;
    if (!OK(t, ok, "five non-empty columns"))
      fprintf(stderr, "  row %zu: %s\n", i, inf);
    if (!OK(t, inf[c[0].len - 1] == 'n', "infinitive ends in -n"))
      fprintf(stderr, "  %s\n", inf);
    if (!OK(t, strcmp(prev, inf) < 0, "rows sorted and unique"))
      fprintf(stderr, "  %s after %s\n", inf, prev);
    size_t spaces = 0;
    for (size_t k = 0; k < c[4].len; k++)
      spaces += c[4].s[k] == ' ';
    if (!OK(t, field_eq(c[4], "-") || spaces == 2, "present: - or 3 forms"))
      fprintf(stderr, "  %s\n", inf);
    strcpy(prev, inf);
  }
}

/* Whether the space-separated list 'list' holds 'word'. */
static bool has_word(const char *list, const char *word, size_t len) {
  for (const char *p = list; *p;) {
    size_t k = strcspn(p, " ");
    if (k == len && memcmp(p, word, len) == 0)
      return true;
    p += k + (p[k] == ' ');
  }
  return false;
}

/* Each alternative of each column ('/' and ' ' separate them) is a form
 * of the row's verb: what the table says is what the verb expands to. */
static void expansion_follows_table(qc_test *t) {
  for (size_t i = 0; i < qc_forms_verb_count(); i++) {
    qc_forms_field c[5];
    qc_forms_verb_at(i, c);
    char inf[64];
    snprintf(inf, sizeof inf, "%.*s", (int)c[0].len, c[0].s);
    const char *all = forms_of(inf, QC_POS_VERB, false);
    for (int col = 1; col < 5; col++) {
      if (field_eq(c[col], "-"))
        continue;
      const char *s = c[col].s, *end = s + c[col].len;
      while (s < end) {
        size_t k = strcspn(s, "/ \t");
        if (s + k > end)
          k = (size_t)(end - s);
        if (!OK(t, has_word(all, s, k), "table form in the expansion"))
          fprintf(stderr, "  %s: %.*s not in %s\n", inf, (int)k, s, all);
        s += k + 1;
      }
    }
  }
}

/* ---- irregular verbs, by hand ---- */

static void irregular_verbs(qc_test *t) {
  static const expect e[] = {
      {"winnen", "winnen win wint won wonnen gewonnen winnend winnende"},
      {"zijn", "zijn ben is bent was waren geweest zijnd zijnde"},
      {"hebben", "hebben heb heeft hebt had hadden gehad hebbend hebbende"},
      {"kunnen", "kunnen kan kunt kun kon konden gekund kunnend kunnende"},
      {"willen", "willen wil wilt wilde wou wilden wouden gewild gewilde "
                 "willend willende"},
      {"zullen", "zullen zal zult zul zou zouden zullend zullende"},
      {"mogen", "mogen mag mocht mochten gemogen mogend mogende"},
      {"moeten", "moeten moet moest moesten gemoeten moetend moetende"},
      {"gaan", "gaan ga gaat ging gingen gegaan gaand gaande"},
      {"staan", "staan sta staat stond stonden gestaan staand staande"},
      {"doen", "doen doe doet deed deden gedaan doend doende"},
      {"zien", "zien zie ziet zag zagen gezien ziend ziende"},
      {"slaan", "slaan sla slaat sloeg sloegen geslagen slaand slaande"},
      {"komen", "komen kom komt kwam kwamen gekomen komend komende"},
      {"weten", "weten weet wist wisten geweten wetend wetende"},
      {"blijven", "blijven blijf blijft bleef bleven gebleven blijvend "
                  "blijvende"},
      {"schrijven", "schrijven schrijf schrijft schreef schreven geschreven "
                    "schrijvend schrijvende"},
      {"krijgen", "krijgen krijg krijgt kreeg kregen gekregen krijgend "
                  "krijgende"},
      {"kijken", "kijken kijk kijkt keek keken gekeken kijkend kijkende"},
      {"lijken", "lijken lijk lijkt leek leken geleken lijkend lijkende"},
      {"beginnen", "beginnen begin begint begon begonnen beginnend "
                   "beginnende"},
      {"vinden", "vinden vind vindt vond vonden gevonden vindend vindende"},
      {"helpen", "helpen help helpt hielp hielpen geholpen helpend helpende"},
      {"nemen", "nemen neem neemt nam namen genomen nemend nemende"},
      {"geven", "geven geef geeft gaf gaven gegeven gevend gevende"},
      {"lezen", "lezen lees leest las lazen gelezen lezend lezende"},
      {"spreken", "spreken spreek spreekt sprak spraken gesproken sprekend "
                  "sprekende"},
      {"liggen", "liggen lig ligt lag lagen gelegen liggend liggende"},
      {"zitten", "zitten zit zat zaten gezeten zittend zittende"},
      {"dragen", "dragen draag draagt droeg droegen gedragen dragend "
                 "dragende"},
      {"vragen", "vragen vraag vraagt vroeg vraagde vroegen vraagden "
                 "gevraagd gevraagde vragend vragende"},
      {"zoeken", "zoeken zoek zoekt zocht zochten gezocht gezochte zoekend "
                 "zoekende"},
      {"denken", "denken denk denkt dacht dachten gedacht gedachte denkend "
                 "denkende"},
      {"brengen", "brengen breng brengt bracht brachten gebracht gebrachte "
                  "brengend brengende"},
      {"kopen", "kopen koop koopt kocht kochten gekocht gekochte kopend "
                "kopende"},
      {"worden", "worden word wordt werd werden geworden wordend wordende"},
      {"houden", "houden houd hou houdt hield hielden gehouden houdend "
                 "houdende"},
      {"lopen", "lopen loop loopt liep liepen gelopen lopend lopende"},
      {"roepen", "roepen roep roept riep riepen geroepen roepend roepende"},
      {"slapen", "slapen slaap slaapt sliep sliepen geslapen slapend "
                 "slapende"},
      {"laten", "laten laat liet lieten gelaten latend latende"},
      {"hangen", "hangen hang hangt hing hingen gehangen hangend hangende"},
      {"vangen", "vangen vang vangt ving vingen gevangen vangend vangende"},
      {"eten", "eten eet at aten gegeten etend etende"},
      {"zeggen", "zeggen zeg zegt zei zegde zeiden zegden gezegd gezegde "
                 "zeggend zeggende"},
      {"bakken", "bakken bak bakt bakte bakten gebakken bakkend bakkende"},
      {"lachen", "lachen lach lacht lachte lachten gelachen lachend "
                 "lachende"},
      {"verliezen", "verliezen verlies verliest verloor verloren verliezend "
                    "verliezende"},
      {"vergeten", "vergeten vergeet vergat vergaten vergetend vergetende"},
      {"kiezen", "kiezen kies kiest koos kozen gekozen kiezend kiezende"},
      {"sterven", "sterven sterf sterft stierf stierven gestorven stervend "
                  "stervende"},
      {"zwemmen", "zwemmen zwem zwemt zwom zwommen gezwommen zwemmend "
                  "zwemmende"},
  };
  OK(t, sizeof e / sizeof *e >= 30, "at least 30 irregular verbs");
  CHECK_ALL(t, e, QC_POS_VERB);
}

static void verb_tags(qc_test *t) {
  STR_EQ(t, tags_of("winnen", QC_POS_VERB, false),
         "infinitive,present 1sg,present 3sg,past singular,past plural,"
         "participle,present participle,present participle inflected",
         "winnen");
  STR_EQ(t, tags_of("zijn", QC_POS_VERB, false),
         "infinitive,present 1sg,present 3sg,present 2sg,past singular,"
         "past plural,participle,present participle,"
         "present participle inflected",
         "zijn");
  STR_EQ(t, tags_of("maken", QC_POS_VERB, false),
         "infinitive,present 1sg,present 3sg,past singular,past plural,"
         "participle,participle inflected,present participle,"
         "present participle inflected",
         "maken");
}

/* ---- prefixed and separable compounds of the irregular verbs ---- */

static void compounds_of_irregular_verbs(qc_test *t) {
  static const expect e[] = {
      /* inseparable: no ge-, the participle often equals another form */
      {"begrijpen", "begrijpen begrijp begrijpt begreep begrepen "
                    "begrijpend begrijpende"},
      {"overwinnen", "overwinnen overwin overwint overwon overwonnen "
                     "overwinnend overwinnende"},
      {"ontvangen", "ontvangen ontvang ontvangt ontving ontvingen "
                    "ontvangend ontvangende"},
      {"vergeven", "vergeven vergeef vergeeft vergaf vergaven vergevend "
                   "vergevende"},
      {"bezoeken", "bezoeken bezoek bezoekt bezocht bezochten bezochte "
                   "bezoekend bezoekende"},
      {"onderzoeken", "onderzoeken onderzoek onderzoekt onderzocht "
                      "onderzochten onderzochte onderzoekend "
                      "onderzoekende"},
      {"ontstaan", "ontstaan ontsta ontstaat ontstond ontstonden ontstaand "
                   "ontstaande"},
      {"overlijden", "overlijden overlijd overlijdt overleed overleden "
                     "overlijdend overlijdende"},
      {"vervangen", "vervangen vervang vervangt verving vervingen "
                    "vervangend vervangende"},
      {"aanbidden", "aanbidden aanbid aanbidt aanbad aanbaden aanbeden "
                    "aanbiddend aanbiddende"},
      /* separable: ge- after the particle */
      {"aannemen", "aannemen aanneem aanneemt aannam aannamen aangenomen "
                   "aannemend aannemende"},
      {"terugkomen", "terugkomen terugkom terugkomt terugkwam terugkwamen "
                     "teruggekomen terugkomend terugkomende"},
      {"opstaan", "opstaan opsta opstaat opstond opstonden opgestaan "
                  "opstaand opstaande"},
      {"meedoen", "meedoen meedoe meedoet meedeed meededen meegedaan "
                  "meedoend meedoende"},
      {"uitgeven", "uitgeven uitgeef uitgeeft uitgaf uitgaven uitgegeven "
                   "uitgevend uitgevende"},
      {"aanbevelen", "aanbevelen aanbeveel aanbeveelt aanbeval aanbevalen "
                     "aanbevolen aanbevelend aanbevelende"},
      {"door|geven", "doorgeven doorgeef doorgeeft doorgaf doorgaven "
                     "doorgegeven doorgevend doorgevende"},
  };
  CHECK_ALL(t, e, QC_POS_VERB);
  STR_EQ(t, forms_of("aannemen", QC_POS_VERB, true),
         "neem neemt nemen nam namen", "aannemen split");
  STR_EQ(t, forms_of("terugkomen", QC_POS_VERB, true),
         "kom komt komen kwam kwamen", "terugkomen split");
  STR_EQ(t, forms_of("door|geven", QC_POS_VERB, true),
         "geef geeft geven gaf gaven", "door|geven split");
  STR_EQ(t, forms_of("begrijpen", QC_POS_VERB, true), "", "no split");
}

static void particles(qc_test *t) {
  struct {
    const char *lemma, *particle;
  } e[] = {
      {"invullen", "in"},       {"aannemen", "aan"},    {"terugkomen", "terug"},
      {"samenwerken", "samen"}, {"door|geven", "door"}, {"mededelen", "mede"},
      {"uitproberen", "uit"},   {"afstuderen", "af"},   {"informeren", NULL},
      {"interpreteren", NULL},  {"opereren", NULL},     {"aanvaarden", NULL},
      {"naderen", NULL},        {"openen", NULL},       {"bijten", NULL},
      {"overnemen", NULL},      {"voorkomen", NULL},    {"toetsen", NULL},
      {"vasten", NULL},         {"wegen", NULL}};
  for (size_t i = 0; i < sizeof e / sizeof *e; i++) {
    qc_forms f = QC_FORMS_INIT;
    OK(t, qc_forms_expand(&f, e[i].lemma, QC_POS_VERB, NULL) == QC_OK,
       e[i].lemma);
    STR_EQ(t, f.particle, e[i].particle, e[i].lemma);
    qc_forms_release(&f);
  }
}

/* ---- regular verbs: each spelling rule ---- */

static void weak_verbs(qc_test *t) {
  static const expect e[] = {
      /* a long vowel written double in the closed syllable */
      {"maken", "maken maak maakt maakte maakten gemaakt gemaakte makend "
                "makende"},
      {"horen", "horen hoor hoort hoorde hoorden gehoord gehoorde horend "
                "horende"},
      /* a double consonant made single; no second t after a t */
      {"zetten", "zetten zet zette gezet gezette zettend zettende"},
      {"bellen", "bellen bel belt belde belden gebeld gebelde bellend "
                 "bellende"},
      /* v and z devoiced, 't kofschip judged before: -de */
      {"leven", "leven leef leeft leefde leefden geleefd geleefde levend "
                "levende"},
      {"reizen", "reizen reis reist reisde reisden gereisd gereisde reizend "
                 "reizende"},
      {"erven", "erven erf erft erfde erfden geërfd geërfde ervend ervende"},
      /* 't kofschip: -te after t k f s ch p and x */
      {"fietsen", "fietsen fiets fietst fietste fietsten gefietst gefietste "
                  "fietsend fietsende"},
      {"juichen", "juichen juich juicht juichte juichten gejuicht gejuichte "
                  "juichend juichende"},
      {"faxen", "faxen fax faxt faxte faxten gefaxt gefaxte faxend faxende"},
      /* stems in d and t: no extra d or t in the participle */
      {"branden", "branden brand brandt brandde brandden gebrand gebrande "
                  "brandend brandende"},
      {"praten", "praten praat praatte praatten gepraat geprate pratend "
                 "pratende"},
      /* -enen, -elen, -eren with a schwa */
      {"tekenen", "tekenen teken tekent tekende tekenden getekend getekende "
                  "tekenend tekenende"},
      {"wandelen", "wandelen wandel wandelt wandelde wandelden gewandeld "
                   "gewandelde wandelend wandelende"},
      {"luisteren", "luisteren luister luistert luisterde luisterden "
                    "geluisterd geluisterde luisterend luisterende"},
      {"veranderen", "veranderen verander verandert veranderde veranderden "
                     "veranderd veranderend veranderende"},
      /* foreign -eren with a long e */
      {"registreren", "registreren registreer registreert registreerde "
                      "registreerden geregistreerd geregistreerde "
                      "registrerend registrerende"},
      {"investeren", "investeren investeer investeert investeerde "
                     "investeerden geïnvesteerd geïnvesteerde investerend "
                     "investerende"},
      {"informeren", "informeren informeer informeert informeerde "
                     "informeerden geïnformeerd geïnformeerde informerend "
                     "informerende"},
      {"evalueren", "evalueren evalueer evalueert evalueerde evalueerden "
                    "geëvalueerd geëvalueerde evaluerend evaluerende"},
      {"programmeren", "programmeren programmeer programmeert programmeerde "
                       "programmeerden geprogrammeerd geprogrammeerde "
                       "programmerend programmerende"},
      {"kopiëren", "kopiëren kopieer kopieert kopieerde kopieerden "
                   "gekopieerd gekopieerde kopiërend kopiërende"},
      {"creëren", "creëren creëer creëert creëerde creëerden gecreëerd "
                  "gecreëerde creërend creërende"},
      /* ge- before a vowel: a diaeresis unless ui or ij */
      {"eisen", "eisen eis eist eiste eisten geëist geëiste eisend eisende"},
      {"uiten", "uiten uit uitte uitten geuit geuite uitend uitende"},
      {"skiën", "skiën ski skiet skiede skieden geskied geskiede skiënd "
                "skiënde"},
      /* no ge- after an unstressed prefix */
      {"gebruiken", "gebruiken gebruik gebruikt gebruikte gebruikten "
                    "gebruikend gebruikende"},
      {"betalen", "betalen betaal betaalt betaalde betaalden betaald "
                  "betalend betalende"},
      {"beamen", "beamen beaam beaamt beaamde beaamden beaamd beamend "
                 "beamende"},
      {"beoordelen", "beoordelen beoordeel beoordeelt beoordeelde "
                     "beoordeelden beoordeeld beoordelend beoordelende"},
      {"ontmoeten", "ontmoeten ontmoet ontmoette ontmoetten ontmoete "
                    "ontmoetend ontmoetende"},
      /* ... but ge- where the prefix is no prefix */
      {"volgen", "volgen volg volgt volgde volgden gevolgd gevolgde volgend "
                 "volgende"},
      {"genereren", "genereren genereer genereert genereerde genereerden "
                    "gegenereerd gegenereerde genererend genererende"},
      {"herbergen", "herbergen herberg herbergt herbergde herbergden "
                    "geherbergd geherbergde herbergend herbergende"},
      /* separable, weak */
      {"invullen", "invullen invul invult invulde invulden ingevuld "
                   "ingevulde invullend invullende"},
      {"inloggen", "inloggen inlog inlogt inlogde inlogden ingelogd "
                   "ingelogde inloggend inloggende"},
      {"mededelen", "mededelen mededeel mededeelt mededeelde mededeelden "
                    "medegedeeld medegedeelde mededelend mededelende"},
      /* a loan from the table */
      {"updaten", "updaten update updatet updatete updateten geüpdatet "
                  "geüpdatete updatend updatende"},
  };
  CHECK_ALL(t, e, QC_POS_VERB);
  STR_EQ(t, forms_of("invullen", QC_POS_VERB, true),
         "vul vult vullen vulde vulden", "invullen split");
  STR_EQ(t, tags_of("invullen", QC_POS_VERB, true),
         "present 1sg,present 3sg,present plural,past singular,past plural",
         "invullen split tags");
  STR_EQ(t, forms_of("inloggen", QC_POS_VERB, true),
         "log logt loggen logde logden", "inloggen split");
}

/* ---- nouns ---- */

static void nouns(qc_test *t) {
  static const expect e[] = {
      /* -en, with the spelling of the open syllable */
      {"uur", "uur uren uurtje uurtjes"},
      {"boom", "boom bomen boompje boompjes"},
      {"probleem", "probleem problemen probleempje probleempjes"},
      {"bus", "bus bussen busje busjes"},
      {"kat", "kat katten katje katjes"},
      {"brief", "brief brieven briefje briefjes"},
      {"huis", "huis huizen huisje huisjes"},
      {"golf", "golf golven golfje golfjes"},
      {"hals", "hals halzen halsen halsje halsjes"},
      {"mens", "mens mensen mensje mensjes"},
      {"vrouw", "vrouw vrouwen vrouwtje vrouwtjes"},
      {"fotograaf", "fotograaf fotografen fotograafje fotograafjes"},
      {"koning", "koning koningen koninkje koninkjes"},
      {"vaardigheid", "vaardigheid vaardigheden"},
      /* -s after an unstressed syllable */
      {"medewerker", "medewerker medewerkers medewerkertje medewerkertjes"},
      {"keuken", "keuken keukens keukentje keukentjes"},
      {"tafel", "tafel tafels tafelen tafeltje tafeltjes"},
      {"ziekte", "ziekte ziektes ziekten ziektetje ziektetjes"},
      {"meisje", "meisje meisjes"},
      {"leraar", "leraar leraren leraars leraartje leraartjes"},
      {"sector", "sector sectoren sectors sectortje sectortjes"},
      {"museum", "museum museums musea museumpje museumpjes"},
      /* -'s after a, i, o, u, y; -ën after ee; -ie */
      {"foto", "foto foto's fotootje fotootjes"},
      {"auto", "auto auto's autootje autootjes"},
      {"baby", "baby baby's baby'tje baby'tjes"},
      {"zee", "zee zeeën zeetje zeetjes"},
      {"idee", "idee ideeën ideetje ideetjes"},
      {"café", "café cafés cafeetje cafeetjes"},
      {"partij", "partij partijen partijtje partijtjes"},
      {"categorie", "categorie categorieën categorietje categorietjes"},
      {"knie", "knie knieën knietje knietjes"},
      {"informatie", "informatie informaties informatietje informatietjes"},
      {"familie", "familie families familietje familietjes"},
      {"bacterie", "bacterie bacteriën bacteries bacterietje bacterietjes"},
      /* diminutives -etje, -pje, -kje */
      {"bal", "bal ballen balletje balletjes"},
      {"kam", "kam kammen kammetje kammetjes"},
      {"ring", "ring ringen ringetje ringetjes"},
      {"tekening", "tekening tekeningen tekeningetje tekeningetjes"},
      {"verandering", "verandering veranderingen veranderingetje "
                      "veranderingetjes"},
      {"digitalisering", "digitalisering digitaliseringen digitaliserinkje "
                         "digitaliserinkjes"},
      {"leidinggevende", "leidinggevende leidinggevendes leidinggevenden"},
      {"scherm", "scherm schermen schermpje schermpjes"},
      /* the table, and compounds ending in a noun of it */
      {"kind", "kind kinderen kindje kindjes"},
      {"kleinkind", "kleinkind kleinkinderen kleinkindje kleinkindjes"},
      {"personeelslid", "personeelslid personeelsleden personeelslidje "
                        "personeelslidjes"},
      {"stad", "stad steden stadje stadjes"},
      {"schip", "schip schepen scheepje scheepjes"},
      {"app", "app apps appje appjes"},
      {"sprei", "sprei spreien spreitje spreitjes"},
  };
  CHECK_ALL(t, e, QC_POS_NOUN);
  STR_EQ(t, tags_of("medewerker", QC_POS_NOUN, false),
         "singular,plural,diminutive,diminutive plural", "noun tags");
}

/* ---- adjectives ---- */

static void adjectives(qc_test *t) {
  static const expect e[] = {
      {"groot", "groot grote groter grotere grootst grootste"},
      {"snel", "snel snelle sneller snellere snelst snelste"},
      {"dik", "dik dikke dikker dikkere dikst dikste"},
      {"lief", "lief lieve liever lievere liefst liefste"},
      {"vies", "vies vieze viezer viezere viest vieste"},
      {"fris", "fris frisse frisser frissere frist friste"},
      {"half", "half halve halver halvere halfst halfste"},
      {"duur", "duur dure duurder duurdere duurst duurste"},
      {"ver", "ver verre verder verdere verst verste"},
      {"lekker", "lekker lekkere lekkerder lekkerdere lekkerst lekkerste"},
      {"simpel", "simpel simpele simpeler simpelere simpelst simpelste"},
      {"nuttig", "nuttig nuttige nuttiger nuttigere nuttigst nuttigste"},
      {"positief", "positief positieve positiever positievere positiefst "
                   "positiefste"},
      {"digitaal", "digitaal digitale digitaler digitalere digitaalst "
                   "digitaalste"},
      {"blij", "blij blije blijer blijere blijst blijste"},
      {"open", "open opener openere openst openste"},
      {"praktisch", "praktisch praktische praktischer praktischere"},
      {"goed", "goed goede beter betere best beste"},
  };
  CHECK_ALL(t, e, QC_POS_ADJ);
  STR_EQ(t, tags_of("groot", QC_POS_ADJ, false),
         "base,inflected,comparative,comparative inflected,superlative,"
         "superlative inflected",
         "adjective tags");
}

/* ---- errors, guesses, names, the table writer ---- */

static void errors(qc_test *t) {
  struct {
    const char *lemma;
    qc_pos pos;
    const char *msg;
  } e[] = {
      {"", QC_POS_NOUN, "empty lemma"},
      {"in vullen", QC_POS_VERB, "lemma 'in vullen' contains white space"},
      {"maak", QC_POS_VERB, "verb lemma 'maak' does not end in -n"},
      {"in|", QC_POS_VERB,
       "lemma 'in|' needs a particle before '|' and a verb after it"},
      {"|vullen", QC_POS_VERB,
       "lemma '|vullen' needs a particle before '|' and a verb after it"},
      {"a|b|gaan", QC_POS_VERB, "lemma 'a|b|gaan' has more than one '|'"},
      {"kind|je", QC_POS_NOUN,
       "'|' in 'kind|je' marks a separable particle, which only a verb has"},
      {"\xff", QC_POS_NOUN, "lemma is not valid UTF-8"},
  };
  for (size_t i = 0; i < sizeof e / sizeof *e; i++) {
    qc_forms f = QC_FORMS_INIT;
    qc_error err;
    qc_error_clear(&err);
    INT_EQ(t, qc_forms_expand(&f, e[i].lemma, e[i].pos, &err), QC_ERR_SCHEMA,
           e[i].msg);
    STR_EQ(t, err.msg, e[i].msg, "message");
    INT_EQ(t, err.line, 0, "no position");
    INT_EQ(t, f.n, 0, "nothing left after an error");
    qc_forms_release(&f);
  }
  char tab[] = "in\tvullen", nbsp[] = "in\xc2\xa0vullen";
  char longer[QC_FORMS_MAX_LEMMA + 2];
  memset(longer, 'a', sizeof longer - 1);
  longer[sizeof longer - 1] = '\0';
  const char *more[] = {tab, nbsp, longer};
  for (size_t i = 0; i < 3; i++) {
    qc_forms f = QC_FORMS_INIT;
    INT_EQ(t, qc_forms_expand(&f, more[i], QC_POS_NOUN, NULL), QC_ERR_SCHEMA,
           "refused");
    qc_forms_release(&f);
  }
  qc_forms f = QC_FORMS_INIT;
  qc_forms_release(&f); /* releasing an empty result is fine, twice too */
  qc_forms_release(&f);
}

static void guesses_and_names(qc_test *t) {
  INT_EQ(t, qc_forms_guess("winnen"), QC_POS_VERB, "winnen");
  INT_EQ(t, qc_forms_guess("gaan"), QC_POS_VERB, "gaan");
  INT_EQ(t, qc_forms_guess("opstaan"), QC_POS_VERB, "opstaan");
  INT_EQ(t, qc_forms_guess("ontstaan"), QC_POS_VERB, "ontstaan");
  INT_EQ(t, qc_forms_guess("door|gaan"), QC_POS_VERB, "door|gaan");
  INT_EQ(t, qc_forms_guess("medewerker"), QC_POS_NOUN, "medewerker");
  INT_EQ(t, qc_forms_guess("man"), QC_POS_NOUN, "man");
  qc_pos p;
  OK(t, qc_pos_parse("verb", &p) && p == QC_POS_VERB, "verb");
  OK(t, qc_pos_parse("noun", &p) && p == QC_POS_NOUN, "noun");
  OK(t, qc_pos_parse("adj", &p) && p == QC_POS_ADJ, "adj");
  OK(t, qc_pos_parse("adjective", &p) && p == QC_POS_ADJ, "adjective");
  OK(t, !qc_pos_parse("adverb", &p), "adverb");
  STR_EQ(t, qc_pos_name(QC_POS_VERB), "verb", "name");
  STR_EQ(t, qc_pos_name(QC_POS_ADJ), "adj", "name");
}

static void table_writer(qc_test *t) {
  const char *lemmas[] = {"uur", "Invullen"};
  char *out;
  size_t len;
  qc_error err;
  qc_error_clear(&err);
  INT_EQ(t, qc_forms_table(lemmas, 1, NULL, QC_FORMAT_TSV, &out, &len, &err),
         QC_OK, "tsv");
  STR_EQ(t, out,
         "lemma\tpos\ttag\tform\n"
         "uur\tnoun\tsingular\tuur\n"
         "uur\tnoun\tplural\turen\n"
         "uur\tnoun\tdiminutive\tuurtje\n"
         "uur\tnoun\tdiminutive plural\tuurtjes\n",
         "tsv rows");
  INT_EQ(t, len, strlen(out), "length");
  free(out);
  lemmas[0] = "invullen";
  qc_pos verb = QC_POS_VERB;
  INT_EQ(t, qc_forms_table(lemmas, 1, &verb, QC_FORMAT_CSV, &out, &len, &err),
         QC_OK, "csv");
  OK(t, strstr(out, "lemma,pos,tag,form\r\n") == out, "csv header");
  OK(t, strstr(out, "invullen,verb,present 3sg (split),vult ... in\r\n"),
     "csv split row");
  free(out);
  INT_EQ(t, qc_forms_table(lemmas, 1, NULL, QC_FORMAT_JSON, &out, &len, &err),
         QC_OK, "json");
  OK(t, strstr(out, "\"tag\":\"participle\",\"form\":\"ingevuld\""),
     "json row");
  free(out);
  lemmas[0] = "maak";
  out = NULL;
  INT_EQ(t, qc_forms_table(lemmas, 1, &verb, QC_FORMAT_TSV, &out, &len, &err),
         QC_ERR_SCHEMA, "bad lemma");
  STR_EQ(t, err.msg, "verb lemma 'maak' does not end in -n", "its message");
  OK(t, out == NULL, "no table");
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, table_is_well_formed);
  QC_RUN(&t, expansion_follows_table);
  QC_RUN(&t, irregular_verbs);
  QC_RUN(&t, verb_tags);
  QC_RUN(&t, compounds_of_irregular_verbs);
  QC_RUN(&t, particles);
  QC_RUN(&t, weak_verbs);
  QC_RUN(&t, nouns);
  QC_RUN(&t, adjectives);
  QC_RUN(&t, errors);
  QC_RUN(&t, guesses_and_names);
  QC_RUN(&t, table_writer);
  return qc_test_finish(&t);
}
