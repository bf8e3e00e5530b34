/// Free-text columns of assessment and audit-finding exports that tierscan never imports: audit
/// text often names workers (personal data). Every other column the kind does not know is also
/// left out; one info finding per file lists what was not imported (docs/formats.md).
enum AuditColumns {
  static let freeText: Set<String> = [
    "description", "finding_description", "details", "notes", "comment", "comments", "corrective_action",
    "root_cause", "worker_name", "worker_names", "interviewee", "contact", "contact_name", "email",
  ]
}
