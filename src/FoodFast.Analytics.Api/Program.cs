using FoodFast.Analytics.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplicationPipeline();
app.MapApplicationEndpoints();

return await StartupFailure.RunAsync(app);

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
