using System.Data.Common;
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
        NpgsqlException db => new(Dependencies.Postgres, step, db.Message, unavailable: IsOutage(db), db),
        TimeoutException when IsOutage(ex) => new(Dependencies.Postgres, step, ex.Message, unavailable: true, ex),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="ex"/> itself is the database not answering now (a transient error, a time-out, a broken
    /// connection). Also asked about what reaches the service database without <see cref="GuardAsync"/> (EF Core,
    /// Quartz's job store, the key lookup), so that no one outside this project needs the driver's exception types.
    /// </summary>
    public static bool IsOutage(Exception ex) => ex switch
    {
        DbException db => db.IsTransient || db.InnerException is TimeoutException or SocketException or IOException,
        TimeoutException => ex.StackTrace?.Contains("Npgsql", StringComparison.Ordinal) == true,
        _ => false,
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
