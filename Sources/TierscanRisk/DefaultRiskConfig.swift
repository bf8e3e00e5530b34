/// The shipped default risk configuration (model §3), byte for byte the same as
/// `docs/default-config.json` (a test checks this). A `--config` file overrides it partially.
public enum DefaultRiskConfig {
  /// The default configuration's JSON text, ending with a newline.
  public static let json = #"""
    {
      "categories": ["forced_labour", "child_labour", "conflict_minerals"],
      "edges": {
        "supplies":     {"direction": "forward",  "factor": 1.0},
        "subcontracts": {"direction": "forward",  "factor": 1.0},
        "operates":     {"direction": "backward", "factor": 1.0},
        "owns":         {"direction": "backward", "factor": 1.0}
      },
      "control_share": 50,
      "basis_confidence": {"observed": 1.0, "declared": 0.9, "inferred": 0.5},
      "hop_decay": 0.85,
      "max_depth": 10,
      "levels": {"critical": 0.8, "high": 0.6, "medium": 0.35},
      "list_match_score": {"identifier": 1.0, "name-country": 1.0, "name-only": 0.7, "name-fuzzy": 0.6},
      "smelter_status_score": {"conformant": 0.0, "active": 0.3,
                               "non-conformant": 1.0, "unknown": 0.6},
      "ilab_scores": {"child_labour": 0.7, "forced_labour": 0.7},
      "legal_forms": ["ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "llc", "llp",
                      "lp", "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl", "bv", "nv", "pte", "pty", "srl", "spa",
                      "oy", "ab", "as", "jsc", "ooo", "kk", "sdn", "bhd"],
      "matching": {"possible": 0.8, "same": 0.9, "screening": 0.8, "address_agree": 0.5, "address_conflict": 0.2,
                     "max_block": 500, "max_candidates": 30, "fuzzy_screening": true, "duplicates": true,
                     "duplicates_max_entities": 20000, "duplicates_max_block": 100}
    }

    """#
}
