namespace SocialeKaart.Indexer.Tests;

/// <summary>
/// Locates the repository root (the directory holding <c>SocialeKaart.sln</c>) by walking up from
/// <see cref="AppContext.BaseDirectory"/>, and the third-party test data outside it (<see cref="TestSupport.ExterneData"/>).
/// </summary>
internal static class RepoPaths
{
    private const string SolutionFile = "SocialeKaart.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the first ancestor of the test binaries containing SocialeKaart.sln.</summary>
    public static string Root => LazyRoot.Value;

    private static readonly Lazy<string> LazyExternalData = new(() => TestSupport.ExterneData.Map(Root));

    /// <summary>The real third-party test data: <c>SK_EXTERNAL_DATA</c> when set, else <c>Root/../shared/external-data</c>.</summary>
    public static string ExternalData => LazyExternalData.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFile} in any parent directory of {AppContext.BaseDirectory}.");
    }
}
