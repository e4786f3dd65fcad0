using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace FoodFast.Analytics.Reports.Files;

/// <summary>
/// Files in a local folder. Writes go to <c>.incoming/</c> in the same folder (so the final rename is atomic)
/// and are renamed into place when complete. Keys are validated by <see cref="FileKey"/> and the resolved
/// path is checked to stay under the root.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const string Incoming = ".incoming";
    private readonly string root;
    private readonly ConcurrentDictionary<string, bool> writing = new(StringComparer.Ordinal);

    public LocalFileStore(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(this.root, Incoming));
    }

    public string Root => root;

    public async Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var temporary = Path.Combine(root, Incoming, $"{Guid.NewGuid():N}.tmp");
        writing[temporary] = true;
        try
        {
            long size;
            string? sha256;
            await using (var file = new HashingFileStream(new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true)))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                (size, sha256) = (file.Length, file.Sha256());
            }
            sha256 ??= await HashAsync(temporary, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path, overwrite: true);
            return new StoredFile(key, size, sha256);
        }
        finally
        {
            File.Delete(temporary); // a no-op once renamed
            writing.TryRemove(temporary, out _);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var existed = File.Exists(path);
        File.Delete(path);
        return Task.FromResult(existed);
    }

    public async IAsyncEnumerable<FileEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => FileKey.IsValid(key) && key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(PathOf(key));
            if (info.Exists)
            {
                yield return new FileEntry(key, info.Length, info.LastWriteTimeUtc);
            }
        }
        await Task.CompletedTask;
    }

    public Task<int> RemoveAbandonedAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var before = DateTime.UtcNow - olderThan;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, Incoming)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Another instance sharing the folder may still be writing its file: only old ones are abandoned.
            if (!writing.ContainsKey(path) && File.GetLastWriteTimeUtc(path) < before)
            {
                File.Delete(path);
                removed++;
            }
        }
        return Task.FromResult(removed);
    }

    private string PathOf(string key)
    {
        FileKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(root, key));
        // Defence in depth: FileKey already rules out every way out of the root.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"File key '{key}' resolves outside the store.", nameof(key));
        }
        return path;
    }

    /// <summary>The hash of a file whose writer did not write front to back (<see cref="HashingFileStream"/>).</summary>
    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
