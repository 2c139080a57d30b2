namespace Caicaini.Testing;

public static class RepositoryRoot
{
    /// <summary>The checkout's top folder (where Caicaini.sln is), found from the test's output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Caicaini.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Caicaini.sln not found above " + AppContext.BaseDirectory);
    }
}
