import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Finds nominals by an exact identifier or by surname and exact date of
    /// birth. A record the user may not see comes back as a stub (only to a
    /// user with a working role: an SPO gets nothing of records outside their
    /// agency's scope); one they may see, with its identifiers and MAPPA data.
    /// Audited: the search, and each stub or record shown.
    public func findNominals(_ lookup: NominalLookup, for user: User) throws(StoreError) -> [FoundNominal] {
        let now = clock.now()
        return try write { db in
            let actor = try PartnerRecords.actingUser(db, user)
            let viewer = Viewer(user: actor)
            var found: [FoundNominal] = []
            for row in try NominalFinder.rows(db, lookup, viewerAgency: actor.agencyID) {
                var result = NominalFinder.result(row, viewer: viewer)
                // A name finds a stub only when it names the person whole (a prefix finds records one may see).
                if case .stub? = result, case .surname(let surname, _) = lookup,
                   !WholeName.matches(NominalFinder.words(surname), surname: row["surname"], forenames: row["forenames"]) {
                    result = nil
                }
                switch result {
                case nil:
                    continue
                case .stub(let stub)?:
                    try AuditLog.append(db, at: now, actor: .user(actor), action: .viewStub, nominalID: stub.nominalID,
                                        detail: "partners find by \(lookup)")
                case .visible(let visible)?:
                    try AuditLog.append(db, at: now, actor: .user(actor), action: .viewRecord,
                                        nominalID: visible.stub.nominalID,
                                        detail: "partners find by \(lookup): \(visible.access.rawValue) summary")
                }
                if let result { found.append(result) }
            }
            try AuditLog.append(db, at: now, actor: .user(actor), action: .search,
                                detail: "partners find by \(lookup): \(found.count) shown")
            return found
        }
    }
}

/// The SQL of `findNominals` and the access decision on each row.
enum NominalFinder {
    private static let select = """
        SELECT n.id, n.surname, n.forenames, n.date_of_birth, n.crn, n.pnc_id, n.mappa_category, n.mappa_level,
               n.owner_agency_id, n.manager_user_id, n.created_by, n.lifecycle,
               a.name AS owner_name, m.full_name AS manager_name,
               (SELECT p.restricted FROM partnership p
                 WHERE p.nominal_id = n.id AND p.agency_id = :viewer AND p.state = 'active') AS viewer_partner
        FROM nominal n
        JOIN agency a ON a.id = n.owner_agency_id
        LEFT JOIN user_account m ON m.id = n.manager_user_id
        """

    /// Candidate rows, in name order: identifiers through their unique or
    /// exact indexes; a name through the date-of-birth index (a handful of
    /// people share a birthday), then matched in Swift as the application's
    /// search matches names.
    static func rows(_ db: Database, _ lookup: NominalLookup, viewerAgency: AgencyID) throws -> [Row] {
        func fetch(_ condition: String, _ value: some DatabaseValueConvertible) throws -> [Row] {
            try Row.fetchAll(db, sql: select + " WHERE " + condition + " ORDER BY n.sort_key, n.id",
                             arguments: ["value": value, "viewer": viewerAgency])
        }
        switch lookup {
        case .crn(let crn): return try fetch("n.crn = :value", crn)
        case .pnc(let pnc): return try fetch("n.pnc_id = :value", pnc)
        case .noms(let noms): return try fetch("n.noms_number = :value", noms)
        case .surname(let surname, let dateOfBirth):
            let words = words(surname)
            guard !words.isEmpty else { throw StoreError.badInput("a surname with at least one letter is required") }
            let candidates = try fetch("n.date_of_birth = :value", dateOfBirth)
            let aliases = try aliasesByNominal(db, candidates.map { $0["id"] })
            return candidates.filter { row in
                let id: NominalID = row["id"]
                return namesMatch(words, surname: row["surname"], forenames: row["forenames"], aliases: aliases[id] ?? [])
            }
        }
    }

    /// The folded words of a typed name.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { NameFolding.fold($0) }.filter { !$0.isEmpty }
    }

    /// True when every typed word starts one of the nominal's folded name
    /// keys — the whole surname, its words, forenames, aliases — which is how
    /// the application's search box finds "wojc 1985-03-01".
    static func namesMatch(_ words: [String], surname: String, forenames: String,
                           aliases: [(surname: String, forenames: String)]) -> Bool {
        let entry = NameKeys.entry(surname: surname, forenames: forenames, aliases: aliases)
        let keys = [entry.sortKey] + entry.keys
        return words.allSatisfy { word in keys.contains { $0.hasPrefix(word) } }
    }

    private static func aliasesByNominal(_ db: Database, _ ids: [NominalID]) throws
        -> [NominalID: [(surname: String, forenames: String)]] {
        guard !ids.isEmpty else { return [:] }
        var aliases: [NominalID: [(surname: String, forenames: String)]] = [:]
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: """
            SELECT nominal_id, surname, forenames FROM nominal_alias WHERE nominal_id IN (\(marks)) ORDER BY id
            """, arguments: StatementArguments(ids)) {
            aliases[row["nominal_id"], default: []].append((row["surname"], row["forenames"]))
        }
        return aliases
    }

    /// What the viewer may be shown of one row; nil when nothing at all.
    static func result(_ row: Row, viewer: Viewer) -> FoundNominal? {
        var partners: [AgencyID: Bool] = [:]
        // AccessPolicy reads only the viewer's own agency among the partners.
        if let agency = viewer.agencyID, let restricted: Bool = row["viewer_partner"] { partners[agency] = restricted }
        let facts = RecordFacts(nominalID: row["id"], ownerAgencyID: row["owner_agency_id"],
                                managerUserID: row["manager_user_id"], createdByUserID: row["created_by"],
                                partners: partners, lifecycle: row["lifecycle"])
        let stub = NominalStub(nominalID: row["id"], surname: row["surname"], forenames: row["forenames"],
                               dateOfBirth: row["date_of_birth"], ownerAgency: row["owner_name"],
                               manager: row["manager_name"])
        let access = AccessPolicy.access(viewer, to: facts, exactMatch: true)
        switch access {
        case .none: return nil
        case .stub: return .stub(stub)
        case .restricted, .full:
            return .visible(VisibleNominal(
                stub: stub, crn: row["crn"], pncID: row["pnc_id"], category: row["mappa_category"],
                level: row["mappa_level"], partner: viewer.agencyID == facts.ownerAgencyID || !partners.isEmpty,
                access: access))
        }
    }
}
