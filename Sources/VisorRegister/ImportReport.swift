import Foundation
import VisorDomain

/// How `visor import` treats invalid rows and unknown agencies.
public struct ImportOptions: Sendable {
    /// Write the valid rows and report the invalid ones (else: all or nothing).
    public var skipInvalid: Bool
    /// Create agencies the register does not know instead of rejecting their rows.
    public var addAgencies: Bool
    /// The longest line read, in bytes (the policy's `extracts.max_line_bytes`).
    public var maxLineBytes: Int

    public init(skipInvalid: Bool = false, addAgencies: Bool = false,
                maxLineBytes: Int = Policy.standard.maxExtractLineBytes) {
        self.skipInvalid = skipInvalid
        self.addAgencies = addAgencies
        self.maxLineBytes = maxLineBytes
    }
}

/// What an import did: the counts of the summary line, and the agencies it added.
public struct ImportReport: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var rejected = 0
    /// Agencies `--add-agencies` created (empty unless the import committed).
    public var addedAgencies: [(kind: AgencyKind, name: String)] = []
    /// False when nothing was written (an invalid row without `--skip-invalid`, or a bad header).
    public var committed = false
    /// Seconds spent writing rows and rebuilding indexes (the rest is reading and validating).
    public var writeSeconds = 0.0
    public var indexSeconds = 0.0
    /// Seconds spent keeping the actions (a rebuild after a large import; part of the writing otherwise).
    public var actionsSeconds = 0.0

    public init() {}

    /// `imported: C created, U updated, R rejected`.
    public var summary: String { "imported: \(created) created, \(updated) updated, \(rejected) rejected" }

    public static func == (lhs: ImportReport, rhs: ImportReport) -> Bool {
        lhs.created == rhs.created && lhs.updated == rhs.updated && lhs.rejected == rhs.rejected
            && lhs.committed == rhs.committed
            && lhs.addedAgencies.map { "\($0.kind):\($0.name)" } == rhs.addedAgencies.map { "\($0.kind):\($0.name)" }
    }
}
