using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>POSTs a job's JSON to a webhook target, signed (<see cref="WebhookSignature"/>); any answer but 2xx is a failure.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string ClientName = "report-webhooks";
    public const string DeliveryHeader = "X-FoodFast-Delivery";

    public async Task SendAsync(DeliveryTarget target, Guid jobId, byte[] body, CancellationToken cancellationToken)
    {
        var secret = target.Secret ?? options.Value.WebhookSecret
            ?? throw new DeliveryFailedException("no webhook secret: give the target one or set Delivery:WebhookSecret", permanent: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(DeliveryHeader, jobId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryFailedException($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException ex) when (ex.GetBaseException() is WebhookAddressRefusedException refused)
        {
            throw new DeliveryFailedException($"the webhook address is refused: {refused.Message}", permanent: true, inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryFailedException($"the webhook could not be reached: {ex.Message}", inner: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"the webhook did not answer within {options.Value.TimeoutSeconds} s", inner: ex);
        }
    }
}
