using System.Text.Json;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Ingestion;
using FoodFast.Analytics.Core.Storage;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Api.Ingestion;

/// <summary>Turns one JSON item into a log entry, or reports its problems.</summary>
internal delegate IngestEntry? ItemReader(JsonElement json, ValidationRules rules, List<FieldProblem> problems);

/// <summary>The shared path of every ingestion endpoint: read, validate each item, append the good ones, answer 202.</summary>
internal static class IngestionHandler
{
    public static readonly ItemReader Orders = (json, rules, problems) =>
        OrderReader.Read(json, rules, problems) is { } order ? IngestEntry.Of(order) : null;

    public static readonly ItemReader Events = (json, rules, problems) =>
        EventReader.Read(json, rules, problems) is { } activity ? IngestEntry.Of(activity) : null;

    /// <summary>A key bound to a shop writes only that shop's items: any other is rejected, naming shopId.</summary>
    private static ItemReader InCallerShop(HttpRequest request, ItemReader reader)
    {
        var shop = request.HttpContext.GetCaller().ShopId;
        return shop is null ? reader : (json, rules, problems) =>
        {
            var entry = reader(json, rules, problems);
            if (entry is not null && entry.ShopId != shop)
            {
                problems.Add(new FieldProblem("shopId", $"'{entry.ShopId}' is outside this credential's shop '{shop}'"));
                return null;
            }
            return entry;
        };
    }

    /// <summary>One item per request: invalid is a 400 naming every field.</summary>
    public static async Task<IngestAnswer> SingleAsync(HttpRequest request, Ingestor ingestor, IngestKind kind, ItemReader reader, string what, bool wait, CancellationToken cancellationToken)
    {
        reader = InCallerShop(request, reader);
        var (items, problem) = await IngestionBody.ReadAsync(request, ingestor.Options.MaxItemBytes, 1, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using var parsed = items!;
        if (items!.WasArray)
        {
            return Problems.NotJson($"Send one {what} as a JSON object here; arrays and NDJSON go to the batch endpoint.");
        }
        var problems = new List<FieldProblem>();
        var entry = reader(items.Elements[0]!.Value, ingestor.Rules(), problems);
        if (entry is null)
        {
            ingestor.CountRejected(kind, 1);
            return FieldProblems.Invalid(problems, $"Invalid {what}", $"The {what} is invalid: {string.Join("; ", problems.Select(p => $"{p.Field} {p.Message}"))}.");
        }
        return await AppendAsync(ingestor, [entry], [], wait, cancellationToken);
    }

    /// <summary>Many items: each is judged alone, so one bad item never drops the good ones.</summary>
    public static async Task<IngestAnswer> BatchAsync(HttpRequest request, Ingestor ingestor, IngestKind kind, ItemReader reader, bool wait, CancellationToken cancellationToken)
    {
        reader = InCallerShop(request, reader);
        var (items, problem) = await IngestionBody.ReadAsync(request, ingestor.Options.MaxBatchBytes, ingestor.Options.MaxBatchItems, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using var parsed = items!;
        var rules = ingestor.Rules();
        var entries = new List<IngestEntry>(items!.Elements.Count);
        var rejected = new List<RejectedItem>();
        for (var index = 0; index < items.Elements.Count; index++)
        {
            if (items.Unparsable.TryGetValue(index, out var unparsable))
            {
                rejected.Add(new RejectedItem(index, [unparsable]));
                continue;
            }
            var problems = new List<FieldProblem>();
            if (reader(items.Elements[index]!.Value, rules, problems) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                rejected.Add(new RejectedItem(index, problems));
            }
        }
        ingestor.CountRejected(kind, rejected.Count);
        return await AppendAsync(ingestor, entries, rejected, wait, cancellationToken);
    }

    public static async Task<IngestAnswer> AppendAsync(Ingestor ingestor, IReadOnlyList<IngestEntry> entries, IReadOnlyList<RejectedItem> rejected, bool wait, CancellationToken cancellationToken)
    {
        try
        {
            var indexed = await ingestor.IngestAsync(entries, wait, cancellationToken);
            return TypedResults.Accepted((string?)null, new IngestResult(entries.Count, rejected.Count, indexed, rejected));
        }
        catch (Exception ex) when (ex is DependencyFailedException or TimeoutException)
        {
            return Problems.LogUnavailable(ex.Message);
        }
    }
}
