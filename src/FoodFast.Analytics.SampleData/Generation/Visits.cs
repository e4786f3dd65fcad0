using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Orders;
using FoodFast.Analytics.SampleData.Catalogue;

namespace FoodFast.Analytics.SampleData.Generation;

/// <summary>
/// What a visitor does, step by step down the funnel (page_view → product_view → add_to_cart →
/// checkout_start → purchase). A purchase visit goes all the way to its order; a browsing visit drops
/// off at each step with the probabilities below, so every step is reached by fewer sessions than the last.
/// </summary>
public static class Visits
{
    private static readonly string?[] Referrers =
        [null, null, "https://www.google.com/", "https://www.google.com/", "https://www.instagram.com/", "https://www.facebook.com/", "https://mail.foodfast.example/newsletter"];

    /// <summary>The visit that placed <paramref name="order"/>; payment may fail once, and an abandoned payment ends the visit.</summary>
    public static void Purchase(Session session, Order order, ProductCatalogue catalogue, bool newCustomer, PaymentOutcome payment, Random random)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(random);
        Arrive(session, random);
        if (!newCustomer && random.NextDouble() < 0.6)
        {
            session.Add(ActivityType.Login, url: "/login");
        }
        if (random.NextDouble() < 0.4)
        {
            var first = order.Items[0];
            session.Add(ActivityType.Search, e => e with { Query = SearchTerms.For(catalogue.ById(first.ProductId)), ResultsCount = 3 + random.Next(38) }, "/search");
        }
        foreach (var item in order.Items)
        {
            // Shoppers look at products they do not take; a fifth of the lines go into the cart straight from a
            // list or the last order, without a product page.
            for (var looked = random.Next(3); looked > 0; looked--)
            {
                var other = catalogue.PickPopular(random);
                session.AddProduct(ActivityType.ProductView, other, null, other.PriceIn(session.Shop.PriceFactor));
            }
            if (item == order.Items[0] || random.NextDouble() < 0.8)
            {
                session.AddProduct(ActivityType.ProductView, item.ProductId, item.ProductName, item.Category, null, item.UnitPrice);
            }
            session.AddProduct(ActivityType.AddToCart, item.ProductId, item.ProductName, item.Category, item.Quantity, item.LineTotal);
        }
        if (random.NextDouble() < 0.1)
        {
            var changedMind = catalogue.PickPopular(random);
            var price = changedMind.PriceIn(session.Shop.PriceFactor);
            session.AddProduct(ActivityType.ProductView, changedMind, null, price);
            session.AddProduct(ActivityType.AddToCart, changedMind, 1, price);
            session.AddProduct(ActivityType.RemoveFromCart, changedMind, 1, price);
        }
        if (newCustomer)
        {
            session.Add(ActivityType.Registration, url: "/register");
        }
        session.AddValue(ActivityType.CheckoutStart, order.Subtotal, "/checkout");
        session.AddValue(ActivityType.PaymentStarted, order.Total, "/checkout/payment", order.OrderId);
        if (payment != PaymentOutcome.Paid)
        {
            session.AddValue(ActivityType.PaymentFailed, order.Total, "/checkout/payment", order.OrderId);
            if (payment == PaymentOutcome.Abandoned)
            {
                return;
            }
            session.AddValue(ActivityType.PaymentStarted, order.Total, "/checkout/payment", order.OrderId);
        }
        session.AddValue(ActivityType.PaymentCompleted, order.Total, "/checkout/payment", order.OrderId);
        session.AddValue(ActivityType.CheckoutComplete, order.Total, "/checkout/complete", order.OrderId);
        session.AddValue(ActivityType.Purchase, order.Total, $"/orders/{order.OrderId}", order.OrderId);
    }

    /// <summary>
    /// A visit that buys nothing: nearly half leave after one page, most of the rest look at a few products and
    /// leave; one in ten puts something in the cart, and a few of those get as far as paying and fail.
    /// </summary>
    public static void Browse(Session session, ProductCatalogue catalogue, Random random)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(random);
        Arrive(session, random);
        if (random.NextDouble() < 0.45)
        {
            return;
        }
        if (session.UserId is not null && random.NextDouble() < 0.3)
        {
            session.Add(ActivityType.Login, url: "/login");
        }
        if (random.NextDouble() < 0.4)
        {
            var unmatched = random.NextDouble() < 0.12;
            var query = unmatched ? SearchTerms.Unmatched(random) : SearchTerms.For(catalogue.PickPopular(random));
            session.Add(ActivityType.Search, e => e with { Query = query, ResultsCount = unmatched ? 0 : 1 + random.Next(40) }, "/search");
            if (unmatched && random.NextDouble() < 0.5)
            {
                return;
            }
        }
        if (random.NextDouble() >= 0.85)
        {
            return;
        }
        var viewed = new List<Product>();
        for (var i = 1 + random.Next(7); i > 0; i--)
        {
            var product = catalogue.PickPopular(random);
            viewed.Add(product);
            session.AddProduct(ActivityType.ProductView, product, null, product.PriceIn(session.Shop.PriceFactor));
        }
        if (random.NextDouble() < 0.06)
        {
            session.AddProduct(ActivityType.WishlistAdd, viewed[0], null, viewed[0].PriceIn(session.Shop.PriceFactor));
        }
        if (random.NextDouble() >= 0.2)
        {
            return;
        }
        var cart = 0m;
        foreach (var product in viewed.Take(1 + random.Next(Math.Min(2, viewed.Count))))
        {
            var quantity = 1 + random.Next(3);
            var line = Basket.Cents(quantity * product.PriceIn(session.Shop.PriceFactor));
            cart += line;
            session.AddProduct(ActivityType.AddToCart, product, quantity, line);
        }
        if (random.NextDouble() < 0.15)
        {
            session.AddProduct(ActivityType.RemoveFromCart, viewed[0], 1, viewed[0].PriceIn(session.Shop.PriceFactor));
        }
        if (random.NextDouble() >= 0.3)
        {
            return;
        }
        session.AddValue(ActivityType.CheckoutStart, cart, "/checkout");
        if (random.NextDouble() < 0.5)
        {
            session.AddValue(ActivityType.PaymentStarted, cart, "/checkout/payment");
            if (random.NextDouble() < 0.4)
            {
                session.AddValue(ActivityType.PaymentFailed, cart, "/checkout/payment");
            }
        }
    }

    private static void Arrive(Session session, Random random) =>
        session.Add(ActivityType.PageView, e => e with { Referrer = Referrers[random.Next(Referrers.Length)] }, "/");
}

/// <summary>How the payment of an order went: first time, after one failure, or failed and abandoned (the order is cancelled).</summary>
public enum PaymentOutcome
{
    Paid,
    PaidAfterFailure,
    Abandoned,
}
