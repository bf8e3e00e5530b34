/// The questions of the Canadian S-211 online questionnaire, by version (docs/statement.md,
/// "Canada"). Numbering changed between reporting cycles, so every answer carries the version.
///
/// Version `2024` is the 2024 reporting cycle's questionnaire (Public Safety Canada, "View
/// questions": identifying information 1–10, annual report 1–18). The revised questionnaire used
/// from the 2025 cycle renumbers the annual report; its full numbering is not encoded yet.
public enum S211Questionnaire {
  /// A question: its part, number, topic and the kind of answer it takes.
  public struct Question: Sendable, Hashable {
    /// `identifying` or `annual-report`.
    public var part: String
    /// As numbered in the questionnaire (`1`, `4.1`).
    public var number: String
    public var topic: String
    /// `single`, `select-all`, `yes-no`, `text`, `number`.
    public var kind: String
  }

  /// Versions tierscan can fill in.
  public static let versions = ["2024"]
  /// The version used when none is asked for.
  public static let defaultVersion = "2024"

  /// The questions of `version`, in questionnaire order; `nil` for an unknown version.
  public static func questions(version: String) -> [Question]? {
    guard version == "2024" else { return nil }
    func q(_ part: String, _ number: String, _ topic: String, _ kind: String) -> Question {
      Question(part: part, number: number, topic: topic, kind: kind)
    }
    let id = "identifying"
    let ar = "annual-report"
    return [
      q(id, "1", "This report is for (entity / government institution)", "single"),
      q(id, "2", "Legal name of the reporting entity", "text"),
      q(id, "3", "Financial reporting year (from–to)", "text"),
      q(id, "4", "Is this a revised version of a report already submitted?", "yes-no"),
      q(id, "4.1", "Date the original report was submitted", "text"),
      q(id, "4.2", "Description of the changes made to the original report", "text"),
      q(id, "5", "Business number(s)", "text"),
      q(id, "6", "Is this a joint report?", "yes-no"),
      q(id, "6.1", "Legal names of the entities in the joint report", "text"),
      q(id, "6.2", "Business numbers of the entities in the joint report", "text"),
      q(id, "7", "Is the entity subject to supply-chain reporting requirements in another jurisdiction?", "yes-no"),
      q(id, "7.1", "Which jurisdictions (UK MSA 2015, Australia MSA 2018, California TISCA, other)", "select-all"),
      q(id, "8", "Categorisation (listed in Canada; place of business, business or assets in Canada and size thresholds)", "select-all"),
      q(id, "9", "Sectors or industries (NAICS)", "select-all"),
      q(id, "10", "Country of the entity's headquarters", "single"),
      q(id, "10.1", "Province or territory of the headquarters", "single"),
      q(ar, "1", "Steps taken in the previous financial year to prevent and reduce the risk of forced or child labour", "select-all"),
      q(ar, "2", "Steps taken (free text)", "text"),
      q(ar, "3", "Structure of the entity", "single"),
      q(ar, "4", "Activities of the entity", "select-all"),
      q(ar, "5", "Structure, activities and supply chains (free text)", "text"),
      q(ar, "6", "Does the entity have policies and due-diligence processes in place?", "yes-no"),
      q(ar, "6.1", "Which elements of the due-diligence process (OECD) do they include?", "select-all"),
      q(ar, "7", "Policies and due-diligence processes (free text)", "text"),
      q(ar, "8", "Has the entity identified parts of its activities and supply chains that carry a risk of forced or child labour?", "single"),
      q(ar, "8.1", "Aspects of the activities and supply chains that carry such a risk", "select-all"),
      q(ar, "9", "Sectors or industries in which the risks were identified", "select-all"),
      q(ar, "10", "Risk parts and the steps taken to assess and manage them (free text)", "text"),
      q(ar, "11", "Has the entity taken measures to remediate any forced or child labour?", "single"),
      q(ar, "11.1", "Remediation measures taken", "select-all"),
      q(ar, "12", "Remediation measures (free text)", "text"),
      q(ar, "13", "Has the entity taken measures to remediate the loss of income to the most vulnerable families?", "single"),
      q(ar, "14", "Remediation of loss of income (free text)", "text"),
      q(ar, "15", "Does the entity provide training to employees on forced and child labour?", "yes-no"),
      q(ar, "15.1", "Is the training mandatory?", "single"),
      q(ar, "16", "Training (free text)", "text"),
      q(ar, "17", "Does the entity have policies and procedures to assess its effectiveness?", "yes-no"),
      q(ar, "17.1", "Methods used to assess effectiveness", "select-all"),
      q(ar, "18", "Assessing effectiveness (free text)", "text"),
    ]
  }
}
