using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>The highlighter splits compounds with the words of the index, so an update that adds or removes a word can change what it marks.</summary>
public sealed class HighlighterTests
{
    private static Vocabulary.Entry Word(string w) => new(w, DutchAnalyzer.Stem(w), 1);

    private static bool Marks(Highlighter highlighter, string text, string query) =>
        highlighter.Mark(text, () => "", new HashSet<string>([DutchAnalyzer.Stem(query)], StringComparer.Ordinal)).Any(f => f.Treffer);

    [Fact]
    public void With_WordThatCame_SplitsCompoundsAnew_AndTheOldHighlighterKeepsItsAnswer()
    {
        var before = new Vocabulary([Word("bakkerswinkel"), Word("bakker")]);
        var old = new Highlighter(before);
        Assert.False(Marks(old, "De bakkerswinkel is open.", "winkel")); // no "winkel" in the index: no split, and it is learnt

        var after = before.With([("winkel", DutchAnalyzer.Stem("winkel"), 1)]);
        var updated = old.With(after, ["winkel"]);

        Assert.True(Marks(updated, "De bakkerswinkel is open.", "winkel"));
        Assert.False(Marks(old, "De bakkerswinkel is open.", "winkel"));
        Assert.True(Marks(updated, "De bakker is open.", "bakker")); // what it learnt of other words still holds
    }

    [Fact]
    public void With_WordThatWent_NoLongerSplitsOnIt()
    {
        var before = new Vocabulary([Word("bakkerswinkel"), Word("bakker"), Word("winkel")]);
        var old = new Highlighter(before);
        Assert.True(Marks(old, "De bakkerswinkel is open.", "winkel"));

        var updated = old.With(before.With([("winkel", DutchAnalyzer.Stem("winkel"), -1)]), ["winkel"]);

        Assert.False(Marks(updated, "De bakkerswinkel is open.", "winkel"));
        Assert.True(Marks(old, "De bakkerswinkel is open.", "winkel"));
    }
}
