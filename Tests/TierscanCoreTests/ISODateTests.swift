import Testing
import TierscanCore

@Suite struct ISODateTests {
  @Test(arguments: ["2024-02-29", "2025-12-31", "2000-02-29", "0001-01-01"])
  func validDatesRoundTrip(_ text: String) {
    #expect(ISODate(text)?.description == text)
  }

  @Test(arguments: ["2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-1-01", "25-01-01", "2025/01/01", "２０２５-01-01", "", "2025-01-01T00:00"])
  func invalidDatesAreRejected(_ text: String) {
    #expect(ISODate(text) == nil)
  }

  @Test func durationsAndMonths() {
    let a = ISODate("2023-02-20")!
    #expect(a.adding(months: 24).description == "2025-02-20")
    #expect(ISODate("2024-01-31")!.adding(months: 1).description == "2024-02-29")
    #expect(ISODate("2025-03-31")!.adding(months: -1).description == "2025-02-28")
    #expect(ISODate("1970-01-01")!.dayNumber == 0)
    #expect(ISODate("2025-01-01")!.days(to: ISODate("2025-12-31")!) == 364)
    #expect(ISODate("2024-01-01")!.days(to: ISODate("2025-01-01")!) == 366)
    #expect(ISODate("2025-02-20")! < ISODate("2025-02-21")!)
  }
}
