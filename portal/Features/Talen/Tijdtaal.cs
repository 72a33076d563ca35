using System.Globalization;

namespace SocialeKaart.Portal.Features.Talen;

/// <summary>
/// Days, dates, times and "how long ago" in a language other than Dutch (Dutch stays in <see cref="NederlandseTekst"/>
/// and the aanbod's <c>RoosterTekst</c>). In code, not in .resx: these phrases are grammar — Polish and Ukrainian
/// decline day names and have three plural forms, Arabic has a dual — which one source sentence per key cannot carry.
/// Dates use the language's own culture, passed explicitly; <c>CurrentCulture</c> is never changed.
/// </summary>
public abstract class Tijdtaal
{
    private static readonly string[] Dagcodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>0 for Monday to 6 for Sunday, from an RFC 5545 BYDAY value ("TU", "-1TH"); -1 when it is none.</summary>
    public static int Dagnummer(string byDay) => byDay.Length < 2 ? -1 : Array.IndexOf(Dagcodes, byDay[^2..]);

    private protected Tijdtaal(string cultuur) => Cultuur = CultureInfo.GetCultureInfo(cultuur);

    public CultureInfo Cultuur { get; }

    /// <summary>The language's <see cref="Tijdtaal"/>; null for Dutch, which keeps its own texts.</summary>
    public static Tijdtaal? Voor(Taal taal) => taal.Code switch
    {
        "en" => Engels.Instance,
        "ar" => Arabisch.Instance,
        "tr" => Turks.Instance,
        "pl" => Pools.Instance,
        "uk" => Oekraiens.Instance,
        _ => null,
    };

    /// <summary>A date with its weekday, as in "Tuesday 24 November 2026".</summary>
    public virtual string Datum(DateOnly d) => d.ToString("dddd d MMMM yyyy", Cultuur);

    /// <summary>A date without weekday, for periods ("from 1 December 2026 to …"; Polish and Ukrainian need the genitive).</summary>
    public string KorteDatum(DateOnly d) => d.ToString("d MMMM yyyy", Cultuur);

    public string Uur(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"3 months ago"; the same steps as <see cref="NederlandseTekst.Geleden"/>.</summary>
    public string Geleden(DateOnly datum, DateOnly vandaag)
    {
        var dagen = vandaag.DayNumber - datum.DayNumber;
        var maanden = (vandaag.Year - datum.Year) * 12 + vandaag.Month - datum.Month - (vandaag.Day < datum.Day ? 1 : 0);
        return dagen switch
        {
            <= 0 => Vandaag,
            1 => Gisteren,
            < 14 => Geleden(Eenheid.Dag, dagen),
            < 60 => Geleden(Eenheid.Week, dagen / 7),
            _ when maanden < 12 => Geleden(Eenheid.Maand, Math.Max(maanden, 1)),
            _ when maanden < 24 => RuimEenJaar,
            _ => Geleden(Eenheid.Jaar, maanden / 12),
        };
    }

    private protected enum Eenheid { Dag, Week, Maand, Jaar }

    private protected abstract string Vandaag { get; }
    private protected abstract string Gisteren { get; }
    private protected abstract string RuimEenJaar { get; }
    private protected abstract string Geleden(Eenheid eenheid, int n);

    /// <summary>"Every Tuesday and Thursday"; <paramref name="dagen"/> as <see cref="Dagnummer"/> gives them.</summary>
    public abstract string Wekelijks(IReadOnlyList<int> dagen);

    public abstract string MaandagTotVrijdag { get; }
    public abstract string ElkeDag { get; }

    /// <summary>"Every 2 weeks on Tuesday".</summary>
    public abstract string OmDeWeken(int weken, IReadOnlyList<int> dagen);

    /// <summary>One part of a monthly rule: <paramref name="n"/> 0 = every, -1 = last, 1..5 = first..fifth.</summary>
    public abstract string InDeMaand(int n, int dag);

    /// <summary>The parts of a monthly rule together: "The first and third Wednesday of the month".</summary>
    public abstract string VanDeMaand(IReadOnlyList<string> delen);

    public abstract string Op(DateOnly datum);
    public abstract string VanTot(TimeOnly van, TimeOnly tot);
    public abstract string Vanaf(TimeOnly van);
    public abstract string Periode(DateOnly van, DateOnly tot);
    public abstract string TotEnMet(DateOnly tot);

    /// <summary>One of the next dates with its starting time: "Tuesday 1 December 2026, 14:00".</summary>
    public abstract string DatumOm(DateOnly datum, TimeOnly tijd);

    private protected static string Lijst(IReadOnlyList<string> items, string en, string komma = ", ") =>
        items.Count <= 1 ? string.Concat(items) : string.Join(komma, items.Take(items.Count - 1)) + en + items[^1];

    private protected string Hoofdletter(string s) => s.Length == 0 ? s : s[..1].ToUpper(Cultuur) + s[1..];

    /// <summary>Polish and Ukrainian: one, few (2–4, not 12–14), many.</summary>
    private protected static string Slavisch(int n, string een, string enkele, string veel) =>
        n % 10 == 1 && n % 100 != 11 ? een
        : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? enkele
        : veel;

    private sealed class Engels() : Tijdtaal("en-GB")
    {
        public static readonly Engels Instance = new();
        private static readonly string[] Dagen = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        private static readonly string[] Rangtelwoorden = ["", "first", "second", "third", "fourth", "fifth"];

        private protected override string Vandaag => "today";
        private protected override string Gisteren => "yesterday";
        private protected override string RuimEenJaar => "more than a year ago";

        private protected override string Geleden(Eenheid eenheid, int n)
        {
            var woord = eenheid switch { Eenheid.Dag => "day", Eenheid.Week => "week", Eenheid.Maand => "month", _ => "year" };
            return $"{n} {woord}{(n == 1 ? "" : "s")} ago";
        }

        public override string Wekelijks(IReadOnlyList<int> dagen) => "Every " + Lijst(dagen.Select(d => Dagen[d]).ToList(), " and ");
        public override string MaandagTotVrijdag => "Monday to Friday";
        public override string ElkeDag => "Every day";
        public override string OmDeWeken(int weken, IReadOnlyList<int> dagen) => $"Every {weken} weeks on {Lijst(dagen.Select(d => Dagen[d]).ToList(), " and ")}";
        public override string InDeMaand(int n, int dag) => n switch { 0 => $"every {Dagen[dag]}", -1 => $"the last {Dagen[dag]}", _ => $"the {Rangtelwoorden[n]} {Dagen[dag]}" };
        public override string VanDeMaand(IReadOnlyList<string> delen) => Hoofdletter(Lijst(delen, " and ")) + " of the month";
        public override string Op(DateOnly datum) => $"On {Datum(datum)}";
        public override string VanTot(TimeOnly van, TimeOnly tot) => $" from {Uur(van)} to {Uur(tot)}";
        public override string Vanaf(TimeOnly van) => $" from {Uur(van)}";
        public override string Periode(DateOnly van, DateOnly tot) => $" (from {KorteDatum(van)} to {KorteDatum(tot)})";
        public override string TotEnMet(DateOnly tot) => $" (until {KorteDatum(tot)})";
        public override string DatumOm(DateOnly datum, TimeOnly tijd) => $"{Datum(datum)}, {Uur(tijd)}";
    }

    private sealed class Arabisch() : Tijdtaal("ar")
    {
        public static readonly Arabisch Instance = new();
        private static readonly string[] Dagen = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];
        private static readonly string[] Rangtelwoorden = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس"];

        private protected override string Vandaag => "اليوم";
        private protected override string Gisteren => "أمس";
        private protected override string RuimEenJaar => "قبل أكثر من سنة";

        // Arabic counts with a singular, a dual, a plural for 3–10 and a singular accusative from 11.
        private protected override string Geleden(Eenheid eenheid, int n) => "قبل " + eenheid switch
        {
            Eenheid.Dag => Telwoord(n, "يوم", "يومين", "أيام", "يومًا"),
            Eenheid.Week => Telwoord(n, "أسبوع", "أسبوعين", "أسابيع", "أسبوعًا"),
            Eenheid.Maand => Telwoord(n, "شهر", "شهرين", "أشهر", "شهرًا"),
            _ => Telwoord(n, "سنة", "سنتين", "سنوات", "سنة"),
        };

        private static string Telwoord(int n, string een, string twee, string enkele, string veel) => n switch
        {
            1 => een,
            2 => twee,
            >= 3 and <= 10 => $"{n} {enkele}",
            _ => $"{n} {veel}",
        };

        private static string Dagenlijst(IReadOnlyList<int> dagen) => Lijst(dagen.Select(d => Dagen[d]).ToList(), " و", "، ");

        public override string Wekelijks(IReadOnlyList<int> dagen) =>
            dagen.Count == 1 ? $"كل يوم {Dagen[dagen[0]][2..]}" : $"كل أسبوع، أيام {Dagenlijst(dagen)}";
        public override string MaandagTotVrijdag => "من الاثنين إلى الجمعة";
        public override string ElkeDag => "كل يوم";
        public override string OmDeWeken(int weken, IReadOnlyList<int> dagen) =>
            $"كل {Telwoord(weken, "أسبوع", "أسبوعين", "أسابيع", "أسبوعًا")}، يوم {Dagenlijst(dagen)}";
        public override string InDeMaand(int n, int dag) => n switch
        {
            0 => $"كل {Dagen[dag]}",
            -1 => $"{Dagen[dag]} الأخير",
            _ => $"{Dagen[dag]} {Rangtelwoorden[n]}",
        };
        public override string VanDeMaand(IReadOnlyList<string> delen) => Lijst(delen, " و", "، ") + " من كل شهر";
        public override string Op(DateOnly datum) => $"يوم {Datum(datum)}";
        public override string VanTot(TimeOnly van, TimeOnly tot) => $"، من الساعة {Uur(van)} إلى الساعة {Uur(tot)}";
        public override string Vanaf(TimeOnly van) => $"، ابتداءً من الساعة {Uur(van)}";
        public override string Periode(DateOnly van, DateOnly tot) => $" (من {KorteDatum(van)} حتى {KorteDatum(tot)})";
        public override string TotEnMet(DateOnly tot) => $" (حتى {KorteDatum(tot)})";
        public override string DatumOm(DateOnly datum, TimeOnly tijd) => $"{Datum(datum)}، الساعة {Uur(tijd)}";
    }

    private sealed class Turks() : Tijdtaal("tr-TR")
    {
        public static readonly Turks Instance = new();
        private static readonly string[] Dagen = ["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"];
        private static readonly string[] Rangtelwoorden = ["", "ilk", "ikinci", "üçüncü", "dördüncü", "beşinci"];

        public override string Datum(DateOnly d) => d.ToString("d MMMM yyyy dddd", Cultuur);

        private protected override string Vandaag => "bugün";
        private protected override string Gisteren => "dün";
        private protected override string RuimEenJaar => "bir yıldan uzun süre önce";

        private protected override string Geleden(Eenheid eenheid, int n) =>
            $"{n} {eenheid switch { Eenheid.Dag => "gün", Eenheid.Week => "hafta", Eenheid.Maand => "ay", _ => "yıl" }} önce";

        private static string Dagenlijst(IReadOnlyList<int> dagen) => Lijst(dagen.Select(d => Dagen[d]).ToList(), " ve ");

        public override string Wekelijks(IReadOnlyList<int> dagen) => "Her " + Dagenlijst(dagen);
        public override string MaandagTotVrijdag => "Pazartesiden cumaya";
        public override string ElkeDag => "Her gün";
        public override string OmDeWeken(int weken, IReadOnlyList<int> dagen) => $"{weken} haftada bir, {Dagenlijst(dagen)}";
        public override string InDeMaand(int n, int dag) => n switch { 0 => $"her {Dagen[dag]}", -1 => $"son {Dagen[dag]}", _ => $"{Rangtelwoorden[n]} {Dagen[dag]}" };
        public override string VanDeMaand(IReadOnlyList<string> delen) => "Her ayın " + Lijst(delen, " ve ") + " günü";
        public override string Op(DateOnly datum) => Datum(datum);
        public override string VanTot(TimeOnly van, TimeOnly tot) => $", saat {Uur(van)} ile {Uur(tot)} arası";
        public override string Vanaf(TimeOnly van) => $", saat {Uur(van)} itibarıyla";
        public override string Periode(DateOnly van, DateOnly tot) => $" ({KorteDatum(van)} - {KorteDatum(tot)} arası)";
        public override string TotEnMet(DateOnly tot) => $" (son gün: {KorteDatum(tot)})";
        public override string DatumOm(DateOnly datum, TimeOnly tijd) => $"{Datum(datum)}, saat {Uur(tijd)}";
    }

    private sealed class Pools() : Tijdtaal("pl-PL")
    {
        public static readonly Pools Instance = new();

        // After "co" and "w" the accusative; the ordinal agrees with the day's gender.
        private static readonly string[] Dagen = ["poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę"];
        private static readonly bool[] Vrouwelijk = [false, false, true, false, false, true, true];
        private static readonly string[] Mannelijk = ["", "pierwszy", "drugi", "trzeci", "czwarty", "piąty"];
        private static readonly string[] Vrouwelijke = ["", "pierwszą", "drugą", "trzecią", "czwartą", "piątą"];

        public override string Datum(DateOnly d) => d.ToString("dddd, d MMMM yyyy", Cultuur);

        private protected override string Vandaag => "dzisiaj";
        private protected override string Gisteren => "wczoraj";
        private protected override string RuimEenJaar => "ponad rok temu";

        private protected override string Geleden(Eenheid eenheid, int n) => eenheid switch
        {
            Eenheid.Dag => n == 1 ? "1 dzień temu" : $"{n} dni temu",
            Eenheid.Week => $"{n} {Slavisch(n, "tydzień", "tygodnie", "tygodni")} temu",
            Eenheid.Maand => $"{n} {Slavisch(n, "miesiąc", "miesiące", "miesięcy")} temu",
            _ => $"{n} {Slavisch(n, "rok", "lata", "lat")} temu",
        };

        private static string Dagenlijst(IReadOnlyList<int> dagen) => Lijst(dagen.Select(d => Dagen[d]).ToList(), " i ");

        public override string Wekelijks(IReadOnlyList<int> dagen) => "Co " + Dagenlijst(dagen);
        public override string MaandagTotVrijdag => "Od poniedziałku do piątku";
        public override string ElkeDag => "Codziennie";
        public override string OmDeWeken(int weken, IReadOnlyList<int> dagen) =>
            $"Co {weken} {Slavisch(weken, "tydzień", "tygodnie", "tygodni")}, {(dagen[0] is 1 or 2 ? "we" : "w")} {Dagenlijst(dagen)}";
        public override string InDeMaand(int n, int dag) => n switch
        {
            0 => $"co {Dagen[dag]}",
            -1 => $"w {(Vrouwelijk[dag] ? "ostatnią" : "ostatni")} {Dagen[dag]}",
            _ => $"w {(Vrouwelijk[dag] ? Vrouwelijke[n] : Mannelijk[n])} {Dagen[dag]}",
        };
        public override string VanDeMaand(IReadOnlyList<string> delen) => Hoofdletter(Lijst(delen, " i ")) + " miesiąca";
        public override string Op(DateOnly datum) => Hoofdletter(Datum(datum));
        public override string VanTot(TimeOnly van, TimeOnly tot) => $", od {Uur(van)} do {Uur(tot)}";
        public override string Vanaf(TimeOnly van) => $", od {Uur(van)}";
        public override string Periode(DateOnly van, DateOnly tot) => $" (od {KorteDatum(van)} do {KorteDatum(tot)})";
        public override string TotEnMet(DateOnly tot) => $" (do {KorteDatum(tot)})";
        public override string DatumOm(DateOnly datum, TimeOnly tijd) => $"{Hoofdletter(Datum(datum))}, godz. {Uur(tijd)}";
    }

    private sealed class Oekraiens() : Tijdtaal("uk-UA")
    {
        public static readonly Oekraiens Instance = new();

        // "Щовівторка": one adverb per day; with "у" the accusative, the ordinal agreeing with the day's gender.
        private static readonly string[] Elke = ["щопонеділка", "щовівторка", "щосереди", "щочетверга", "щоп'ятниці", "щосуботи", "щонеділі"];
        private static readonly string[] Dagen = ["понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"];
        private static readonly bool[] Vrouwelijk = [false, false, true, false, true, true, true];
        private static readonly string[] Mannelijk = ["", "перший", "другий", "третій", "четвертий", "п'ятий"];
        private static readonly string[] Vrouwelijke = ["", "першу", "другу", "третю", "четверту", "п'яту"];

        public override string Datum(DateOnly d) => d.ToString("dddd, d MMMM yyyy", Cultuur);

        private protected override string Vandaag => "сьогодні";
        private protected override string Gisteren => "вчора";
        private protected override string RuimEenJaar => "понад рік тому";

        private protected override string Geleden(Eenheid eenheid, int n) => eenheid switch
        {
            Eenheid.Dag => $"{n} {Slavisch(n, "день", "дні", "днів")} тому",
            Eenheid.Week => $"{n} {Slavisch(n, "тиждень", "тижні", "тижнів")} тому",
            Eenheid.Maand => $"{n} {Slavisch(n, "місяць", "місяці", "місяців")} тому",
            _ => $"{n} {Slavisch(n, "рік", "роки", "років")} тому",
        };

        public override string Wekelijks(IReadOnlyList<int> dagen) => Hoofdletter(Lijst(dagen.Select(d => Elke[d]).ToList(), " і "));
        public override string MaandagTotVrijdag => "З понеділка по п'ятницю";
        public override string ElkeDag => "Щодня";
        public override string OmDeWeken(int weken, IReadOnlyList<int> dagen) =>
            $"{(weken % 10 == 1 && weken % 100 != 11 ? "Кожен" : "Кожні")} {weken} {Slavisch(weken, "тиждень", "тижні", "тижнів")}, у {Lijst(dagen.Select(d => Dagen[d]).ToList(), " і ")}";
        public override string InDeMaand(int n, int dag) => n switch
        {
            0 => Elke[dag],
            -1 => $"в {(Vrouwelijk[dag] ? "останню" : "останній")} {Dagen[dag]}",
            _ => $"у {(Vrouwelijk[dag] ? Vrouwelijke[n] : Mannelijk[n])} {Dagen[dag]}",
        };
        public override string VanDeMaand(IReadOnlyList<string> delen) => Hoofdletter(Lijst(delen, " і ")) + " місяця";
        public override string Op(DateOnly datum) => Hoofdletter(Datum(datum));
        public override string VanTot(TimeOnly van, TimeOnly tot) => $", з {Uur(van)} до {Uur(tot)}";
        public override string Vanaf(TimeOnly van) => $", від {Uur(van)}";
        public override string Periode(DateOnly van, DateOnly tot) => $" (з {KorteDatum(van)} до {KorteDatum(tot)})";
        public override string TotEnMet(DateOnly tot) => $" (до {KorteDatum(tot)})";
        public override string DatumOm(DateOnly datum, TimeOnly tijd) => $"{Hoofdletter(Datum(datum))}, о {Uur(tijd)}";
    }
}
