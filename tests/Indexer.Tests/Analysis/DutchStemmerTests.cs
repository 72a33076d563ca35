using System.Text;
using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Indexer.Tests.Analysis;

public class DutchStemmerTests
{
    private const int ExpectedPairCount = 45_670;

    private static string VocabularyPath =>
        Path.Combine(RepoPaths.ExternalData, "snowball-dutch", "dutch", "voc.txt");

    private static string ExpectedOutputPath =>
        Path.Combine(RepoPaths.ExternalData, "snowball-dutch", "dutch_porter", "output.txt");

    [Fact]
    public void Stem_AgreesWithSnowballPorterVocabulary_AllPairs()
    {
        var vocPath = VocabularyPath;
        var outPath = ExpectedOutputPath;
        Assert.True(File.Exists(vocPath), $"Snowball Dutch vocabulary not found at {vocPath}; the golden test cannot run.");
        Assert.True(File.Exists(outPath), $"Snowball dutch_porter expected output not found at {outPath}; the golden test cannot run.");

        var words = File.ReadAllLines(vocPath, Encoding.UTF8);
        var expected = File.ReadAllLines(outPath, Encoding.UTF8);
        Assert.Equal(ExpectedPairCount, words.Length);
        Assert.Equal(ExpectedPairCount, expected.Length);

        var mismatches = 0;
        var report = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var actual = DutchStemmer.Stem(words[i]);
            if (!string.Equals(actual, expected[i], StringComparison.Ordinal))
            {
                mismatches++;
                if (mismatches <= 20)
                {
                    report.Append("  line ").Append(i + 1).Append(": ").Append(words[i])
                        .Append(" -> expected '").Append(expected[i])
                        .Append("', actual '").Append(actual).Append('\'').AppendLine();
                }
            }
        }

        Assert.True(
            mismatches == 0,
            $"{mismatches} of {words.Length} words disagree with Snowball dutch_porter (first 20):{Environment.NewLine}{report}");
    }

    // Expected values taken from snowball-dutch/dutch_porter/output.txt.
    [Theory]
    [InlineData("schulden", "schuld")]
    [InlineData("opvoeding", "opvoed")]
    [InlineData("eenzaamheid", "eenzam")]
    [InlineData("werkloosheid", "werklos")]
    [InlineData("mogelijkheden", "mogelijk")]
    [InlineData("vriendelijkheid", "vriendelijk")]
    [InlineData("maatschappelijke", "maatschapp")]
    [InlineData("lichamelijk", "licham")]
    [InlineData("aanbestedingen", "aanbested")]
    [InlineData("uitkeringen", "uitker")]
    [InlineData("ondersteuning", "ondersteun")]
    [InlineData("huisvesting", "huisvest")]
    [InlineData("vrijwilligers", "vrijwilliger")]
    [InlineData("ziekenhuizen", "ziekenhuiz")]
    [InlineData("kinderen", "kinder")]
    [InlineData("gelukkig", "gelukk")]
    [InlineData("aalsmeerse", "aalsmer")]
    [InlineData("áan", "aan")]
    [InlineData("altruïsme", "altruism")]
    [InlineData("ideeën", "ideeen")]
    [InlineData("koffie", "koffie")]
    public void Stem_KnownWords(string word, string expected) =>
        Assert.Equal(expected, DutchStemmer.Stem(word));

    [Fact]
    public void Stem_EmptyString_ReturnsEmpty() => Assert.Equal(string.Empty, DutchStemmer.Stem(string.Empty));

    [Fact]
    public void Stem_LongWord_UsesPooledBufferAndStillStems()
    {
        var prefix = new string('x', 200);
        Assert.Equal(prefix + "schuld", DutchStemmer.Stem(prefix + "schulden"));
    }
}
