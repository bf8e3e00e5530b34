/// How a BODS share given as a range (`minimum`/`exclusiveMinimum` … `maximum`/`exclusiveMaximum`)
/// becomes one `owns` share.
///
/// The default is ``minimum``: a range proves only its lower bound, so the 50 % rule fires only
/// on control the register shows (a `50–75 %` holding with an exclusive minimum of 50 reads as
/// 50 and reaches a 50 % threshold); ``maximum`` suits a precautionary screen that would rather
/// over-flag, ``midpoint`` an estimate. A range with only one bound uses that bound.
public enum BODSSharePolicy: String, Sendable, Hashable, CaseIterable {
  case minimum
  case maximum
  case midpoint
}
