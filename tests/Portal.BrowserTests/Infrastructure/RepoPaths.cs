namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>Paths in the repository, found from the test binaries upwards (the solution file marks the root).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string AxeScript => Path.Combine(Root, "tests", "Portal.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialeKaart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SocialeKaart.sln not found above {AppContext.BaseDirectory}: the browser tests must run from inside the repository.");
    }
}
