import Foundation
import TierscanCore

/// Reads an `.xml` input: a tierscan disclosure (model §2.7) or the ILAB goods list (§2.9),
/// chosen by the root element; any other root is an error finding.
public enum XMLInputReader {
  /// Reads one XML file. Never throws: every problem is a finding in the result.
  ///
  /// With `options.validatesSchema` a disclosure is also validated against the shipped XSD
  /// (`disclosure-1.xsd`); each violation is an error finding `schema-violation` at its line.
  /// Without it, the reader makes the same checks itself, element by element.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    read(displayPath: file.displayPath, options: options) { maxDepth, schema in
      XMLStreamReader(file: file, maxDepth: maxDepth, maxAttributes: options.limits.maxXMLAttributes, schema: schema)
    }
  }

  /// Reads XML bytes in memory shown as `displayPath` in provenance and findings (the fuzz
  /// harness's entry point; no file is opened).
  public static func read(data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs {
    read(displayPath: displayPath, options: options) { maxDepth, schema in
      XMLStreamReader(
        source: .bytes(data), maxDepth: maxDepth, maxAttributes: options.limits.maxXMLAttributes, schema: schema)
    }
  }

  /// Reads one document; `open` starts a pass over it (the schema pass, when validating, is a
  /// second one).
  private static func read(
    displayPath path: String, options: IngestOptions, open: (Int, DisclosureSchema?) -> XMLStreamReader
  ) -> IngestedInputs {
    var result = IngestedInputs()
    let maxDepth = options.limits.maxXMLDepth
    let reader = open(maxDepth, nil)
    var earlier: [XMLProblem] = []
    guard let root = advanceToRoot(reader, problems: &earlier) else {
      for problem in earlier { result.findings.add(problem.finding(in: path)) }
      noteMissingRoot(path, &result)
      result.files.append(InputFileSummary(path: path, kind: .unrecognised))
      return result
    }
    if root.localName == "disclosure" && root.namespaceURI == DisclosureSchema.namespace {
      if options.validatesSchema {
        guard let schema = DisclosureSchema.shared else {
          result.findings.add(.error, .schemaUnavailable, at: Provenance(file: path), "the disclosure XSD could not be loaded")
          result.files.append(InputFileSummary(path: path, kind: .disclosure))
          return result
        }
        // A separate streaming pass validates against the XSD (libxml2 attaches a schema
        // before the first node only); its violations come first, in document order.
        let validator = open(maxDepth, schema)
        while let event = validator.next() {
          if case .problem(let problem) = event, problem.rule == .schemaViolation || problem.rule == .schemaUnavailable {
            earlier.append(problem)
          }
        }
      }
      var disclosure = DisclosureReader(path: path, validatesSchema: options.validatesSchema)
      disclosure.read(root: root, after: earlier, from: reader, into: &result)
    } else if root.localName == "Goods" && root.namespaceURI.isEmpty {
      for problem in earlier { result.findings.add(problem.finding(in: path)) }
      var goods = ILABGoodsReader(path: path, source: ILABGoodsReader.sourceName(for: path))
      goods.read(root: root, from: reader, into: &result)
    } else {
      for problem in earlier { result.findings.add(problem.finding(in: path)) }
      let namespace = root.namespaceURI.isEmpty ? "no namespace" : "namespace '\(root.namespaceURI)'"
      result.findings.add(
        .error, .unrecognisedRoot, at: Provenance(file: path, line: root.line),
        "root element <\(root.localName)> in \(namespace) is neither <disclosure> in '\(DisclosureSchema.namespace)' nor the ILAB <Goods> list")
      result.files.append(InputFileSummary(path: path, kind: .unrecognised))
    }
    return result
  }

  /// Reads up to the root element, collecting every problem met on the way.
  private static func advanceToRoot(_ reader: XMLStreamReader, problems: inout [XMLProblem]) -> XMLStartElement? {
    while let event = reader.next() {
      switch event {
      case .start(let element): return element
      case .problem(let problem): problems.append(problem)
      case .end, .text: continue
      }
    }
    return nil
  }

  private static func noteMissingRoot(_ path: String, _ result: inout IngestedInputs) {
    if !result.findings.hasErrors {
      result.findings.add(.error, .xmlMalformed, at: Provenance(file: path), "the document has no root element")
    }
  }
}
