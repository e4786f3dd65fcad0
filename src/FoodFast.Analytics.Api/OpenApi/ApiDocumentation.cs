namespace FoodFast.Analytics.Api.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> (built-in generator) and Swagger UI at <c>/swagger</c>.</summary>
internal static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FoodFast Analytics API";
                document.Info.Description = "Ingestion, analytics queries, reports and the live feed of the FoodFast marketplace.";
                return Task.CompletedTask;
            })
            .AddOperationExamples()
            .AddProblemResponses());

    public static void UseApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).ExcludeFromDescription();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint(DocumentPath, "FoodFast Analytics v1");
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "FoodFast Analytics API";
        });
    }
}
