namespace FoodFast.Analytics.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (the built-in generator, the only one), with Swagger UI at
/// <c>/swagger</c> and ReDoc at <c>/redoc</c> over it. Both UIs are served from their packages' embedded files, so the
/// pages work on a machine without internet (docs/dependencies.md says why these packages and not NSwag's).
/// </summary>
internal static class OpenApiSetup
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
            .AddResultCellSchema()
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
        app.UseReDoc(redoc =>
        {
            redoc.SpecUrl = DocumentPath;
            redoc.RoutePrefix = "redoc";
            redoc.DocumentTitle = "FoodFast Analytics API";
            redoc.IndexStream = () => typeof(OpenApiSetup).Assembly.GetManifestResourceStream("openapi/redoc.html");
        });
    }
}
