namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>Identifiers drawn from the seeded generator, so the same seed gives the same ids.</summary>
public static class Ids
{
    /// <summary>A random (version 4) UUID whose bits come from <paramref name="random"/>.</summary>
    public static Guid NewGuid(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
