/// Step 2 of building the graph: every relationship endpoint resolved to a component, or to a
/// placeholder entity for an id no entity record carries (model §2.2).
extension GraphBuilder {
  /// Resolved endpoints and the placeholders created for unknown ids.
  struct ResolvedEndpoints {
    /// The component of each distinct endpoint id; placeholders are numbered after the record
    /// components.
    var componentOfEndpoint: [Int32]
    /// Placeholders in order of first occurrence, each citing that occurrence.
    var placeholders: [(id: String, provenance: Provenance)]
  }

  /// Resolves every distinct endpoint id once. Ids are in order of first occurrence (input
  /// order, `from` before `to`), which is the order placeholders are created in; each
  /// placeholder cites the record of its first occurrence (warning `unknown-entity`).
  ///
  /// - Complexity: O(distinct endpoint ids), looked up concurrently for large tables.
  static func resolveEndpoints(
    of relationshipRecords: RelationshipRecordTable, in components: RecordComponents, findings: inout FindingLog
  ) -> ResolvedEndpoints {
    let ids = relationshipRecords.ids
    let idOfEndpoint = lookUpIDs(ids, in: components.recordIDs)
    var componentOfEndpoint = [Int32](repeating: 0, count: ids.count)
    var placeholders: [(id: String, provenance: Provenance)] = []
    for i in 0..<ids.count {
      let id = idOfEndpoint[i]
      if id >= 0 {
        componentOfEndpoint[i] = components.componentOfRecord[Int(components.firstRecordOfID[Int(id)])]
        continue
      }
      let endpoint = ids.string(at: i)
      let provenance = relationshipRecords.columns.values(Int(relationshipRecords.idFirstRow[i])).provenance
      findings.add(
        .warning, .unknownEntity, at: provenance, "'\(endpoint)' has no entity record; created a placeholder company")
      componentOfEndpoint[i] = Int32(components.count + placeholders.count)
      placeholders.append((endpoint, provenance))
    }
    return ResolvedEndpoints(componentOfEndpoint: componentOfEndpoint, placeholders: placeholders)
  }

  /// The index in `recordIDs` of every distinct endpoint id, or -1 for an id with no entity
  /// record.
  static func lookUpIDs(_ ids: ByteInterner, in recordIDs: ByteInterner) -> [Int32] {
    ParallelWork.array(count: ids.count, minimumToSplit: 50_000) { i in
      ids.withBytes(at: i) { recordIDs.index(of: $0) } ?? -1
    }
  }
}
