import TierscanCore

extension DuplicateFinder {
  /// ``storageOrder(countryIDs:groups:)`` for countries and groups given as small numbers
  /// (`0 ..< countryCount` and `0 ..< groupCount`: e.g. ``TierscanCore/EntityTable/countryID(of:)``
  /// and an entity kind's position): the same order and group ranges, each record's run (group
  /// and country) found in a table of `groupCount × countryCount` entries instead of three hashed
  /// look-ups. `tierscan resolve` orders a million entities this way before it builds their
  /// records; the hashed version, generic and unspecialised across modules, took about 0.2 s of
  /// one core there while the other waited (docs/performance.md, stop 27).
  ///
  /// - Complexity: O(n + groupCount × countryCount + runs × log runs).
  public static func storageOrder(
    countryIDs countries: [Int32], countryCount: Int, groups: [Int32], groupCount: Int
  ) -> (order: [Int32], groupRanges: [Range<Int32>]) {
    precondition(groups.count == countries.count, "one group per record")
    // Groups numbered in order of first appearance, as the hashed version numbers them.
    var groupNumbers = [Int32](repeating: -1, count: groupCount)
    var groupsSeen: Int32 = 0
    var runOfKey = [Int32](repeating: -1, count: groupCount * countryCount)
    var runGroups: [Int32] = []
    var sizes: [Int] = []
    var runOf = [Int32](repeating: 0, count: countries.count)
    for i in countries.indices {
      let (group, country) = (Int(groups[i]), Int(countries[i]))
      precondition(group >= 0 && group < groupCount && country >= 0 && country < countryCount, "ids in range")
      if groupNumbers[group] < 0 {
        groupNumbers[group] = groupsSeen
        groupsSeen += 1
      }
      var run = runOfKey[group * countryCount + country]
      if run < 0 {
        run = Int32(runGroups.count)
        runOfKey[group * countryCount + country] = run
        runGroups.append(groupNumbers[group])
        sizes.append(0)
      }
      runOf[i] = run
      sizes[Int(run)] += 1
    }
    return placed(runOf: runOf, runGroups: runGroups, sizes: sizes, groupCount: Int(groupsSeen))
  }
}
