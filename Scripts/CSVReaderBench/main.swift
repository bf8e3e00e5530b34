// Reader-only CSV throughput: compiled together with the CSVReader sources by
// Scripts/bench_csv.sh (no package, no tests). Usage: csv-reader-bench FILE.csv
import Foundation

let path = CommandLine.arguments[1]
let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
var best = Double.infinity
var records = 0
var fields = 0
for _ in 0..<3 {
  records = 0
  fields = 0
  let start = DispatchTime.now().uptimeNanoseconds
  CSVReader(trimsFields: true).read(data) { result in
    if case .record(let record) = result {
      records += 1
      fields += record.fields.count
    }
  }
  best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
let megabytes = Double(data.count) / 1e6
print(
  String(
    format: "reader: %d records, %d fields, %.1f MB in %.3f s (best of 3): %.0f rows/s, %.1f MB/s", records, fields,
    megabytes, best, Double(records) / best, megabytes / best))
