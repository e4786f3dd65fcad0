using Spectre.Console;
using Spectre.Console.Rendering;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>A progress column showing items per second (Spectre's own speed column speaks in bytes).</summary>
public sealed class ItemRateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? $"{speed,9:N0}/s" : "        -/s", new Style(Color.Grey));
}
