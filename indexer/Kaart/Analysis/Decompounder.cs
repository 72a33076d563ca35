namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// Splits Dutch compound words into the words they are made of, using a word list:
/// "schuldhulpverlening" → schuld · hulp · verlening, plus the joined neighbours
/// (schuldhulp, hulpverlening). Like Lucene's dictionary compound filter, but it only accepts a split
/// that covers the whole word (allowing the linking letters -s- and -en-), prefers the fewest parts,
/// and then splits those parts again.
/// </summary>
public sealed class Decompounder(Func<string, bool> isWord)
{
    public const int MinCompoundLength = 8;
    public const int MinPartLength = 4;

    // Suffixes that the word list also knows as words ("lijk", "heid" …); a split on them is never a compound.
    private static readonly HashSet<string> NotAPart =
    [
        "heid", "heden", "lijk", "lijke", "baar", "bare", "schap", "schappen", "ische", "isch", "ling", "lingen",
        "ing", "ingen", "atie", "aties", "teit", "ster", "sters", "ende", "erij", "tjes", "ismen", "isme",
        "loos", "loze", "zaam", "zame", "achtig", "wijs", "waarts",
    ];

    /// <summary>The smallest parts of a compound ("schuld", "hulp", "verlening"); empty when it is no compound.</summary>
    public IReadOnlyList<string> Leaves(string word) => LeafSpans(word).Select(l => word[l.Start..l.End]).ToList();

    private List<(int Start, int End)> LeafSpans(string word)
    {
        var leaves = new List<(int Start, int End)>();
        if (word.Length >= MinCompoundLength)
        {
            CollectLeaves(word, 0, word.Length, leaves, depth: 0);
        }

        return leaves.Count < 2 ? [] : leaves;
    }

    /// <summary>The parts of a compound and their joined neighbours, as substrings of the word; empty when it is no compound.</summary>
    public IReadOnlyList<string> Split(string word)
    {
        var leaves = LeafSpans(word);
        if (leaves.Count < 2)
        {
            return [];
        }

        // Every run of neighbouring leaves is a word too (schuld+hulp, hulp+verlening), except the whole.
        var result = new List<string>();
        for (var i = 0; i < leaves.Count; i++)
        {
            for (var j = i; j < leaves.Count; j++)
            {
                if (i == 0 && j == leaves.Count - 1)
                {
                    continue;
                }

                var part = word[leaves[i].Start..leaves[j].End];
                if (!result.Contains(part))
                {
                    result.Add(part);
                }
            }
        }

        return result;
    }

    private void CollectLeaves(string word, int start, int end, List<(int, int)> leaves, int depth)
    {
        var split = depth < 3 && end - start >= MinCompoundLength ? BestSplit(word, start, end) : null;
        if (split is null)
        {
            leaves.Add((start, end));
            return;
        }

        foreach (var (s, e) in split)
        {
            CollectLeaves(word, s, e, leaves, depth + 1);
        }
    }

    /// <summary>The split of word[start..end] into the fewest dictionary words; ties go to the longest shortest part.</summary>
    private List<(int Start, int End)>? BestSplit(string word, int start, int end)
    {
        var n = end - start;
        // best[i]: the best way to cover word[start..start+i]; parts and shortest part, and the back pointer.
        var parts = new int[n + 1];
        var shortest = new int[n + 1];
        var from = new int[n + 1];
        var partEnd = new int[n + 1];
        Array.Fill(parts, int.MaxValue);
        parts[0] = 0;
        shortest[0] = int.MaxValue;

        for (var i = 0; i < n; i++)
        {
            if (parts[i] == int.MaxValue)
            {
                continue;
            }

            for (var j = i + MinPartLength; j <= n; j++)
            {
                if (i == 0 && j == n)
                {
                    continue; // the whole word is not a split
                }

                var candidate = word.Substring(start + i, j - i);
                if (NotAPart.Contains(candidate) || !isWord(candidate))
                {
                    continue;
                }

                Relax(j, j);
                // Linking letters between two parts: levensdomein = leven + s + domein, boekenkast = boek + en + kast.
                if (j + 1 < n && word[start + j] == 's')
                {
                    Relax(j + 1, j);
                }

                if (j + 2 < n && word[start + j] == 'e' && word[start + j + 1] == 'n')
                {
                    Relax(j + 2, j);
                }

                void Relax(int next, int endOfPart)
                {
                    var p = parts[i] + 1;
                    var s = Math.Min(shortest[i], j - i);
                    if (p < parts[next] || (p == parts[next] && s > shortest[next]))
                    {
                        parts[next] = p;
                        shortest[next] = s;
                        from[next] = i;
                        partEnd[next] = endOfPart;
                    }
                }
            }
        }

        if (parts[n] == int.MaxValue)
        {
            return null;
        }

        var result = new List<(int, int)>();
        for (var at = n; at > 0; at = from[at])
        {
            result.Add((start + from[at], start + partEnd[at]));
        }

        result.Reverse();
        return result;
    }
}
