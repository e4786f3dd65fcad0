namespace FoodFast.Analytics.SampleData.Catalogue;

/// <summary>
/// The food catalogue the products are drawn from: category, name (some German and French, as the shops
/// sell them), the brands that make it, the net shelf price in EUR and the unit cost as a share of it.
/// </summary>
internal static class FoodCatalogue
{
    public sealed record Item(string Category, string Name, IReadOnlyList<string> Brands, decimal PriceEur, decimal CostShare);

    public static IReadOnlyList<string> Categories { get; } =
        ["fruit_and_vegetables", "dairy", "bakery", "meat_and_fish", "ready_meals", "beverages", "snacks", "frozen", "pantry"];

    public static IReadOnlyList<Item> Items { get; } = Parse(
        """
        fruit_and_vegetables|Bananas 1 kg|FreshFarm,Chiquita|1.69|0.62
        fruit_and_vegetables|Äpfel Elstar 1 kg|Bodensee Obst,FreshFarm|2.49|0.58
        fruit_and_vegetables|Cherry tomatoes 250 g|FreshFarm,Sunny Valley|1.99|0.55
        fruit_and_vegetables|Avocado Hass|FreshFarm,Sunny Valley|1.29|0.60
        fruit_and_vegetables|Pommes de terre 2,5 kg|Terres de France,FreshFarm|3.49|0.52
        fruit_and_vegetables|Fraises Gariguette 250 g|Terres de France|3.99|0.57
        fruit_and_vegetables|Baby spinach 200 g|Sunny Valley,FreshFarm|2.29|0.54
        fruit_and_vegetables|Karotten 1 kg|Bodensee Obst,FreshFarm|1.19|0.50
        dairy|Bio Vollmilch 3,8 % 1 l|Weihenstephan,Andechser|1.59|0.66
        dairy|Greek yoghurt 500 g|Fage,Milbona|2.79|0.61
        dairy|Bergkäse 200 g|Allgäuer Hof,Andechser|3.99|0.63
        dairy|Comté AOP 18 mois 250 g|Juraflore,Marcel Petite|6.49|0.64
        dairy|Butter 250 g|Kerrygold,Président|2.59|0.70
        dairy|Crème fraîche 200 g|Président,Elle & Vire|1.49|0.60
        dairy|Mature cheddar 350 g|Cathedral City,Pilgrims Choice|4.25|0.62
        bakery|Laugenbrezel 4 Stück|Bäckerei Kamps,Ditsch|2.49|0.45
        bakery|Baguette tradition|Paul,Maison Kayser|1.35|0.40
        bakery|Croissant au beurre 4 pièces|Paul,Maison Kayser|3.20|0.42
        bakery|Roggenvollkornbrot 500 g|Mestemacher,Harry|2.19|0.48
        bakery|Sourdough loaf 800 g|Gail's,Jason's|3.95|0.44
        bakery|Pain au chocolat 4 pièces|Paul,Brioche Pasquier|3.45|0.43
        meat_and_fish|Chicken breast fillets 500 g|Gut Bio,Wiesenhof|6.99|0.68
        meat_and_fish|Rinderhackfleisch 400 g|Gut Bio,Landfleisch|4.99|0.69
        meat_and_fish|Salmon fillets 2 x 125 g|Ocean Catch,Followfish|5.99|0.67
        meat_and_fish|Nürnberger Rostbratwürstchen 12 Stück|Höhenrainer,Landfleisch|3.79|0.64
        meat_and_fish|Rillettes de porc 220 g|Bordeau Chesnel|3.29|0.58
        meat_and_fish|Prawns cooked 200 g|Ocean Catch,Followfish|4.49|0.66
        ready_meals|Lasagne bolognese 400 g|Kitchen Stories,Wagner|4.49|0.52
        ready_meals|Käsespätzle 400 g|Maggi,Kitchen Stories|3.99|0.50
        ready_meals|Chicken tikka masala 450 g|Kitchen Stories,Charlie Bigham's|5.49|0.53
        ready_meals|Quiche lorraine 400 g|Marie,Picard|4.79|0.51
        ready_meals|Pad thai noodle bowl 380 g|Wok Express,Kitchen Stories|4.29|0.49
        ready_meals|Kartoffelsalat 500 g|Homann,Nadler|2.69|0.47
        beverages|Apfelschorle 6 x 0,5 l|Lift,Adelholzener|4.99|0.55
        beverages|Mineral water 6 x 1,5 l|Evian,Volvic|3.99|0.50
        beverages|Orange juice 1 l|Innocent,Tropicana|3.29|0.58
        beverages|Cold brew coffee 250 ml|Minor Figures,Starbucks|2.49|0.45
        beverages|Oat drink barista 1 l|Oatly,Alpro|2.29|0.56
        beverages|Jus de pomme artisanal 1 l|Alain Milliat|4.50|0.52
        snacks|Salted crisps 150 g|Kettle,Tyrrells|2.49|0.42
        snacks|Dark chocolate 70 % 100 g|Lindt,Ritter Sport|2.79|0.48
        snacks|Gummibärchen 200 g|Haribo|1.29|0.40
        snacks|Trail mix 200 g|Seeberger,Whole Earth|3.49|0.51
        snacks|Madeleines 250 g|St Michel,Bonne Maman|2.99|0.46
        frozen|Pizza margherita|Dr. Oetker,Wagner|3.29|0.47
        frozen|Frozen peas 750 g|Iglo,Birds Eye|2.19|0.49
        frozen|Vanilla ice cream 900 ml|Ben & Jerry's,Mövenpick|5.99|0.50
        frozen|Fischstäbchen 15 Stück|Iglo,Followfish|3.49|0.53
        frozen|Frites allumettes 1 kg|McCain,Picard|2.89|0.48
        pantry|Spaghetti n.5 500 g|Barilla,De Cecco|1.79|0.46
        pantry|Basmati rice 1 kg|Tilda,Uncle Ben's|3.49|0.52
        pantry|Olive oil extra virgin 750 ml|Bertolli,Filippo Berio|8.99|0.66
        pantry|Tomato passata 700 g|Mutti,Cirio|1.69|0.48
        pantry|Moutarde de Dijon 210 g|Maille,Amora|1.99|0.44
        pantry|Haferflocken kernig 500 g|Kölln,Seitenbacher|1.49|0.45
        pantry|Coffee beans 1 kg|Lavazza,Tchibo|13.99|0.61
        """);

    private static List<Item> Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(f => new Item(f[0], f[1], f[2].Split(','), decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
