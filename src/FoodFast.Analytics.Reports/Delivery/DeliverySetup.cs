using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

public static class DeliverySetup
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
        services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(sp =>
            WebhookAddressGuard.Handler(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AllowPrivateNetworkWebhooks));
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<ReportDeliverer>();
        return services;
    }
}
