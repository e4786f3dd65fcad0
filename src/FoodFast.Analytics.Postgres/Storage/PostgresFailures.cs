using System.Net.Sockets;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using Npgsql;

namespace FoodFast.Analytics.Postgres.Storage;

/// <summary>
/// The one place the Postgres backend's driver failures become Core's <see cref="DependencyFailedException"/>, for every
/// call of every face, with the driver's message. An outage is what cannot be answered now: a transient error, a
/// time-out, a broken connection.
/// </summary>
public sealed class PostgresFailures(IAnalyticsStore inner) : StoreDecorator(inner)
{
    protected override async Task<T> AroundAsync<T>(string step, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Translate(step, ex) is { } failed)
        {
            throw failed;
        }
    }

    protected override async IAsyncEnumerable<T> AroundRows<T>(string step, IAsyncEnumerable<T> rows)
    {
        await using var reader = rows.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await reader.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (Translate(step, ex) is { } failed)
            {
                throw failed;
            }
            yield return reader.Current;
        }
    }

    /// <summary>The Core failure for a driver exception; null for anything else (cancellation, bugs), which passes unchanged.</summary>
    public static DependencyFailedException? Translate(string step, Exception ex) => ex switch
    {
        NpgsqlException db => new(Dependencies.Postgres, step, db.Message,
            unavailable: db.IsTransient || db.InnerException is TimeoutException or SocketException or IOException, db),
        TimeoutException when ex.StackTrace?.Contains("Npgsql", StringComparison.Ordinal) == true =>
            new(Dependencies.Postgres, step, ex.Message, unavailable: true, ex),
        _ => null,
    };
}
