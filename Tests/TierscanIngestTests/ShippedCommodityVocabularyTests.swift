import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// The shipped `commodity-vocabulary.json` (docs/commodities.md).
@Suite struct ShippedCommodityVocabularyTests {
  private let vocabulary = CommodityVocabulary.shipped

  @Test(arguments: [
    ("apparel", "garments"), ("Clothing", "garments"), ("garment", "garments"), ("cotton yarn", "yarn"), ("raw cotton", "cotton"), ("cotton fabric", "textiles"),
    ("shoes", "footwear"), ("solar panels", "solar modules"), ("nitrile gloves", "rubber gloves"),
    ("cocoa beans", "cocoa"), ("prawns", "shrimp"), ("polycrystalline silicon", "polysilicon"),
  ])
  func synonyms(word: String, commodity: String) {
    #expect(vocabulary.canonical(word)?.commodity == commodity)
  }

  @Test(arguments: [
    ("6110", "garments"), ("6205.20", "garments"), ("520100", "cotton"), ("520512", "yarn"), ("5208.12", "textiles"),
    ("854142", "solar cells"), ("8541.43", "solar modules"), ("280461", "polysilicon"), ("640399", "footwear"),
    ("7108.12", "gold"), ("850760", "lithium-ion batteries"), ("8517", "electronics"),
  ])
  func hsCodes(code: String, commodity: String) {
    #expect(vocabulary.commodity(forHS: code)?.commodity == commodity)
  }

  /// Every commodity the ILAB mapping produces is a canonical name of the vocabulary.
  @Test func everyILABCommodityIsCanonical() throws {
    let mapping = ILABGoodsMapping.shipped
    for good in ["Garments", "Cotton", "Polysilicon", "Gold", "Tin", "Cocoa", "Bricks"] {
      let commodity = try #require(mapping.commodity(for: good))
      #expect(vocabulary.canonical(commodity)?.how == "canonical", "\(commodity)")
    }
  }
}
