using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Writers;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>Checks what a report request names against the catalogue and the writers; every problem names its field.</summary>
internal static class ReportValidation
{
    public static List<FieldProblem> Check(string? kind, string? format, ReportParameters parameters, ReportWriters writers)
    {
        var problems = new List<FieldProblem>();
        var formats = writers.Formats;
        var definition = ReportCatalogue.Find(kind);
        if (definition is null)
        {
            problems.Add(new("kind", $"'{kind}' is not a report kind; valid: {string.Join(", ", ReportCatalogue.Kinds)}"));
        }
        if (format is null || !formats.Contains(format))
        {
            problems.Add(new("format", $"'{format}' is not a format; valid: {string.Join(", ", formats)}"));
        }
        problems.AddRange(parameters.Validate());
        if (definition is not null && problems.Count == 0)
        {
            problems.AddRange(definition.Validate(parameters));
        }
        return problems;
    }
}
