import Foundation
import FuzzDriver
import TierscanCore
import TierscanIngest
import TierscanMatch

/// The headers the harness puts above the fuzzed rows: every CSV table kind whose rows have their
/// own parser — judgements and audit files first (they had no harness), then the others.
let headers = [
  "left,right,decision,reviewer,decided_on,reason",
  "assessment_id,supplier_id,site_id,scheme,assessment_type,date,valid_until,announcement,overall_result,auditor",
  "finding_id,assessment_id,code_ref,category,ilo_indicators,severity_raw,severity,status,raised_date,due_date,closed_date,description",
  "buyer_id,supplier_id,supplier_name,supplier_country,supplier_kind,commodity,hs_code,spend,tier,basis",
  "list,name,category,country,aliases,lei,authority,listed_on,reference",
  "country,category,score,commodity,source",
  "cid,status,name,metal,country",
  "id,name,kind,country,sector,commodities,lei,duns,aliases,raw_material,website",
  "from,to,type,commodity,hs_code,share,basis,confidence,reporting_year,source",
]

/// libFuzzer entry point: the first byte chooses a header (``headers``), the other bytes are the
/// rows below it, read in memory by the CSV reader with small limits. Reaches the row parsers of
/// judgements, assessments and audit findings (and the other kinds) on every input, where the
/// `csv` harness must first guess a header; the judgements read go on into a ``JudgementBook``.
/// Must never crash or lose a record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTables(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
  var data = Data(headers[Int(bytes[0]) % headers.count].utf8)
  data.append(0x0A)
  data.append(contentsOf: bytes.dropFirst())
  let result = readCSVCheckingRecords(data, options: smallLimitOptions(maxRecordBytes: 512))
  // Judgements go on into the judgement book (contradictions, voided pairs), as in `scan` and `resolve`.
  var findings = FindingLog()
  let book = JudgementBook(judgements: result.judgements, findings: &findings)
  precondition(book.isVoid.count == book.judgements.count, "a judgement lost its void flag")
  return 0
}

/// The harness's `main` (see ``runFuzzDriver(_:_:_:)``).
@_cdecl("FuzzTables_main")
public func fuzzTablesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzDriver(argc, argv) { data, size in fuzzTables(fuzzBytes(data), size) }
}
