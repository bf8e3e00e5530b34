import Testing
import TierscanCore
import TierscanRisk

/// A realistic 1M scan holds millions of these values; their size is part of the memory budget
/// (docs/performance.md, memory), so a field added in the wrong place shows up here.
@Suite struct CompactLayoutTests {
  @Test func anExposureTakesFortyBytes() {
    #expect(MemoryLayout<Exposure>.stride == 40)
  }

  @Test func arcsAreSixteenBytes() {
    #expect(MemoryLayout<RiskArcs.Arc>.stride == 16)
  }
}
