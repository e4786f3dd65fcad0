namespace FoodFast.Analytics.Reports.Writers.Pdf;

/// <summary>A fresh folder under <c>root</c> (the system temp folder by default), deleted with everything in it on dispose.</summary>
internal sealed class WorkFolder : IDisposable
{
    public WorkFolder(string? root, string prefix)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), $"{prefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
