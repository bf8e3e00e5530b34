import Testing
import TierscanCore

@Suite struct CountryCodeTests {
  @Test func readsAssignedRepairsUKDropsTheRest() {
    #expect(CountryCode.read("gb") == .valid("GB"))
    #expect(CountryCode.read("CN") == .valid("CN"))
    #expect(CountryCode.read("uk") == .repairedUK)
    #expect(CountryCode.read("XX") == .unassigned)
    #expect(CountryCode.read("EU") == .unassigned)
    #expect(CountryCode.read("GBR") == .unassigned)
    #expect(CountryCode.assigned.count == 249)
  }
}
