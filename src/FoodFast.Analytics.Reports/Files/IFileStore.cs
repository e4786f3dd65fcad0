namespace FoodFast.Analytics.Reports.Files;

/// <summary>
/// Where generated report files live: a local folder today, S3-compatible storage later. Keys are relative
/// paths such as <c>shop-1/3f2a9c.xlsx</c> (see <see cref="FileKey"/>); a file is visible only once complete.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file and publishes it under <paramref name="key"/> only
    /// when it returns; if it throws (or is cancelled) nothing is left behind. Replaces an existing file.
    /// </summary>
    Task<StoredFile> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>The file for reading, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the file; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every complete file whose key starts with <paramref name="prefix"/> (all when empty), ordered by key.</summary>
    IAsyncEnumerable<FileEntry> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes temporary files that no write of this process owns and that were last written before
    /// <paramref name="olderThan"/> ago: what a killed process left mid-write. Answers how many it deleted.
    /// </summary>
    Task<int> RemoveAbandonedAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}

/// <summary>A file just written: its size in bytes and the lower-case hex SHA-256 of its content.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

public sealed record FileEntry(string Key, long Size, DateTimeOffset LastModified);
