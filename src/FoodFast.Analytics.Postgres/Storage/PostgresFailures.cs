using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.ServiceData;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// The one place the Postgres backend's driver failures become Core's <see cref="DependencyFailedException"/> (see
/// <see cref="NpgsqlFailures"/>), for every call of every face and every exported row.
/// </summary>
public sealed class PostgresFailures(IAnalyticsStore inner) : StoreDecorator(inner)
{
    protected override Task<T> AroundAsync<T>(string step, Func<Task<T>> call) => NpgsqlFailures.GuardAsync(step, call);

    protected override async IAsyncEnumerable<T> AroundRows<T>(string step, IAsyncEnumerable<T> rows)
    {
        await using var reader = rows.GetAsyncEnumerator();
        while (await NpgsqlFailures.GuardAsync(step, async () => await reader.MoveNextAsync()))
        {
            yield return reader.Current;
        }
    }
}
