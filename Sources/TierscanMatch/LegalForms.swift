/// Legal-form words and phrases of the major supplier countries, removed from a name *anywhere*
/// for fuzzy candidates (the exact rules of SPEC §2.4 keep their own trailing-word list).
///
/// Words are compared after ``MatchNameParser`` has folded the name to lower-case ASCII and joined
/// runs of single letters (`S. A. de C. V.` → `sa de cv`, `s.r.o.` → `sro`, `Sp. z o.o.` → `sp zoo`).
/// Three kinds of entry:
/// - ``anywhere``: words that are a legal form wherever they stand (`ltd`, `gmbh`, `tnhh`, `sdn` …);
/// - ``atEdge``: words that are a legal form only as the first or last word (`as`, `pt`, `cv`,
///   `cia` …), because they are also ordinary words or initials;
/// - ``phrases``: multi-word forms removed as a whole wherever they stand (`sa de cv`,
///   `san ve tic`, `you xian gong si`, `gmbh and co kg` …), longest first.
public enum LegalForms {
  /// Legal-form words removed wherever they stand.
  public static let anywhere = Set<String>([
    // English-speaking and Commonwealth countries, South and South-East Asia
    "ltd", "limited", "co", "company", "inc", "incorporated", "corp", "corporation", "llc", "llp", "plc", "pvt",
    "pte", "pty", "pcl", "smc", "opc",
    // German, Dutch, Nordic, Central and Eastern Europe
    "gmbh", "mbh", "ag", "kg", "ohg", "kgaa", "bv", "nv", "vof", "oy", "oyj", "ab", "aps", "asa", "sro", "kft", "zrt",
    "nyrt", "spzoo", "zoo", "doo", "ooo", "zao", "oao", "pao", "pjsc", "jsc", "ojsc", "cjsc",
    // Romance languages
    "sa", "sas", "sasu", "sarl", "eurl", "snc", "spa", "srl", "sl", "slu", "sac", "saa", "ltda", "eireli", "sapi",
    "sab", "scrl",
    // Turkish, Malay, Indonesian, Vietnamese, Thai, Japanese, Chinese pinyin
    "sti", "sdn", "bhd", "berhad", "tbk", "tnhh", "mtv", "kk", "youxiangongsi", "gongsi", "youxian",
  ])

  /// Words that are a legal form only as the first or the last word of a name.
  public static let atEdge = Set<String>([
    "as", "pt", "cv", "cia", "ao", "lp", "ae", "epe", "ug", "ev", "me", "se", "bt", "tic", "san", "ve", "cong", "ty",
    "private", "public", "joint", "stock",
  ])

  /// Multi-word legal forms, removed wherever they stand.
  public static let phrases: [[String]] = [
    "s de rl de cv", "sa de cv", "sab de cv", "sapi de cv", "s de rl", "s en c", "y cia", "e cia",
    "gmbh and co kg", "gmbh co kg", "and co kg", "co kg", "and co", "sp k", "sp j",
    "san ve tic", "sanayi ve ticaret", "ve tic", "ltd sti", "limited sirketi", "anonim sirketi",
    "you xian gong si", "you xian ze ren gong si", "gu fen you xian gong si", "gong si", "you xian",
    "cong ty co phan", "cong ty tnhh", "cong ty", "co phan", "mot thanh vien",
    "kabushiki kaisha", "yugen kaisha", "public company limited", "public limited company",
    "private limited", "joint stock company", "limited liability company", "closed joint stock company",
  ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

  /// The first words of ``phrases``: a word not in it begins no phrase.
  public static let phraseStarts = Set(phrases.map { $0[0] })
}
