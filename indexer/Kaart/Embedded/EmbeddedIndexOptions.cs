using System.ComponentModel.DataAnnotations;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>Where the embedded index lives: a folder with one SQLite file per build (and the log of updates since it) and a pointer to the current build.</summary>
public sealed class EmbeddedIndexOptions
{
    public const string Section = "Zoekindex";

    [Required]
    public string Map { get; set; } = Path.Combine(".data", "index");

    /// <summary>
    /// After this many updates since the build, the writer folds the log into a new build of the same aanbod (a reader
    /// that opens the folder applies the whole log; see <see cref="SqliteIndexWriter.CompactAsync"/>). 0: never by count.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int CompactAfterUpdates { get; set; } = 1000;

    /// <summary>Or when the log file has grown to this many megabytes (0: never by size).</summary>
    [Range(0, int.MaxValue)]
    public int CompactAfterLogMegabytes { get; set; } = 64;

    internal string PointerPath => Path.Combine(Map, "current");
}
