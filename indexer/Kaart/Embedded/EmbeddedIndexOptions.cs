using System.ComponentModel.DataAnnotations;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>Where the embedded index lives: a folder with one SQLite file per build (and the log of updates since it) and a pointer to the current build.</summary>
public sealed class EmbeddedIndexOptions
{
    public const string Section = "Zoekindex";

    [Required]
    public string Map { get; set; } = Path.Combine(".data", "index");

    internal string PointerPath => Path.Combine(Map, "current");
}
