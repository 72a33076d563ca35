namespace SocialeKaart.Kaart.Analysis;

/// <summary>A word in a text: where it starts, how long it is, and its folded form.</summary>
public readonly record struct Token(int Start, int Length, string Folded);

/// <summary>
/// Splits text into words on everything that is not a letter or digit, and folds each word.
/// Hyphenated words are also emitted joined ("speel-o-theek" → speel, o, theek, speelotheek),
/// like a word-delimiter filter with catenation.
/// </summary>
public static class Tokenizer
{
    public const int MaxWordLength = 40;

    public static List<Token> Tokenize(string text) => [.. Enumerate(text)];

    /// <summary>The words of a text one by one, so a caller that looks for one word can stop early.</summary>
    public static IEnumerable<Token> Enumerate(string text)
    {
        var tokens = new List<Token>(4);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || IsApostropheInWord(text, i)))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Clear();
                Add(tokens, text, start, i - start);

                // word-word-word: also emit the joined form.
                var groupStart = start;
                var parts = 1;
                while (i + 1 < text.Length && text[i] == '-' && IsWordChar(text[i + 1]))
                {
                    var s = ++i;
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }

                    Add(tokens, text, s, i - s);
                    parts++;
                }

                if (parts > 1)
                {
                    var joined = text[groupStart..i].Replace("-", "", StringComparison.Ordinal);
                    if (joined.Length <= MaxWordLength)
                    {
                        tokens.Add(new Token(groupStart, i - groupStart, TextFolding.Fold(joined)));
                    }
                }

                foreach (var token in tokens)
                {
                    yield return token;
                }
            }
        }
    }

    // An overlong "word" is cut, not dropped: it still counts as something the inwoner typed.
    private static void Add(List<Token> tokens, string text, int start, int length) =>
        tokens.Add(new Token(start, length, TextFolding.Fold(text.Substring(start, Math.Min(length, MaxWordLength)))));

    // An apostrophe between letters belongs to the word: zzp'er, baby's (Unicode word breaking, as Elasticsearch's standard tokenizer).
    private static bool IsApostropheInWord(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
