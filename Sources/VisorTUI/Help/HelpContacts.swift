import Foundation
import TOMLKit

/// One row of the seed's Annex A, "Summary of where to get help".
public struct HelpContact: Sendable, Hashable {
    public var problem: String
    public var whereToGo: String
    public var contact: String
    public var notes: String
}

/// Annex A's table, editable: the defaults below come from the instruction,
/// and `$XDG_CONFIG_HOME/visor/help.toml` replaces them with local contacts
/// (`[[contact]]` tables with `problem`, `where`, `contact`, `notes`).
public enum HelpContacts {
    public static let defaults: [HelpContact] = [
        HelpContact(problem: "Strategic and operational issues", whereToGo: "Regional User Groups",
                    contact: "Chair details via your local police CPC or the NOMS ViSOR team (PPU)",
                    notes: "Nine groups share good practice and propose changes to the National User Group."),
        HelpContact(problem: "Accounts and password resets", whereToGo: "Local account creators (Area IT)",
                    contact: "Local contacts", notes: ""),
        HelpContact(problem: "Gateway access (OMNI)", whereToGo: "Service desk",
                    contact: "Service desk, 08:00–18:00 Mon–Fri",
                    notes: "Report incidents to the Area IT help desk first."),
        HelpContact(problem: "IT infrastructure", whereToGo: "MOJ ICT ViSOR service manager",
                    contact: "MOJ ICT service management", notes: "Manages service delivery to OMNI."),
        HelpContact(problem: "User accounts and permission tokens", whereToGo: "Local user account creator and the user",
                    contact: "Local IT section", notes: "Resolved directly between local IT and the user."),
        HelpContact(problem: "Business and 'how to' questions", whereToGo: "Operational guide and training manual",
                    contact: "Then your SPO or CPC; the CPC may contact the NOMS ViSOR team (MAPPA inbox)",
                    notes: "Escalate only when the guide does not answer it."),
        HelpContact(problem: "Record-management standards", whereToGo: "ViSOR Standards document",
                    contact: "The standards team's mailbox", notes: ""),
    ]

    /// The contacts in force, and a warning when the local file could not be read.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (contacts: [HelpContact], warning: String?) {
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        let path = configHome + "/visor/help.toml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (defaults, nil) }
        do {
            let table = try TOMLTable(string: text)
            guard let array = table["contact"]?.array else {
                return (defaults, "help \(path): no [[contact]] tables; using the built-in contacts")
            }
            let contacts = array.compactMap { value -> HelpContact? in
                guard let row = value.table else { return nil }
                return HelpContact(problem: row["problem"]?.string ?? "", whereToGo: row["where"]?.string ?? "",
                                   contact: row["contact"]?.string ?? "", notes: row["notes"]?.string ?? "")
            }
            return (contacts, nil)
        } catch {
            return (defaults, "help \(path): \(error); using the built-in contacts")
        }
    }
}
