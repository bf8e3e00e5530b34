/// The registry of every finding rule tierscan reports, one documented value each; docs/findings.md
/// lists the same rules (a test checks that the two agree). Add a rule here and there.
extension FindingRule {
  /// `address-conflict` (warning, matching): A name match whose addresses disagree: the match stands as the rule says, the conflict is shown beside it.
  public static let addressConflict = FindingRule(id: "address-conflict")
  /// `bad-cell-reference` (warning, XLSX): A worksheet cell with a missing, malformed or out-of-range reference; the cell is not read.
  public static let badCellReference = FindingRule(id: "bad-cell-reference")
  /// `bods-history` (info, BODS): Statements replaced or closed by later ones in the same record; only the newest counts.
  public static let bodsHistory = FindingRule(id: "bods-history")
  /// `bods-interest` (info, BODS): An interest that has ended, or that is not a direct shareholding; kept as an attribute, not an owns edge.
  public static let bodsInterest = FindingRule(id: "bods-interest")
  /// `bods-statement` (error, BODS): A statement without the fields BODS requires (recordId, recordType, recordDetails); not read.
  public static let bodsStatement = FindingRule(id: "bods-statement")
  /// `bods-unspecified` (info, BODS): An interested party that is unspecified; no owner recorded.
  public static let bodsUnspecified = FindingRule(id: "bods-unspecified")
  /// `broken-quoting` (error, CSV): A quote inside an unquoted field, or text after a closing quote; the record is rejected.
  public static let brokenQuoting = FindingRule(id: "broken-quoting")
  /// `cid-not-in-reference` (warning, CMRT): A CMRT smelter CID is in no smelter reference or look-up, so its status is unknown.
  public static let cidNotInReference = FindingRule(id: "cid-not-in-reference")
  /// `cmrt-blank-company` (warning, CMRT): The declaring company name is blank; the entity id falls back to the file name.
  public static let cmrtBlankCompany = FindingRule(id: "cmrt-blank-company")
  /// `cmrt-invalid-date` (warning, CMRT): The effective date (D22) is not a date.
  public static let cmrtInvalidDate = FindingRule(id: "cmrt-invalid-date")
  /// `cmrt-missing-answer` (warning, CMRT): A required question for a metal is unanswered.
  public static let cmrtMissingAnswer = FindingRule(id: "cmrt-missing-answer")
  /// `cmrt-missing-field` (warning, CMRT): A required Declaration field is blank.
  public static let cmrtMissingField = FindingRule(id: "cmrt-missing-field")
  /// `cmrt-smelters-for-unused-metal` (warning, CMRT): Smelter List rows for a metal that question 1 declares not used.
  public static let cmrtSmeltersForUnusedMetal = FindingRule(id: "cmrt-smelters-for-unused-metal")
  /// `cmrt-unknown-metal` (warning, CMRT): A Smelter List metal is not one of the four 3TG metals.
  public static let cmrtUnknownMetal = FindingRule(id: "cmrt-unknown-metal")
  /// `cmrt-used-metal-without-smelters` (warning, CMRT): A metal declared used (question 1 = Yes) has no Smelter List rows.
  public static let cmrtUsedMetalWithoutSmelters = FindingRule(id: "cmrt-used-metal-without-smelters")
  /// `columns-not-imported` (info, CSV): Columns a mapping or profile does not import, listed once per file.
  public static let columnsNotImported = FindingRule(id: "columns-not-imported")
  /// `contradictory-judgement` (error, judgements): Two judgements contradict each other (same and not_same for one pair, or not_same for records joined by same judgements or one entity); the contradicted ones are not applied.
  public static let contradictoryJudgement = FindingRule(id: "contradictory-judgement")
  /// `control-characters` (warning, CSV): Control characters removed from a field.
  public static let controlCharacters = FindingRule(id: "control-characters")
  /// `corrupt-part` (error, XLSX): A workbook part could not be inflated (bad deflate stream or CRC).
  public static let corruptPart = FindingRule(id: "corrupt-part")
  /// `country-resolved` (info, all): A country spelling (name, alpha-3, UK) resolved to an alpha-2 code; once per distinct value per file.
  public static let countryResolved = FindingRule(id: "country-resolved")
  /// `date-order` (warning, audits): Dates out of order (e.g. valid_until before the assessment date).
  public static let dateOrder = FindingRule(id: "date-order")
  /// `declared-tier-mismatch` (warning, scan): A supplier list declares a tier (counted from the focus) that differs from the tier the graph gives the supplier; both are shown, the computed tier is used.
  public static let declaredTierMismatch = FindingRule(id: "declared-tier-mismatch")
  /// `declared-tier-no-path` (warning, scan): Declared tiers name suppliers that have no supply path to the focus in the graph; kept as evidence, not compared (one finding per file and discloser).
  public static let declaredTierNoPath = FindingRule(id: "declared-tier-no-path")
  /// `declared-tier-not-compared` (info, scan): Declared tiers count from a discloser other than the focus (or from none, when the list's rows loop); kept as evidence, not compared (one finding per file and discloser).
  public static let declaredTierNotCompared = FindingRule(id: "declared-tier-not-compared")
  /// `declarer-linked` (warning, matching): A CMRT declaring company merged with the one entity the matching engine decided same (identifiers agree, or near-equal names and agreeing addresses); features in the evidence.
  public static let declarerLinked = FindingRule(id: "declarer-linked")
  /// `declarer-possible-link` (warning, matching): A CMRT declaring company that may be a supplier (decision possible, or same with several entities, or judged unsure); not merged, listed by resolve.
  public static let declarerPossibleLink = FindingRule(id: "declarer-possible-link")
  /// `decoded-encoding` (info, CSV): A file read in the encoding given with --encoding or announced by its byte-order mark.
  public static let decodedEncoding = FindingRule(id: "decoded-encoding")
  /// `directory-loop` (warning, inputs): A directory reached again through a mount that loops back; listed once.
  public static let directoryLoop = FindingRule(id: "directory-loop")
  /// `doctype-refused` (error, XML, XLSX): A document type declaration is refused (XXE and entity expansion defence); nothing read.
  public static let doctypeRefused = FindingRule(id: "doctype-refused")
  /// `duplicate-assessment` (warning, audits): An assessment id appears again; the first row is used.
  public static let duplicateAssessment = FindingRule(id: "duplicate-assessment")
  /// `duplicate-blocks-skipped` (info, matching): Blocking keys shared by more entities than matching.duplicates_max_block were not compared; entities found only through them are not checked for duplicates.
  public static let duplicateBlocksSkipped = FindingRule(id: "duplicate-blocks-skipped")
  /// `duplicate-finding` (warning, audits): An audit finding id appears again; both rows stay evidence.
  public static let duplicateFinding = FindingRule(id: "duplicate-finding")
  /// `duplicate-header` (error, CSV): A named column appears more than once; the file is not read.
  public static let duplicateHeader = FindingRule(id: "duplicate-header")
  /// `duplicate-input` (info, inputs): A file reached twice is read once.
  public static let duplicateInput = FindingRule(id: "duplicate-input")
  /// `duplicate-row` (warning, mappings): The same row twice in a mapped table (e.g. an Open Supply Hub list); both kept.
  public static let duplicateRow = FindingRule(id: "duplicate-row")
  /// `duplicate-smelter-reference` (warning, smelter reference): A CID given twice; the first row wins.
  public static let duplicateSmelterReference = FindingRule(id: "duplicate-smelter-reference")
  /// `duplicate-smelter-row` (warning, CMRT): The same smelter listed twice in one CMRT; both rows stay evidence.
  public static let duplicateSmelterRow = FindingRule(id: "duplicate-smelter-row")
  /// `duplicates-not-checked` (info, matching): The graph has more entities than matching.duplicates_max_entities: possible duplicates were not searched in this run (use tierscan resolve).
  public static let duplicatesNotChecked = FindingRule(id: "duplicates-not-checked")
  /// `empty-reference` (warning, smelter reference): A smelter reference with no usable row; it counts as given, so every smelter is scored `unknown`.
  public static let emptyReference = FindingRule(id: "empty-reference")
  /// `emrt-partial` (info, CMRT): An EMRT workbook: what of it is read.
  public static let emrtPartial = FindingRule(id: "emrt-partial")
  /// `field-too-long` (error, CSV): A field longer than the field limit; the record is rejected.
  public static let fieldTooLong = FindingRule(id: "field-too-long")
  /// `file-changed` (error, inputs): A file replaced or truncated while tierscan read it; not read.
  public static let fileChanged = FindingRule(id: "file-changed")
  /// `formula-like-id` (warning, all): An id starts with =, +, - or @; CSV outputs neutralise it with a leading quote.
  public static let formulaLikeId = FindingRule(id: "formula-like-id")
  /// `ftm-entity` (error, FtM): An FtM line without a schema, properties or a name; not read.
  public static let ftmEntity = FindingRule(id: "ftm-entity")
  /// `ftm-ignored` (info, FtM): Entities of schemas that are not risk-list subjects (e.g. Vessel), counted per file.
  public static let ftmIgnored = FindingRule(id: "ftm-ignored")
  /// `ftm-no-topic` (info, FtM): Entities without topics, counted per file; they make no risk-list row.
  public static let ftmNoTopic = FindingRule(id: "ftm-no-topic")
  /// `ftm-topic-unmapped` (warning, FtM): A topic with no category in the ftm_topics config section; its rows are not used.
  public static let ftmTopicUnmapped = FindingRule(id: "ftm-topic-unmapped")
  /// `ftm-topic-unused` (warning, FtM): A topic mapped to a category the config does not list; its rows are not used.
  public static let ftmTopicUnused = FindingRule(id: "ftm-topic-unused")
  /// `fuzzy-blocks-skipped` (warning, risk): Risk-list blocking keys shared by more rows than matching.max_block were not compared; entities sharing only those keys with a row were not name-fuzzy screened against it (rows reachable through no other key not at all).
  public static let fuzzyBlocksSkipped = FindingRule(id: "fuzzy-blocks-skipped")
  /// `fuzzy-screening-off` (info, matching): matching.fuzzy_screening is false: risk lists were matched by the exact rules only; name variants were not screened (`name-fuzzy`).
  public static let fuzzyScreeningOff = FindingRule(id: "fuzzy-screening-off")
  /// `identifier-conflict` (warning, XML): Two different values for one identifier scheme of an entity.
  public static let identifierConflict = FindingRule(id: "identifier-conflict")
  /// `ilab-derived-only` (warning, ILAB): An ILAB row flagged only Derived_Labor_Exploitation (a good made with inputs produced by child or forced labour, not saying which); counted, not scored.
  public static let ilabDerivedOnly = FindingRule(id: "ilab-derived-only")
  /// `ilab-missing-good-name` (warning, ILAB): A <Good> without a <Good_Name>; its rows are not used.
  public static let ilabMissingGoodName = FindingRule(id: "ilab-missing-good-name")
  /// `ilab-unmapped-country` (warning, ILAB): An ILAB country name resolves to no ISO code; the row is not used.
  public static let ilabUnmappedCountry = FindingRule(id: "ilab-unmapped-country")
  /// `ilab-unmapped-good` (warning, ILAB): An ILAB good has no commodity in the goods mapping; its rows are not used.
  public static let ilabUnmappedGood = FindingRule(id: "ilab-unmapped-good")
  /// `input-too-large` (error, JSON): A JSON input larger than the document limit.
  public static let inputTooLarge = FindingRule(id: "input-too-large")
  /// `invalid-announcement` (warning, audits): An assessment announcement value is not announced, semi-announced or unannounced.
  public static let invalidAnnouncement = FindingRule(id: "invalid-announcement")
  /// `invalid-attribute` (error, XML): An attribute value is out of range or malformed; the element is skipped.
  public static let invalidAttribute = FindingRule(id: "invalid-attribute")
  /// `invalid-basis` (warning, CSV): A basis other than observed, declared or inferred; the value is dropped.
  public static let invalidBasis = FindingRule(id: "invalid-basis")
  /// `invalid-boolean` (warning, CSV): A boolean other than true/false/yes/no/1/0; the value is dropped.
  public static let invalidBoolean = FindingRule(id: "invalid-boolean")
  /// `invalid-cid` (warning, all): A CID that is not CID plus six digits; the value is dropped.
  public static let invalidCid = FindingRule(id: "invalid-cid")
  /// `invalid-confidence` (error, CSV): A confidence that is not a decimal number in (0, 1]; the record is rejected.
  public static let invalidConfidence = FindingRule(id: "invalid-confidence")
  /// `invalid-date` (warning, CSV): A date that is not an ISO date; the value is dropped.
  public static let invalidDate = FindingRule(id: "invalid-date")
  /// `invalid-decision` (error, judgements): A judgement decision other than same, not_same or unsure; the row is rejected.
  public static let invalidDecision = FindingRule(id: "invalid-decision")
  /// `invalid-duns` (warning, all): A DUNS that fails its format; the value is dropped.
  public static let invalidDuns = FindingRule(id: "invalid-duns")
  /// `invalid-encoding` (error, CSV): A byte-order mark whose encoding the text does not follow; the file is not read.
  public static let invalidEncoding = FindingRule(id: "invalid-encoding")
  /// `invalid-file-name` (error, inputs): A file name that is not valid UTF-8; reported, never silently skipped.
  public static let invalidFileName = FindingRule(id: "invalid-file-name")
  /// `invalid-finding-category` (warning, audits): An audit finding category outside the neutral taxonomy; read as other.
  public static let invalidFindingCategory = FindingRule(id: "invalid-finding-category")
  /// `invalid-finding-status` (warning, audits): An unknown audit finding status; read as open.
  public static let invalidFindingStatus = FindingRule(id: "invalid-finding-status")
  /// `invalid-identifier` (warning, XML): An identifier that fails its format or check digits; dropped.
  public static let invalidIdentifier = FindingRule(id: "invalid-identifier")
  /// `invalid-ilo-indicator` (warning, audits): An item that is not one of the 11 ILO forced-labour indicators; dropped.
  public static let invalidIloIndicator = FindingRule(id: "invalid-ilo-indicator")
  /// `invalid-kind` (warning, CSV): An entity kind other than company, facility, smelter or mine; dropped.
  public static let invalidKind = FindingRule(id: "invalid-kind")
  /// `invalid-lei` (warning, all): An LEI that fails ISO 17442 format or check digits; dropped.
  public static let invalidLei = FindingRule(id: "invalid-lei")
  /// `invalid-reporting-year` (warning, XML): A reportingYear that is not a year.
  public static let invalidReportingYear = FindingRule(id: "invalid-reporting-year")
  /// `invalid-score` (error, CSV): A score that is not a decimal number in [0, 1]; the record is rejected.
  public static let invalidScore = FindingRule(id: "invalid-score")
  /// `invalid-severity` (warning, audits): An audit severity outside the scheme table and the neutral scale.
  public static let invalidSeverity = FindingRule(id: "invalid-severity")
  /// `invalid-share` (error, CSV): An ownership share that is not a decimal number in (0, 100]; the record is rejected.
  public static let invalidShare = FindingRule(id: "invalid-share")
  /// `invalid-tier` (warning, CSV): A supplier-list tier that is not a whole number 1-999 (Tier 2, T2 and 2.0 are accepted); kept as an edge attribute, not compared.
  public static let invalidTier = FindingRule(id: "invalid-tier")
  /// `invalid-utf8` (error, CSV): A record that is not valid UTF-8; the record is rejected.
  public static let invalidUtf8 = FindingRule(id: "invalid-utf8")
  /// `invalid-year` (warning, CSV): A reporting year that is not an integer; dropped.
  public static let invalidYear = FindingRule(id: "invalid-year")
  /// `json-syntax` (error, JSON): A JSON syntax error or limit (depth, string length), at line, column and JSON pointer.
  public static let jsonSyntax = FindingRule(id: "json-syntax")
  /// `judgement-suppressed` (info, judgements): A not_same judgement suppressed a name match; the evidence is kept and marked suppressed.
  public static let judgementSuppressed = FindingRule(id: "judgement-suppressed")
  /// `legacy-smelter-id` (warning, CMRT): A pre-2014 smelter id instead of a CID; ignored.
  public static let legacySmelterId = FindingRule(id: "legacy-smelter-id")
  /// `legacy-workbook` (error, inputs): A legacy .xls workbook: save it as .xlsx or CSV.
  public static let legacyWorkbook = FindingRule(id: "legacy-workbook")
  /// `list-matches-not-listed` (warning, risk): Entities matched by more risk-list rows than matching.max_list_matches_per_entity in a category; the further matches raise r₀ but are counted, not listed.
  public static let listMatchesNotListed = FindingRule(id: "list-matches-not-listed")
  /// `malformed-cid` (warning, CMRT): A smelter id that is not a CID; ignored.
  public static let malformedCid = FindingRule(id: "malformed-cid")
  /// `malformed-xml` (error, XLSX): A workbook part that is not well-formed XML.
  public static let malformedXml = FindingRule(id: "malformed-xml")
  /// `mapping-applied` (info, mappings): A mapping or shipped profile was applied to a file.
  public static let mappingApplied = FindingRule(id: "mapping-applied")
  /// `merge-conflict` (warning, graph): Two records of one entity give different values for a field; the first wins.
  public static let mergeConflict = FindingRule(id: "merge-conflict")
  /// `misplaced-element` (error, XML): An element where the disclosure format does not allow it; skipped.
  public static let misplacedElement = FindingRule(id: "misplaced-element")
  /// `missing-attribute` (error, XML): A required attribute is missing; the element is skipped.
  public static let missingAttribute = FindingRule(id: "missing-attribute")
  /// `missing-closed-date` (warning, audits): A verified finding without a closed date; scored as open.
  public static let missingClosedDate = FindingRule(id: "missing-closed-date")
  /// `missing-discloser` (error, XML): A disclosure without a valid <discloser> first.
  public static let missingDiscloser = FindingRule(id: "missing-discloser")
  /// `missing-field` (error, CSV): A required field is empty; the record is rejected.
  public static let missingField = FindingRule(id: "missing-field")
  /// `missing-input` (error, inputs): A path on the command line does not exist.
  public static let missingInput = FindingRule(id: "missing-input")
  /// `missing-part` (error, XLSX): A workbook part the reader needs is missing.
  public static let missingPart = FindingRule(id: "missing-part")
  /// `missing-profile-param` (error, mappings): A profile needs a --profile-param value the file does not give (e.g. buyer_id).
  public static let missingProfileParam = FindingRule(id: "missing-profile-param")
  /// `missing-sheet` (error, CMRT): A workbook without the sheet its kind needs.
  public static let missingSheet = FindingRule(id: "missing-sheet")
  /// `name-merge` (warning, graph): A CMRT declaring company joined an entity by normalised name.
  public static let nameMerge = FindingRule(id: "name-merge")
  /// `not-a-regular-file` (error, inputs): A FIFO, device or socket among the inputs; never opened.
  public static let notARegularFile = FindingRule(id: "not-a-regular-file")
  /// `not-a-zip` (error, XLSX): An .xlsx file that is not a zip package.
  public static let notAZip = FindingRule(id: "not-a-zip")
  /// `not-read` (info, resolve): A CSV file recognised by its header as relationships whose rows `tierscan resolve` does not read (it compares entities only): its rows are neither parsed nor checked; `tierscan validate` checks them.
  public static let notRead = FindingRule(id: "not-read")
  /// `not-utf8` (error, CSV): A file that is not UTF-8; the message names the likely encoding and --encoding.
  public static let notUtf8 = FindingRule(id: "not-utf8")
  /// `nothing-assessable` (warning or info, risk): No entity of the focus's chain from this input could be assessed in any category.
  public static let nothingAssessable = FindingRule(id: "nothing-assessable")
  /// `nul-byte` (error, CSV): A NUL byte in a record; the record is rejected.
  public static let nulByte = FindingRule(id: "nul-byte")
  /// `omts-attestation` (warning, OMTS): An RMAP attestation attested by a node without a CID; its status cannot be used.
  public static let omtsAttestation = FindingRule(id: "omts-attestation")
  /// `omts-control-attribute` (info, OMTS): legal_parentage or operational_control kept as an attribute (not used by the 50 % rule).
  public static let omtsControlAttribute = FindingRule(id: "omts-control-attribute")
  /// `omts-dangling-edge` (error, OMTS): An edge or reference to a node the file does not define.
  public static let omtsDanglingEdge = FindingRule(id: "omts-dangling-edge")
  /// `omts-date` (error, OMTS): A date that is not YYYY-MM-DD.
  public static let omtsDate = FindingRule(id: "omts-date")
  /// `omts-delta` (info, OMTS): A delta (add/modify/remove) file read as OMTS defines it.
  public static let omtsDelta = FindingRule(id: "omts-delta")
  /// `omts-disclosure` (error, OMTS): Content the file's disclosure scope forbids (e.g. a person node in a public file).
  public static let omtsDisclosure = FindingRule(id: "omts-disclosure")
  /// `omts-duplicate-id` (error, OMTS): A node id given twice; the later node is not read.
  public static let omtsDuplicateId = FindingRule(id: "omts-duplicate-id")
  /// `omts-edge` (error, OMTS): A malformed edge; not read.
  public static let omtsEdge = FindingRule(id: "omts-edge")
  /// `omts-excel-template` (warning, XLSX): The OMTS Excel import template read as tierscan tables by header only; convert it with omtsf import-excel for a faithful import.
  public static let omtsExcelTemplate = FindingRule(id: "omts-excel-template")
  /// `omts-graph-type` (error, OMTS): An edge whose endpoints have kinds its type does not allow.
  public static let omtsGraphType = FindingRule(id: "omts-graph-type")
  /// `omts-header` (error, OMTS): A malformed file header field.
  public static let omtsHeader = FindingRule(id: "omts-header")
  /// `omts-identifier` (error, OMTS): A malformed or invalid identifier.
  public static let omtsIdentifier = FindingRule(id: "omts-identifier")
  /// `omts-node` (error, OMTS): A malformed node; not read.
  public static let omtsNode = FindingRule(id: "omts-node")
  /// `omts-not-imported` (info, OMTS): Parts of the file tierscan does not import, counted.
  public static let omtsNotImported = FindingRule(id: "omts-not-imported")
  /// `omts-ownership-unknown-share` (info, OMTS): An ownership edge with percentage 0 (unknown): kept without a share.
  public static let omtsOwnershipUnknownShare = FindingRule(id: "omts-ownership-unknown-share")
  /// `omts-redacted-node` (info, OMTS): A boundary_ref node read as a redacted placeholder, counted as unmapped.
  public static let omtsRedactedNode = FindingRule(id: "omts-redacted-node")
  /// `omts-same-as-review` (warning, OMTS): A probable or possible same_as: not merged, listed for review.
  public static let omtsSameAsReview = FindingRule(id: "omts-same-as-review")
  /// `omts-version` (error, OMTS): A missing or malformed omts_version (an unknown version is a warning).
  public static let omtsVersion = FindingRule(id: "omts-version")
  /// `omts-visibility` (info, OMTS): visibility_depth declared by the file, reported with coverage.
  public static let omtsVisibility = FindingRule(id: "omts-visibility")
  /// `outdated-template` (warning, CMRT): A CMRT older than 6.x: only the company and smelter rows are read.
  public static let outdatedTemplate = FindingRule(id: "outdated-template")
  /// `ownership-over-100` (warning, risk): Shares held in one entity sum to more than 100 %.
  public static let ownershipOver100 = FindingRule(id: "ownership-over-100")
  /// `path-too-long` (error, inputs): A path longer than the system allows; reported, not read.
  public static let pathTooLong = FindingRule(id: "path-too-long")
  /// `paths-truncated` (warning, scan): Exposure paths longer than --max-path-hops list only their hops nearest the entity in paths.json and `paths`; the rest are counted in hops_omitted.
  public static let pathsTruncated = FindingRule(id: "paths-truncated")
  /// `possible-duplicate` (warning, matching): Two entities that may be one (decision possible or same, with features); never merged without an identifier or a same judgement.
  public static let possibleDuplicate = FindingRule(id: "possible-duplicate")
  /// `ragged-row` (error, CSV): A row with more or fewer fields than the header; rejected.
  public static let raggedRow = FindingRule(id: "ragged-row")
  /// `record-too-long` (error, CSV): A record longer than the record limit; rejected.
  public static let recordTooLong = FindingRule(id: "record-too-long")
  /// `rows-above-header` (info, mappings): Rows above the header row a mapping names, skipped.
  public static let rowsAboveHeader = FindingRule(id: "rows-above-header")
  /// `schema-unavailable` (error, XML): The shipped disclosure XSD could not be loaded.
  public static let schemaUnavailable = FindingRule(id: "schema-unavailable")
  /// `schema-violation` (error, XML): A disclosure element violates the shipped XSD.
  public static let schemaViolation = FindingRule(id: "schema-violation")
  /// `self-judgement` (error, judgements): A judgement whose left and right name the same record.
  public static let selfJudgement = FindingRule(id: "self-judgement")
  /// `skipped-file` (info, inputs): A dotfile or editor/Excel lock file skipped.
  public static let skippedFile = FindingRule(id: "skipped-file")
  /// `smelter-country-mismatch` (warning, CMRT): A CMRT smelter country disagrees with the reference.
  public static let smelterCountryMismatch = FindingRule(id: "smelter-country-mismatch")
  /// `smelter-not-listed-incomplete` (warning, CMRT): A "smelter not listed" row without name and country.
  public static let smelterNotListedIncomplete = FindingRule(id: "smelter-not-listed-incomplete")
  /// `smelter-unidentified` (warning, CMRT): A smelter row that cannot be identified; kept for the roll-up only.
  public static let smelterUnidentified = FindingRule(id: "smelter-unidentified")
  /// `stale-judgement` (warning, judgements): A judgement naming an entity id or risk-list row that is not in the inputs; it is not applied.
  public static let staleJudgement = FindingRule(id: "stale-judgement")
  /// `supplier-list-type` (error, CSV): A supplier-list row whose type column names a relationship other than supplies or subcontracts (e.g. an OMTS sheet's operates row); the row is rejected rather than read as a supply edge.
  public static let supplierListType = FindingRule(id: "supplier-list-type")
  /// `symlink-not-followed` (warning, inputs): A symbolic link inside an input directory; not followed, not read.
  public static let symlinkNotFollowed = FindingRule(id: "symlink-not-followed")
  /// `unexpected-share` (warning, CSV): A share on an edge that is not owns; dropped.
  public static let unexpectedShare = FindingRule(id: "unexpected-share")
  /// `unexpected-text` (warning, XML): Text content inside a disclosure element; ignored.
  public static let unexpectedText = FindingRule(id: "unexpected-text")
  /// `unknown-assessment` (warning, audits): An audit finding names an assessment that no input holds.
  public static let unknownAssessment = FindingRule(id: "unknown-assessment")
  /// `unknown-category` (warning, risk): A risk category the configuration does not know; the row is not used.
  public static let unknownCategory = FindingRule(id: "unknown-category")
  /// `unknown-country` (warning, all): A country value that resolves to nothing; dropped, the entity is unassessed for country rules.
  public static let unknownCountry = FindingRule(id: "unknown-country")
  /// `unknown-element` (error, XML): An element the disclosure format does not define; skipped.
  public static let unknownElement = FindingRule(id: "unknown-element")
  /// `unknown-entity` (warning, graph): A relationship endpoint with no entity record; a placeholder is created.
  public static let unknownEntity = FindingRule(id: "unknown-entity")
  /// `unknown-relationship-type` (error, CSV): A type other than supplies, subcontracts, owns or operates; rejected.
  public static let unknownRelationshipType = FindingRule(id: "unknown-relationship-type")
  /// `unknown-site` (warning, audits): An assessment names a site that is not in the graph.
  public static let unknownSite = FindingRule(id: "unknown-site")
  /// `unknown-smelter-status` (warning, smelter reference): A status other than conformant, active or non-conformant; counted as unknown.
  public static let unknownSmelterStatus = FindingRule(id: "unknown-smelter-status")
  /// `unknown-supplier` (warning, audits): An assessment names a supplier that is not in the graph.
  public static let unknownSupplier = FindingRule(id: "unknown-supplier")
  /// `unknown-template-version` (error, CMRT): No template revision in Declaration!J3.
  public static let unknownTemplateVersion = FindingRule(id: "unknown-template-version")
  /// `unmapped-commodity` (info, risk): A commodity word or HS code the commodity vocabulary does not know; once per value with its count (docs/commodities.md).
  public static let unmappedCommodity = FindingRule(id: "unmapped-commodity")
  /// `unmapped-severity` (warning, audits): An audit severity with no mapping in the severity table.
  public static let unmappedSeverity = FindingRule(id: "unmapped-severity")
  /// `unmapped-value` (warning, mappings): A value the mapping's value map does not cover (e.g. an unknown sector or status).
  public static let unmappedValue = FindingRule(id: "unmapped-value")
  /// `unnamed-column` (info, CSV, XLSX tables): Empty header cells (spreadsheet exports) ignored;
  /// in a workbook table, the columns holding values that no header name reads.
  public static let unnamedColumn = FindingRule(id: "unnamed-column")
  /// `unreadable-file` (error, inputs): A file that cannot be read.
  public static let unreadableFile = FindingRule(id: "unreadable-file")
  /// `unrecognised-file` (error, inputs): A file of no known format; the message says what was seen.
  public static let unrecognisedFile = FindingRule(id: "unrecognised-file")
  /// `unrecognised-header` (error, CSV): A header that matches no kind; the message lists each kind's required columns.
  public static let unrecognisedHeader = FindingRule(id: "unrecognised-header")
  /// `unrecognised-root` (error, XML): A root element that is neither a disclosure nor the ILAB goods list.
  public static let unrecognisedRoot = FindingRule(id: "unrecognised-root")
  /// `unrecognised-workbook` (error, XLSX): A workbook that is neither a reporting template nor a table of a known kind.
  public static let unrecognisedWorkbook = FindingRule(id: "unrecognised-workbook")
  /// `unsafe-zip-entry` (error, XLSX): A zip entry name with .. or a leading /.
  public static let unsafeZipEntry = FindingRule(id: "unsafe-zip-entry")
  /// `unsupported-workbook` (error, XLSX): A workbook that is not a reporting template tierscan reads.
  public static let unsupportedWorkbook = FindingRule(id: "unsupported-workbook")
  /// `unterminated-quote` (error, CSV): A quoted field not closed before the end of the file.
  public static let unterminatedQuote = FindingRule(id: "unterminated-quote")
  /// `xml-encoding` (error, XML): A UTF-16 or UTF-32 XML document (UTF-8 only).
  public static let xmlEncoding = FindingRule(id: "xml-encoding")
  /// `xml-file-not-read` (error, XML): The file is not well-formed XML; none of its records are used.
  public static let xmlFileNotRead = FindingRule(id: "xml-file-not-read")
  /// `xml-malformed` (error, XML): A well-formedness error reported by libxml2.
  public static let xmlMalformed = FindingRule(id: "xml-malformed")
  /// `xml-too-deep` (error, XML): Elements nested deeper than the depth limit.
  public static let xmlTooDeep = FindingRule(id: "xml-too-deep")
  /// `xml-too-many-attributes` (error, XML): An element with more attributes than `--max-xml-attributes`; reading stopped there.
  public static let xmlTooManyAttributes = FindingRule(id: "xml-too-many-attributes")
  /// `xml-warning` (warning, XML): A libxml2 warning.
  public static let xmlWarning = FindingRule(id: "xml-warning")
  /// `zip-bomb` (error, XLSX): A zip entry refused as a zip bomb (size or ratio limit).
  public static let zipBomb = FindingRule(id: "zip-bomb")

  /// Every rule, sorted by id.
  public static let all: [FindingRule] = [
    .addressConflict,
    .badCellReference,
    .bodsHistory,
    .bodsInterest,
    .bodsStatement,
    .bodsUnspecified,
    .brokenQuoting,
    .cidNotInReference,
    .cmrtBlankCompany,
    .cmrtInvalidDate,
    .cmrtMissingAnswer,
    .cmrtMissingField,
    .cmrtSmeltersForUnusedMetal,
    .cmrtUnknownMetal,
    .cmrtUsedMetalWithoutSmelters,
    .columnsNotImported,
    .contradictoryJudgement,
    .controlCharacters,
    .corruptPart,
    .countryResolved,
    .dateOrder,
    .declaredTierMismatch,
    .declaredTierNoPath,
    .declaredTierNotCompared,
    .declarerLinked,
    .declarerPossibleLink,
    .decodedEncoding,
    .directoryLoop,
    .doctypeRefused,
    .duplicateAssessment,
    .duplicateBlocksSkipped,
    .duplicateFinding,
    .duplicateHeader,
    .duplicateInput,
    .duplicateRow,
    .duplicateSmelterReference,
    .duplicateSmelterRow,
    .duplicatesNotChecked,
    .emptyReference,
    .emrtPartial,
    .fieldTooLong,
    .fileChanged,
    .formulaLikeId,
    .ftmEntity,
    .ftmIgnored,
    .ftmNoTopic,
    .ftmTopicUnmapped,
    .ftmTopicUnused,
    .fuzzyBlocksSkipped,
    .fuzzyScreeningOff,
    .identifierConflict,
    .ilabDerivedOnly,
    .ilabMissingGoodName,
    .ilabUnmappedCountry,
    .ilabUnmappedGood,
    .inputTooLarge,
    .invalidAnnouncement,
    .invalidAttribute,
    .invalidBasis,
    .invalidBoolean,
    .invalidCid,
    .invalidConfidence,
    .invalidDate,
    .invalidDecision,
    .invalidDuns,
    .invalidEncoding,
    .invalidFileName,
    .invalidFindingCategory,
    .invalidFindingStatus,
    .invalidIdentifier,
    .invalidIloIndicator,
    .invalidKind,
    .invalidLei,
    .invalidReportingYear,
    .invalidScore,
    .invalidSeverity,
    .invalidShare,
    .invalidTier,
    .invalidUtf8,
    .invalidYear,
    .jsonSyntax,
    .judgementSuppressed,
    .legacySmelterId,
    .legacyWorkbook,
    .listMatchesNotListed,
    .malformedCid,
    .malformedXml,
    .mappingApplied,
    .mergeConflict,
    .misplacedElement,
    .missingAttribute,
    .missingClosedDate,
    .missingDiscloser,
    .missingField,
    .missingInput,
    .missingPart,
    .missingProfileParam,
    .missingSheet,
    .nameMerge,
    .notARegularFile,
    .notAZip,
    .notRead,
    .notUtf8,
    .nothingAssessable,
    .nulByte,
    .omtsAttestation,
    .omtsControlAttribute,
    .omtsDanglingEdge,
    .omtsDate,
    .omtsDelta,
    .omtsDisclosure,
    .omtsDuplicateId,
    .omtsEdge,
    .omtsExcelTemplate,
    .omtsGraphType,
    .omtsHeader,
    .omtsIdentifier,
    .omtsNode,
    .omtsNotImported,
    .omtsOwnershipUnknownShare,
    .omtsRedactedNode,
    .omtsSameAsReview,
    .omtsVersion,
    .omtsVisibility,
    .outdatedTemplate,
    .ownershipOver100,
    .pathTooLong,
    .pathsTruncated,
    .possibleDuplicate,
    .raggedRow,
    .recordTooLong,
    .rowsAboveHeader,
    .schemaUnavailable,
    .schemaViolation,
    .selfJudgement,
    .skippedFile,
    .smelterCountryMismatch,
    .smelterNotListedIncomplete,
    .smelterUnidentified,
    .staleJudgement,
    .supplierListType,
    .symlinkNotFollowed,
    .unexpectedShare,
    .unexpectedText,
    .unknownAssessment,
    .unknownCategory,
    .unknownCountry,
    .unknownElement,
    .unknownEntity,
    .unknownRelationshipType,
    .unknownSite,
    .unknownSmelterStatus,
    .unknownSupplier,
    .unknownTemplateVersion,
    .unmappedCommodity,
    .unmappedSeverity,
    .unmappedValue,
    .unnamedColumn,
    .unreadableFile,
    .unrecognisedFile,
    .unrecognisedHeader,
    .unrecognisedRoot,
    .unrecognisedWorkbook,
    .unsafeZipEntry,
    .unsupportedWorkbook,
    .unterminatedQuote,
    .xmlEncoding,
    .xmlFileNotRead,
    .xmlMalformed,
    .xmlTooDeep,
    .xmlTooManyAttributes,
    .xmlWarning,
    .zipBomb,
  ]
}
