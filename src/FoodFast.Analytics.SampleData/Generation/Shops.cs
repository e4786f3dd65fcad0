using FoodFast.Analytics.Core.Orders;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>A city customers order from, with coordinates for the map panels.</summary>
public sealed record City(string Name, double Lat, double Lon);

/// <summary>
/// A shop of the marketplace. Prices are set in EUR and converted with <see cref="PriceFactor"/>;
/// <see cref="VatRate"/> is the reduced food rate of the country, added on top of the net prices.
/// </summary>
public sealed record Shop(
    string ShopId,
    string Country,
    string Currency,
    string TimeZoneId,
    decimal VatRate,
    decimal PriceFactor,
    decimal ShippingFee,
    decimal FreeShippingFrom,
    double Popularity,
    IReadOnlyList<City> Cities)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>The shops the generator can use, in the order <c>--shops N</c> takes them (DE, FR, UK first: two currencies).</summary>
public static class Shops
{
    public static IReadOnlyList<Shop> All { get; } =
    [
        new("shop-de-berlin", "DE", "EUR", "Europe/Berlin", 0.07m, 1.00m, 4.99m, 49m, 1.00,
        [
            new("Berlin", 52.5200, 13.4050), new("Hamburg", 53.5511, 9.9937), new("München", 48.1351, 11.5820),
            new("Köln", 50.9375, 6.9603), new("Frankfurt am Main", 50.1109, 8.6821), new("Leipzig", 51.3397, 12.3731),
        ]),
        new("shop-fr-paris", "FR", "EUR", "Europe/Paris", 0.055m, 1.04m, 5.90m, 60m, 0.85,
        [
            new("Paris", 48.8566, 2.3522), new("Lyon", 45.7640, 4.8357), new("Marseille", 43.2965, 5.3698),
            new("Toulouse", 43.6047, 1.4442), new("Bordeaux", 44.8378, -0.5792), new("Lille", 50.6292, 3.0573),
        ]),
        new("shop-uk-london", "GB", "GBP", "Europe/London", 0m, 0.88m, 3.99m, 40m, 0.9,
        [
            new("London", 51.5074, -0.1278), new("Manchester", 53.4808, -2.2426), new("Birmingham", 52.4862, -1.8904),
            new("Leeds", 53.8008, -1.5491), new("Bristol", 51.4545, -2.5879), new("Edinburgh", 55.9533, -3.1883),
        ]),
        new("shop-at-wien", "AT", "EUR", "Europe/Vienna", 0.10m, 1.06m, 4.90m, 50m, 0.45,
        [
            new("Wien", 48.2082, 16.3738), new("Graz", 47.0707, 15.4395), new("Linz", 48.3069, 14.2858),
            new("Salzburg", 47.8095, 13.0550), new("Innsbruck", 47.2692, 11.4041),
        ]),
        new("shop-nl-amsterdam", "NL", "EUR", "Europe/Amsterdam", 0.09m, 1.02m, 4.95m, 55m, 0.55,
        [
            new("Amsterdam", 52.3676, 4.9041), new("Rotterdam", 51.9244, 4.4777), new("Den Haag", 52.0705, 4.3007),
            new("Utrecht", 52.0907, 5.1214), new("Eindhoven", 51.4416, 5.4697),
        ]),
    ];

    /// <summary>How customers pay in each country: card everywhere, PayPal strong in DE, cash on delivery rare.</summary>
    public static IReadOnlyList<(PaymentMethod Method, double Weight)> PaymentMix(string country) => country switch
    {
        "DE" => GermanPayments,
        "GB" => BritishPayments,
        _ => OtherPayments,
    };

    private static readonly (PaymentMethod, double)[] GermanPayments =
        [(PaymentMethod.Paypal, 38), (PaymentMethod.Card, 30), (PaymentMethod.ApplePay, 10), (PaymentMethod.GooglePay, 8), (PaymentMethod.CashOnDelivery, 9), (PaymentMethod.Voucher, 5)];

    private static readonly (PaymentMethod, double)[] BritishPayments =
        [(PaymentMethod.Card, 52), (PaymentMethod.ApplePay, 22), (PaymentMethod.GooglePay, 12), (PaymentMethod.Paypal, 10), (PaymentMethod.Voucher, 4)];

    private static readonly (PaymentMethod, double)[] OtherPayments =
        [(PaymentMethod.Card, 50), (PaymentMethod.Paypal, 18), (PaymentMethod.ApplePay, 13), (PaymentMethod.GooglePay, 9), (PaymentMethod.CashOnDelivery, 6), (PaymentMethod.Voucher, 4)];
}
