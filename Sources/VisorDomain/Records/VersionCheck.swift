import Foundation

/// A change made on a stale view (records.md: "a change made on a stale
/// view is refused with 'changed by NAME at TIME' and the form keeps what
/// the user typed"). A step no longer possible: the command line answers 77.
public struct VersionConflict: Error, Hashable, Sendable, CustomStringConvertible {
    public var expected: Int64
    public var current: Int64
    /// Who made the change the view missed, and when.
    public var changedBy: String
    public var changedAt: Date

    /// `changed by NAME at 2026-11-28 10:00` (London time, as screens show moments).
    public var description: String { "changed by \(changedBy) at \(LondonTime.dateAndTime(changedAt))" }

    /// The same, as a refusal.
    public var refusal: Refusal { Refusal(description) }
}

/// Optimistic concurrency: a change names the version it was made on.
public enum VersionCheck {
    /// Throws when the record is no longer at `expected`; `changedBy` and
    /// `changedAt` describe its last change (read only when there is a conflict).
    public static func check(expected: Int64, current: Int64, changedBy: @autoclosure () -> String,
                             changedAt: @autoclosure () -> Date) throws(VersionConflict) {
        guard expected != current else { return }
        throw VersionConflict(expected: expected, current: current, changedBy: changedBy(), changedAt: changedAt())
    }
}
