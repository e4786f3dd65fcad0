using System.Collections.Concurrent;
using System.Reflection;
using FoodFast.Analytics.Core.Wire;
using Microsoft.AspNetCore.Mvc;

namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// The binder parses a <see cref="DateTimeOffset"/> query parameter with the invariant culture, which takes
/// <c>11/10/2026</c> as 10 November. Every query parameter bound to a time is checked here first: ISO-8601 only.
/// </summary>
internal static class IsoTimeParameters
{
    private static readonly ConcurrentDictionary<MethodInfo, string[]> Names = new();

    public static void Check(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return;
        }
        foreach (var name in Names.GetOrAdd(handler, TimeParameters))
        {
            if (http.Request.Query.TryGetValue(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value && !IsoTime.IsIso(value))
            {
                throw new FieldRequestException(name, $"must be {IsoTime.Expected}, got '{FieldProblems.Shown(value)}'", FieldProblems.Shown(value), IsoTime.Expected);
            }
        }
    }

    /// <summary>The query names of a handler's time parameters, its own and those of its <c>[AsParameters]</c> records.</summary>
    private static string[] TimeParameters(MethodInfo handler) =>
    [
        .. handler.GetParameters().SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is not null
            ? p.ParameterType.GetProperties().Where(q => IsTime(q.PropertyType)).Select(q => q.GetCustomAttribute<FromQueryAttribute>()?.Name ?? q.Name)
            : IsTime(p.ParameterType) ? [p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!] : []),
    ];

    private static bool IsTime(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateTime));
}
