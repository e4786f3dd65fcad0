using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FoodFast.Analytics.ServiceData.Schema;

/// <summary>
/// Applies the ordered SQL scripts that <paramref name="owner"/> embeds under <c>Migrations/&lt;set&gt;/</c> once each,
/// recording them in <c>schema_migrations</c> by set and file name (so moving a set to another assembly changes nothing
/// for an existing database). The EF design package is not in our feed, so migrations are written by hand.
/// An advisory lock makes two instances starting at once apply each script exactly once.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, Assembly owner, string set, ILogger logger)
{
    /// <summary>Scripts of the service's own tables (ingest log, jobs, keys), embedded in this assembly.</summary>
    public const string ServiceSet = "service";

    /// <summary>The service database's migrator.</summary>
    public static SchemaMigrator ForServiceDatabase(NpgsqlDataSource dataSource, ILogger logger) =>
        new(dataSource, typeof(SchemaMigrator).Assembly, ServiceSet, logger);

    public static IReadOnlyList<(string Id, string Sql)> Scripts(Assembly assembly, string set)
    {
        var prefix = $"migrations/{set}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Path.GetFileNameWithoutExtension(name.Replace('\\', '/')), Read(assembly, name)))
            .ToList();
    }

    /// <summary>Applies what is missing; returns the ids applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = $"hashtext('foodfast.migrations.{set}')";
        await Execute(connection, $"select pg_advisory_lock({lockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                create table if not exists schema_migrations (
                    set_name text not null, id text not null, applied_at timestamptz not null default now(),
                    primary key (set_name, id))
                """, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var (id, sql) in Scripts(owner, set).Where(s => !applied.Contains(s.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                // No time limit: a script may rewrite or summarise a large table once (0005's rollup backfill).
                await using (var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 })
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand("insert into schema_migrations (set_name, id) values ($1, $2)", connection, tx))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = set });
                    record.Parameters.Add(new NpgsqlParameter { Value = id });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied {Set} migration {Id}", set, id);
                done.Add(id);
            }
            return done;
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({lockKey})", CancellationToken.None);
        }
    }

    private async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select id from schema_migrations where set_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = set });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
