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
        var group = new List<WordSpan>(4);
        var i = 0;
        while (NextGroup(text, ref i, group))
        {
            foreach (var span in group)
            {
                yield return new Token(span.Start, span.Length, span.Joined ?? TextFolding.Fold(span.Word(text)));
            }
        }
    }

    /// <summary>Where a word stands (its folded form not yet made): the index folds each distinct word once.</summary>
    /// <param name="Joined">The folded joined form of a hyphenated word; null for a word as it stands in the text.</param>
    internal readonly record struct WordSpan(int Start, int Length, string? Joined)
    {
        /// <summary>The word as typed, to be folded. An overlong "word" is cut at <see cref="MaxWordLength"/>, not dropped:
        /// it still counts as something the inwoner typed.</summary>
        public string Word(string text) => text.Substring(Start, Math.Min(Length, MaxWordLength));

        public ReadOnlySpan<char> WordChars(string text) => text.AsSpan(Start, Math.Min(Length, MaxWordLength));
    }

    /// <summary>The next word at or after <paramref name="i"/>, with its hyphenated parts and joined form, into <paramref name="group"/>.</summary>
    internal static bool NextGroup(string text, ref int i, List<WordSpan> group)
    {
        group.Clear();
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
                group.Add(new WordSpan(start, i - start, null));

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

                    group.Add(new WordSpan(s, i - s, null));
                    parts++;
                }

                if (parts > 1)
                {
                    var joined = text[groupStart..i].Replace("-", "", StringComparison.Ordinal);
                    if (joined.Length <= MaxWordLength)
                    {
                        group.Add(new WordSpan(groupStart, i - groupStart, TextFolding.Fold(joined)));
                    }
                }

                return true;
            }
        }

        return false;
    }

    // An apostrophe between letters belongs to the word: zzp'er, baby's (Unicode word breaking, as Elasticsearch's standard tokenizer).
    private static bool IsApostropheInWord(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
