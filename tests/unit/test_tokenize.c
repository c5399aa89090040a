/* test_tokenize.c: the Dutch tokenizer (src/tokenize.c) and the
 * abbreviation list (src/abbrev.c). Most cases give a Dutch sentence or
 * fragment and the exact token list, joined with '|'; others check token
 * types, sentence ends, offsets and hostile input. */
#include "harness.h"
#include "qcode.h"
#include "abbrev.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static qc_tokenizer *tz;

enum { TOKENS, TYPES, SENTENCES };

/* Renders the tokens of 'text': TOKENS "a|b|c", TYPES "word number",
 * SENTENCES "Ik ga . / Ja ! /" (a slash after each sentence end). */
static char *render(const char *text, size_t len, int mode) {
  const qc_token *tok;
  size_t n = qc_tokenizer_run(tz, text, len, &tok), cap = 1, used = 0;
  for (size_t i = 0; i < n; i++)
    cap += tok[i].len + 16;
  char *out = malloc(cap);
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    if (i > 0)
      out[used++] = mode == TOKENS ? '|' : ' ';
    const char *s =
        mode == TYPES ? qc_token_type_name(tok[i].type) : text + tok[i].start;
    size_t k = mode == TYPES ? strlen(s) : tok[i].len;
    memcpy(out + used, s, k);
    used += k;
    if (mode == SENTENCES && (tok[i].flags & QC_TOKF_SENTENCE_END)) {
      memcpy(out + used, " /", 2);
      used += 2;
    }
    out[used] = '\0';
  }
  return out;
}

static void expect_mode(qc_test *t, int line, const char *text, size_t len,
                        int mode, const char *want) {
  char *got = render(text, len, mode);
  if (!qc_test_check(t, strcmp(got, want) == 0, __FILE__, line, text))
    fprintf(stderr, "  Got:      %s\n  Expected: %s\n", got, want);
  free(got);
}

#define EXPECT(text, want)                                                     \
  expect_mode(t, __LINE__, (text), strlen(text), TOKENS, (want))
#define EXPECT_TYPES(text, want)                                               \
  expect_mode(t, __LINE__, (text), strlen(text), TYPES, (want))
#define EXPECT_SENT(text, want)                                                \
  expect_mode(t, __LINE__, (text), strlen(text), SENTENCES, (want))

/* ---- words ---- */

static void words_diacritics(qc_test *t) {
  EXPECT("Ik heb 2,5 uur gewerkt.", "Ik|heb|2,5|uur|gewerkt|.");
  EXPECT("We moeten samen creëren.", "We|moeten|samen|creëren|.");
  EXPECT("Hij is geïmpacteerd door één cliënt.",
         "Hij|is|geïmpacteerd|door|één|cliënt|.");
  EXPECT("Dat is reeël en naïef, zegt de coördinator.",
         "Dat|is|reeël|en|naïef|,|zegt|de|coördinator|.");
  EXPECT("ÉÉN CLIËNT ZEI NEE", "ÉÉN|CLIËNT|ZEI|NEE");
  EXPECT("IJsselmeer en \xc4\xb2muiden", "IJsselmeer|en|\xc4\xb2muiden");
  EXPECT("Wij werken in Überlingen en Ærø", "Wij|werken|in|Überlingen|en|Ærø");
}

static void words_combining(qc_test *t) {
  /* e + U+0301, e + U+0308: the marks stay inside their word. */
  EXPECT("cafe\xcc\x81 en ide\xcc\x88"
         "e",
         "cafe\xcc\x81|en|ide\xcc\x88"
         "e");
  EXPECT("CLIE\xcc\x88NT!", "CLIE\xcc\x88NT|!");
  /* A soft hyphen inside a word does not split it. */
  EXPECT("ge\xc2\xadmeen\xc2\xadte", "ge\xc2\xadmeen\xc2\xadte");
  /* A stray mark after a space is kept as a symbol, not dropped. */
  EXPECT("a \xcc\x81 b", "a|\xcc\x81|b");
}

static void whitespace(qc_test *t) {
  EXPECT("een\ttwee\ndrie\r\nvier", "een|twee|drie|vier");
  EXPECT("20\xc2\xa0"
         "000 mensen",
         "20|000|mensen"); /* NBSP */
  EXPECT("ja\xe2\x80\xaf"
         "nee\xe2\x80\x8bmisschien",
         "ja|nee|misschien");
  EXPECT("  \n\t ", "");
  EXPECT("", "");
}

/* ---- apostrophes ---- */

static void apostrophe_initial(qc_test *t) {
  EXPECT("'s morgens werk ik", "'s|morgens|werk|ik");
  EXPECT("'t is goed", "'t|is|goed");
  EXPECT("’s avonds ben ik moe", "’s|avonds|ben|ik|moe");
  EXPECT("'k weet het niet", "'k|weet|het|niet");
  EXPECT("geef 'm maar", "geef|'m|maar");
  EXPECT("'n beetje zorg", "'n|beetje|zorg");
  EXPECT("kan 'ie dat?", "kan|'ie|dat|?");
  EXPECT("ik heb 'r gezien", "ik|heb|'r|gezien");
  EXPECT("’T Is zo", "’T|Is|zo");
}

static void apostrophe_places_years(qc_test *t) {
  EXPECT("In 's-Hertogenbosch en ’s-Gravenhage.",
         "In|'s-Hertogenbosch|en|’s-Gravenhage|.");
  EXPECT("de jaren '40 en ’80", "de|jaren|'40|en|’80");
  EXPECT("sinds '95, denk ik", "sinds|'95|,|denk|ik");
}

static void apostrophe_suffixes(qc_test *t) {
  EXPECT("foto's, pc's en cd's", "foto's|,|pc's|en|cd's");
  EXPECT("baby's en een baby'tje", "baby's|en|een|baby'tje");
  EXPECT("z'n, m'n en d'r auto", "z'n|,|m'n|en|d'r|auto");
  EXPECT("zo'n collega’s", "zo'n|collega’s");
  EXPECT("Let’s go", "Let’s|go");
  EXPECT("een auto'ke en de foto's-wedstrijd",
         "een|auto'ke|en|de|foto's-wedstrijd");
  EXPECT("D'Hondt en O'Neill", "D'Hondt|en|O'Neill");
  EXPECT("Kees' fiets", "Kees'|fiets");
}

static void apostrophe_quotes(qc_test *t) {
  EXPECT("Hij zei 'hallo' tegen mij.", "Hij|zei|'|hallo|'|tegen|mij|.");
  EXPECT("Het woord ‘innovatie’ valt vaak.",
         "Het|woord|‘|innovatie|’|valt|vaak|.");
  EXPECT("'Kees' zei het", "'|Kees|'|zei|het");
  EXPECT("de 'foto's' zijn weg", "de|'|foto's|'|zijn|weg");
  EXPECT("'''", "'|'|'");
}

/* An opening quote before a compound that starts with one letter and a
 * hyphen: the letter is not the clitic 't, 's, 'k, ... */
static void apostrophe_quoted_compounds(qc_test *t) {
  EXPECT("‘T-profielen", "‘|T-profielen");
  EXPECT("de ‘T-profielen’ zijn duur", "de|‘|T-profielen|’|zijn|duur");
  EXPECT("'T-profielen en ’T-profielen", "'|T-profielen|en|’|T-profielen");
  EXPECT("een 'S-bocht, ‘K-waarde en ‘N-VA-voorstel",
         "een|'|S-bocht|,|‘|K-waarde|en|‘|N-VA-voorstel");
  EXPECT("‘M-, ‘R- en ‘IE-normen", "‘|M-|,|‘|R-|en|‘|IE-normen");
  EXPECT("het 't-shirt", "het|'|t-shirt");
  EXPECT("‘T- en U-profielen", "‘|T-|en|U-profielen");
  EXPECT("‘A-merken", "‘|A-merken");
  /* The clitics and 's- place names are as before. */
  EXPECT("’T Is zo, 't is 's-Gravenhage", "’T|Is|zo|,|'t|is|'s-Gravenhage");
}

/* ---- hyphens and parentheses ---- */

static void hyphen_compounds(qc_test *t) {
  EXPECT("e-health, co-bots en een co\xe2\x80\x91"
         "bot",
         "e-health|,|co-bots|en|een|co\xe2\x80\x91"
         "bot");
  EXPECT("een 3D-printer in de IJsselmeer-regio",
         "een|3D-printer|in|de|IJsselmeer-regio");
  EXPECT("Stuur een e-mail.", "Stuur|een|e-mail|.");
  EXPECT("de 18-jarige en COVID-19", "de|18-jarige|en|COVID-19");
  EXPECT("de lijn Noord–Zuid", "de|lijn|Noord–Zuid");
  EXPECT("ja--nee", "ja|--|nee");
}

static void hyphen_elliptical(qc_test *t) {
  EXPECT("familie- en thuiszorg", "familie-|en|thuiszorg");
  EXPECT("land-, tuin- en bosbouw", "land-|,|tuin-|en|bosbouw");
  EXPECT("in- of uitstroom", "in-|of|uitstroom");
  EXPECT("opnames en -ontslagen", "opnames|en|-ontslagen");
  EXPECT("zorg-\nverlening", "zorg-|verlening");
  EXPECT("super- en hypermarkten", "super-|en|hypermarkten");
  EXPECT("‘super- en hypermarkten’", "‘|super-|en|hypermarkten|’");
  EXPECT("Super- of hyper- tot megamarkten",
         "Super-|of|hyper-|tot|megamarkten");
  /* Ordinals and times with u or h join hyphens as words do. */
  EXPECT("de 1e- en 2e-lijnszorg", "de|1e-|en|2e-lijnszorg");
  EXPECT("2de-, 3de- of 4de-graads", "2de-|,|3de-|of|4de-graads");
  EXPECT("de 10u- en 12u-dienst", "de|10u-|en|12u-dienst");
  EXPECT("de 14u30- tot 16h-ploeg", "de|14u30-|tot|16h-ploeg");
  /* Look-alikes of the hyphen from converted text: figure dash, minus,
   * small and fullwidth hyphen-minus; a soft hyphen at the end. */
  EXPECT("super\xe2\x80\x92 en super\xe2\x88\x92 en hyper",
         "super\xe2\x80\x92|en|super\xe2\x88\x92|en|hyper");
  EXPECT("super\xef\xb9\xa3 of super\xef\xbc\x8d of e\xe2\x88\x92health",
         "super\xef\xb9\xa3|of|super\xef\xbc\x8d|of|e\xe2\x88\x92health");
  EXPECT("super\xc2\xad en, zorg\xc2\xad, en",
         "super\xc2\xad|en|,|zorg\xc2\xad|,|en");
  EXPECT("\xc2\xad en", "\xc2\xad|en");
}

static void hyphen_dashes(qc_test *t) {
  EXPECT("Het is - zeg maar - lastig.", "Het|is|-|zeg|maar|-|lastig|.");
  EXPECT("Het is – zeg maar — lastig", "Het|is|–|zeg|maar|—|lastig");
  EXPECT("-Ja, zei ze.", "-|Ja|,|zei|ze|.");
}

static void parenthesised_affixes(qc_test *t) {
  EXPECT("(samen)werken en koning(in)", "(samen)werken|en|koning(in)");
  EXPECT("(oud-)studenten en (oud)-collega's",
         "(oud-)studenten|en|(oud)-collega's");
  EXPECT("de deelnemer(s).", "de|deelnemer(s)|.");
  EXPECT("(samen) werken", "(|samen|)|werken");
  EXPECT("(koning(in))", "(|koning(in)|)");
}

/* ---- abbreviations ---- */

static void abbrev_shapes(qc_test *t) {
  EXPECT("Ik heb o.a. tablets, i.p.v. papier.",
         "Ik|heb|o.a.|tablets|,|i.p.v.|papier|.");
  EXPECT("m.a.w. het werkt, d.w.z. soms", "m.a.w.|het|werkt|,|d.w.z.|soms");
  EXPECT("m.b.t. de zorg, t.a.v. de directie",
         "m.b.t.|de|zorg|,|t.a.v.|de|directie");
  EXPECT("a.d.h.v. een s.v.p. en b.v. iets",
         "a.d.h.v.|een|s.v.p.|en|b.v.|iets");
  EXPECT("z.g.a.n. en n.v.t.", "z.g.a.n.|en|n.v.t.");
  EXPECT("O.a. de Ph.D. student", "O.a.|de|Ph.D.|student");
  EXPECT("x.y.z. is onbekend", "x.y.z.|is|onbekend");
  EXPECT("o.a, d.w.z", "o.a|,|d.w.z");
}

static void abbrev_known(qc_test *t) {
  EXPECT("bv. tablets, bijv. laptops enz.", "bv.|tablets|,|bijv.|laptops|enz.");
  EXPECT("Dhr. Peeters en mevr. Janssens", "Dhr.|Peeters|en|mevr.|Janssens");
  EXPECT("dr. ir. Jansen, prof. De Wit", "dr.|ir.|Jansen|,|prof.|De|Wit");
  EXPECT("ca. 20 mensen, nl. de artsen", "ca.|20|mensen|,|nl.|de|artsen");
  EXPECT("zie blz. 4, art. 3 en nr. 7", "zie|blz.|4|,|art.|3|en|nr.|7");
  EXPECT("incl. btw, excl. kosten, max. 5, min. 3",
         "incl.|btw|,|excl.|kosten|,|max.|5|,|min.|3");
  EXPECT("Bijv.: een tablet (enz.)", "Bijv.|:|een|tablet|(|enz.|)");
  EXPECT("evt. resp. vgl. zgn. vs. etc.", "evt.|resp.|vgl.|zgn.|vs.|etc.");
}

static void abbrev_other(qc_test *t) {
  EXPECT("Het fietst.", "Het|fietst|.");
  EXPECT("van 1 t/m 5", "van|1|t/m|5");
  EXPECT("J. Peeters kwam", "J.|Peeters|kwam");
  EXPECT("en/of", "en|/|of");
  EXPECT("Ik sprak met Jan.", "Ik|sprak|met|Jan|.");
  EXPECT("in de VS. Een BV. Bij NL.", "in|de|VS|.|Een|BV|.|Bij|NL|.");
}

/* ---- numbers, dates, times ---- */

static void numbers(qc_test *t) {
  EXPECT("3 of 2,5 of 20.000 of 1.250,50", "3|of|2,5|of|20.000|of|1.250,50");
  EXPECT("Het is -3 graden", "Het|is|-3|graden");
  EXPECT("(-3)", "(|-|3|)");
  EXPECT("3,5% en €20 en 20€", "3,5|%|en|€|20|en|20|€");
  EXPECT("€1.250,50 per maand", "€|1.250,50|per|maand");
  EXPECT("in 2019.", "in|2019|.");
  EXPECT("in 2018-2019 en 2018–2019", "in|2018-2019|en|2018–2019");
  EXPECT("100/200 en 10.30 uur", "100/200|en|10.30|uur");
  EXPECT("3D, R1 en A4", "3D|,|R1|en|A4");
}

static void ordinals(qc_test *t) {
  EXPECT("de 2e, 21ste, 2de, 1ste en 3e keer",
         "de|2e|,|21ste|,|2de|,|1ste|en|3e|keer");
  EXPECT("1e, 2e.", "1e|,|2e|.");
  EXPECT("een 2e-lijns dienst", "een|2e-lijns|dienst");
}

static void dates_times(qc_test *t) {
  EXPECT("op 12-03-2024 en 12/03/2024 en 14/11",
         "op|12-03-2024|en|12/03/2024|en|14/11");
  EXPECT("sinds 2024-03-12, tot 03/2025", "sinds|2024-03-12|,|tot|03/2025");
  EXPECT("om 14:30 of 9u30 of 14u", "om|14:30|of|9u30|of|14u");
  EXPECT("Om 10:30u.", "Om|10:30u|.");
  EXPECT("om 14:30:15, of 14h30", "om|14:30:15|,|of|14h30");
  EXPECT("48u per week", "48u|per|week");
  /* Ranges stay three tokens. */
  EXPECT("van 13u-14u en 14:30-15:00", "van|13u|-|14u|en|14:30|-|15:00");
  EXPECT_TYPES("13u-14u 10u- 12u-dienst", "time punct time word word");
}

/* ---- URLs and e-mail ---- */

static void urls(qc_test *t) {
  EXPECT("Zie https://www.example.be/pad?a=1.",
         "Zie|https://www.example.be/pad?a=1|.");
  EXPECT("via http://example.org, of", "via|http://example.org|,|of");
  EXPECT("(www.zorgvoorbeter.be)", "(|www.zorgvoorbeter.be|)");
  EXPECT("op vdab.be of VDAB.be.", "op|vdab.be|of|VDAB.be|.");
  EXPECT("zie vdab.be/jobs!", "zie|vdab.be/jobs|!");
  EXPECT("https://nl.wikipedia.org/wiki/Zorg_(begrip).",
         "https://nl.wikipedia.org/wiki/Zorg_(begrip)|.");
  EXPECT("“www.x.be”", "“|www.x.be|”");
  EXPECT("gedaan.de volgende", "gedaan|.|de|volgende");
}

static void emails(qc_test *t) {
  EXPECT("Mail jan.peeters@example.be.", "Mail|jan.peeters@example.be|.");
  EXPECT("<info@vdab.be>", "<|info@vdab.be|>");
  EXPECT("a@b", "a|@|b");
}

/* ---- quotes and punctuation ---- */

static void quotes(qc_test *t) {
  EXPECT("Hij zei: “Ja.” En dan", "Hij|zei|:|“|Ja|.|”|En|dan");
  EXPECT("„Nee”, zei ze", "„|Nee|”|,|zei|ze");
  EXPECT("\"Echt?\"", "\"|Echt|?|\"");
  EXPECT("«oui»", "«|oui|»");
}

static void punctuation(qc_test *t) {
  EXPECT("Wacht... of toch…", "Wacht|...|of|toch|…");
  EXPECT("Echt?! Nee!!! Ja??", "Echt|?!|Nee|!!!|Ja|??");
  EXPECT("Ik zei [...] en toen […] klaar", "Ik|zei|[...]|en|toen|[…]|klaar");
  EXPECT("(...) ja", "(...)|ja");
  EXPECT("een, twee; drie: vier", "een|,|twee|;|drie|:|vier");
  EXPECT("[ja]", "[|ja|]");
}

/* ---- emoji and emoticons ---- */

static void emoji(qc_test *t) {
  EXPECT("Top👍", "Top|👍");
  EXPECT("👍🏽👍", "👍🏽|👍");
  EXPECT("👨‍👩‍👧 gezin", "👨‍👩‍👧|gezin");
  EXPECT("🇧🇪🇳🇱", "🇧🇪|🇳🇱");
  EXPECT("❤️ zorg", "❤️|zorg");
  EXPECT("1️⃣ eerst", "1️⃣|eerst");
}

static void emoticons(qc_test *t) {
  EXPECT("Leuk :-) echt :) ;-) :( :-( :D :p",
         "Leuk|:-)|echt|:)|;-)|:(|:-(|:D|:p");
  EXPECT("a:b", "a|:|b");
  EXPECT("leuk:)", "leuk|:)");
  EXPECT("Let op:(samen)werken", "Let|op|:|(samen)werken");
  EXPECT("<3", "<3");
}

/* ---- symbols and odd bytes ---- */

static void symbols(qc_test *t) {
  EXPECT("A & B + C = D / E @ F # G", "A|&|B|+|C|=|D|/|E|@|F|#|G");
  EXPECT("§ 3 → ok", "§|3|→|ok");
  EXPECT("20°C", "20|°|C");
  EXPECT("Het is 20°C. Warm", "Het|is|20|°|C|.|Warm");
  EXPECT("\x01", "\x01");
}

static void invalid_utf8(qc_test *t) {
  EXPECT("a\xff"
         "b",
         "a|\xff|b");
  EXPECT("\xe2\x80", "\xe2|\x80");
  const char nul[] = "a\0b";
  expect_mode(t, __LINE__, nul, 3, TOKENS, "a|");
}

/* ---- types ---- */

static void types(qc_test *t) {
  EXPECT_TYPES("Ik heb o.a. 3 tablets", "word word abbrev number word");
  EXPECT_TYPES("2e 12-03-2024 14:30 https://x.be jan@x.be",
               "ordinal date time url email");
  EXPECT_TYPES(". \" % 👍 :)", "punct quote symbol emoji emoticon");
  EXPECT_TYPES("2018-2019 2,5 -3 '40", "number number number number");
  EXPECT_TYPES("'s morgens foto's 3D", "word word word word");
  EXPECT_TYPES("t/m bv. J.", "abbrev abbrev abbrev");
  EXPECT_TYPES("[...] … ?!", "punct punct punct");
  EXPECT_TYPES("14/11 12/03/2024 9u30 14u 10:30u", "date date time time time");
  EXPECT_TYPES("vdab.be www.x.be", "url url");
  EXPECT_TYPES("„ ” ‘ ’ «", "quote quote quote quote quote");
  EXPECT_TYPES("€ & + = / @ #", "symbol symbol symbol symbol symbol symbol "
                                "symbol");
  EXPECT_TYPES("( ) , - –", "punct punct punct punct punct");
}

static void type_names(qc_test *t) {
  STR_EQ(t, qc_token_type_name(QC_TOK_WORD), "word", "word");
  STR_EQ(t, qc_token_type_name(QC_TOK_ABBREV), "abbrev", "abbrev");
  STR_EQ(t, qc_token_type_name(QC_TOK_EMOTICON), "emoticon", "emoticon");
  OK(t, qc_token_is_word(QC_TOK_WORD), "word counts");
  OK(t, qc_token_is_word(QC_TOK_EMAIL), "email counts");
  OK(t, !qc_token_is_word(QC_TOK_PUNCT), "punct does not count");
  OK(t, !qc_token_is_word(QC_TOK_EMOJI), "emoji does not count");
}

/* ---- sentences ---- */

static void sentences(qc_test *t) {
  EXPECT_SENT("Ik ga. Jij blijft.", "Ik ga . / Jij blijft . /");
  EXPECT_SENT("Echt?! Ja!", "Echt ?! / Ja ! /");
  EXPECT_SENT("Echt? ja", "Echt ? / ja /");
  EXPECT_SENT("Het ging... Dan stop ik.", "Het ging ... / Dan stop ik . /");
  EXPECT_SENT("Het ging... en toen", "Het ging ... en toen /");
  EXPECT_SENT("Het ging… “Dan", "Het ging … / “ Dan /");
  EXPECT_SENT("ja …", "ja … /");
  EXPECT_SENT("Het kost €20. Ok", "Het kost € 20 . / Ok /");
  EXPECT_SENT("Plan B. Het is 20°C. Ja", "Plan B. Het is 20 ° C . / Ja /");
}

static void sentences_closers(qc_test *t) {
  EXPECT_SENT("Hij zei: “Ja.” En dan", "Hij zei : “ Ja . ” / En dan /");
  EXPECT_SENT("(Zie boven.) Dan", "( Zie boven . ) / Dan /");
  EXPECT_SENT("Hij zei 'ja.' Toen", "Hij zei ' ja . ' / Toen /");
  EXPECT_SENT("Wat?\" vroeg hij", "Wat ? \" / vroeg hij /");
  EXPECT_SENT("\"Ja.\" \"Nee.\"", "\" Ja . \" / \" Nee . \" /");
}

static void sentences_abbrev(qc_test *t) {
  EXPECT_SENT("Ik heb o.a. tablets.", "Ik heb o.a. tablets . /");
  EXPECT_SENT("Laptops enz. Daarna", "Laptops enz. / Daarna /");
  EXPECT_SENT("laptops enz. en meer", "laptops enz. en meer /");
  EXPECT_SENT("boeken etc. Dan e.d. Ook", "boeken etc. / Dan e.d. / Ook /");
  EXPECT_SENT("Zie bijv.", "Zie bijv. /");
  EXPECT_SENT("dhr. Peeters kwam", "dhr. Peeters kwam /");
  EXPECT_SENT("Het duurt 5 min. Daarna", "Het duurt 5 min. Daarna /");
  EXPECT_SENT("Het was [...] Daarna", "Het was [...] Daarna /");
}

static void sentences_lines(qc_test *t) {
  EXPECT_SENT("eerste regel\ntweede regel", "eerste regel tweede regel /");
  EXPECT_SENT("eerste regel\n  \ntweede", "eerste regel / tweede /");
  EXPECT_SENT("eerste\r\n\r\ntweede", "eerste / tweede /");
  EXPECT_SENT("Ja.\n\n", "Ja . /");
  EXPECT_SENT("ok :)", "ok :) /");
  EXPECT_SENT("één\xe2\x80\xa9twee", "één / twee /"); /* U+2029 */
}

/* ---- offsets and reuse ---- */

static void offsets(qc_test *t) {
  const qc_token *tok;
  const char *text = "Ik  heb\n2,5 uur.";
  size_t n = qc_tokenizer_run(tz, text, strlen(text), &tok);
  INT_EQ(t, n, 5, "five tokens");
  if (n != 5)
    return;
  INT_EQ(t, tok[0].start, 0, "start 0");
  INT_EQ(t, tok[1].start, 4, "start 1");
  INT_EQ(t, tok[1].len, 3, "len 1");
  INT_EQ(t, tok[2].start, 8, "start 2");
  INT_EQ(t, tok[2].len, 3, "len 2");
  INT_EQ(t, tok[4].start, 15, "start 4");
  INT_EQ(t, tok[4].type, QC_TOK_PUNCT, "type 4");
  INT_EQ(t, tok[4].flags, QC_TOKF_SENTENCE_END, "flags 4");
  INT_EQ(t, tok[3].flags, 0, "flags 3");
}

static void reuse(qc_test *t) {
  qc_tokenizer *other = qc_tokenizer_new();
  const qc_token *tok;
  size_t n = qc_tokenizer_run(other, "een twee drie", 13, &tok);
  INT_EQ(t, n, 3, "first run");
  n = qc_tokenizer_run(other, "vier", 4, &tok);
  INT_EQ(t, n, 1, "second run");
  INT_EQ(t, tok[0].start, 0, "second run offset");
  INT_EQ(t, tok[0].flags, QC_TOKF_SENTENCE_END, "second run flag");
  n = qc_tokenizer_run(other, "", 0, &tok);
  INT_EQ(t, n, 0, "empty run");
  qc_tokenizer_free(other);
  qc_tokenizer_free(NULL);
}

/* ---- invariants and hostile input ---- */

/* Tokens are in order, non-empty and disjoint, everything between them is
 * whitespace, and the last one ends a sentence. */
static int invariants(const char *text, size_t len) {
  const qc_token *tok;
  size_t n = qc_tokenizer_run(tz, text, len, &tok), pos = 0;
  for (size_t i = 0; i <= n; i++) {
    size_t next = i < n ? tok[i].start : len;
    if (next < pos || (i < n && (tok[i].len == 0 || next + tok[i].len > len)))
      return 0;
    while (pos < next) {
      int32_t cp;
      int k = qc_utf8_decode(text + pos, len - pos, &cp);
      if (k == 0 ||
          (qc_utf8_class(cp) != QC_CC_SPACE && cp != 0x200B && cp != 0xFEFF))
        return 0;
      pos += (size_t)k;
    }
    if (i < n) {
      if (tok[i].flags & ~QC_TOKF_SENTENCE_END)
        return 0;
      pos = tok[i].start + tok[i].len;
    }
  }
  return n == 0 || (tok[n - 1].flags & QC_TOKF_SENTENCE_END);
}

/* Tokenises 'reps' copies of 'unit'; checks the invariants, the token
 * count when 'want' is not (size_t)-1, and the time. */
static void hostile(qc_test *t, int line, const char *unit, size_t reps,
                    size_t want) {
  size_t k = strlen(unit), len = k * reps;
  char *text = malloc(len + 1);
  for (size_t i = 0; i < reps; i++)
    memcpy(text + i * k, unit, k);
  text[len] = '\0';
  clock_t c0 = clock();
  const qc_token *tok;
  size_t n = qc_tokenizer_run(tz, text, len, &tok);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  char what[64];
  snprintf(what, sizeof what, "hostile '%s' x %zu", unit, reps);
  qc_test_check(t, secs < 5.0, __FILE__, line, what);
  if (want != (size_t)-1 && !qc_test_check(t, n == want, __FILE__, line, what))
    fprintf(stderr, "  Got:      %zu tokens\n  Expected: %zu\n", n, want);
  qc_test_check(t, invariants(text, len), __FILE__, line, what);
  free(text);
}

#define HOSTILE(unit, reps, want) hostile(t, __LINE__, (unit), (reps), (want))

static void hostile_input(qc_test *t) {
  size_t any = (size_t)-1;
  HOSTILE("a", 10u << 20, 1);
  HOSTILE(".", 10u << 20, 1);
  HOSTILE("-", 1u << 20, 1);
  HOSTILE("1", 1u << 20, 1);
  HOSTILE("a-", 1u << 20, 1);
  HOSTILE("1.", 1u << 20, 2);
  HOSTILE("'", 1u << 20, 1u << 20);
  HOSTILE("’", 1u << 18, 1u << 18);
  HOSTILE("a.", 1u << 20, 1u << 17); /* a.a.a.a.a.a.a.a. */
  HOSTILE("a.b", 1u << 18, any);
  HOSTILE("ab.", 1u << 19, 1u << 20);
  HOSTILE("a'", 1u << 19, any);
  HOSTILE("a@", 1u << 19, any);
  HOSTILE("a.b@", 1u << 18, any);
  HOSTILE("x-y.", 1u << 18, any);
  HOSTILE("(", 1u << 20, 1u << 20);
  HOSTILE("(a", 1u << 19, any);
  HOSTILE("…", 1u << 18, 1);
  HOSTILE("?!", 1u << 19, 1);
  HOSTILE(":)", 1u << 19, any);
  HOSTILE("👍🏽", 1u << 17, 1u << 17);
  HOSTILE("\xe2\x80\x8d", 1u << 18, any); /* ZWJ */
  HOSTILE("\xcc\x81", 1u << 18, 1);       /* combining acute */
  HOSTILE("… (", 1u << 18, any);
  HOSTILE("https://a", 1u << 17, 1);
  HOSTILE("\xff", 1u << 20, 1u << 20);
}

static void random_bytes(qc_test *t) {
  /* Bytes drawn from a small alphabet of troublemakers, then raw bytes. */
  static const char *const parts[] = {
      "a",        "Z",    "1", ".",  ",", "-", "'",  "’", "(",         ")",
      "[",        "]",    "/", ":",  "@", " ", "\n", "é", "e\xcc\x81", "👍",
      "\xf0\x9f", "\xff", "…", "?",  "!", "s", "t",  "m", "w",         "h",
      "p",        "%",    "€", "\"", "“", "_", "u"};
  size_t np = sizeof parts / sizeof parts[0];
  size_t cap = 1u << 21, len = 0;
  char *text = malloc(cap + 8);
  uint32_t x = 12345;
  while (len < cap) {
    x = x * 1103515245u + 12345u;
    const char *p = parts[(x >> 16) % np];
    size_t k = strlen(p);
    memcpy(text + len, p, k);
    len += k;
  }
  OK(t, invariants(text, len), "random troublemakers");
  for (size_t i = 0; i < len; i++) {
    x = x * 1103515245u + 12345u;
    text[i] = (char)(x >> 24);
  }
  OK(t, invariants(text, len), "random bytes");
  free(text);
}

/* ---- the abbreviation list ---- */

static void abbrev_list(qc_test *t) {
  OK(t, qc_abbrev_is_known("bijv", 4), "bijv");
  OK(t, qc_abbrev_is_known("BIJV.", 5), "BIJV. with period");
  OK(t, qc_abbrev_is_known("o.a.", 4), "o.a.");
  OK(t, qc_abbrev_is_known("Dhr", 3), "Dhr");
  OK(t, qc_abbrev_is_known("enz.xyz", 4), "length is respected");
  OK(t, !qc_abbrev_is_known("fiets", 5), "fiets");
  OK(t, !qc_abbrev_is_known("jan", 3), "jan is left out");
  OK(t, !qc_abbrev_is_known("", 0), "empty");
  OK(t, !qc_abbrev_is_known(".", 1), "period only");
  OK(t, !qc_abbrev_is_known("bijvoorbeeldenzovoortsmeer", 26), "long");
  OK(t, !qc_abbrev_is_known("b\xc3\xa9", 3), "non-ASCII");
  size_t n = qc_abbrev_count();
  OK(t, n >= 100 && n <= 250, "list size");
  int sorted = 1;
  for (size_t i = 1; i < n; i++)
    if (strcmp(qc_abbrev_at(i - 1), qc_abbrev_at(i)) >= 0)
      sorted = 0;
  OK(t, sorted, "sorted and unique");
  int all = 1; /* each entry is found, with or without its period */
  for (size_t i = 0; i < n; i++) {
    char w[64];
    snprintf(w, sizeof w, "%s.", qc_abbrev_at(i));
    if (!qc_abbrev_is_known(w, strlen(w)) ||
        !qc_abbrev_is_known(w, strlen(w) - 1))
      all = 0;
  }
  OK(t, all, "every entry is known");
  OK(t, qc_abbrev_at(n) == NULL, "past the end");
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  tz = qc_tokenizer_new();
  QC_RUN(&t, words_diacritics);
  QC_RUN(&t, words_combining);
  QC_RUN(&t, whitespace);
  QC_RUN(&t, apostrophe_initial);
  QC_RUN(&t, apostrophe_places_years);
  QC_RUN(&t, apostrophe_suffixes);
  QC_RUN(&t, apostrophe_quotes);
  QC_RUN(&t, apostrophe_quoted_compounds);
  QC_RUN(&t, hyphen_compounds);
  QC_RUN(&t, hyphen_elliptical);
  QC_RUN(&t, hyphen_dashes);
  QC_RUN(&t, parenthesised_affixes);
  QC_RUN(&t, abbrev_shapes);
  QC_RUN(&t, abbrev_known);
  QC_RUN(&t, abbrev_other);
  QC_RUN(&t, numbers);
  QC_RUN(&t, ordinals);
  QC_RUN(&t, dates_times);
  QC_RUN(&t, urls);
  QC_RUN(&t, emails);
  QC_RUN(&t, quotes);
  QC_RUN(&t, punctuation);
  QC_RUN(&t, emoji);
  QC_RUN(&t, emoticons);
  QC_RUN(&t, symbols);
  QC_RUN(&t, invalid_utf8);
  QC_RUN(&t, types);
  QC_RUN(&t, type_names);
  QC_RUN(&t, sentences);
  QC_RUN(&t, sentences_closers);
  QC_RUN(&t, sentences_abbrev);
  QC_RUN(&t, sentences_lines);
  QC_RUN(&t, offsets);
  QC_RUN(&t, reuse);
  QC_RUN(&t, hostile_input);
  QC_RUN(&t, random_bytes);
  QC_RUN(&t, abbrev_list);
  qc_tokenizer_free(tz);
  return qc_test_finish(&t);
}
