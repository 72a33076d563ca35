using System.Collections.Frozen;

namespace SocialeKaart.Kaart.Analysis;

/// <summary>The Snowball Dutch stop list, the one Elasticsearch calls <c>_dutch_</c>.</summary>
public static class StopWords
{
    public static FrozenSet<string> Dutch { get; } = Load();

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream("dutch_stop.txt")
            ?? throw new InvalidOperationException("dutch_stop.txt is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Split('|')[0].Trim();
            if (word.Length > 0)
            {
                words.Add(TextFolding.Fold(word));
            }
        }

        return words.ToFrozenSet();
    }
}
