using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.OpenApi;

/// <summary>A typed table's cells are documented as what they are on the wire: a string, a number or null.</summary>
public sealed class ResultCellSchemaTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_rows_cells_are_documented_as_string_number_or_null()
    {
        using var client = await api.CreateReadyClientAsync();

        var document = await (await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var cell = document.GetProperty("components").GetProperty("schemas").GetProperty("QueryResult")
            .GetProperty("properties").GetProperty("rows").GetProperty("items").GetProperty("items");
        Assert.Equal(["null", "number", "string"], cell.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal));
    }
}
