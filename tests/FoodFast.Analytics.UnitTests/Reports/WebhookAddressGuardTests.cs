using System.Net;
using FoodFast.Analytics.Reports.Delivery;

namespace FoodFast.Analytics.UnitTests.Reports;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.0.2.2", false)] // documentation ranges are never a real receiver
    [InlineData("198.18.0.1", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("192.0.3.1", true)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:192.168.1.10", false)]
    public void Only_public_addresses_are_webhook_targets_by_default(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));
}
