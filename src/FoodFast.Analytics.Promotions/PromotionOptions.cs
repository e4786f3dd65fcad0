namespace FoodFast.Analytics.Promotions;

/// <summary>Settings under <c>Recommendations</c>: bought-together defaults, the rules file, weather and AI wording.</summary>
public sealed class PromotionOptions
{
    public const string Section = "Recommendations";

    /// <summary>Fewest shared orders for a bought-together pair (default 2); a request's minSupport overrides it.</summary>
    public int MinSupport { get; set; } = 2;

    /// <summary>A JSON rules file the operator edits; empty uses the embedded defaults. Read and validated at start-up.</summary>
    public string RulesPath { get; set; } = "";

    /// <summary>The trending window rules compare (days, default 7).</summary>
    public int SignalWindowDays { get; set; } = 7;

    public WeatherOptions Weather { get; set; } = new();

    public AiOptions Ai { get; set; } = new();
}

public sealed class WeatherOptions
{
    /// <summary>OpenWeather key (<c>WEATHER_API_KEY</c>); empty means no HTTP provider.</summary>
    public string ApiKey { get; set; } = "";

    public string BaseUrl { get; set; } = "https://api.openweathermap.org";

    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>How long a city's answer is reused (default 10 minutes).</summary>
    public double CacheMinutes { get; set; } = 10;

    /// <summary>Weather to use when none is given or fetched (the <c>static</c> provider); unset means none.</summary>
    public decimal? StaticTemperatureC { get; set; }

    public string? StaticCondition { get; set; }

    public decimal? StaticWindSpeedMs { get; set; }
}

public sealed class AiOptions
{
    /// <summary>OpenAI-compatible key (<c>OPENAI_API_KEY</c>); empty means template text only. Never logged.</summary>
    public string ApiKey { get; set; } = "";

    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    public string Model { get; set; } = "gpt-4o-mini";

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>At most one model call per shop per this many minutes (default 60); the phrasing is reused meanwhile.</summary>
    public double CacheMinutes { get; set; } = 60;
}
