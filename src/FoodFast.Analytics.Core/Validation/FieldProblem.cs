namespace FoodFast.Analytics.Core.Validation;

/// <summary>One thing wrong with one field, named by its JSON path (<c>items[2].lineTotal</c>).</summary>
public sealed record FieldProblem(string Field, string Message);
