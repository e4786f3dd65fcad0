using System.Net.Mail;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.Reports.Delivery;

/// <summary>Checks delivery targets when a schedule or report is created; every problem names its field (<c>delivery[0].url</c>).</summary>
public static class DeliveryValidation
{
    public const int MaxTargets = 10;
    public const int MaxRecipients = 20;

    /// <param name="defaultWebhookSecret">Whether <c>Delivery:WebhookSecret</c> is set, so a webhook may go without its own.</param>
    /// <param name="allowPrivate"><c>Delivery:AllowPrivateNetworkWebhooks</c>: whether a webhook may name a private, loopback or link-local address.</param>
    public static List<FieldProblem> Check(IReadOnlyList<DeliveryTarget>? targets, bool defaultWebhookSecret, bool allowPrivate)
    {
        var problems = new List<FieldProblem>();
        if (targets is null)
        {
            return problems;
        }
        if (targets.Count > MaxTargets)
        {
            problems.Add(new("delivery", $"at most {MaxTargets} targets"));
        }
        for (var i = 0; i < targets.Count; i++)
        {
            var field = $"delivery[{i}]";
            switch (targets[i]?.Type)
            {
                case DeliveryTarget.Email:
                    CheckEmail(targets[i], field, problems);
                    break;
                case DeliveryTarget.Webhook:
                    CheckWebhook(targets[i], field, defaultWebhookSecret, allowPrivate, problems);
                    break;
                default:
                    problems.Add(new($"{field}.type", $"'{targets[i]?.Type}' is not a delivery type; valid: {DeliveryTarget.Email}, {DeliveryTarget.Webhook}"));
                    break;
            }
        }
        return problems;
    }

    private static void CheckEmail(DeliveryTarget target, string field, List<FieldProblem> problems)
    {
        if (target.To is not { Count: > 0 and <= MaxRecipients } to)
        {
            problems.Add(new($"{field}.to", $"give 1 to {MaxRecipients} e-mail addresses"));
            return;
        }
        for (var j = 0; j < to.Count; j++)
        {
            // Plain addresses only: a display name or a second address smuggled into one entry is refused.
            if (!MailAddress.TryCreate(to[j], out var address) || address.Address != to[j] || address.Host.IndexOf('.', StringComparison.Ordinal) < 1)
            {
                problems.Add(new($"{field}.to[{j}]", $"'{to[j]}' is not an e-mail address such as ops@shop.example"));
            }
        }
    }

    private static void CheckWebhook(DeliveryTarget target, string field, bool defaultSecret, bool allowPrivate, List<FieldProblem> problems)
    {
        if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
        {
            problems.Add(new($"{field}.url", $"'{target.Url}' is not an absolute http or https URL (without user info)"));
        }
        else if (!allowPrivate && WebhookAddressGuard.IsInternal(url) is { } address)
        {
            problems.Add(new($"{field}.url", $"'{url.Host}' is {address}, a private, loopback, link-local or unspecified address: webhooks go to public "
                + "addresses only (set Delivery:AllowPrivateNetworkWebhooks to deliver inside your network)"));
        }
        if (target.Secret is { } secret ? secret.Length is < 16 or > 256 : !defaultSecret)
        {
            problems.Add(new($"{field}.secret", target.Secret is null
                ? "give a secret of 16-256 characters (no default Delivery:WebhookSecret is configured)"
                : "must be 16 to 256 characters"));
        }
    }
}
