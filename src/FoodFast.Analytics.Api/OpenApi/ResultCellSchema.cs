using FoodFast.Analytics.Core.Queries;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FoodFast.Analytics.Api.OpenApi;

/// <summary>
/// A <see cref="ResultCell"/> has its own JSON converter, so the generator knows nothing of its shape (and never visits
/// it): a row of cells documents its items here as what the converter writes, a string, a number or null.
/// </summary>
internal static class ResultCellSchema
{
    public static OpenApiOptions AddResultCellSchema(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.ElementType == typeof(ResultCell))
            {
                schema.Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Null,
                    Description = "A bucket or dimension as text, a metric as an exact number, or null.",
                };
            }
            return Task.CompletedTask;
        });
}
