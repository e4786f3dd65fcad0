namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>
/// Items of <see cref="FoodCatalogue"/> that go into the same basket, both ways: pasta and passata, baguette and
/// cheese, fish fingers and peas. A basket with one of them gets the other with <see cref="JoinChance"/>, so
/// bought-together pairs rest on many orders rather than on chance.
/// </summary>
internal static class Companions
{
    public const double JoinChance = 0.35;

    private static readonly (string A, string B)[] Pairs =
    [
        ("Spaghetti n.5 500 g", "Tomato passata 700 g"),
        ("Spaghetti n.5 500 g", "Rinderhackfleisch 400 g"),
        ("Baguette tradition", "Comté AOP 18 mois 250 g"),
        ("Baguette tradition", "Rillettes de porc 220 g"),
        ("Sourdough loaf 800 g", "Butter 250 g"),
        ("Roggenvollkornbrot 500 g", "Butter 250 g"),
        ("Laugenbrezel 4 Stück", "Bergkäse 200 g"),
        ("Croissant au beurre 4 pièces", "Orange juice 1 l"),
        ("Pain au chocolat 4 pièces", "Bio Vollmilch 3,8 % 1 l"),
        ("Haferflocken kernig 500 g", "Bananas 1 kg"),
        ("Greek yoghurt 500 g", "Fraises Gariguette 250 g"),
        ("Coffee beans 1 kg", "Oat drink barista 1 l"),
        ("Cold brew coffee 250 ml", "Madeleines 250 g"),
        ("Jus de pomme artisanal 1 l", "Madeleines 250 g"),
        ("Fischstäbchen 15 Stück", "Frozen peas 750 g"),
        ("Salmon fillets 2 x 125 g", "Baby spinach 200 g"),
        ("Quiche lorraine 400 g", "Baby spinach 200 g"),
        ("Chicken breast fillets 500 g", "Basmati rice 1 kg"),
        ("Chicken tikka masala 450 g", "Basmati rice 1 kg"),
        ("Nürnberger Rostbratwürstchen 12 Stück", "Kartoffelsalat 500 g"),
        ("Pommes de terre 2,5 kg", "Crème fraîche 200 g"),
        ("Pizza margherita", "Vanilla ice cream 900 ml"),
        ("Frites allumettes 1 kg", "Mature cheddar 350 g"),
        ("Olive oil extra virgin 750 ml", "Cherry tomatoes 250 g"),
        ("Avocado Hass", "Prawns cooked 200 g"),
        ("Mineral water 6 x 1,5 l", "Apfelschorle 6 x 0,5 l"),
        ("Salted crisps 150 g", "Gummibärchen 200 g"),
        ("Äpfel Elstar 1 kg", "Karotten 1 kg"),
    ];

    /// <summary>For each item of <paramref name="items"/> (by index), the indexes of its companions.</summary>
    public static IReadOnlyList<int>[] Of(IReadOnlyList<FoodCatalogue.Item> items)
    {
        var index = items.Select((item, i) => (item.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var companions = items.Select(_ => new List<int>()).ToArray();
        foreach (var (a, b) in Pairs)
        {
            companions[index[a]].Add(index[b]);
            companions[index[b]].Add(index[a]);
        }
        return companions;
    }
}
