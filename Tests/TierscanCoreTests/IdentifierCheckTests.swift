import Testing
import TierscanCore

@Suite struct IdentifierCheckTests {
  @Test(arguments: ["5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55", "HWUPKR0MPOU8FGXBT394"])
  func validLEIs(_ lei: String) { #expect(IdentifierCheck.isValidLEI(lei)) }

  @Test(arguments: ["5493001KJTIIGC8Y1R13", "5493001KJTIIGC8Y1R1", "5493001kjtiigc8y1r12", "5493001KJTIIGC8Y1RAB"])
  func invalidLEIs(_ lei: String) { #expect(!IdentifierCheck.isValidLEI(lei)) }

  @Test func dunsAndCID() {
    #expect(IdentifierCheck.isValidDUNS("123456789"))
    #expect(!IdentifierCheck.isValidDUNS("12345678"))
    #expect(!IdentifierCheck.isValidDUNS("12345678a"))
    #expect(IdentifierCheck.isValidCID("CID001070"))
    #expect(!IdentifierCheck.isValidCID("CID01070"))
    #expect(!IdentifierCheck.isValidCID("cid001070"))
  }
}
