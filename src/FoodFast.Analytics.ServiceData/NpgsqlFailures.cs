using System.Net.Sockets;
using FoodFast.Analytics.Core.Observability;
using FoodFast.Analytics.Core.Storage;
using Npgsql;

namespace FoodFast.Analytics.ServiceData;

/// <summary>
/// How a failure of the Npgsql driver becomes Core's <see cref="DependencyFailedException"/> (dependency <c>postgres</c>,
/// the driver's message): for the ingest log here and for the Postgres analytics backend. An outage is what cannot be
/// answered now: a transient error, a time-out, a broken connection.
/// </summary>
public static class NpgsqlFailures
{
    /// <summary>The Core failure for a driver exception; null for anything else (cancellation, bugs), which passes unchanged.</summary>
    public static DependencyFailedException? Translate(string step, Exception ex) => ex switch
    {
        NpgsqlException db => new(Dependencies.Postgres, step, db.Message,
            unavailable: db.IsTransient || db.InnerException is TimeoutException or SocketException or IOException, db),
        TimeoutException when ex.StackTrace?.Contains("Npgsql", StringComparison.Ordinal) == true =>
            new(Dependencies.Postgres, step, ex.Message, unavailable: true, ex),
        _ => null,
    };

    /// <summary>Runs <paramref name="call"/>, raising a driver failure as <see cref="DependencyFailedException"/>.</summary>
    public static async Task<T> GuardAsync<T>(string step, Func<Task<T>> call)
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
}
