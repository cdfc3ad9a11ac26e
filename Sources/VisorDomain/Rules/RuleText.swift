/// Phrases the rules' one-line summaries share, so every action names things
/// the same way.
enum RuleText {
    /// "nominal 42 (X123456)", or "nominal 42" without a CRN.
    static func nominal(_ id: NominalID, crn: CRN?) -> String {
        if let crn { return "nominal \(id) (\(crn.canonical))" }
        return "nominal \(id)"
    }

    /// "category 2, level 3".
    static func mappa(_ category: MAPPACategory, _ level: MAPPALevel) -> String {
        "category \(category.rawValue), level \(level.rawValue)"
    }

    /// A user's name for a summary: the username, else "user 12".
    static func user(_ username: String?, id: UserID) -> String {
        if let username, !username.isEmpty { return username }
        return "user \(id)"
    }

    /// Appends ": detail" when there is a detail.
    static func line(_ head: String, _ details: [String]) -> String {
        details.isEmpty ? head : head + ": " + details.joined(separator: ", ")
    }
}
