/// Words that many unrelated names share (trade, product and place-type words). They weigh less in
/// ``TokenSimilarity`` and make no blocking key of their own, so that `Centro Textil` is not found
/// through `textil` and `Shanghai Jinlin Textile` is found through `jinlin`.
public enum GenericWords {
  /// Weight of a generic word in the token similarity; other words weigh 1.
  public static let weight = 0.3

  /// The generic name words.
  public static let names = Set<String>([
    "and", "the", "of", "de", "del", "la", "el", "y", "e", "et", "und",
    "garment", "garments", "textile", "textiles", "textil", "apparel", "apparels", "clothing", "clothes", "fashion",
    "fashions", "knitting", "knit", "knits", "knitwear", "knitwears", "sweater", "sweaters", "wear", "wears",
    "weaving", "dyeing", "printing", "spinning", "mills", "mill", "fabrics", "fabric", "shoes", "shoe", "footwear",
    "leather", "sportswear", "socks", "industries", "industry", "industrial", "industria", "industrias", "ind",
    "international", "intl", "group", "holdings", "holding", "factory", "manufacturing", "manufactory", "mfg",
    "manufacturer", "trading", "trade", "enterprise", "enterprises", "products", "product", "export", "exports",
    "exporters", "import", "imports", "global", "sourcing", "services", "service", "solutions", "technology",
    "tech", "development", "investment", "works", "workshop", "plant", "branch", "unit",
    "division", "factories", "comercial", "confecciones", "confeccoes", "fabrica", "textiles", "bags", "accessories",
  ])

  /// Generic address words (road types, place types, countries' common words).
  public static let address = Set<String>([
    "no", "road", "rd", "street", "st", "lane", "avenue", "av", "ave", "industrial", "zone", "park", "estate",
    "district", "dist", "province", "city", "town", "village", "county", "area", "building", "bldg", "floor", "fl",
    "block", "blk", "plot", "sector", "export", "processing", "development", "economic", "technical", "new",
    "east", "west", "north", "south", "the", "of", "and", "de", "la", "unit", "room", "china", "india", "bangladesh",
    "vietnam", "cambodia", "pakistan", "turkey", "indonesia", "thailand", "guangdong", "zhejiang", "jiangsu",
    "fujian", "shandong", "dhaka", "gazipur", "road", "highway", "hwy", "km", "pr", "prc", "po", "box", "p", "c",
  ])
}
