using FoodFast.Analytics.Core.Live;

namespace FoodFast.Analytics.Redis.Live;

/// <summary>Turns the last hour of minute buckets into the realtime figures of a shop or of one product.</summary>
public sealed class RealtimeReader(LiveCounters counters, TimeProvider time)
{
    public const int TopProducts = 10;

    public async Task<RealtimeFigures> FiguresAsync(string shopId, CancellationToken cancellationToken)
    {
        var (minutes, sessions, last1, last5, last60) = await SumsAsync(shopId, cancellationToken);
        var perMinute = minutes.Select(m =>
        {
            var sum = new BucketSum();
            MinuteFields.Accumulate(m.Fields, sum);
            return new MinuteFigures(DateTimeOffset.FromUnixTimeSeconds(m.Minute * 60), sum.Orders, sum.Money());
        }).ToList();
        return new RealtimeFigures(shopId, time.GetUtcNow(),
            last1.Orders, last1.Money(), last5.Orders, last5.Money(), last60.Orders, last60.Money(),
            last60.Top(TopProducts), sessions, perMinute);
    }

    public async Task<RealtimeProduct> ProductAsync(string shopId, string productId, CancellationToken cancellationToken)
    {
        var (_, _, _, last5, last60) = await SumsAsync(shopId, cancellationToken);
        return new RealtimeProduct(shopId, time.GetUtcNow(), last5.ProductFigures(productId), last60.ProductFigures(productId));
    }

    private async Task<(IReadOnlyList<(long Minute, IReadOnlyList<KeyValuePair<string, string>> Fields)> Minutes, long Sessions, BucketSum Last1, BucketSum Last5, BucketSum Last60)>
        SumsAsync(string shopId, CancellationToken cancellationToken)
    {
        var (minutes, sessions) = await counters.ReadAsync(shopId, cancellationToken);
        BucketSum last1 = new(), last5 = new(), last60 = new();
        for (var i = 0; i < minutes.Count; i++)
        {
            var age = minutes.Count - 1 - i;
            MinuteFields.Accumulate(minutes[i].Fields, last60);
            if (age < 5)
            {
                MinuteFields.Accumulate(minutes[i].Fields, last5);
            }
            if (age < 1)
            {
                MinuteFields.Accumulate(minutes[i].Fields, last1);
            }
        }
        return (minutes, sessions, last1, last5, last60);
    }
}
