using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FoodFast.Analytics.Reports.Delivery;

public static class DeliveryRegistration
{
    /// <summary>E-mail and webhook delivery of finished reports, and signed download links (<c>Delivery</c> section).</summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
                {
                    // Without a configured public address, links name the first address the service listens on.
                    options.PublicBaseUrl = configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "http://localhost:8080";
                }
            });
        // Webhooks never follow redirects: the signed body goes to the URL the shop gave, nowhere else.
        services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ReportDeliverer>();
        return services;
    }
}
