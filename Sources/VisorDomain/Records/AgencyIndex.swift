/// The register's agencies, looked up by name as the import matches them
/// (`Agency.matchKey`: case, punctuation and `&`/`and` ignored) or by id. A
/// value made once from the agency table (under a hundred rows), so that
/// validation stays a pure function of what it is given.
public struct AgencyIndex: Hashable, Sendable {
    private let byID: [AgencyID: Agency]
    private let byKey: [String: [Agency]]

    public init(_ agencies: [Agency]) {
        byID = Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byKey = Dictionary(grouping: agencies.sorted { $0.id < $1.id }) { Agency.matchKey($0.name) }
    }

    /// The agency with register id `id`.
    public func agency(_ id: AgencyID) -> Agency? { byID[id] }

    /// The agency `name` names, of `kind` when one is asked for. An unknown
    /// name says which kind it should have been; a name of another kind says
    /// what it is ("is a police force, not a prison"), so a user who picked
    /// the wrong field sees why.
    public func resolve(_ name: String, kind: AgencyKind?) throws(IdentifierError) -> Agency {
        let candidates = byKey[Agency.matchKey(name)] ?? []
        guard let kind else {
            guard let first = candidates.first else { throw IdentifierError("unknown agency") }
            return first
        }
        if let match = candidates.first(where: { $0.kind == kind }) { return match }
        if let other = candidates.first {
            throw IdentifierError("is a \(other.kind.noun), not a \(kind.noun)")
        }
        throw IdentifierError("unknown \(kind.noun)")
    }
}
