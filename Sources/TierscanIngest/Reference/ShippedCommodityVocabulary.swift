import Foundation
import TierscanCore

extension CommodityVocabulary {
  /// The shipped, editable vocabulary `Resources/commodity-vocabulary.json` (docs/commodities.md);
  /// empty when the resource is missing or unreadable.
  public static let shipped: CommodityVocabulary = {
    guard
      let url = Bundle.module.url(forResource: "commodity-vocabulary", withExtension: "json", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url), let vocabulary = try? CommodityVocabulary(json: Array(data))
    else { return CommodityVocabulary() }
    return vocabulary
  }()
}
