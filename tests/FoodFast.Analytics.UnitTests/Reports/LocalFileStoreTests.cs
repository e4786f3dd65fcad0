using System.Security.Cryptography;
using System.Text;
using FoodFast.Analytics.Reports.Files;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("ff-files-test-").FullName;
    private readonly LocalFileStore store;

    public LocalFileStoreTests() => store = new LocalFileStore(root);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<StoredFile> WriteTextAsync(string key, string text) =>
        store.WriteAsync(key, (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask(), Token);

    [Fact]
    public async Task A_written_file_reports_its_size_and_sha256()
    {
        var stored = await WriteTextAsync("shop-1/report.csv", "abc");

        // The FIPS 180-2 test vector for "abc".
        Assert.Equal(new StoredFile("shop-1/report.csv", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), stored);
        Assert.Equal("abc", await File.ReadAllTextAsync(Path.Combine(root, "shop-1", "report.csv"), Token));
    }

    [Fact]
    public async Task Sha256_of_a_large_file_matches_an_independent_hash()
    {
        var bytes = new byte[3_000_000];
        new Random(7).NextBytes(bytes);

        var stored = await store.WriteAsync("big.bin", (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), Token);

        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
    }

    [Fact]
    public async Task A_writer_that_seeks_back_to_patch_what_it_wrote_still_gets_the_hash_of_the_final_bytes()
    {
        // What a zip writer does: a header with a placeholder, the body, then the header patched in place.
        var stored = await store.WriteAsync("patched.bin", async (stream, ct) =>
        {
            await stream.WriteAsync("HEAD----"u8.ToArray(), ct);
            await stream.WriteAsync("body"u8.ToArray(), ct);
            stream.Position = 4;
            await stream.WriteAsync("SIZE"u8.ToArray(), ct);
            stream.Seek(0, SeekOrigin.End);
        }, Token);

        Assert.Equal(12, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("HEADSIZEbody"u8.ToArray())), stored.Sha256);
    }

    [Fact]
    public async Task The_running_hash_is_given_only_for_a_file_written_front_to_back()
    {
        var path = Path.Combine(root, "direct.bin");
        await using var hashing = new HashingFileStream(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite));
        await hashing.WriteAsync("front "u8.ToArray(), Token);
        hashing.Write("to back"u8);
        hashing.WriteByte((byte)'!');
        await hashing.FlushAsync(Token);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("front to back!"u8.ToArray())), hashing.Sha256());
        hashing.Position = 0;
        hashing.Write("F"u8);
        Assert.Null(hashing.Sha256());
    }

    [Fact]
    public async Task The_file_appears_only_when_the_write_completes()
    {
        Stream? duringWrite = null;

        await store.WriteAsync("shop-1/r.pdf", async (stream, ct) =>
        {
            await stream.WriteAsync("partial"u8.ToArray(), ct);
            duringWrite = await store.OpenReadAsync("shop-1/r.pdf", ct);
        }, Token);

        Assert.Null(duringWrite);
        await using var after = await store.OpenReadAsync("shop-1/r.pdf", Token);
        Assert.NotNull(after);
        Assert.Equal("partial", await new StreamReader(after).ReadToEndAsync(Token));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_file_and_no_temporary_file()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync("shop-1/broken.xlsx", async (stream, ct) =>
        {
            await stream.WriteAsync(new byte[100_000], ct);
            throw new InvalidOperationException("writer failed");
        }, Token));

        Assert.Equal("writer failed", error.Message);
        Assert.Null(await store.OpenReadAsync("shop-1/broken.xlsx", Token));
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_failed_rewrite_keeps_the_previous_file()
    {
        await WriteTextAsync("r.csv", "first");

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("r.csv", (_, _) => throw new IOException("disk full"), Token));

        await using var stream = await store.OpenReadAsync("r.csv", Token);
        Assert.Equal("first", await new StreamReader(stream!).ReadToEndAsync(Token));
    }

    [Fact]
    public async Task Files_are_listed_by_prefix_in_key_order_and_deleted_once()
    {
        await WriteTextAsync("shop-2/c.pdf", "ccc");
        await WriteTextAsync("shop-1/b.xlsx", "bb");
        await WriteTextAsync("shop-1/a.csv", "a");

        var shop1 = await store.ListAsync("shop-1/", Token).ToListAsync(Token);
        var all = await store.ListAsync("", Token).Select(f => f.Key).ToListAsync(Token);

        Assert.Equal([("shop-1/a.csv", 1L), ("shop-1/b.xlsx", 2L)], shop1.Select(f => (f.Key, f.Size)));
        Assert.Equal(["shop-1/a.csv", "shop-1/b.xlsx", "shop-2/c.pdf"], all);
        Assert.True(await store.DeleteAsync("shop-1/a.csv", Token));
        Assert.False(await store.DeleteAsync("shop-1/a.csv", Token));
        Assert.Null(await store.OpenReadAsync("shop-1/a.csv", Token));
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("shop-1/../../escape.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData(".incoming/x.tmp")]
    [InlineData("shop-1\\..\\escape.csv")]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("a/b/c/d/e")]
    [InlineData("shop 1/r.csv")]
    [InlineData("~/r.csv")]
    public async Task Keys_that_could_leave_the_root_are_rejected(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WriteTextAsync(key, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Token));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(root)!, "escape.csv"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
