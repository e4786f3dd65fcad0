using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.ServiceData.Secrets;

public static class ServiceSecrets
{
    /// <summary>
    /// The secret stored under <paramref name="name"/> in <c>service_secrets</c>; the first caller stores
    /// <paramref name="generate"/>'s value. Instances racing here all read the one row that won.
    /// </summary>
    public static async Task<string> GetOrCreateSecretAsync(this ServiceDbContext db, string name, Func<string> generate, CancellationToken cancellationToken)
    {
        var candidate = generate();
        await db.Database.ExecuteSqlAsync(
            $"insert into service_secrets (name, value) values ({name}, {candidate}) on conflict (name) do nothing", cancellationToken);
        return await db.Database.SqlQuery<string>($"select value as \"Value\" from service_secrets where name = {name}").SingleAsync(cancellationToken);
    }
}
