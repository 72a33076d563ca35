using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The autocomplete phrases of an index: per folded phrase the sum of the weights of everything that adds it, shown in
/// its most weighty spelling (ties: the first in ordinal order), heaviest first. That rule does not depend on the order
/// in which aanbod were added, so an index after updates suggests exactly what a rebuild would.
/// </summary>
internal sealed class SuggestieLijst
{
    // Each suggestion with " " + its folded phrase, for "starts with" and "has a word that starts with".
    private readonly Entry[] _sorted;
    private readonly Func<Dictionary<string, SuggestieBijdrage[]>> _loadForms;
    private Dictionary<string, SuggestieBijdrage[]>? _forms;
    private readonly Dictionary<string, SuggestieBijdrage[]>? _changed;

    private readonly record struct Entry(Suggestie Suggestie, string Key);

    private static readonly Comparer<Entry> EntryOrder = Comparer<Entry>.Create((x, y) => Order(x.Suggestie, y.Suggestie));

    private static Entry Make(Suggestie s) => new(s, " " + TextFolding.Fold(s.Tekst));

    private SuggestieLijst(Entry[] sorted, Func<Dictionary<string, SuggestieBijdrage[]>> loadForms,
        Dictionary<string, SuggestieBijdrage[]>? forms, Dictionary<string, SuggestieBijdrage[]>? changed)
    {
        _sorted = sorted;
        _loadForms = loadForms;
        _forms = forms;
        _changed = changed;
    }

    public static int Order(Suggestie x, Suggestie y) =>
        x.Gewicht != y.Gewicht ? y.Gewicht.CompareTo(x.Gewicht) : string.CompareOrdinal(x.Tekst, y.Tekst);

    /// <summary>Sums the contributions per folded phrase: the spellings and their weights (what the build file stores).</summary>
    public static Dictionary<string, SuggestieBijdrage[]> Group(IEnumerable<SuggestieBijdrage> bijdragen)
    {
        var perKey = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var b in bijdragen)
        {
            var key = DocumentAnalyser.SuggestieKey(b.Tekst);
            if (!perKey.TryGetValue(key, out var forms))
            {
                perKey[key] = forms = new Dictionary<string, int>(1, StringComparer.Ordinal);
            }

            forms[b.Tekst] = forms.GetValueOrDefault(b.Tekst) + b.Gewicht;
        }

        return perKey.ToDictionary(k => k.Key, k => k.Value.Where(f => f.Value != 0).Select(f => new SuggestieBijdrage(f.Key, f.Value)).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One suggestion for the spellings of a phrase, or null when nothing adds it any more.</summary>
    public static Suggestie? Winner(SuggestieBijdrage[] forms)
    {
        if (forms.Length == 0)
        {
            return null;
        }

        var best = forms[0];
        var total = 0;
        foreach (var f in forms)
        {
            total += f.Gewicht;
            if (f.Gewicht > best.Gewicht || (f.Gewicht == best.Gewicht && string.CompareOrdinal(f.Tekst, best.Tekst) < 0))
            {
                best = f;
            }
        }

        return new Suggestie(best.Tekst, total);
    }

    public static SuggestieLijst Create(IEnumerable<Suggestie> suggesties, Func<Dictionary<string, SuggestieBijdrage[]>> loadForms)
    {
        var sorted = suggesties.Select(Make).ToArray();
        Array.Sort(sorted, EntryOrder);
        return new SuggestieLijst(sorted, loadForms, null, null);
    }

    public int Count => _sorted.Length;

    /// <summary>This list after an update: contributions of added aanbod count positive, those of removed aanbod negative.</summary>
    public SuggestieLijst With(IEnumerable<(SuggestieBijdrage Bijdrage, int Sign)> changes)
    {
        var forms = _forms ??= _loadForms();
        var changed = _changed is null ? new Dictionary<string, SuggestieBijdrage[]>(StringComparer.Ordinal) : new Dictionary<string, SuggestieBijdrage[]>(_changed, StringComparer.Ordinal);
        var before = new Dictionary<string, SuggestieBijdrage[]>(StringComparer.Ordinal);
        foreach (var (b, sign) in changes)
        {
            var key = DocumentAnalyser.SuggestieKey(b.Tekst);
            var current = changed.TryGetValue(key, out var c) ? c : forms.TryGetValue(key, out var f) ? f : [];
            before.TryAdd(key, current);
            var weights = current.ToDictionary(x => x.Tekst, x => x.Gewicht, StringComparer.Ordinal);
            weights[b.Tekst] = weights.GetValueOrDefault(b.Tekst) + sign * b.Gewicht;
            changed[key] = weights.Where(w => w.Value != 0).Select(w => new SuggestieBijdrage(w.Key, w.Value)).ToArray();
        }

        var list = new List<Entry>(_sorted);
        foreach (var old in before.Values)
        {
            if (Winner(old) is { } gone && list.BinarySearch(new Entry(gone, ""), EntryOrder) is var at && at >= 0)
            {
                list.RemoveAt(at);
            }
        }

        foreach (var key in before.Keys)
        {
            if (Winner(changed[key]) is { } added)
            {
                var entry = Make(added);
                var at = list.BinarySearch(entry, EntryOrder);
                list.Insert(at >= 0 ? at : ~at, entry);
            }
        }

        return new SuggestieLijst(list.ToArray(), _loadForms, forms, changed);
    }

    public IReadOnlyList<Suggestie> Suggest(string prefix, int max)
    {
        var p = TextFolding.Fold((prefix ?? "").Trim());
        if (p.Length < 3 || p.Length > 100)
        {
            return [];
        }

        // Phrases that start with what was typed first, then phrases with a word that starts with it.
        var starts = new List<Suggestie>();
        var inside = new List<Suggestie>();
        var needle = " " + p;
        for (var i = 0; i < _sorted.Length && starts.Count < max; i++)
        {
            var key = _sorted[i].Key;
            if (key.StartsWith(needle, StringComparison.Ordinal))
            {
                starts.Add(_sorted[i].Suggestie);
            }
            else if (inside.Count < max && key.Contains(needle, StringComparison.Ordinal))
            {
                inside.Add(_sorted[i].Suggestie);
            }
        }

        return starts.Concat(inside).Take(max).ToList();
    }
}
