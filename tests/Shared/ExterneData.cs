namespace SocialeKaart.TestSupport;

/// <summary>
/// The real third-party test data (Snowball vocabulary, HSDS schemas and examples, PC4 centroids). It is not part of the
/// repository: it sits in the shared folder beside the clone (<c>../shared/external-data</c>), or wherever
/// <c>SK_EXTERNAL_DATA</c> points. Compiled into the indexer and the portal tests.
/// </summary>
internal static class ExterneData
{
    public static string Map(string repositoryRoot)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SK_EXTERNAL_DATA");
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment)
            ? Path.Combine(repositoryRoot, "..", "shared", "external-data")
            : fromEnvironment);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                $"The third-party test data is not at {folder}. It is not part of the repository: clone beside the shared "
                + "folder (shared/external-data next to the clone), or set SK_EXTERNAL_DATA to that external-data folder.");
    }
}
